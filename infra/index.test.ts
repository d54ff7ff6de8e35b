import { readFileSync } from 'node:fs';
import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildSmsPolicyDocument } from './src/sms-policy-document.js';
import { configNamespace, type StackConfigError } from './src/stack-config.js';
import {
  type MockDeployment,
  mockAccountId,
  resolved,
  settle,
  startMockDeployment,
} from './src/testing/mock-deployment.js';

type Program = typeof import('./index.js');

const templates = [
  { usageType: 'Register', templateCode: 'SMS_1' },
  { usageType: 'SignIn', templateCode: 'SMS_2' },
  { usageType: 'ForgotPassword', templateCode: 'SMS_3' },
  { usageType: 'Generic', templateCode: { china: 'SMS_4', overseas: 'SMS_5' } },
];
const logtoSettings = { signName: 'Example', templates };

/**
 * Runs the program (index.ts) under Pulumi's mocks with this stack config, as `pulumi up` would,
 * and waits until every resource is registered. Each run imports a fresh copy of the program.
 */
async function runProgram(
  config: Record<string, unknown>,
): Promise<{ deployment: MockDeployment; program: Program }> {
  const deployment = await startMockDeployment(config);
  vi.resetModules();
  const program = await import('./index.js');
  await settle();
  return { deployment, program };
}

/** The program's stack outputs: every export that holds an Output, by name. */
function outputsOf(program: Program): Map<string, pulumi.Output<unknown>> {
  const outputs = new Map<string, pulumi.Output<unknown>>();
  for (const [name, value] of Object.entries(program)) {
    if (pulumi.Output.isInstance(value)) outputs.set(name, value);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (pulumi.Output.isInstance(inner)) outputs.set(`${name}.${key}`, inner);
      }
    }
  }
  return outputs;
}

const accessKeyType = 'alicloud:ram/accessKey:AccessKey';

describe('the Pulumi program', () => {
  it('is the project its Pulumi.yaml describes, run by Node.js with pnpm', () => {
    const project = parseYaml(readFileSync(new URL('Pulumi.yaml', import.meta.url), 'utf8'));
    expect(project).toMatchObject({
      name: configNamespace,
      runtime: { name: 'nodejs', options: { packagemanager: 'pnpm' } },
    });
  });

  it('runs with the example stack config, Pulumi.dev.yaml', async () => {
    const { config } = parseYaml(
      readFileSync(new URL('Pulumi.dev.yaml', import.meta.url), 'utf8'),
    ) as { config: Record<string, unknown> };
    const { deployment, program } = await runProgram(config);
    expect(deployment.resources.map(({ type }) => type).sort()).toEqual(
      [
        'alicloud:ram/accessKey:AccessKey',
        'alicloud:ram/policy:Policy',
        'alicloud:ram/user:User',
        'alicloud:ram/userPolicyAttachment:UserPolicyAttachment',
      ].sort(),
    );
    expect(await resolved(program.ramUserName as pulumi.Output<string>)).toBe('smskit-sms-dev');
    expect(program.logtoConnectorConfig).toBeDefined();
  });

  describe('with one AccessKey generation', () => {
    it('creates the user, policy, attachment and key, and outputs what an app needs', async () => {
      const { deployment, program } = await runProgram({
        accessKeyGenerations: ['2025-01'],
        ...logtoSettings,
        strictPhoneRegionNumberCheck: true,
      });
      expect(deployment.single('alicloud:ram/user:User').inputs.name).toBe('smskit-sms-dev');
      expect(deployment.single('alicloud:ram/policy:Policy').inputs.policyName).toBe(
        'smskit-sms-dev-send-sms',
      );
      expect(deployment.single(accessKeyType).inputs).toEqual({
        userName: 'smskit-sms-dev',
        status: 'Active',
      });

      const id = 'LTAI5tMocksmssenderkey202501';
      const secret = 'mock-secret-of-sms-sender-key-2025-01';
      expect(program.activeAccessKeyGeneration).toBe('2025-01');
      expect(await resolved(program.accessKeyId as pulumi.Output<string>)).toBe(id);
      expect(await resolved(program.accessKeyIds['2025-01'] as pulumi.Output<string>)).toBe(id);
      expect(await resolved(program.accessKeySecret as pulumi.Output<string>)).toBe(secret);
      expect(program.accessKeyEncryptedSecret).toBeUndefined();
      expect(program.roleArn).toBeUndefined();

      expect(
        JSON.parse(await resolved(program.logtoConnectorConfig as pulumi.Output<string>)),
      ).toEqual({
        accessKeyId: id,
        accessKeySecret: secret,
        signName: 'Example',
        templates: templates.map((template) => ({ type: 2, ...template })),
        strictPhoneRegionNumberCheck: true,
      });
      expect(await resolved(program.smskitAliyunEnv as pulumi.Output<string>)).toBe(
        `ALIBABA_CLOUD_ACCESS_KEY_ID=${id}\nALIBABA_CLOUD_ACCESS_KEY_SECRET=${secret}\n`,
      );
    });

    it('lets only SendSms through, over HTTPS, from anywhere', async () => {
      const { deployment, program } = await runProgram({ accessKeyGenerations: ['1'] });
      const document = String(
        deployment.single('alicloud:ram/policy:Policy').inputs.policyDocument,
      );
      // The document itself is pinned down in src/sms-policy-document.test.ts.
      expect(document).toBe(
        buildSmsPolicyDocument({ actions: ['dysms:SendSms'], httpsOnly: true }),
      );
      expect(await resolved(program.policyDocument)).toBe(document);
      // Without sign name and templates there is no Logto config, but the env lines are there.
      expect(program.logtoConnectorConfig).toBeUndefined();
      expect(program.smskitAliyunEnv).toBeDefined();
    });
  });

  it('with two generations, keeps both keys and outputs the last one', async () => {
    const { deployment, program } = await runProgram({
      accessKeyGenerations: ['2025-01', '2025-07'],
      inactiveAccessKeyGenerations: ['2025-01'],
      ...logtoSettings,
    });
    expect(deployment.ofType(accessKeyType).map(({ inputs }) => inputs)).toEqual([
      { userName: 'smskit-sms-dev', status: 'Inactive' },
      { userName: 'smskit-sms-dev', status: 'Active' },
    ]);
    expect(Object.keys(program.accessKeyIds)).toEqual(['2025-01', '2025-07']);
    expect(program.activeAccessKeyGeneration).toBe('2025-07');
    expect(await resolved(program.accessKeyId as pulumi.Output<string>)).toBe(
      'LTAI5tMocksmssenderkey202507',
    );
    const logto = JSON.parse(await resolved(program.logtoConnectorConfig as pulumi.Output<string>));
    expect(logto).toMatchObject({
      accessKeyId: 'LTAI5tMocksmssenderkey202507',
      accessKeySecret: 'mock-secret-of-sms-sender-key-2025-07',
    });
  });

  it('refuses a third generation, naming the key, before creating anything', async () => {
    const deployment = await startMockDeployment({
      accessKeyGenerations: ['2024-07', '2025-01', '2025-07'],
    });
    vi.resetModules();
    const error = await import('./index.js').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    // A fresh copy of the program brings its own StackConfigError class: compare by name.
    expect((error as Error).name).toBe('StackConfigError');
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect((error as StackConfigError).keys).toEqual(['smskit-sms:accessKeyGenerations']);
    expect((error as Error).message).toMatch(
      /smskit-sms:accessKeyGenerations: lists 3 generations, but Aliyun allows at most 2 AccessKeys per RAM user/,
    );
    await settle();
    expect(deployment.resources).toEqual([]);
  });

  it.each([
    [{ accessKeyGenerations: ['1'], signName: 'x', templates: templates.slice(1) }, 'templates'],
    [{ accessKeyGenerations: ['1'], sourceIps: '203.0.113.7' }, 'sourceIps'],
    [{ accessKeyGenerations: ['1'], httpsOnly: 'no' }, 'httpsOnly'],
    [{ accessKeyGenerations: ['1'], pgpkey: 'mQENB' }, 'pgpkey'],
    [{ accessKeyGenerations: ['1'], role: { ecs: true, maxSessionDuration: 60 } }, 'role'],
  ])('fails on bad config with the key named: %j', async (config, key) => {
    await startMockDeployment(config);
    vi.resetModules();
    await expect(import('./index.js')).rejects.toThrow(`  ${configNamespace}:${key}`);
    await settle();
  });

  it('with a PGP key, outputs only the encrypted secret and says where the secret goes', async () => {
    const { deployment, program } = await runProgram({
      accessKeyGenerations: ['1'],
      pgpKey: 'mQENBFakePublicKey',
      ...logtoSettings,
    });
    expect(deployment.single(accessKeyType).inputs.pgpKey).toBe('mQENBFakePublicKey');
    expect(program.accessKeySecret).toBeUndefined();
    expect(await resolved(program.accessKeyEncryptedSecret as pulumi.Output<string>)).toBe(
      'wcFMA-mock-encrypted-sms-sender-key-1',
    );
    const placeholder = '<decrypted accessKeyEncryptedSecret>';
    expect(
      JSON.parse(await resolved(program.logtoConnectorConfig as pulumi.Output<string>))
        .accessKeySecret,
    ).toBe(placeholder);
    expect(await resolved(program.smskitAliyunEnv as pulumi.Output<string>)).toContain(
      `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${placeholder}\n`,
    );
  });

  it('limits the policy to source IPs and extra actions, or drops the HTTPS condition', async () => {
    const { deployment } = await runProgram({
      accessKeyGenerations: ['1'],
      sourceIps: ['203.0.113.0/24', '2001:db8::/48'],
      httpsOnly: false,
      allowBatchSend: true,
      allowQuerySendDetails: true,
    });
    expect(
      JSON.parse(String(deployment.single('alicloud:ram/policy:Policy').inputs.policyDocument)),
    ).toEqual({
      Version: '1',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['dysms:SendSms', 'dysms:SendBatchSms', 'dysms:QuerySendDetails'],
          Resource: '*',
          Condition: { IpAddress: { 'acs:SourceIp': ['203.0.113.0/24', '2001:db8::/48'] } },
        },
      ],
    });
  });

  it('puts a network policy on each AccessKey', async () => {
    const { deployment } = await runProgram({
      accessKeyGenerations: ['a', 'b'],
      accessKeyAllowedIps: ['198.51.100.7'],
    });
    const policies = deployment.ofType('alicloud:ram/accessKeyPolicy:AccessKeyPolicy');
    expect(policies.map(({ inputs }) => inputs.userAccessKeyId)).toEqual([
      'LTAI5tMocksmssenderkeya',
      'LTAI5tMocksmssenderkeyb',
    ]);
    for (const { inputs } of policies) {
      expect(inputs.userPrincipalName).toBe(`smskit-sms-dev@${mockAccountId}.onaliyun.com`);
      expect(JSON.parse(String(inputs.accessKeyPolicy))).toEqual({
        Version: 1,
        Status: 'Active',
        Statements: [{ Type: 'ClassicWhiteList', IPList: ['198.51.100.7'] }],
      });
    }
  });

  describe('the key-less variant', () => {
    const oidc = {
      providerArn: `acs:ram::${mockAccountId}:oidc-provider/ack-rrsa-c0ffee`,
      issuer: 'https://oidc-ack-cn-hangzhou.oss-cn-hangzhou.aliyuncs.com/c0ffee',
      subjects: ['system:serviceaccount:auth:logto'],
    };

    it('adds a role with the same policy next to the keys', async () => {
      const { deployment, program } = await runProgram({
        accessKeyGenerations: ['1'],
        role: { ecs: true, oidc },
      });
      const role = deployment.single('alicloud:ram/role:Role').inputs;
      expect(role.roleName).toBe('smskit-sms-dev');
      expect(JSON.parse(String(role.assumeRolePolicyDocument)).Statement).toHaveLength(2);
      expect(
        deployment.single('alicloud:ram/rolePolicyAttachment:RolePolicyAttachment').inputs,
      ).toEqual({
        roleName: 'smskit-sms-dev',
        policyName: 'smskit-sms-dev-send-sms',
        policyType: 'Custom',
      });
      expect(await resolved(program.roleArn as pulumi.Output<string>)).toBe(
        `acs:ram::${mockAccountId}:role/smskit-sms-dev`,
      );
      expect(await resolved(program.roleName as pulumi.Output<string>)).toBe('smskit-sms-dev');
    });

    it('alone: no user, no key, no secret outputs', async () => {
      const { deployment, program } = await runProgram({
        accessKeyGenerations: [],
        role: { roleName: 'shop-sms', oidc },
        ...logtoSettings,
      });
      expect(deployment.ofType('alicloud:ram/user:User')).toEqual([]);
      expect(deployment.ofType(accessKeyType)).toEqual([]);
      expect(program.accessKeyId).toBeUndefined();
      expect(program.logtoConnectorConfig).toBeUndefined();
      expect(program.smskitAliyunEnv).toBeUndefined();
      expect(await resolved(program.roleArn as pulumi.Output<string>)).toBe(
        `acs:ram::${mockAccountId}:role/shop-sms`,
      );
    });
  });

  describe.each([
    ['one generation', { accessKeyGenerations: ['1'], ...logtoSettings }],
    ['two generations', { accessKeyGenerations: ['1', '2'], ...logtoSettings }],
    ['pgp', { accessKeyGenerations: ['1'], pgpKey: 'mQENBFake', ...logtoSettings }],
    [
      'every option',
      {
        accessKeyGenerations: ['1', '2'],
        inactiveAccessKeyGenerations: ['1'],
        sourceIps: ['203.0.113.0/24'],
        accessKeyAllowedIps: ['203.0.113.0/24'],
        allowBatchSend: true,
        role: { ecs: true },
        ...logtoSettings,
      },
    ],
  ])('with %s', (_shape, config) => {
    it('marks every output that holds the secret as secret, and no other output holds it', async () => {
      const { program } = await runProgram(config);
      const secretOutputs = ['accessKeySecret', 'logtoConnectorConfig', 'smskitAliyunEnv'];
      for (const [name, output] of outputsOf(program)) {
        const value = JSON.stringify(await resolved(output));
        if (secretOutputs.includes(name)) {
          expect(await pulumi.isSecret(output), name).toBe(true);
        } else {
          expect(value, name).not.toContain('mock-secret-of');
        }
      }
      for (const name of secretOutputs) {
        const output = (program as Record<string, unknown>)[name];
        if (output !== undefined) expect(pulumi.Output.isInstance(output)).toBe(true);
      }
    });

    it('gives every AccessKey the RAM user name', async () => {
      const { deployment } = await runProgram(config);
      const keys = deployment.ofType(accessKeyType);
      expect(keys).toHaveLength(config.accessKeyGenerations.length);
      for (const key of keys) expect(key.inputs.userName).toBe('smskit-sms-dev');
    });
  });
});
