import type { Table } from './format-table.js';
import type { BenchResults, ClientResult } from './results-schema.js';
import { ratio, type Summary } from './statistics.js';

// SI units, as npm and esbuild report sizes.
const integer = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? '–' : Math.round(value).toLocaleString('en-US');
const megabytes = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined ? '–' : `${(bytes / 1e6).toFixed(1)} MB`;
const kilobytes = (bytes: number | undefined) =>
  bytes === undefined ? '–' : `${Math.round(bytes / 1e3).toLocaleString('en-US')} kB`;
const times = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(2)}×`);
const percent = (summary: Summary | null | undefined) =>
  summary === null || summary === undefined ? '–' : `${Math.round(summary.spread * 100)} %`;

/** The figures of a row that the ratio tables divide. */
const figures: readonly { header: string; of: (client: ClientResult) => number | undefined }[] = [
  { header: 'req/s, 1 at a time', of: (client) => client.sequential?.requestsPerSecond.median },
  { header: 'req/s, 32 in flight', of: (client) => client.concurrent?.requestsPerSecond.median },
  {
    header: 'CPU µs/req, 1 at a time',
    of: (client) => client.sequential?.cpuMicrosPerRequest.median,
  },
  {
    header: 'CPU µs/req, 32 in flight',
    of: (client) => client.concurrent?.cpuMicrosPerRequest.median,
  },
  { header: 'peak RSS', of: (client) => client.peakRssBytes ?? undefined },
  { header: 'cold import', of: (client) => client.footprint?.coldImportMs.median },
  { header: 'cold send', of: (client) => client.footprint?.coldSendMs.median },
  { header: 'bundle', of: (client) => client.footprint?.bundleBytes },
  { header: 'bundle gzip', of: (client) => client.footprint?.bundleGzipBytes },
  { header: 'installed', of: (client) => client.footprint?.installedBytes },
];

/** One row per client with every figure (medians of the rounds and runs). */
export function clientsTable(results: BenchResults): Table {
  return {
    headers: [
      'client',
      'req/s, 1 at a time',
      'req/s, 32 in flight',
      'CPU µs/req, 1 at a time',
      'CPU µs/req, 32 in flight',
      'peak RSS',
      'cold import',
      'cold send',
      'bundle (gzip)',
      'installed (packages)',
    ],
    rows: results.clients.map((client) => [
      client.label,
      integer(client.sequential?.requestsPerSecond.median),
      integer(client.concurrent?.requestsPerSecond.median),
      integer(client.sequential?.cpuMicrosPerRequest.median),
      integer(client.concurrent?.cpuMicrosPerRequest.median),
      megabytes(client.peakRssBytes),
      client.footprint === null ? '–' : `${integer(client.footprint.coldImportMs.median)} ms`,
      client.footprint === null ? '–' : `${integer(client.footprint.coldSendMs.median)} ms`,
      client.footprint === null
        ? '–'
        : `${kilobytes(client.footprint.bundleBytes)} (${kilobytes(client.footprint.bundleGzipBytes)})${client.footprint.bundleSends ? '' : ' ✗'}`,
      client.footprint === null
        ? '–'
        : `${megabytes(client.footprint.installedBytes)} (${client.footprint.packageCount})`,
    ]),
  };
}

/** Every figure of every row divided by the same figure of the `reference` row. */
export function ratiosTable(results: BenchResults, reference: 'official' | 'floor'): Table {
  const base = results.clients.find((client) => client.role === reference);
  return {
    headers: ['client', ...figures.map(({ header }) => header)],
    rows: results.clients.map((client) => [
      client.label,
      ...figures.map(({ of }) =>
        times(ratio(of(client), base === undefined ? undefined : of(base))),
      ),
    ]),
  };
}

/** How far apart the rounds (and cold runs) were, per client. */
export function spreadTable(results: BenchResults): Table {
  return {
    headers: [
      'client',
      'req/s, 1 at a time',
      'req/s, 32 in flight',
      'CPU, 1 at a time',
      'CPU, 32 in flight',
      'cold import',
      'cold send',
    ],
    rows: results.clients.map((client) => [
      client.label,
      percent(client.sequential?.requestsPerSecond),
      percent(client.concurrent?.requestsPerSecond),
      percent(client.sequential?.cpuMicrosPerRequest),
      percent(client.concurrent?.cpuMicrosPerRequest),
      percent(client.footprint?.coldImportMs),
      percent(client.footprint?.coldSendMs),
    ]),
  };
}

const formatTargetFigure = (target: string, value: number | null) => {
  if (value === null) return '–';
  if (target.startsWith('cpu')) return `${integer(value)} µs`;
  if (target.startsWith('cold')) return `${integer(value)} ms`;
  if (target === 'bundle') return kilobytes(value);
  return megabytes(value);
};

/** Issue 8's targets: figure, limit, met. */
export function targetsTable(results: BenchResults): Table {
  return {
    headers: ['client', 'target', 'figure', 'limit', 'met'],
    align: ['left', 'left', 'right', 'right', 'left'],
    rows: results.targets.map((target) => [
      results.clients.find((client) => client.id === target.clientId)?.label ?? target.clientId,
      target.description,
      formatTargetFigure(target.target, target.value),
      formatTargetFigure(target.target, target.limit),
      target.met === null ? 'not measured' : target.met ? 'yes' : '**no**',
    ]),
  };
}

/** The largest packages in each client's bundle. */
export function bundleContentsTable(results: BenchResults): Table {
  return {
    headers: ['client', 'largest parts of the bundle (minified bytes in the output)'],
    align: ['left', 'left'],
    rows: results.clients
      .filter((client) => client.footprint !== null)
      .map((client) => [
        client.label,
        (client.footprint?.largestPackages ?? [])
          .map(({ name, bytes }) => `${name} ${kilobytes(bytes)}`)
          .join(', '),
      ]),
  };
}

/** Cold import of each package @smskit/aliyun is made of, alone. */
export function componentImportsTable(results: BenchResults): Table {
  return {
    headers: ['package imported alone', 'cold import', 'spread'],
    rows: results.componentImports.map((component) => [
      component.specifier,
      `${integer(component.coldImportMs.median)} ms`,
      percent(component.coldImportMs),
    ]),
  };
}

/** CPU per request and peak RSS of each HTTP layer alone. */
export function httpLayersTable(results: BenchResults): Table {
  return {
    headers: [
      'layer',
      `CPU µs/req, ${results.settings.concurrency} in flight`,
      'spread',
      'peak RSS',
    ],
    rows: results.httpLayers.map((layer) => [
      layer.label,
      integer(layer.cpuMicrosPerRequest.median),
      percent(layer.cpuMicrosPerRequest),
      megabytes(layer.peakRssBytes),
    ]),
  };
}

/** Ops per second of the signing step alone. */
export function signingTable(results: BenchResults): Table {
  return {
    headers: ['signing', 'ops/s', 'µs/op', 'spread'],
    rows: results.signing.map((operation) => [
      operation.label,
      integer(operation.opsPerSecond.median),
      (1e6 / operation.opsPerSecond.median).toFixed(1),
      percent(operation.opsPerSecond),
    ]),
  };
}

/** The Express verification load test per store. */
export function verificationLoadTable(results: BenchResults): Table {
  return {
    headers: ['store', 'requests/s', 'flows/s', 'p50', 'p99', 'spread of req/s', 'failures'],
    rows: results.verificationLoad.map((load) =>
      load.skipped !== undefined
        ? [load.store, `skipped: ${load.skipped}`, '', '', '', '', '']
        : [
            load.store,
            integer(load.requestsPerSecond?.median),
            integer(load.flowsPerSecond?.median),
            `${load.p50Ms?.median.toFixed(1) ?? '–'} ms`,
            `${load.p99Ms?.median.toFixed(1) ?? '–'} ms`,
            percent(load.requestsPerSecond),
            String(load.failures),
          ],
    ),
  };
}
