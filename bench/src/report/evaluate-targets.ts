import type { ClientResult, TargetResult } from './results-schema.js';

type Figure = (client: ClientResult) => number | undefined;

const cpuAt32: Figure = (client) => client.concurrent?.cpuMicrosPerRequest.median;
const coldImport: Figure = (client) => client.footprint?.coldImportMs.median;
const peakRss: Figure = (client) => client.peakRssBytes ?? undefined;
const bundle: Figure = (client) => client.footprint?.bundleBytes;
const installed: Figure = (client) => client.footprint?.installedBytes;

interface Rule {
  readonly target: string;
  readonly description: string;
  readonly figure: Figure;
  /** The limit from the other clients, or undefined when one is missing. */
  limit(others: readonly ClientResult[]): number | undefined;
  /** Met when the value is at most the limit (`atMost`) or strictly below it. */
  readonly strict: boolean;
}

const of = (clients: readonly ClientResult[], role: ClientResult['role']) =>
  clients.find((client) => client.role === role);
const byId = (clients: readonly ClientResult[], id: string) =>
  clients.find((client) => client.id === id);
const scaled = (figure: Figure, client: ClientResult | undefined, factor: number) => {
  const value = client === undefined ? undefined : figure(client);
  return value === undefined ? undefined : value * factor;
};
/** The smallest figure among the other real clients (the official ones and Logto's). */
const lowestOfOthers = (figure: Figure) => (clients: readonly ClientResult[]) => {
  const others = clients.filter((client) => client.role === 'official' || client.role === 'other');
  const values = others.map(figure);
  if (others.length === 0 || values.some((value) => value === undefined)) return undefined;
  return Math.min(...(values as number[]));
};

/** Issue 8's targets, each checked for every `smskit` row. */
const rules: readonly Rule[] = [
  {
    target: 'cpu-vs-floor',
    description: 'CPU per request at 32 in flight ≤ 1.5× the floor',
    figure: cpuAt32,
    limit: (clients) => scaled(cpuAt32, of(clients, 'floor'), 1.5),
    strict: false,
  },
  {
    target: 'cpu-vs-official',
    description: 'CPU per request at 32 in flight ≤ 0.6× the official client',
    figure: cpuAt32,
    limit: (clients) => scaled(cpuAt32, of(clients, 'official'), 0.6),
    strict: false,
  },
  {
    target: 'cold-import-vs-official',
    description: "cold import above bare node ≤ ¼ of the official client's",
    figure: coldImport,
    limit: (clients) => scaled(coldImport, of(clients, 'official'), 0.25),
    strict: false,
  },
  {
    target: 'cold-import-vs-pop-core',
    description: "cold import above bare node < pop-core's",
    figure: coldImport,
    limit: (clients) => scaled(coldImport, byId(clients, 'pop-core'), 1),
    strict: true,
  },
  {
    target: 'peak-rss',
    description: 'peak RSS < every other client (official, pop-core, Logto)',
    figure: peakRss,
    limit: lowestOfOthers(peakRss),
    strict: true,
  },
  {
    target: 'bundle',
    description: 'bundle < every other client (official, pop-core, Logto)',
    figure: bundle,
    limit: lowestOfOthers(bundle),
    strict: true,
  },
  {
    target: 'installed-size',
    description: 'installed size < the official client',
    figure: installed,
    limit: (clients) => scaled(installed, of(clients, 'official'), 1),
    strict: true,
  },
];

/**
 * Issue 8's targets for every `smskit` row: the figure, the limit the other rows set, and
 * whether it is met (null when a figure was not measured in this run).
 */
export function evaluateTargets(clients: readonly ClientResult[]): TargetResult[] {
  return clients
    .filter((client) => client.role === 'smskit')
    .flatMap((client) =>
      rules.map((rule) => {
        const value = rule.figure(client);
        const limit = rule.limit(clients);
        const met =
          value === undefined || limit === undefined
            ? null
            : rule.strict
              ? value < limit
              : value <= limit;
        return {
          clientId: client.id,
          target: rule.target,
          description: rule.description,
          value: value ?? null,
          limit: limit ?? null,
          met,
        };
      }),
    );
}
