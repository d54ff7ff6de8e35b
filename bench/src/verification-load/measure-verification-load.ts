import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { driveVerificationLoad, startRedisServer } from '@smskit/test-support';
import { builtFile } from '../paths.js';
import type { FromVerificationServer } from './verification-load-messages.js';

/** One measured load run against one store. */
export interface VerificationLoadRun {
  readonly requestsPerSecond: number;
  /** Accepted sends per second: whole flows (send, verifies). */
  readonly flowsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Requests answered with 5xx or not at all. */
  readonly failures: number;
}

/** The load runs of one store, or why it was skipped. */
export interface VerificationLoadResult {
  readonly store: 'memory' | 'redis';
  readonly runs: readonly VerificationLoadRun[];
  readonly skipped?: string | undefined;
}

/** Options of {@link measureVerificationLoad}. */
export interface VerificationLoadSettings {
  readonly rounds: number;
  readonly durationMs: number;
  readonly concurrency: number;
  readonly onProgress?: ((line: string) => void) | undefined;
}

interface Server {
  readonly baseUrl: string;
  readCode(phone: string): Promise<string | undefined>;
  stop(): Promise<void>;
}

async function startServer(args: readonly string[]): Promise<Server> {
  const child: ChildProcess = fork(
    builtFile('verification-load/verification-server-process.js'),
    args,
    {
      execArgv: [],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  // The newest undelivered code per number; a flow reads its code once, after its send.
  const codes = new Map<string, string>();
  const waiting = new Map<string, (code: string) => void>();
  let port: number | undefined;
  const listening = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the verification server exited (${code})`)));
    child.on('message', (message: FromVerificationServer) => {
      if (message.type === 'listening') {
        port = message.port;
        resolve();
      } else {
        const waiter = waiting.get(message.phone);
        waiting.delete(message.phone);
        if (waiter === undefined) codes.set(message.phone, message.code);
        else waiter(message.code);
      }
    });
  });
  await listening;
  return {
    baseUrl: `http://127.0.0.1:${port}/sms`,
    readCode(phone) {
      const code = codes.get(phone);
      codes.delete(phone);
      if (code !== undefined) return Promise.resolve(code);
      // The IPC message may come after the HTTP answer; a code that never comes ends the flow.
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(phone);
          resolve(undefined);
        }, 2_000);
        waiting.set(phone, (delivered) => {
          clearTimeout(timer);
          resolve(delivered);
        });
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const numbers = Array.from(
  { length: 400 },
  (_, index) => `+86138${String(index).padStart(8, '0')}`,
);

async function drive(server: Server, settings: VerificationLoadSettings, durationMs: number) {
  const result = await driveVerificationLoad({
    baseUrls: [server.baseUrl],
    readCode: (phone) => server.readCode(phone),
    numbers,
    clientIps: ['198.51.100.1', '198.51.100.2', '2001:db8:7::1'],
    concurrency: settings.concurrency,
    durationMs,
  });
  const seconds = result.elapsedMs / 1_000;
  const accepted = result.requests.filter(
    (request) => request.kind === 'send' && request.status === 202,
  ).length;
  return {
    requestsPerSecond: result.requestsPerSecond,
    flowsPerSecond: accepted / seconds,
    p50Ms: result.latencyMs.p50,
    p99Ms: result.latencyMs.p99,
    maxMs: result.latencyMs.max,
    failures: result.requests.filter((request) => request.status === 0 || request.status >= 500)
      .length,
  };
}

/**
 * The Express verification load test as a benchmark: `@smskit/express` in a fresh process per
 * store (memory, and Redis when `redis-server` is installed), driven by `driveVerificationLoad`
 * from this process over loopback. Each server is warmed up for a second, then measured for
 * `durationMs` per round, the stores taking turns.
 */
export async function measureVerificationLoad(
  settings: VerificationLoadSettings,
): Promise<VerificationLoadResult[]> {
  const progress = settings.onProgress ?? (() => undefined);
  const redis = await startRedisServer().catch((error: unknown) => error as Error);
  const servers: { store: 'memory' | 'redis'; server: Server | undefined; skipped?: string }[] = [];
  try {
    servers.push({ store: 'memory', server: await startServer(['memory']) });
    if (redis instanceof Error) {
      servers.push({ store: 'redis', server: undefined, skipped: redis.message });
    } else {
      servers.push({ store: 'redis', server: await startServer(['redis', redis.url]) });
    }
    for (const { store, server } of servers) {
      if (server === undefined) continue;
      progress(`verification load, ${store} store: warming up`);
      await drive(server, settings, 1_000);
    }
    const runs = new Map<string, VerificationLoadRun[]>();
    for (let round = 0; round < settings.rounds; round += 1) {
      for (const { store, server } of servers) {
        if (server === undefined) continue;
        progress(`verification load, ${store} store: round ${round + 1} of ${settings.rounds}`);
        const list = runs.get(store) ?? [];
        list.push(await drive(server, settings, settings.durationMs));
        runs.set(store, list);
      }
    }
    return servers.map(({ store, skipped }) => ({ store, runs: runs.get(store) ?? [], skipped }));
  } finally {
    for (const { server } of servers) await server?.stop();
    if (!(redis instanceof Error)) await redis.stop();
  }
}
