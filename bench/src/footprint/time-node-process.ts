import { spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * The wall time in ms of `node <script>` in `cwd`, from spawn to exit: what a fresh process
 * costs (start-up, module loading, the script). Rejects when it fails.
 */
export async function timeNodeProcess(
  script: string,
  options: { cwd: string; env?: Readonly<Record<string, string>> },
): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [script], {
    cwd: options.cwd,
    // No NODE_OPTIONS or other inherited settings: bare Node and the script only.
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  const elapsed = performance.now() - started;
  if (code !== 0) {
    throw new Error(
      `node ${script} in ${options.cwd} failed (${signal ?? code}): ${stderr.trim()}`,
    );
  }
  return elapsed;
}
