// Every public package as users get it: packed, linted (publint, Are The Types Wrong), installed
// from its tarball into a fresh project, loaded with import and require, and its README example run.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');

interface Manifest {
  name: string;
  private?: boolean;
  exports?: Record<string, unknown>;
}

const publicPackages = readdirSync(join(root, 'packages'))
  .map((folder) => join(root, 'packages', folder))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({
    dir,
    manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest,
  }))
  .filter(({ manifest }) => manifest.private !== true);

let workDir: string;
const tarballs = new Map<string, string>();

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'smskit-packed-'));
  for (const { dir, manifest } of publicPackages) {
    const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', workDir], {
      cwd: dir,
    });
    const { filename } = JSON.parse(stdout) as { filename: string };
    tarballs.set(manifest.name, resolve(workDir, filename));
  }
}, 120_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe.each(publicPackages.map(({ manifest }) => [manifest.name]))('%s, packed', (name) => {
  const tarball = () => tarballs.get(name) as string;

  it('passes publint with no warnings', async () => {
    const data = await readFile(tarball());
    const { messages, pkg } = await publint({
      pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
      level: 'warning',
    });
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([]);
  });

  // attw takes 3 to 5 s per tarball on a busy 2-core machine: more than vitest's default 5 s.
  it('has types that resolve for ESM consumers (Are The Types Wrong)', async () => {
    const result = await run('attw', [tarball(), '--profile', 'esm-only', '--format', 'ascii'], {
      cwd: root,
    }).catch((error: { stdout: string; stderr: string }) => error);
    expect('code' in result ? `${result.stdout}${result.stderr}` : '').toBe('');
    // attw starts a TypeScript program per tarball: seconds, more while other tests run.
  }, 60_000);

  it('ships no tests or sources', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball()]);
    const files = stdout.trim().split('\n');
    expect(files.filter((file) => /\.test\.|\/src\//.test(file))).toEqual([]);
    expect(files).toContain('package/README.md');
  });
});

describe('the packed packages in a fresh project on Node 22', () => {
  let project: string;

  beforeAll(async () => {
    project = join(workDir, 'consumer');
    await mkdir(project);
    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    // All tarballs at once, so that each package's dependency on another is met by the tarball;
    // vitest for the optional peer of the `testing` entry points.
    const vitest = JSON.parse(
      readFileSync(join(root, 'node_modules/vitest/package.json'), 'utf8'),
    ) as { version: string };
    await run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--loglevel=error',
        ...tarballs.values(),
        `vitest@${vitest.version}`,
      ],
      {
        cwd: project,
      },
    );
  }, 300_000);

  const entryPoints = publicPackages.flatMap(({ manifest }) =>
    Object.keys(manifest.exports ?? {})
      .filter((subpath) => subpath !== './package.json')
      .map((subpath) => [join(manifest.name, subpath)]),
  );

  it.each(entryPoints)('loads %s with import and with require', async (specifier) => {
    const imported = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(specifier)}); console.log(Object.keys(m).length)`,
      ],
      { cwd: project },
    );
    // require() of an ES module with a default export adds `__esModule: true` (Node's interop
    // marker), which import does not show.
    const required = await run(
      process.execPath,
      [
        '-e',
        `console.log(Object.keys(require(${JSON.stringify(specifier)})).filter((key) => key !== '__esModule').length)`,
      ],
      { cwd: project },
    );
    expect(Number(imported.stdout)).toBeGreaterThan(0);
    expect(required.stdout).toBe(imported.stdout);
  });

  it.each(publicPackages.map(({ dir, manifest }) => [manifest.name, dir]))(
    "runs %s's README example",
    async (name, dir) => {
      const readme = await readFile(join(dir, 'README.md'), 'utf8');
      const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
      expect(example, `${name}'s README has no \`\`\`ts example`).toBeDefined();
      const file = join(project, `${name.replace('/', '__')}-example.ts`);
      await writeFile(file, example as string);
      // Node 22 strips the types of a .ts file itself.
      await expect(
        run(process.execPath, [file], { cwd: project, timeout: 60_000 }),
      ).resolves.toBeDefined();
    },
    90_000,
  );
});
