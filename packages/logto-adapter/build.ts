// Bundles src/index.ts into lib/index.js, the file Logto loads. Logto unpacks a connector without
// installing its dependencies, so everything is bundled except what Logto itself provides to its
// connectors: @logto/connector-kit (whose ConnectorError class Logto's error handler checks) and
// the zod that the config guard is built with (see src/config-guard.ts). The zod 4 that
// @smskit/* use inside is bundled. Run with Node 22 (type stripping): `node build.ts`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';

const root = dirname(fileURLToPath(import.meta.url));
const ownSources = join(root, 'src');

const logtoProvided: Plugin = {
  name: 'logto-provided',
  setup(context) {
    context.onResolve({ filter: /^@logto\/connector-kit(\/.*)?$/ }, ({ path }) => ({
      path,
      external: true,
    }));
    // The connector's own `zod` is Logto's; the zod of bundled @smskit packages is theirs.
    context.onResolve({ filter: /^zod$/ }, ({ path, importer }) =>
      relative(ownSources, importer).startsWith('..') ? undefined : { path, external: true },
    );
  },
};

const { metafile } = await build({
  absWorkingDir: root,
  entryPoints: ['src/index.ts'],
  outfile: 'lib/index.js',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // Bundled CommonJS dependencies call require() for Node's built-in modules; give them one.
  banner: {
    js: "import { createRequire as __smskitCreateRequire } from 'node:module';\nconst require = __smskitCreateRequire(import.meta.url);",
  },
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
  plugins: [logtoProvided],
});

// The licences of the bundled packages travel with their code.
function packageOf(file: string): string | undefined {
  for (let directory = dirname(join(root, file)); directory !== dirname(directory); ) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && directory !== root) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name !== undefined) return directory;
    }
    directory = dirname(directory);
  }
  return undefined;
}

function thirdPartyNotices(inputs: Metafile['inputs']): string {
  const directories = new Set(
    Object.keys(inputs)
      .filter((file) => !file.startsWith('src/'))
      .map(packageOf)
      .filter((directory) => directory !== undefined),
  );
  const notices = [...directories].map((directory) => {
    const { name, version, license } = JSON.parse(
      readFileSync(join(directory, 'package.json'), 'utf8'),
    ) as { name: string; version: string; license?: string };
    const licenseFile = readdirSync(directory).find((file) => /^licen[cs]e/i.test(file));
    const text =
      licenseFile === undefined ? '' : readFileSync(join(directory, licenseFile), 'utf8').trim();
    return `${name}@${version} (${license ?? 'see its package'})\n\n${text}`.trim();
  });
  return `lib/index.js bundles these packages:\n\n${notices.sort().join('\n\n---\n\n')}\n`;
}

writeFileSync(join(root, 'lib', 'THIRD-PARTY-NOTICES.txt'), thirdPartyNotices(metafile.inputs));
