import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { demoCredentials } from '@smskit/aliyun-emulator';
import { beforeAll, describe, expect, it } from 'vitest';

// What `./run demo` runs once its build is done: the root package.json's `demo` script after
// `&&`, started from the repository's root with the dist/ that `turbo run build` made (as
// `./run test` does before vitest).
const root = resolve(import.meta.dirname, '../../..');
const rootScript = (
  JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts.demo as string;
const startCommand = rootScript.split(' && ').at(-1) as string;

beforeAll(() => {
  if (!existsSync(resolve(import.meta.dirname, '../dist/main.js'))) {
    throw new Error(
      'examples/express-demo/dist is missing: run `pnpm turbo run build --filter @smskit/example-express-demo...` first (./run test does)',
    );
  }
});

interface Started {
  readonly child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

// The demo's own settings are the test's to choose, whatever the shell running the tests has.
const inherited = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => !/^(SMSKIT_|ALIBABA_CLOUD_|PORT$|EMULATOR_PORT$|HOST$)/.test(name),
  ),
);

function start(environment: Record<string, string>): Started {
  const child = spawn('sh', ['-c', startCommand], {
    cwd: root,
    env: { ...inherited, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolveExit) => {
    child.on('exit', (code) => resolveExit(code));
  });
  return { child, output: () => output, exited };
}

/** Resolves with the two URLs once the demo printed them, or rejects with what it printed. */
async function urls(started: Started): Promise<{ page: string; inbox: string }> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const page = /Demo page: +(\S+)/.exec(started.output())?.[1];
    const inbox = /SMS inbox: +(\S+)/.exec(started.output())?.[1];
    if (page && inbox && started.output().includes('Press Ctrl+C to stop.')) return { page, inbox };
    if (started.child.exitCode !== null) break;
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  throw new Error(`the demo did not start:\n${started.output()}`);
}

/** The exit code, or null when it took longer than `ms`. */
const exitWithin = (started: Started, ms: number) =>
  Promise.race([
    started.exited,
    new Promise<'timeout'>((resolveWait) => setTimeout(() => resolveWait('timeout'), ms)),
  ]);

describe('./run demo', () => {
  it('is the build, then the start command', () => {
    expect(rootScript).toMatch(
      /^turbo run build --filter @smskit\/example-express-demo\.\.\. .*&& exec node examples\/express-demo\/dist\/main\.js$/,
    );
  });

  it.each([
    ['Ctrl+C', ['SIGINT']],
    // Under pnpm, Ctrl+C reaches the demo twice: from the terminal and passed on by pnpm.
    ['Ctrl+C through pnpm', ['SIGINT', 'SIGINT']],
    ['SIGTERM', ['SIGTERM']],
  ] as const)(
    'prints both URLs, serves both pages, and stops cleanly on %s',
    async (_, signals) => {
      const started = start({ PORT: '0', EMULATOR_PORT: '0' });
      try {
        const { page, inbox } = await urls(started);
        expect(page).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
        expect(inbox).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
        expect(await (await fetch(page)).text()).toContain('<h1 id="phone-title">');
        expect(await (await fetch(inbox, { headers: { accept: 'text/html' } })).text()).toContain(
          '<title>SMS inbox',
        );
        // The user needs no credentials: none are printed.
        expect(started.output()).not.toContain(demoCredentials.accessKeySecret);

        // A live inbox page holds a connection open; stopping must not wait for it.
        const events = await fetch(new URL('_emulator/events', inbox));
        for (const signal of signals) {
          started.child.kill(signal);
          // Signals sent at once may merge into one.
          await new Promise((resolveWait) => setTimeout(resolveWait, 20));
        }
        expect(await exitWithin(started, 5000)).toBe(0);
        expect(started.output()).toMatch(/Stopped\.\n$/);
        await events.body?.cancel().catch(() => undefined);
        await expect(fetch(page)).rejects.toThrow();
      } finally {
        started.child.kill('SIGKILL');
      }
    },
    30_000,
  );

  it('says which port is taken and how to choose another', async () => {
    const blocker = createServer();
    await new Promise<void>((resolveListen) => blocker.listen(0, '127.0.0.1', resolveListen));
    const { port } = blocker.address() as AddressInfo;
    try {
      const started = start({ PORT: String(port), EMULATOR_PORT: '0' });
      expect(await exitWithin(started, 10_000)).toBe(1);
      expect(started.output()).toBe(
        `express-demo: port ${port} is already in use by another program. Stop it, or choose another port: PORT=${port + 1} ./run demo (PORT=0 picks a free one)\n`,
      );
      const emulatorTaken = start({ PORT: '0', EMULATOR_PORT: String(port) });
      expect(await exitWithin(emulatorTaken, 10_000)).toBe(1);
      expect(emulatorTaken.output()).toContain(`EMULATOR_PORT=${port + 1} ./run demo`);
    } finally {
      blocker.close();
    }
  }, 30_000);

  it('explains a configuration it cannot use', async () => {
    const started = start({ PORT: '0', EMULATOR_PORT: '0', SMSKIT_ALIYUN_SIGN_NAME: 'MyShop' });
    expect(await exitWithin(started, 10_000)).toBe(1);
    expect(started.output()).toMatch(
      /^express-demo: SMSKIT_ALIYUN_SIGN_NAME is set but SMSKIT_ALIYUN_TEMPLATE_CODE is not/,
    );

    const folder = await mkdtemp(join(tmpdir(), 'smskit-demo-main-'));
    try {
      const config = join(folder, 'aliyun.json');
      await writeFile(
        config,
        JSON.stringify({
          accessKeyId: 'LTAI5tMine',
          accessKeySecret: 'my-secret-value',
          signName: 'MyShop',
          templates: [],
        }),
      );
      const invalid = start({ PORT: '0', SMSKIT_ALIYUN_CONFIG: config });
      expect(await exitWithin(invalid, 10_000)).toBe(1);
      expect(invalid.output()).toBe(
        'express-demo: the Aliyun SMS options are not valid: Invalid Aliyun SMS options: templates: UsageType (Register, SignIn, ForgotPassword, Generic) should be provided in templates.\n',
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 30_000);
});
