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
let configFile: string;
let stsConfigFile: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'smskit-aliyun-cli-'));
  configFile = join(directory, 'aliyun.json');
  stsConfigFile = join(directory, 'aliyun-sts.json');
  await writeFile(configFile, JSON.stringify(demoConnectorConfig));
  await writeFile(stsConfigFile, JSON.stringify({ ...demoConnectorConfig, ...demoStsCredentials }));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(argv, {
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
    const { exitCode, stdout, stderr } = await cli([
      'send',
      '--to',
      '+86 138 0013 8000',
      '--usage-type',
      'SignIn',
      '--code',
      '123456',
      '--config',
      'aliyun.json',
      '--endpoint',
      emulator().url,
    ]);
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
    const { exitCode, stdout } = await cli([
      'send',
      '--to',
      '+85261234567',
      '--usage-type',
      'Register',
      '--config',
      configFile,
      '--endpoint',
      emulator().url,
      '--signature-version',
      'v1',
      '--json',
    ]);
    expect(exitCode).toBe(0);
    const printed = JSON.parse(stdout) as {
      ok: boolean;
      code: string;
      result: { route: string; messageId: string };
    };
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
      ['send', '--to', '13800138000', '--usage-type', 'ForgotPassword', '--code', '4321'],
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
      const { exitCode, stdout } = await cli([
        'send',
        '--to',
        '+8613800138000',
        '--usage-type',
        'SignIn',
        '--code',
        '123456',
        '--config',
        stsConfigFile,
        '--endpoint',
        emulator().url,
        '--signature-version',
        version,
        '--dry-run',
      ]);
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
    const badConfig = join(directory, 'bad-secret.json');
    await writeFile(
      badConfig,
      JSON.stringify({ ...demoConnectorConfig, accessKeySecret: 'wrong-secret-value' }),
    );
    const { exitCode, stdout, stderr } = await cli([
      'send',
      '--to',
      '+8613800138000',
      '--usage-type',
      'SignIn',
      '--config',
      badConfig,
      '--endpoint',
      emulator().url,
    ]);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/AUTH_FAILED, SignatureDoesNotMatch, requestId /);
    expect(`${stdout}${stderr}`).not.toContain('wrong-secret-value');
  });

  it('exits 3 when Aliyun fails on its side', async () => {
    emulator().faults.inject({ type: 'status', status: 503 }, { times: 1 });
    const { exitCode, stderr } = await cli([
      'send',
      '--to',
      '+8613800138000',
      '--usage-type',
      'SignIn',
      '--config',
      configFile,
      '--endpoint',
      emulator().url,
      '--json',
    ]);
    expect(exitCode).toBe(3);
    expect(stderr).toMatch(/PROVIDER_UNAVAILABLE/);
  });

  it.each([
    [['send', '--usage-type', 'SignIn', '--config', 'aliyun.json'], /--to is required/],
    [
      ['send', '--to', '+8613800138000', '--usage-type', 'Lottery', '--config', 'aliyun.json'],
      /--usage-type must be one of Register/,
    ],
    [['send', '--to', '+8613800138000', '--usage-type', 'SignIn'], /No config: pass --config/],
    [
      ['send', '--to', '+8613800138000', '--usage-type', 'SignIn', '--config', 'missing.json'],
      /Cannot read the config file .*missing\.json \(ENOENT\)/,
    ],
    [
      ['send', '--to', 'nope', '--usage-type', 'SignIn', '--config', 'aliyun.json'],
      /INVALID_PHONE_NUMBER.*field to/,
    ],
    [
      [
        'send',
        '--to',
        '+8613800138000',
        '--usage-type',
        'SignIn',
        '--code',
        '12',
        '--config',
        'aliyun.json',
      ],
      /field params\.code/,
    ],
    [
      [
        'send',
        '--to',
        '+8613800138000',
        '--usage-type',
        'SignIn',
        '--config',
        'aliyun.json',
        '--endpoint',
        'nope',
      ],
      /INVALID_CONFIG.*field endpoint/,
    ],
    [
      [
        'send',
        '--to',
        '+8613800138000',
        '--usage-type',
        'SignIn',
        '--config',
        'aliyun.json',
        '--signature-version',
        'v2',
      ],
      /--signature-version must be v3 or v1/,
    ],
    [
      [
        'send',
        '--to',
        '+8613800138000',
        '--usage-type',
        'SignIn',
        '--config',
        'aliyun.json',
        '--timeout',
        'soon',
      ],
      /--timeout must be/,
    ],
    [['send', '--bogus'], /Unknown option '--bogus'/],
    [['launch'], /unknown command "launch"/],
    [[], /a command is required/],
    [
      ['query', '--to', '13800138000', '--date', '2025-01-02', '--config', 'aliyun.json'],
      /--date must be yyyyMMdd/,
    ],
  ])('exits 2 for %j', async (argv, message) => {
    const { exitCode, stderr } = await cli(argv);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(message);
    expect(emulator().inbox.list()).toEqual([]);
  });

  it('exits 2 for a config file that is not JSON, without quoting it', async () => {
    const broken = join(directory, 'broken.json');
    await writeFile(broken, `{ "accessKeySecret": "${demoCredentials.accessKeySecret}", }`);
    const { exitCode, stdout, stderr } = await cli([
      'send',
      '--to',
      '+8613800138000',
      '--usage-type',
      'SignIn',
      '--config',
      broken,
    ]);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/is not valid JSON/);
    expectNoSecret(stdout, stderr);
  });

  it('exits 2 naming accessKeyId when no credentials are anywhere', async () => {
    const { exitCode, stderr } = await cli(
      ['send', '--to', '+8613800138000', '--usage-type', 'SignIn'],
      {
        SMSKIT_ALIYUN_SIGN_NAME: 'smskit',
        SMSKIT_ALIYUN_TEMPLATE_CODE: 'SMS_CN_GENERIC',
        SMSKIT_ALIYUN_ENDPOINT: emulator().url,
      },
    );
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
    await cli([
      'send',
      '--to',
      '+8613800138000',
      '--usage-type',
      'SignIn',
      '--code',
      '2468',
      '--config',
      configFile,
      '--endpoint',
      emulator().url,
    ]);
    const date = formatSendDate(new Date());
    const text = await cli([
      'query',
      '--to',
      '13800138000',
      '--date',
      date,
      '--config',
      configFile,
      '--endpoint',
      emulator().url,
    ]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(
      /^1 message\(s\) \(requestId [^)]+\)\n {2}delivered {2}13800138000 +SMS_CN_SIGN_IN/,
    );
    const [message] = emulator().inbox.list();
    const json = await cli([
      'query',
      '--to',
      '+8613800138000',
      '--date',
      date,
      '--biz-id',
      message?.bizId ?? '',
      '--config',
      configFile,
      '--endpoint',
      emulator().url,
      '--json',
    ]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      totalCount: 1,
      details: [{ status: 'delivered', content: expect.stringContaining('2468') }],
    });
  });
});
