import type { ClientSpec } from '../clients/client-catalog.js';
import { httpLayerCatalog } from '../clients/http-layer-catalog.js';
import type { ClientFootprint } from '../footprint/measure-footprints.js';
import type { SigningResult } from '../signing/measure-signing.js';
import type { BatchMeasurement } from '../throughput/client-process-messages.js';
import type { ClientThroughput } from '../throughput/measure-throughput.js';
import type { VerificationLoadResult } from '../verification-load/measure-verification-load.js';
import { evaluateTargets } from './evaluate-targets.js';
import type { BenchResults, ClientResult } from './results-schema.js';
import { summarize } from './statistics.js';

/** Everything a run measured, before it is summarised. */
export interface RawMeasurements {
  readonly throughput: readonly ClientThroughput[] | undefined;
  /** The HTTP layers alone, measured like clients. */
  readonly httpLayers: readonly ClientThroughput[] | undefined;
  readonly footprints:
    | {
        readonly bareNodeMs: readonly number[];
        readonly clients: readonly ClientFootprint[];
        readonly components: readonly {
          readonly specifier: string;
          readonly coldImportMs: readonly number[];
        }[];
      }
    | undefined;
  readonly signing: readonly SigningResult[] | undefined;
  readonly verificationLoad: readonly VerificationLoadResult[] | undefined;
}

const mode = (batches: readonly BatchMeasurement[]) => ({
  requestsPerSecond: summarize(batches.map((batch) => batch.count / (batch.elapsedMs / 1_000))),
  cpuMicrosPerRequest: summarize(
    batches.map((batch) => (batch.cpuUserMicros + batch.cpuSystemMicros) / batch.count),
  ),
});

/** Each run minus bare node's run of the same turn, so that a busy moment cancels out. */
const aboveBare = (runs: readonly number[], bare: readonly number[]) =>
  summarize(runs.map((value, index) => value - (bare[index] ?? 0)));

/** Summarises a run's measurements into `results.json`'s form, targets included. */
export function assembleResults(
  clients: readonly ClientSpec[],
  raw: RawMeasurements,
  run: Omit<
    BenchResults,
    | 'clients'
    | 'bareNodeMs'
    | 'componentImports'
    | 'httpLayers'
    | 'signing'
    | 'verificationLoad'
    | 'targets'
  >,
): BenchResults {
  const bare = raw.footprints?.bareNodeMs ?? [];
  const rows: ClientResult[] = clients.map((client) => {
    const throughput = raw.throughput?.find((measured) => measured.id === client.id);
    const footprint = raw.footprints?.clients.find((measured) => measured.id === client.id);
    return {
      id: client.id,
      label: client.label,
      role: client.role,
      packages:
        footprint?.installation.packages.map(({ name, version }) => ({ name, version })) ??
        client.packages.map((name) => ({ name, version: 'not installed in this run' })),
      sequential: throughput === undefined ? null : mode(throughput.sequential),
      concurrent: throughput === undefined ? null : mode(throughput.concurrent),
      peakRssBytes: throughput?.peakRssBytes ?? null,
      footprint:
        footprint === undefined
          ? null
          : {
              coldImportMs: aboveBare(footprint.coldImportMs, bare),
              coldSendMs: aboveBare(footprint.coldSendMs, bare),
              bundleBytes: footprint.bundle.bytes,
              bundleGzipBytes: footprint.bundle.gzipBytes,
              bundleSends: footprint.bundleSends,
              largestPackages: footprint.bundle.largestPackages.map(({ name, bytes }) => ({
                name,
                bytes,
              })),
              installedBytes: footprint.installation.installedBytes,
              packageCount: footprint.installation.packageCount,
            },
    };
  });
  return {
    ...run,
    clients: rows,
    bareNodeMs: raw.footprints === undefined ? null : summarize(bare),
    componentImports: (raw.footprints?.components ?? []).map(({ specifier, coldImportMs }) => ({
      specifier,
      coldImportMs: aboveBare(coldImportMs, bare),
    })),
    httpLayers: (raw.httpLayers ?? []).map((measured) => ({
      id: measured.id,
      label: httpLayerCatalog.find((layer) => layer.id === measured.id)?.label ?? measured.id,
      cpuMicrosPerRequest: mode(measured.concurrent).cpuMicrosPerRequest,
      peakRssBytes: measured.peakRssBytes,
    })),
    signing: (raw.signing ?? []).map(({ id, label, opsPerSecond }) => ({
      id,
      label,
      opsPerSecond: summarize(opsPerSecond),
    })),
    verificationLoad: (raw.verificationLoad ?? []).map((load) => {
      const of = (pick: (run: VerificationLoadResult['runs'][number]) => number) =>
        load.runs.length === 0 ? null : summarize(load.runs.map(pick));
      return {
        store: load.store,
        ...(load.skipped === undefined ? {} : { skipped: load.skipped }),
        requestsPerSecond: of((measured) => measured.requestsPerSecond),
        flowsPerSecond: of((measured) => measured.flowsPerSecond),
        p50Ms: of((measured) => measured.p50Ms),
        p99Ms: of((measured) => measured.p99Ms),
        failures: load.runs.reduce((total, measured) => total + measured.failures, 0),
      };
    }),
    targets: evaluateTargets(rows),
  };
}
