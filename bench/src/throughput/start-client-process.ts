import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import type { BenchTarget } from '../clients/bench-client.js';
import { builtFile } from '../paths.js';
import type {
  BatchMeasurement,
  FromClientProcess,
  ToClientProcess,
} from './client-process-messages.js';

/** The harness's side of a client process. */
export interface ClientProcess {
  readonly pid: number;
  run(count: number, concurrency: number): Promise<BatchMeasurement>;
  /** Closes the client and returns the process's peak RSS; the process then exits. */
  finish(): Promise<{ peakRssBytes: number }>;
  /** Ends the process at once (after a failure). */
  kill(): void;
}

/** What a client process runs: a module of `clients/` with its variant. */
export interface ClientProcessSpec {
  readonly module: string;
  readonly variant: Readonly<Record<string, string>>;
}

/**
 * Starts a fresh Node process for one client, sets the client up (after one send to `check`,
 * when given) and resolves once it is ready to send to `target`. `nodeOptions` are flags for
 * that Node process (`--cpu-prof`).
 */
export async function startClientProcess(
  spec: ClientProcessSpec,
  target: BenchTarget,
  options: { check?: BenchTarget | undefined; nodeOptions?: readonly string[] } = {},
): Promise<ClientProcess> {
  const child = fork(builtFile('throughput/client-process.js'), [], {
    execArgv: [...(options.nodeOptions ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const ask = <T extends FromClientProcess['type']>(
    message: ToClientProcess,
    expected: T,
  ): Promise<Extract<FromClientProcess, { type: T }>> =>
    new Promise((resolve, reject) => {
      const onMessage = (answer: FromClientProcess) => {
        cleanUp();
        if (answer.type === expected) resolve(answer as Extract<FromClientProcess, { type: T }>);
        else if (answer.type === 'failed') reject(new Error(`${spec.module}: ${answer.message}`));
        else reject(new Error(`${spec.module}: expected ${expected}, got ${answer.type}`));
      };
      const onExit = (code: number | null) => {
        cleanUp();
        reject(new Error(`${spec.module}: the client process exited (${code})`));
      };
      const cleanUp = () => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send(message);
    });

  const handle: ClientProcess = {
    pid: child.pid as number,
    async run(count, concurrency) {
      const { type: _type, ...measurement } = await ask({ type: 'run', count, concurrency }, 'ran');
      return measurement;
    },
    async finish() {
      const { peakRssBytes } = await ask({ type: 'finish' }, 'finished');
      await exited;
      return { peakRssBytes };
    },
    kill: () => killChild(child),
  };
  try {
    await ask(
      { type: 'setup', module: spec.module, variant: spec.variant, target, check: options.check },
      'ready',
    );
  } catch (error) {
    handle.kill();
    throw error;
  }
  return handle;
}

function killChild(child: ChildProcess) {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
