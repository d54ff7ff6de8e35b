// Made-up measurements in the harness's raw form, for the tests of the report.
import { type ClientSpec, clientCatalog } from '../src/clients/client-catalog.js';
import type { ClientFootprint } from '../src/footprint/measure-footprints.js';
import type { RawMeasurements } from '../src/report/assemble-results.js';
import type { BenchResults } from '../src/report/results-schema.js';

/** Per client: CPU µs per request at 32 in flight, peak RSS MB, cold import ms, bundle kB, installed MB. */
export const sampleFigures: Record<string, [number, number, number, number, number]> = {
  'smskit-v3': [120, 60, 40, 150, 5],
  'smskit-v1': [110, 60, 40, 150, 5],
  'smskit-v3-global-fetch': [250, 70, 40, 150, 5],
  official: [230, 120, 290, 1_124, 23],
  'pop-core': [230, 80, 120, 158, 3],
  logto: [550, 150, 240, 228, 3],
  floor: [90, 100, 100, 536, 1.7],
};

const batch = (cpuMicros: number, count = 1_000) => ({
  count,
  concurrency: 32,
  elapsedMs: count / 4,
  cpuUserMicros: cpuMicros * count * 0.8,
  cpuSystemMicros: cpuMicros * count * 0.2,
});

export function sampleRaw(clients: readonly ClientSpec[] = clientCatalog): RawMeasurements {
  const figures = (id: string) => sampleFigures[id] ?? [100, 100, 100, 100, 1];
  return {
    throughput: clients.map(({ id }) => ({
      id,
      sequential: [batch(figures(id)[0] * 2), batch(figures(id)[0] * 2.2)],
      concurrent: [batch(figures(id)[0] * 0.9), batch(figures(id)[0] * 1.1)],
      peakRssBytes: figures(id)[1] * 1e6,
    })),
    httpLayers: [
      {
        id: 'ky-zero-cost-fetch',
        sequential: [batch(50)],
        concurrent: [batch(80), batch(90)],
        peakRssBytes: 300e6,
      },
    ],
    footprints: {
      bareNodeMs: [70, 80],
      components: [{ specifier: 'zod/mini', coldImportMs: [160, 170] }],
      clients: clients.map(({ id, packages }): ClientFootprint => {
        const [, , coldImport, bundleKilobytes, installedMegabytes] = figures(id);
        return {
          id,
          installation: {
            key: id,
            dir: `/tmp/${id}`,
            packages: packages.map((name) => ({ name, version: '1.0.0' })),
            packageCount: 3,
            installedBytes: installedMegabytes * 1e6,
          },
          coldImportMs: [70 + coldImport, 80 + coldImport],
          coldSendMs: [90 + coldImport, 100 + coldImport],
          bundle: {
            bytes: bundleKilobytes * 1e3,
            gzipBytes: bundleKilobytes * 300,
            largestPackages: [{ name: packages[0] ?? 'x', bytes: bundleKilobytes * 900 }],
            file: `/tmp/${id}/bundle.mjs`,
          },
          bundleSends: true,
        };
      }),
    },
    signing: [{ id: 'signV3', label: 'signV3 (pure)', opsPerSecond: [90_000, 100_000, 110_000] }],
    verificationLoad: [
      {
        store: 'memory',
        runs: [
          {
            requestsPerSecond: 900,
            flowsPerSecond: 200,
            p50Ms: 10,
            p99Ms: 40,
            maxMs: 60,
            failures: 0,
          },
        ],
      },
      { store: 'redis', runs: [], skipped: 'redis-server is not installed' },
    ],
  };
}

export const sampleRun: Omit<
  BenchResults,
  | 'clients'
  | 'bareNodeMs'
  | 'componentImports'
  | 'httpLayers'
  | 'signing'
  | 'verificationLoad'
  | 'targets'
> = {
  schemaVersion: 1,
  startedAt: '2025-06-01T10:00:00.000Z',
  finishedAt: '2025-06-01T10:10:00.000Z',
  machine: {
    node: 'v22.23.3',
    platform: 'linux',
    arch: 'x64',
    cpuModel: 'AMD EPYC',
    cores: 2,
    memoryBytes: 24e9,
    loadAverageAtStart: [0.3, 0.5, 0.9],
    loadAverageAtEnd: [1.9, 1.2, 1],
    waitedForIdle: 'idle',
  },
  settings: {
    rounds: 2,
    requests: 1_000,
    concurrency: 32,
    warmupRequests: 4_000,
    coldRuns: 2,
    signingIterations: 20_000,
    loadDurationMs: 4_000,
  },
};
