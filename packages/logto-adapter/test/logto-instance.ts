// A Logto instance directory as far as connectors are concerned, for tests: the connectors folder
// that `logto connector add` fills, and next to it only the modules Logto itself gives connectors.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  mkdir,
  mkdtemp,
  readFile,
  realpath,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const packageRoot = join(import.meta.dirname, '..');

const requireHere = createRequire(import.meta.url);
// Logto's connector kit and zod: the copies @logto/cli runs with.
const requireAsLogto = createRequire(requireHere.resolve('@logto/cli/package.json'));
// What else Logto's core gives connectors, which the official connector imports.
const requireAsOfficial = createRequire(requireHere.resolve('@logto/connector-aliyun-sms'));

/** The packages a connector can import inside Logto (Logto's `packages/core` has them). */
export const modulesLogtoProvides = {
  '@logto/connector-kit': requireAsLogto,
  zod: requireAsLogto,
  got: requireAsOfficial,
  '@silverhand/essentials': requireAsOfficial,
  'snakecase-keys': requireAsOfficial,
} as const;

// The folder of an installed package: up from its entry point to its package.json (not every
// package exports `./package.json`).
async function moduleDirectory(name: keyof typeof modulesLogtoProvides): Promise<string> {
  let directory = dirname(modulesLogtoProvides[name].resolve(name));
  while (dirname(directory) !== directory) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && JSON.parse(await readFile(manifest, 'utf8')).name === name) {
      return realpath(directory);
    }
    directory = dirname(directory);
  }
  throw new Error(`No package folder found for ${name}`);
}

/** The installed official connector's package folder. */
export const officialConnectorDirectory = () =>
  resolve(dirname(requireHere.resolve('@logto/connector-aliyun-sms')), '..');

export interface LogtoInstance {
  readonly root: string;
  /** `packages/core/connectors`, where `logto connector add` puts connectors. */
  readonly connectorsDirectory: string;
  remove(): Promise<void>;
}

/**
 * Makes `packages/core/connectors` and a `packages/core/node_modules` holding only
 * {@link modulesLogtoProvides}, so that a connector that imports anything else fails to load here
 * as it would in Logto.
 */
export async function createLogtoInstance(): Promise<LogtoInstance> {
  const root = await mkdtemp(join(tmpdir(), 'smskit-logto-'));
  const core = join(root, 'packages', 'core');
  const connectorsDirectory = join(core, 'connectors');
  await mkdir(connectorsDirectory, { recursive: true });
  // `logto connector remove` checks that this is a Logto instance.
  await writeFile(join(core, 'package.json'), JSON.stringify({ name: '@logto/core' }));
  for (const name of Object.keys(modulesLogtoProvides) as (keyof typeof modulesLogtoProvides)[]) {
    const link = join(core, 'node_modules', name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(await moduleDirectory(name), link, 'dir');
  }
  return {
    root,
    connectorsDirectory,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * Packs this package with pnpm, as it is published, into `directory`, under a file name that
 * starts with `connector-`: `logto connector add` prefixes `connector-` to any other name.
 */
export async function packConnector(directory: string): Promise<string> {
  if (!existsSync(join(packageRoot, 'lib', 'index.js'))) {
    throw new Error('lib/index.js is missing: build the package first (pnpm build)');
  }
  const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', directory], {
    cwd: packageRoot,
  });
  const { filename } = JSON.parse(stdout) as { filename: string };
  const tarball = join(directory, 'connector-smskit-aliyun-sms.tgz');
  await rename(resolve(directory, filename), tarball);
  return tarball;
}
