// The `smskit-aliyun` bin as users run it: the built file, spawned with Node, against the emulator.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { demoConnectorConfig, demoStsCredentials } from '@smskit/aliyun-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../../test/use-emulator.js';

const run = promisify(execFile);
const bin = new URL('../../dist/cli/main.js', import.meta.url).pathname;
const emulator = useEmulator();
let directory: string;

beforeAll(async () => {
  // `./run test` builds every package before vitest; alone, run `pnpm build` first.
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run pnpm build first`);
  directory = await mkdtemp(join(tmpdir(), 'smskit-aliyun-bin-'));
  await writeFile(
    join(directory, 'aliyun.json'),
    JSON.stringify({ ...demoConnectorConfig, ...demoStsCredentials }),
  );
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** `line` split on spaces, then the emulator's endpoint unless `endpoint` is false. */
const argv = (line: string, endpoint = true) => [
  ...line.split(' '),
  ...(endpoint ? ['--endpoint', emulator().url] : []),
];

const smskitAliyun = (args: string[]) =>
  run(process.execPath, [bin, ...args], {
    cwd: directory,
    env: { PATH: process.env.PATH ?? '' },
  }).then(
    ({ stdout, stderr }) => ({ exitCode: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      exitCode: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );

describe('smskit-aliyun (spawned)', () => {
  it('sends through the emulator with STS credentials from a config file and exits 0', async () => {
    const { exitCode, stdout, stderr } = await smskitAliyun(
      argv('send --to +85261234567 --usage-type SignIn --code 8642 --config aliyun.json'),
    );
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    expect(stdout).toMatch(/^Sent SignIn code 8642 to \+85261234567 \(overseas route\)/);
    expect(emulator().inbox.last('+85261234567')).toMatchObject({
      params: { code: '8642' },
      templateCode: 'SMS_INTL_SIGN_IN',
    });
  });

  it('prints a dry run without the security token and sends nothing', async () => {
    const { exitCode, stdout } = await smskitAliyun(
      argv('send --to 13800138000 --usage-type SignIn --config aliyun.json --dry-run --json'),
    );
    expect(exitCode).toBe(0);
    expect(stdout).not.toContain(demoStsCredentials.securityToken);
    expect(stdout).not.toContain(demoStsCredentials.accessKeySecret);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: true,
      dryRun: true,
      route: 'china',
      request: { method: 'POST', headers: { 'x-acs-security-token': '[redacted]' } },
    });
    expect(emulator().inbox.list()).toEqual([]);
  });

  it('exits 2 on a usage error and 1 when Aliyun refuses', async () => {
    expect(await smskitAliyun(argv('send', false))).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/--to is required/),
    });
    await writeFile(
      join(directory, 'unknown-sign.json'),
      JSON.stringify({ ...demoConnectorConfig, signName: 'nobody' }),
    );
    expect(
      await smskitAliyun(
        argv('send --to 13800138000 --usage-type SignIn --config unknown-sign.json'),
      ),
    ).toMatchObject({
      exitCode: 1,
      stderr: expect.stringMatching(/isv\.SMS_SIGNATURE_ILLEGAL/),
    });
  });
});
