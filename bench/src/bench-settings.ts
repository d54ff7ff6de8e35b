import { parseArgs } from 'node:util';

/** The sections of a run. */
export const sections = ['throughput', 'footprint', 'layers', 'signing', 'load'] as const;
export type Section = (typeof sections)[number];

/** What `pnpm bench` was asked to do. */
export interface BenchSettings {
  readonly rounds: number;
  readonly requests: number;
  readonly concurrency: number;
  readonly warmupRequests: number;
  readonly coldRuns: number;
  readonly signingIterations: number;
  readonly loadDurationMs: number;
  /** Client ids to run; all when empty. */
  readonly only: readonly string[];
  readonly skip: readonly Section[];
  /** Minutes to wait for the 1-minute load average to fall below `maxLoad`; 0 not to wait. */
  readonly waitIdleMinutes: number;
  readonly maxLoad: number;
  /** Client ids whose process runs with `--cpu-prof` and `--heap-prof` into bench/.profiles. */
  readonly profile: readonly string[];
  /** Write results.json and RESULTS.md. */
  readonly write: boolean;
}

export const usage = `pnpm bench [-- options]

  --rounds N              measured rounds per client and mode (default 5)
  --requests N            requests per client, mode and round (default 5000)
  --concurrency N         requests in flight in the concurrent mode (default 32)
  --warmup N              warm-up requests per client (default 10000)
  --cold-runs N           fresh processes per cold-start figure (default 15)
  --signing-iterations N  calls per signing operation and round (default 20000)
  --load-seconds N        seconds per verification load round (default 4)
  --only ID,ID            only these clients (smskit-v3, smskit-v1, smskit-v3-node-http,
                          smskit-v3-undici, smskit-v3-global-fetch, official, pop-core,
                          logto, floor)
  --skip SECTION,...      leave out throughput, footprint, layers (HTTP layers alone),
                          signing or load
  --wait-idle MINUTES     first wait up to this long for the load average to fall below --max-load
  --max-load X            the load average to wait for (default 0.5)
  --profile ID,ID         run these clients' processes with --cpu-prof and --heap-prof (bench/.profiles)
  --quick                 a short run to try the harness (1 round, 500 requests, 3 cold runs)
  --no-write              print only; leave results.json and RESULTS.md alone
`;

const list = (value: string | undefined) =>
  value === undefined
    ? []
    : value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);

const count = (name: string, value: string | undefined, fallback: number, minimum = 1) => {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < minimum) {
    throw new Error(`--${name} must be a whole number of at least ${minimum}, got ${value}`);
  }
  return parsed;
};

/**
 * Reads `pnpm bench`'s command line.
 *
 * @throws {Error} naming the bad option.
 */
export function parseBenchSettings(argv: readonly string[]): BenchSettings {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      rounds: { type: 'string' },
      requests: { type: 'string' },
      concurrency: { type: 'string' },
      warmup: { type: 'string' },
      'cold-runs': { type: 'string' },
      'signing-iterations': { type: 'string' },
      'load-seconds': { type: 'string' },
      only: { type: 'string' },
      skip: { type: 'string' },
      'wait-idle': { type: 'string' },
      'max-load': { type: 'string' },
      profile: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const quick = values.quick === true;
  const skip = list(values.skip);
  for (const section of skip) {
    if (!(sections as readonly string[]).includes(section)) {
      throw new Error(`--skip takes ${sections.join(', ')}; got ${section}`);
    }
  }
  const maxLoad = values['max-load'] === undefined ? 0.5 : Number(values['max-load']);
  if (!(maxLoad > 0))
    throw new Error(`--max-load must be a positive number, got ${values['max-load']}`);
  return {
    rounds: count('rounds', values.rounds, quick ? 1 : 5),
    requests: count('requests', values.requests, quick ? 500 : 5_000),
    concurrency: count('concurrency', values.concurrency, 32),
    warmupRequests: count('warmup', values.warmup, quick ? 500 : 10_000, 0),
    coldRuns: count('cold-runs', values['cold-runs'], quick ? 3 : 15),
    signingIterations: count(
      'signing-iterations',
      values['signing-iterations'],
      quick ? 2_000 : 20_000,
    ),
    loadDurationMs: count('load-seconds', values['load-seconds'], quick ? 1 : 4) * 1_000,
    only: list(values.only),
    skip: skip as Section[],
    waitIdleMinutes: count('wait-idle', values['wait-idle'], 0, 0),
    maxLoad,
    profile: list(values.profile),
    write: values['no-write'] !== true,
  };
}
