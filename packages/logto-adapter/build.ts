// Bundles src/index.ts into lib/index.js, the file Logto loads. Logto unpacks a connector without
// installing its dependencies, so everything is bundled except what Logto itself provides to its
// connectors: @logto/connector-kit (whose ConnectorError class Logto's error handler checks) and
// the zod that the config guard is built with (see src/config-guard.ts). The zod 4 that
// @smskit/* use inside is bundled. Run with Node 22 (type stripping): `node build.ts`.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

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

await build({
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
  logLevel: 'warning',
  plugins: [logtoProvided],
});
