import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { builtFile } from '../paths.js';

/** A running stub server process; see `aliyun-stub-server.ts`. */
export interface StubServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts the stub in its own Node process and waits until it listens. */
export async function startStubServer(): Promise<StubServer> {
  // stdin is a pipe so that the stub stops when this process goes away, however it ends.
  const child = spawn(process.execPath, [builtFile('stub/aliyun-stub-server.js')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const [line] = (await Promise.race([
    once(lines, 'line'),
    exited.then(([code]) => {
      throw new Error(`the stub server exited (${code}) before it listened`);
    }),
  ])) as [string];
  lines.close();
  const { port } = JSON.parse(line) as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
