import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoConnectorConfig, demoCredentials, demoStsCredentials } from '@smskit/aliyun-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../../test/use-emulator.js';
import { formatSendDate } from '../query/query-send-details.js';
import { runCli } from './run-cli.js';

const emulator = useEmulator();
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'smskit-aliyun-cli-'));
  await writeFile(join(directory, 'aliyun.json'), JSON.stringify(demoConnectorConfig));
  await writeFile(
    join(directory, 'aliyun-sts.json'),
    JSON.stringify({ ...demoConnectorConfig, ...demoStsCredentials }),
  );
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** `line` split on spaces (no argument below has one), then `rest`. */
const argv = (line: string, ...rest: string[]) => [...line.split(' ').filter(Boolean), ...rest];
/** A send of a SignIn code to a mainland number with the demo config, plus `line`. */
const send = (line = '') =>
  argv(`send --to +8613800138000 --usage-type SignIn --config aliyun.json ${line}`);
const toEmulator = () => ['--endpoint', emulator().url];

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    cwd: directory,
  });
  return { exitCode, stdout, stderr };
}

const secrets = [
  demoCredentials.accessKeySecret,
  demoStsCredentials.accessKeySecret,
  demoStsCredentials.securityToken,
];
const expectNoSecret = (...outputs: string[]) => {
  for (const output of outputs) for (const secret of secrets) expect(output).not.toContain(secret);
};

describe('smskit-aliyun send', () => {
  it('sends with a Logto-style config file and prints the result', async () => {
    const args = [
      'send',
      '--to',
      '+86 138 0013 8000',
      ...argv('--usage-type SignIn --code 123456 --config aliyun.json'),
    ];
    const { exitCode, stdout, stderr } = await cli([...args, ...toEmulator()]);
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    const [message] = emulator().inbox.list();
    expect(message).toMatchObject({
      phone: '+8613800138000',
      templateCode: 'SMS_CN_SIGN_IN',
      params: { code: '123456' },
    });
    expect(stdout).toContain('Sent SignIn code 123456 to +8613800138000 (china route)');
    expect(stdout).toContain(message?.bizId);
  });

  it('prints JSON with --json, signing with --signature-version v1 and a random code by default', async () => {
    const args = argv(
      'send --to +85261234567 --usage-type Register --signature-version v1 --json --config',
      join(directory, 'aliyun.json'),
    );
    const { exitCode, stdout } = await cli([...args, ...toEmulator()]);
    expect(exitCode).toBe(0);
    const printed = JSON.parse(stdout) as { code: string; result: { messageId: string } };
    expect(printed).toMatchObject({
      ok: true,
      code: expect.stringMatching(/^\d{6}$/),
      result: { route: 'overseas', to: '+85261234567' },
    });
    expect(emulator().inbox.last('+85261234567')).toMatchObject({
      params: { code: printed.code },
      bizId: printed.result.messageId,
    });
  });

  it('reads the sign, template and credentials from the environment without --config', async () => {
    const { exitCode } = await cli(
      argv('send --to 13800138000 --usage-type ForgotPassword --code 4321'),
      {
        SMSKIT_ALIYUN_SIGN_NAME: 'smskit-cn',
        SMSKIT_ALIYUN_TEMPLATE_CODE: 'SMS_CN_GENERIC',
        SMSKIT_ALIYUN_ENDPOINT: emulator().url,
        ALIBABA_CLOUD_ACCESS_KEY_ID: demoStsCredentials.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: demoStsCredentials.accessKeySecret,
        ALIBABA_CLOUD_SECURITY_TOKEN: demoStsCredentials.securityToken,
      },
    );
    expect(exitCode).toBe(0);
    expect(emulator().inbox.list()).toEqual([
      expect.objectContaining({
        signName: 'smskit-cn',
        templateCode: 'SMS_CN_GENERIC',
        params: { code: '4321' },
      }),
    ]);
  });

  it.each(['v3', 'v1'])(
    '--dry-run prints the signed %s request with the token redacted and sends nothing',
    async (version) => {
      const args = argv(
        `send --to +8613800138000 --usage-type SignIn --code 123456 --config aliyun-sts.json --signature-version ${version} --dry-run`,
      );
      const { exitCode, stdout } = await cli([...args, ...toEmulator()]);
      expect(exitCode).toBe(0);
      expect(emulator().inbox.list()).toEqual([]);
      expectNoSecret(stdout);
      expect(stdout).toContain(`POST ${emulator().url}/?`);
      expect(stdout).toContain('TemplateParam=%7B%22code%22%3A%22123456%22%7D');
      if (version === 'v3') {
        expect(stdout).toContain('x-acs-security-token: [redacted]');
        expect(stdout).toMatch(
          /authorization: ACS3-HMAC-SHA256 Credential=STS\.SmskitDemoKey001,SignedHeaders=[^,]*x-acs-security-token/,
        );
      } else {
        expect(stdout).toContain('SecurityToken=[redacted]');
        expect(stdout).toMatch(/&Signature=[A-Za-z0-9%]+/);
      }
    },
  );

  it('exits 1 with the reason when Aliyun refuses, without the secret', async () => {
    await writeFile(
      join(directory, 'bad-secret.json'),
      JSON.stringify({ ...demoConnectorConfig, accessKeySecret: 'wrong-secret-value' }),
    );
    const { exitCode, stdout, stderr } = await cli([
      ...argv('send --to +8613800138000 --usage-type SignIn --config bad-secret.json'),
      ...toEmulator(),
    ]);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/AUTH_FAILED, SignatureDoesNotMatch, requestId /);
    expect(`${stdout}${stderr}`).not.toContain('wrong-secret-value');
  });

  it('exits 3 when Aliyun fails on its side', async () => {
    emulator().faults.inject({ type: 'status', status: 503 }, { times: 1 });
    const { exitCode, stdout, stderr } = await cli([...send('--json'), ...toEmulator()]);
    expect(exitCode).toBe(3);
    expect(stderr).toMatch(/PROVIDER_UNAVAILABLE/);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: false,
      error: { code: 'PROVIDER_UNAVAILABLE', providerCode: 'ServiceUnavailable' },
    });
  });

  it.each([
    [argv('send --usage-type SignIn --config aliyun.json'), /--to is required/],
    [
      argv('send --to +8613800138000 --usage-type Lottery --config aliyun.json'),
      /--usage-type must be one of Register/,
    ],
    [argv('send --to +8613800138000 --usage-type SignIn'), /No config: pass --config/],
    [
      argv('send --to +8613800138000 --usage-type SignIn --config missing.json'),
      /Cannot read the config file .*missing\.json \(ENOENT\)/,
    ],
    [
      argv('send --to nope --usage-type SignIn --config aliyun.json'),
      /INVALID_PHONE_NUMBER.*field to/,
    ],
    [send('--code 12'), /field params\.code/],
    [send('--endpoint nope'), /INVALID_CONFIG.*field endpoint/],
    [send('--signature-version v2'), /--signature-version must be v3 or v1/],
    [send('--timeout soon'), /--timeout must be/],
    [argv('send --bogus'), /Unknown option '--bogus'/],
    [argv('launch'), /unknown command "launch"/],
    [[], /a command is required/],
    [
      argv('query --to 13800138000 --date 2025-01-02 --config aliyun.json'),
      /--date must be yyyyMMdd/,
    ],
  ])('exits 2 for %j', async (args, message) => {
    const { exitCode, stderr } = await cli(args);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(message);
    expect(emulator().inbox.list()).toEqual([]);
  });

  it('exits 2 for a config file that is not JSON, without quoting it', async () => {
    await writeFile(
      join(directory, 'broken.json'),
      `{ "accessKeySecret": "${demoCredentials.accessKeySecret}", }`,
    );
    const { exitCode, stdout, stderr } = await cli(
      argv('send --to +8613800138000 --usage-type SignIn --config broken.json'),
    );
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/is not valid JSON/);
    expectNoSecret(stdout, stderr);
  });

  it('exits 2 naming accessKeyId when no credentials are anywhere', async () => {
    const { exitCode, stderr } = await cli(argv('send --to +8613800138000 --usage-type SignIn'), {
      SMSKIT_ALIYUN_SIGN_NAME: 'smskit',
      SMSKIT_ALIYUN_TEMPLATE_CODE: 'SMS_CN_GENERIC',
      SMSKIT_ALIYUN_ENDPOINT: emulator().url,
    });
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/INVALID_CONFIG.*field accessKeyId/);
  });

  it('prints help', async () => {
    const { exitCode, stdout } = await cli(['--help']);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^Usage:/);
    expect(stdout).toMatch(/Exit codes: 0 ok, 1 Aliyun refused, 2 bad arguments/);
  });
});

describe('smskit-aliyun query', () => {
  it('shows the delivery status of the messages of a day', async () => {
    await cli([...send('--code 2468'), ...toEmulator()]);
    const date = formatSendDate(new Date());
    const text = await cli([
      ...argv(`query --to 13800138000 --date ${date} --config aliyun.json`),
      ...toEmulator(),
    ]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(
      /^1 message\(s\) \(requestId [^)]+\)\n {2}delivered {2}13800138000 +SMS_CN_SIGN_IN/,
    );
    const [message] = emulator().inbox.list();
    const json = await cli([
      ...argv(
        `query --to +8613800138000 --date ${date} --config aliyun.json --json --biz-id`,
        message?.bizId ?? '',
      ),
      ...toEmulator(),
    ]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      totalCount: 1,
      details: [{ status: 'delivered', content: expect.stringContaining('2468') }],
    });
  });
});
