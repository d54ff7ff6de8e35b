// `pnpm bench`: see README.md. Progress goes to stderr, the results table to stdout.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoCredentials, startEmulator } from '@smskit/aliyun-emulator';
import { type BenchSettings, parseBenchSettings, usage } from './bench-settings.js';
import type { BenchTarget } from './clients/bench-client.js';
import { clientCatalog } from './clients/client-catalog.js';
import { httpLayerCatalog } from './clients/http-layer-catalog.js';
import { measureFootprints } from './footprint/measure-footprints.js';
import { benchRoot } from './paths.js';
import { assembleResults, type RawMeasurements } from './report/assemble-results.js';
import { loadAverage, machineInfo, waitForIdle } from './report/machine-info.js';
import {
  renderResultsMarkdown,
  renderResultsText,
  replaceGeneratedSection,
} from './report/render-results.js';
import { benchResultsSchema } from './report/results-schema.js';
import { measureSigning } from './signing/measure-signing.js';
import { startStubServer } from './stub/start-stub-server.js';
import { measureThroughput } from './throughput/measure-throughput.js';
import { measureVerificationLoad } from './verification-load/measure-verification-load.js';

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

// The emulator's demo account: every client's check message must be accepted by it.
const message = {
  accessKeyId: demoCredentials.accessKeyId,
  accessKeySecret: demoCredentials.accessKeySecret,
  signName: 'smskit',
  templateCode: 'SMS_CN_SIGN_IN',
  phoneNumber: '13800138000',
  code: '123456',
} as const;

async function run(settings: BenchSettings): Promise<void> {
  const clients = clientCatalog.filter(
    (client) => settings.only.length === 0 || settings.only.includes(client.id),
  );
  const unknown = settings.only.filter((id) => !clientCatalog.some((client) => client.id === id));
  if (unknown.length > 0) throw new Error(`unknown client ${unknown.join(', ')}`);
  const runs = (section: BenchSettings['skip'][number]) => !settings.skip.includes(section);

  const waitedForIdle = await waitForIdle(settings.maxLoad, settings.waitIdleMinutes, progress);
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = loadAverage();
  const stub = await startStubServer();
  const target: BenchTarget = { ...message, endpoint: stub.url };
  const raw: { -readonly [K in keyof RawMeasurements]: RawMeasurements[K] } = {
    throughput: undefined,
    httpLayers: undefined,
    footprints: undefined,
    signing: undefined,
    verificationLoad: undefined,
  };
  try {
    if (runs('throughput')) {
      const emulator = await startEmulator({ rateLimits: false });
      try {
        const profiles = join(benchRoot, '.profiles');
        raw.throughput = await measureThroughput(clients, target, settings, {
          check: {
            target: { ...message, endpoint: emulator.url },
            accepted: () => emulator.inbox.list().length,
          },
          nodeOptions: Object.fromEntries(
            settings.profile.map((id) => [
              id,
              [
                '--cpu-prof',
                '--heap-prof',
                `--cpu-prof-dir=${profiles}`,
                `--heap-prof-dir=${profiles}`,
              ],
            ]),
          ),
          onProgress: progress,
        });
      } finally {
        await emulator.stop();
      }
    }
    if (runs('layers') && settings.only.length === 0) {
      raw.httpLayers = await measureThroughput(
        httpLayerCatalog,
        target,
        { ...settings, rounds: Math.min(settings.rounds, 3) },
        { onProgress: progress },
      );
    }
    if (runs('footprint')) {
      raw.footprints = await measureFootprints(clients, {
        cacheRoot: join(benchRoot, '.cache', 'installs'),
        coldRuns: settings.coldRuns,
        target,
        onProgress: progress,
      });
    }
  } finally {
    await stub.stop();
  }
  if (runs('signing')) {
    progress('signing');
    raw.signing = await measureSigning({
      iterations: settings.signingIterations,
      rounds: settings.rounds,
    });
  }
  if (runs('load')) {
    raw.verificationLoad = await measureVerificationLoad({
      rounds: Math.min(settings.rounds, 3),
      durationMs: settings.loadDurationMs,
      concurrency: 16,
      onProgress: progress,
    });
  }

  const results = benchResultsSchema.parse(
    assembleResults(clients, raw, {
      schemaVersion: 1,
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: {
        ...machineInfo(),
        loadAverageAtStart,
        loadAverageAtEnd: loadAverage(),
        waitedForIdle,
      },
      settings: {
        rounds: settings.rounds,
        requests: settings.requests,
        concurrency: settings.concurrency,
        warmupRequests: settings.warmupRequests,
        coldRuns: settings.coldRuns,
        signingIterations: settings.signingIterations,
        loadDurationMs: settings.loadDurationMs,
      },
    }),
  );
  process.stdout.write(`${renderResultsText(results)}\n`);
  if (settings.write) {
    await writeFile(join(benchRoot, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const file = join(benchRoot, 'RESULTS.md');
    const document = existsSync(file) ? await readFile(file, 'utf8') : '';
    await writeFile(file, replaceGeneratedSection(document, renderResultsMarkdown(results)));
    progress('wrote bench/results.json and bench/RESULTS.md');
  }
}

if (Number(process.versions.node.split('.')[0]) < 22) {
  process.stderr.write(`pnpm bench needs Node 22 or later; this is ${process.version}\n`);
  process.exit(1);
}
// `./run bench -- --quick` hands the `--` through pnpm's two script levels.
const argv = process.argv.slice(2).filter((argument) => argument !== '--');
if (argv.includes('--help')) {
  process.stdout.write(usage);
  process.exit(0);
}
let settings: BenchSettings;
try {
  settings = parseBenchSettings(argv);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
await run(settings).catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
