import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchTarget } from '../clients/bench-client.js';
import type { ClientSpec } from '../clients/client-catalog.js';
import { type Installation, installPackages, pruneWorkspaceInstalls } from './install-packages.js';
import { type BundleMeasurement, measureBundle } from './measure-bundle.js';
import { timeNodeProcess } from './time-node-process.js';
import { type ClientScripts, targetVariable, writeClientScripts } from './write-client-scripts.js';

/** What one client costs before it sends, and what it ships. */
export interface ClientFootprint {
  readonly id: string;
  readonly installation: Installation;
  /** Wall ms of `node` importing the client's package, one per run. */
  readonly coldImportMs: readonly number[];
  /** Wall ms of `node` importing it, setting up a client and sending one message to the stub. */
  readonly coldSendMs: readonly number[];
  readonly bundle: BundleMeasurement;
  /** Whether the bundle, run alone, sent its message: it holds everything it needs. */
  readonly bundleSends: boolean;
}

/** The packages @smskit/aliyun is made of, each imported alone: where its cold import goes. */
export const componentImports = [
  'zod',
  'zod/mini',
  'libphonenumber-js/mobile',
  'ky',
  'undici',
] as const;

/** Options of {@link measureFootprints}. */
export interface MeasureFootprintsOptions {
  /** Where installs are kept between runs. */
  readonly cacheRoot: string;
  /** Fresh processes per client and measure, interleaved. */
  readonly coldRuns: number;
  /** Where the send-one scripts and the bundles send (the stub). */
  readonly target: BenchTarget;
  readonly onProgress?: ((line: string) => void) | undefined;
}

/**
 * For every client: a fresh npm install with only its packages (cached), its cold import and
 * cold first send as fresh `node` processes in that install (interleaved runs, with bare `node`
 * as the baseline), and a minified bundle of its send-one script, which is run once to prove it.
 */
export async function measureFootprints(
  clients: readonly ClientSpec[],
  options: MeasureFootprintsOptions,
): Promise<{
  bareNodeMs: readonly number[];
  clients: readonly ClientFootprint[];
  /** Wall ms of importing each of {@link componentImports} alone, per run. */
  components: readonly { readonly specifier: string; readonly coldImportMs: readonly number[] }[];
}> {
  const progress = options.onProgress ?? (() => undefined);
  const installs = new Map<string, Installation>();
  const prepared: { client: ClientSpec; installation: Installation; scripts: ClientScripts }[] = [];
  for (const client of clients) {
    const setKey = client.packages.join(' ');
    let installation = installs.get(setKey);
    if (installation === undefined) {
      progress(`installing ${setKey} with npm (cached after the first run)`);
      installation = await installPackages(client.packages, options.cacheRoot);
      installs.set(setKey, installation);
    }
    prepared.push({
      client,
      installation,
      scripts: await writeClientScripts(client, installation.dir),
    });
  }

  await pruneWorkspaceInstalls(
    options.cacheRoot,
    new Set([...installs.values()].map((installation) => installation.key)),
  );

  const env = { [targetVariable]: JSON.stringify(options.target) };
  const bundles = new Map<string, { bundle: BundleMeasurement; sends: boolean }>();
  for (const { client, installation, scripts } of prepared) {
    progress(`${client.id}: bundling`);
    const bundle = await measureBundle(installation.dir, scripts.sendOne);
    const sends = await timeNodeProcess(bundle.file, { cwd: installation.dir, env }).then(
      () => true,
      (error: unknown) => {
        progress(`${client.id}: the bundle did not send: ${String(error)}`);
        return false;
      },
    );
    bundles.set(client.id, { bundle, sends });
  }

  // The install of smskit with undici holds every component.
  const componentsDir = prepared.find(({ installation }) =>
    componentImports.every((specifier) =>
      existsSync(join(installation.dir, 'node_modules', specifier.split('/')[0] as string)),
    ),
  )?.installation.dir;
  const componentScripts = new Map<string, string>();
  if (componentsDir !== undefined) {
    for (const specifier of componentImports) {
      const script = `import-${specifier.replaceAll('/', '-')}.js`;
      await writeFile(join(componentsDir, script), `import '${specifier}';\n`);
      componentScripts.set(specifier, script);
    }
  }
  const componentMs = new Map<string, number[]>(
    componentImports.map((specifier) => [specifier, []]),
  );

  const bareNodeMs: number[] = [];
  const coldImportMs = new Map<string, number[]>(clients.map((client) => [client.id, []]));
  const coldSendMs = new Map<string, number[]>(clients.map((client) => [client.id, []]));
  const first = prepared[0];
  for (let run = 0; run < options.coldRuns && first !== undefined; run += 1) {
    progress(`cold start run ${run + 1} of ${options.coldRuns}`);
    bareNodeMs.push(await timeNodeProcess(first.scripts.empty, { cwd: first.installation.dir }));
    for (const { client, installation, scripts } of prepared) {
      const cwd = installation.dir;
      coldImportMs.get(client.id)?.push(await timeNodeProcess(scripts.importOnly, { cwd }));
      coldSendMs.get(client.id)?.push(await timeNodeProcess(scripts.sendOne, { cwd, env }));
    }
    for (const [specifier, script] of componentScripts) {
      componentMs
        .get(specifier)
        ?.push(await timeNodeProcess(script, { cwd: componentsDir as string }));
    }
  }

  return {
    bareNodeMs,
    components: [...componentScripts.keys()].map((specifier) => ({
      specifier,
      coldImportMs: componentMs.get(specifier) ?? [],
    })),
    clients: prepared.map(({ client, installation }) => {
      const { bundle, sends } = bundles.get(client.id) as {
        bundle: BundleMeasurement;
        sends: boolean;
      };
      return {
        id: client.id,
        installation,
        coldImportMs: coldImportMs.get(client.id) ?? [],
        coldSendMs: coldSendMs.get(client.id) ?? [],
        bundle,
        bundleSends: sends,
      };
    }),
  };
}
