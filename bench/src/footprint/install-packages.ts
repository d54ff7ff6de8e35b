import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchRoot } from '../paths.js';
import { runCommand } from './run-command.js';

/** A fresh npm install of some packages, as a user would get it. */
export interface Installation {
  /** The cache key: package names, versions and, for workspace packages, their tarballs' hash. */
  readonly key: string;
  readonly dir: string;
  /** What was asked for, with the versions installed. */
  readonly packages: readonly { readonly name: string; readonly version: string }[];
  /** Every package in node_modules, the ones asked for included. */
  readonly packageCount: number;
  /** The size of every file in node_modules, in bytes. */
  readonly installedBytes: number;
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

const workspaceRoot = join(benchRoot, '..');
const readManifest = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Manifest;

/** The workspace folder of an `@smskit/*` package. */
async function workspaceFolder(name: string): Promise<string> {
  const packagesDir = join(workspaceRoot, 'packages');
  for (const folder of await readdir(packagesDir)) {
    const file = join(packagesDir, folder, 'package.json');
    if (existsSync(file) && (await readManifest(file)).name === name) {
      return join(packagesDir, folder);
    }
  }
  throw new Error(`no workspace package is named ${name}`);
}

/** `name` and its `@smskit/*` dependencies, packed with pnpm (which fills in `workspace:`). */
async function packWorkspacePackage(
  name: string,
  destination: string,
  packed: Map<string, string>,
): Promise<void> {
  if (packed.has(name)) return;
  const folder = await workspaceFolder(name);
  const stdout = await runCommand('pnpm', ['pack', '--json', '--pack-destination', destination], {
    cwd: folder,
  });
  packed.set(name, (JSON.parse(stdout) as { filename: string }).filename);
  const manifest = await readManifest(join(folder, 'package.json'));
  for (const dependency of Object.keys(manifest.dependencies ?? {})) {
    if (dependency.startsWith('@smskit/'))
      await packWorkspacePackage(dependency, destination, packed);
  }
}

async function sizeOf(path: string): Promise<number> {
  const stats = await lstat(path);
  if (!stats.isDirectory()) return stats.size;
  let total = 0;
  for (const entry of await readdir(path)) total += await sizeOf(join(path, entry));
  return total;
}

/** Packages npm put on disk: the lockfile's entries whose folder exists (skipped optional ones do not). */
async function countPackages(dir: string): Promise<number> {
  const lock = JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };
  return Object.keys(lock.packages).filter(
    (path) => path !== '' && existsSync(join(dir, path, 'package.json')),
  ).length;
}

const slug = (text: string) => text.replace(/[^a-zA-Z0-9.]+/g, '-').replace(/^-|-$/g, '');

/**
 * Installs `packages` with npm into a fresh folder under `cacheRoot`, at the versions the
 * workspace has (`@smskit/*` packed from the workspace), and measures the result. An install
 * with the same key is reused: registry packages are keyed by version, workspace packages by
 * the hash of their tarballs.
 */
export async function installPackages(
  packages: readonly string[],
  cacheRoot: string,
): Promise<Installation> {
  const packDir = await mkdtemp(join(tmpdir(), 'smskit-bench-pack-'));
  try {
    const tarballs = new Map<string, string>();
    const specs: string[] = [];
    const asked: { name: string; version: string }[] = [];
    const hash = createHash('sha256');
    for (const name of packages) {
      if (name.startsWith('@smskit/')) {
        await packWorkspacePackage(name, packDir, tarballs);
        asked.push({
          name,
          version: (await readManifest(join(await workspaceFolder(name), 'package.json'))).version,
        });
      } else {
        const { version } = await readManifest(
          join(benchRoot, 'node_modules', name, 'package.json'),
        );
        specs.push(`${name}@${version}`);
        asked.push({ name, version });
      }
    }
    for (const tarball of [...tarballs.values()].sort()) {
      hash.update(await readFile(tarball));
      specs.push(tarball);
    }
    const key = slug(
      `${asked.map(({ name, version }) => `${name}@${version}`).join('+')}${tarballs.size > 0 ? `-${hash.digest('hex').slice(0, 12)}` : ''}`,
    );
    const dir = join(cacheRoot, key);
    const summaryFile = join(dir, 'installation.json');
    if (existsSync(summaryFile)) {
      return JSON.parse(await readFile(summaryFile, 'utf8')) as Installation;
    }

    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'smskit-bench-install', private: true, type: 'module' }),
    );
    await runCommand(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline', ...specs],
      { cwd: dir },
    );
    const installation: Installation = {
      key,
      dir,
      packages: asked,
      packageCount: await countPackages(dir),
      installedBytes: await sizeOf(join(dir, 'node_modules')),
    };
    // Written last: its presence says the install is complete.
    await writeFile(summaryFile, JSON.stringify(installation, null, 2));
    return installation;
  } finally {
    await rm(packDir, { recursive: true, force: true });
  }
}

/**
 * Removes the installs of workspace packages (keyed by a tarball hash) that `keep` does not name:
 * each change to `@smskit/*` makes a new one, and only the newest is of any use.
 */
export async function pruneWorkspaceInstalls(
  cacheRoot: string,
  keep: ReadonlySet<string>,
): Promise<void> {
  if (!existsSync(cacheRoot)) return;
  for (const entry of await readdir(cacheRoot)) {
    if (/-[0-9a-f]{12}$/.test(entry) && !keep.has(entry)) {
      await rm(join(cacheRoot, entry), { recursive: true, force: true });
    }
  }
}
