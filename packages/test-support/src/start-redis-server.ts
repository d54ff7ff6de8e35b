import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';

/** A redis-server started by {@link startRedisServer}. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Stops the server (SIGTERM to the process this helper started) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Options of {@link startRedisServer}. */
export interface StartRedisServerOptions {
  /** The server binary. Default `redis-server` (Debian's package of that name). */
  command?: string;
  /** Ports to try when the chosen one was taken meanwhile. Default 5. */
  attempts?: number;
  /** Milliseconds to wait for "Ready to accept connections". Default 10000. */
  readyTimeoutMs?: number;
}

const host = '127.0.0.1';

/** A port that was free a moment ago (redis-server cannot listen on port 0 and report it). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, host);
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port was assigned');
  return address.port;
}

class PortTakenError extends Error {}

/**
 * Starts a throwaway redis-server on 127.0.0.1 with a free port, without persistence
 * (`--save '' --appendonly no`). Fails with a clear message when redis-server is missing.
 */
export async function startRedisServer(
  options: StartRedisServerOptions = {},
): Promise<RedisServer> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOn(await freePort(), options);
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt >= attempts) throw error;
    }
  }
}

function startOn(port: number, options: StartRedisServerOptions): Promise<RedisServer> {
  const command = options.command ?? 'redis-server';
  const child = spawn(
    command,
    ['--port', String(port), '--bind', host, '--save', '', '--appendonly', 'no', '--dir', tmpdir()],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = once(child, 'exit').catch(() => undefined);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };

  return new Promise<RedisServer>((resolve, reject) => {
    let output = '';
    const fail = (error: Error) => {
      clearTimeout(timer);
      void stop().finally(() => reject(error));
    };
    const timer = setTimeout(
      () =>
        fail(
          new Error(
            `redis-server was not ready within ${options.readyTimeoutMs ?? 10_000} ms:\n${output}`,
          ),
        ),
      options.readyTimeoutMs ?? 10_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve({ url: `redis://${host}:${port}`, host, port, stop });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('error', (error: NodeJS.ErrnoException) => {
      fail(
        error.code === 'ENOENT'
          ? new Error(
              `${command} is not installed. Install Debian's redis-server package ` +
                '(apt-get install redis-server), or run ./run test, which installs it.',
            )
          : error,
      );
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const reason = `redis-server exited (${signal ?? code}) before it was ready:\n${output}`;
      reject(
        /address already in use/i.test(output) ? new PortTakenError(reason) : new Error(reason),
      );
    });
  });
}
