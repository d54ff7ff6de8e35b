import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaSend } from './test-support/emulator-fixture.js';
import { send, signV1 } from './test-support/sign-request.js';

const run = promisify(execFile);
const packageDir = resolve(import.meta.dirname, '..');
// The CLI as published: compiled from the current sources into a folder of its own, so that
// the test neither depends on nor races with the package build.
const compiled = join(packageDir, 'node_modules/.cache/cli-test');
const cli = join(compiled, 'cli.js');
let configDir: string;

beforeAll(async () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await run(process.execPath, [
    tsc,
    '-p',
    join(packageDir, 'tsconfig.build.json'),
    '--outDir',
    compiled,
    '--declaration',
    'false',
    '--declarationMap',
    'false',
    '--sourceMap',
    'false',
  ]);
  configDir = await mkdtemp(join(tmpdir(), 'smskit-emulator-cli-'));
}, 120_000);

afterAll(async () => {
  await rm(configDir, { recursive: true, force: true });
});

/** Starts the CLI and resolves once it printed its banner. */
function startCli(
  args: string[],
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url !== undefined && output.includes('Press Ctrl+C to stop.')) {
        resolvePromise({ child, url, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

const exit = (child: ChildProcess) =>
  new Promise<number | null>((resolvePromise) => {
    if (child.exitCode !== null) resolvePromise(child.exitCode);
    else child.on('exit', (code) => resolvePromise(code));
  });

describe('smskit-emulator', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'serves the demo config, prints the URL and demo credentials, and stops on %s',
    async (signal) => {
      const { child, url, output } = await startCli(['--port', '0']);
      try {
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        expect(output()).toContain('LTAI5tSmskitDemoKey001');
        expect(output()).toContain('smskit-emulator-demo-secret');
        const answer = await send(
          url,
          signV1({
            accessKeyId: 'LTAI5tSmskitDemoKey001',
            accessKeySecret: 'smskit-emulator-demo-secret',
            action: 'SendSms',
            params: chinaSend,
          }),
        );
        expect(answer.json.Code).toBe('OK');
        // A live page keeps a connection open; stopping must not wait for it.
        const events = await fetch(`${url}/_emulator/events`);
        child.kill(signal);
        expect(await exit(child)).toBe(0);
        expect(output()).toContain('Stopped.');
        await events.body?.cancel().catch(() => undefined);
      } finally {
        child.kill('SIGKILL');
      }
    },
    30_000,
  );

  it('serves a config file, printing its key IDs but not its secrets', async () => {
    const file = join(configDir, 'config.json');
    await writeFile(
      file,
      JSON.stringify({
        accessKeys: [{ id: 'my-key', secret: 'my-secret-value' }],
        rateLimits: false,
      }),
    );
    const { child, url, output } = await startCli([
      '--config',
      file,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ]);
    try {
      expect(output()).toContain('my-key');
      expect(output()).not.toContain('my-secret-value');
      const request = signV1({
        accessKeyId: 'my-key',
        accessKeySecret: 'my-secret-value',
        action: 'SendSms',
        params: chinaSend,
      });
      expect((await send(url, request)).json.Code).toBe('OK');
      child.kill('SIGTERM');
      expect(await exit(child)).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);

  it('refuses a config that does not validate, naming the field', async () => {
    const file = join(configDir, 'bad.json');
    await writeFile(
      file,
      JSON.stringify({ templates: [{ code: 'SMS_1', route: 'mars', text: 'x' }] }),
    );
    const failure = await run(process.execPath, [cli, '--config', file]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('templates[0].route'),
    });
  });

  it('refuses a config file that is not JSON', async () => {
    const file = join(configDir, 'broken.json');
    await writeFile(file, '{ nope');
    const failure = await run(process.execPath, [cli, '--config', file]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining('broken.json') });
  });

  it('prints its usage with --help and refuses unknown options', async () => {
    const { stdout } = await run(process.execPath, [cli, '--help']);
    expect(stdout).toContain(
      'Usage: smskit-emulator [--port 4010] [--host 127.0.0.1] [--config file.json]',
    );
    const failure = await run(process.execPath, [cli, '--bogus']).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('--bogus') });
  });
});
