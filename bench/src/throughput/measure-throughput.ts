import type { BenchTarget } from '../clients/bench-client.js';
import type { BatchMeasurement } from './client-process-messages.js';
import {
  type ClientProcess,
  type ClientProcessSpec,
  startClientProcess,
} from './start-client-process.js';

/** How many requests, how often, how many at once. */
export interface ThroughputSettings {
  /** Requests each client sends, `concurrency` at once, before anything is measured. */
  readonly warmupRequests: number;
  /** Measured rounds; the clients take turns within each. */
  readonly rounds: number;
  /** Requests per client and round, for each of the two modes. */
  readonly requests: number;
  /** Requests in flight in the concurrent mode. */
  readonly concurrency: number;
}

/** A place that must accept one message from every client before it is measured. */
export interface ClientCheck {
  readonly target: BenchTarget;
  /** How many messages it has accepted so far. */
  accepted(): number;
}

/** What one client did over all rounds. */
export interface ClientThroughput {
  readonly id: string;
  /** One batch per round, one request at a time. */
  readonly sequential: readonly BatchMeasurement[];
  /** One batch per round, `concurrency` requests in flight. */
  readonly concurrent: readonly BatchMeasurement[];
  /** The client process's peak resident set size over its life. */
  readonly peakRssBytes: number;
}

/** Options of {@link measureThroughput}. */
export interface MeasureThroughputOptions {
  readonly check?: ClientCheck | undefined;
  /** Node flags per client id, such as `--cpu-prof`. */
  readonly nodeOptions?: Readonly<Record<string, readonly string[]>>;
  readonly onProgress?: ((line: string) => void) | undefined;
}

/**
 * Every client in its own fresh process, all sending to `target`: each is set up (and checked),
 * warmed up, then measured in interleaved rounds, the clients taking turns (a different one
 * first in each round) so that a busy moment of the machine does not fall on one client alone.
 * Only one client sends at a time; the others wait with their connections open.
 */
export async function measureThroughput(
  clients: readonly (ClientProcessSpec & { readonly id: string })[],
  target: BenchTarget,
  settings: ThroughputSettings,
  options: MeasureThroughputOptions = {},
): Promise<ClientThroughput[]> {
  const progress = options.onProgress ?? (() => undefined);
  const processes: ClientProcess[] = [];
  try {
    for (const client of clients) {
      const before = options.check?.accepted();
      const started = await startClientProcess(client, target, {
        check: options.check?.target,
        nodeOptions: options.nodeOptions?.[client.id] ?? [],
      });
      processes.push(started);
      if (options.check !== undefined && options.check.accepted() !== (before ?? 0) + 1) {
        throw new Error(`${client.id}: its check message did not reach the emulator's inbox`);
      }
      progress(`${client.id}: warming up (${settings.warmupRequests} requests)`);
      await started.run(settings.warmupRequests, settings.concurrency);
      await started.run(Math.ceil(settings.warmupRequests / 10), 1);
    }
    const sequential: BatchMeasurement[][] = clients.map(() => []);
    const concurrent: BatchMeasurement[][] = clients.map(() => []);
    for (let round = 0; round < settings.rounds; round += 1) {
      progress(`round ${round + 1} of ${settings.rounds}`);
      const order = clients.map((_, index) => (index + round) % clients.length);
      for (const index of order) {
        concurrent[index]?.push(
          await (processes[index] as ClientProcess).run(settings.requests, settings.concurrency),
        );
      }
      for (const index of order) {
        sequential[index]?.push(
          await (processes[index] as ClientProcess).run(settings.requests, 1),
        );
      }
    }
    const results: ClientThroughput[] = [];
    for (const [index, client] of clients.entries()) {
      const { peakRssBytes } = await (processes[index] as ClientProcess).finish();
      results.push({
        id: client.id,
        sequential: sequential[index] ?? [],
        concurrent: concurrent[index] ?? [],
        peakRssBytes,
      });
    }
    return results;
  } finally {
    for (const process of processes) process.kill();
  }
}
