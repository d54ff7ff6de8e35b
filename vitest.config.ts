import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Every workspace package is a vitest project with the shared settings below.
const workspaceFolders = ['packages', 'examples']
  .flatMap((parent) =>
    existsSync(parent) ? readdirSync(parent).map((name) => join(parent, name)) : [],
  )
  .concat(['infra', 'bench'])
  .filter((folder) => existsSync(join(folder, 'package.json')));

// Tests import workspace packages by name; point those imports at the sources, so that a test
// never runs against a stale build. `dist/x.js` in an exports map is `src/x.ts`.
const sourceAliases = workspaceFolders.flatMap((folder) => {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
    name: string;
    exports?: Record<string, { default?: string } | string>;
  };
  return Object.entries(manifest.exports ?? {}).flatMap(([subpath, target]) => {
    const file = typeof target === 'string' ? target : target.default;
    if (file === undefined || !file.startsWith('./dist/')) return [];
    const source = resolve(folder, file.replace('./dist/', 'src/').replace(/\.js$/, '.ts'));
    const specifier = join(manifest.name, subpath);
    return [{ find: new RegExp(`^${specifier.replaceAll('/', '\\/')}$`), replacement: source }];
  });
});

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    // The JSON report gives .ci/run its totals.
    reporters: ['default', ['json', { outputFile: '.artifacts/test-report.json' }]],
    restoreMocks: true,
    unstubEnvs: true,
    projects: [
      ...workspaceFolders.map((folder) => ({
        extends: true as const,
        test: { name: folder.split('/').at(-1) as string, root: folder },
      })),
      // Checks of the repository as a whole: the packed packages.
      {
        extends: true as const,
        test: { name: 'repo', root: '.', include: ['scripts/**/*.test.ts'] },
      },
    ],
  },
});
