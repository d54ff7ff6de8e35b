import type { BenchTarget } from '../clients/bench-client.js';

/** What the harness tells a client process. */
export type ToClientProcess =
  | {
      readonly type: 'setup';
      /** The client module, a file of `clients/` without extension. */
      readonly module: string;
      readonly variant: Readonly<Record<string, string>>;
      readonly target: BenchTarget;
      /** Sends one message here first (the emulator), to prove the client's requests are valid. */
      readonly check: BenchTarget | undefined;
    }
  | { readonly type: 'run'; readonly count: number; readonly concurrency: number }
  | { readonly type: 'finish' };

/** One measured batch: wall time and this process's CPU time. */
export interface BatchMeasurement {
  readonly count: number;
  readonly concurrency: number;
  readonly elapsedMs: number;
  readonly cpuUserMicros: number;
  readonly cpuSystemMicros: number;
}

/** What a client process answers. */
export type FromClientProcess =
  | { readonly type: 'ready' }
  | ({ readonly type: 'ran' } & BatchMeasurement)
  | { readonly type: 'finished'; readonly peakRssBytes: number }
  | { readonly type: 'failed'; readonly message: string };
