import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it, vi } from 'vitest';
import { buildSmsPolicyDocument } from './sms-policy-document.js';
import { SmsSenderIdentity } from './sms-sender-identity.js';
import {
  type MockDeployment,
  mockAccountId,
  resolved,
  settle,
  startMockDeployment,
} from './testing/mock-deployment.js';

const types = {
  user: 'alicloud:ram/user:User',
  loginProfile: 'alicloud:ram/loginProfile:LoginProfile',
  policy: 'alicloud:ram/policy:Policy',
  userPolicy: 'alicloud:ram/userPolicyAttachment:UserPolicyAttachment',
  accessKey: 'alicloud:ram/accessKey:AccessKey',
  accessKeyPolicy: 'alicloud:ram/accessKeyPolicy:AccessKeyPolicy',
  role: 'alicloud:ram/role:Role',
  rolePolicy: 'alicloud:ram/rolePolicyAttachment:RolePolicyAttachment',
};

/** Creates the component under mocks and waits until every resource has been registered. */
async function deploy(
  args: ConstructorParameters<typeof SmsSenderIdentity>[1],
  opts?: pulumi.ComponentResourceOptions,
): Promise<{ deployment: MockDeployment; identity: SmsSenderIdentity }> {
  const deployment = await startMockDeployment();
  const identity = new SmsSenderIdentity('sms-sender', args, opts);
  await settle();
  return { deployment, identity };
}

describe('SmsSenderIdentity', () => {
  it('creates an API-only user, the SMS policy, its attachment and one AccessKey', async () => {
    const { deployment, identity } = await deploy({
      userName: 'shop-sms',
      policyName: 'shop-sms-send',
      accessKeyGenerations: ['2025-01'],
    });

    expect(deployment.resources.map(({ type, name }) => `${type} ${name}`).sort()).toEqual(
      [
        `${types.user} sms-sender-user`,
        `${types.policy} sms-sender-policy`,
        `${types.userPolicy} sms-sender-user-policy`,
        `${types.accessKey} sms-sender-key-2025-01`,
      ].sort(),
    );
    expect(deployment.ofType(types.loginProfile)).toEqual([]);
    expect(deployment.single(types.user).inputs).toEqual({
      name: 'shop-sms',
      comments: 'Sends SMS verification codes (smskit). API access only. Managed by Pulumi.',
    });
    const policy = deployment.single(types.policy).inputs;
    expect(policy).toMatchObject({
      policyName: 'shop-sms-send',
      rotateStrategy: 'DeleteOldestNonDefaultVersionWhenLimitExceeded',
    });
    // SendSms only, over HTTPS only; the document itself is pinned down in its own test.
    expect(policy.policyDocument).toBe(
      buildSmsPolicyDocument({ actions: ['dysms:SendSms'], httpsOnly: true }),
    );
    expect(deployment.single(types.userPolicy).inputs).toEqual({
      userName: 'shop-sms',
      policyName: 'shop-sms-send',
      policyType: 'Custom',
    });
    expect(deployment.single(types.accessKey).inputs).toEqual({
      userName: 'shop-sms',
      status: 'Active',
    });

    expect(await resolved(identity.userName as pulumi.Output<string>)).toBe('shop-sms');
    expect(await resolved(identity.accessKeyId as pulumi.Output<string>)).toBe(
      'LTAI5tMocksmssenderkey202501',
    );
    expect(identity.accessKeyEncryptedSecret).toBeUndefined();
    expect(identity.role).toBeUndefined();
  });

  it('exposes the active secret only as a Pulumi secret', async () => {
    const { identity } = await deploy({ accessKeyGenerations: ['1'] });
    const secret = identity.accessKeySecret as pulumi.Output<string>;
    expect(await pulumi.isSecret(secret)).toBe(true);
    expect(await resolved(secret)).toBe('mock-secret-of-sms-sender-key-1');
  });

  it('keeps two generations side by side, the last one active', async () => {
    const { deployment, identity } = await deploy({
      accessKeyGenerations: ['2025-01', '2025-07'],
      inactiveAccessKeyGenerations: ['2025-01'],
    });
    expect(
      deployment.ofType(types.accessKey).map(({ name, inputs }) => [name, inputs.status]),
    ).toEqual([
      ['sms-sender-key-2025-01', 'Inactive'],
      ['sms-sender-key-2025-07', 'Active'],
    ]);
    expect(identity.accessKeys.map(({ generation, active }) => [generation, active])).toEqual([
      ['2025-01', false],
      ['2025-07', true],
    ]);
    expect(await resolved(identity.accessKeyId as pulumi.Output<string>)).toBe(
      'LTAI5tMocksmssenderkey202507',
    );
    expect(await resolved(identity.accessKeySecret as pulumi.Output<string>)).toBe(
      'mock-secret-of-sms-sender-key-2025-07',
    );
  });

  it('gives every AccessKey the user name, whatever the arguments', async () => {
    for (const args of [
      { accessKeyGenerations: ['a'] },
      { accessKeyGenerations: ['a', 'b'], userName: 'named' },
      { accessKeyGenerations: ['a'], pgpKey: 'mQENBFake', role: { ecs: true } },
    ]) {
      const { deployment } = await deploy(args);
      const userName = deployment.single(types.user).inputs.name;
      const keys = deployment.ofType(types.accessKey);
      expect(keys.length).toBe(args.accessKeyGenerations.length);
      for (const key of keys) expect(key.inputs.userName).toBe(userName);
    }
  });

  it('refuses a third generation before creating any key', async () => {
    const deployment = await startMockDeployment();
    expect(
      () => new SmsSenderIdentity('sms-sender', { accessKeyGenerations: ['2024', '2025', '2026'] }),
    ).toThrow(/args\.accessKeyGenerations: lists 3 generations, but Aliyun allows at most 2/);
    await settle();
    expect(deployment.ofType(types.accessKey)).toEqual([]);
  });

  it('refuses to create nothing, and to disable the active key', async () => {
    await startMockDeployment();
    expect(() => new SmsSenderIdentity('sms-sender', {})).toThrow(
      'args: nothing to create: list an AccessKey generation (accessKeyGenerations) or ask for a role (role)',
    );
    expect(
      () =>
        new SmsSenderIdentity('other', {
          accessKeyGenerations: ['a'],
          inactiveAccessKeyGenerations: ['a'],
        }),
    ).toThrow(pulumi.ResourceError);
    await settle();
  });

  it('with a PGP key, exposes only the encrypted secret', async () => {
    const { deployment, identity } = await deploy({
      accessKeyGenerations: ['1'],
      pgpKey: 'mQENBFakeKey',
    });
    expect(deployment.single(types.accessKey).inputs).toEqual({
      userName: 'sms-sender',
      status: 'Active',
      pgpKey: 'mQENBFakeKey',
    });
    expect(identity.accessKeySecret).toBeUndefined();
    expect(await resolved(identity.accessKeyEncryptedSecret as pulumi.Output<string>)).toBe(
      'wcFMA-mock-encrypted-sms-sender-key-1',
    );
  });

  it('limits the SMS policy to source addresses, HTTPS and the chosen actions', async () => {
    const { deployment } = await deploy({
      accessKeyGenerations: ['1'],
      actions: ['dysms:SendSms', pulumi.output('dysms:QuerySendDetails')],
      sourceIps: pulumi.output(['203.0.113.0/24']),
      httpsOnly: false,
    });
    expect(JSON.parse(String(deployment.single(types.policy).inputs.policyDocument))).toEqual({
      Version: '1',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['dysms:SendSms', 'dysms:QuerySendDetails'],
          Resource: '*',
          Condition: { IpAddress: { 'acs:SourceIp': ['203.0.113.0/24'] } },
        },
      ],
    });
  });

  it('puts a network policy on every AccessKey when asked for one', async () => {
    const { deployment } = await deploy({
      userName: 'shop-sms',
      accessKeyGenerations: ['a', 'b'],
      accessKeyAllowedIps: ['203.0.113.7'],
    });
    expect(
      deployment.ofType(types.accessKeyPolicy).map(({ name, inputs }) => [name, inputs]),
    ).toEqual(
      ['a', 'b'].map((generation) => [
        `sms-sender-key-${generation}-network-policy`,
        {
          userAccessKeyId: `LTAI5tMocksmssenderkey${generation}`,
          userPrincipalName: `shop-sms@${mockAccountId}.onaliyun.com`,
          accessKeyPolicy:
            '{"Version":1,"Status":"Active","Statements":[{"Type":"ClassicWhiteList","IPList":["203.0.113.7"]}]}',
        },
      ]),
    );
  });

  it('adds a role with the same policy, assumable by ECS and an OIDC provider', async () => {
    const providerArn = `acs:ram::${mockAccountId}:oidc-provider/ack-rrsa-c0ffee`;
    const { deployment, identity } = await deploy({
      accessKeyGenerations: ['1'],
      policyName: 'sms-send',
      role: {
        roleName: 'sms-sender-role',
        maxSessionDuration: 7200,
        ecs: true,
        oidc: {
          providerArn,
          issuer: 'https://oidc.example.com/c0ffee',
          subjects: [pulumi.output('system:serviceaccount:auth:logto')],
        },
      },
    });
    const role = deployment.single(types.role).inputs;
    expect(role).toMatchObject({ roleName: 'sms-sender-role', maxSessionDuration: 7200 });
    expect(JSON.parse(String(role.assumeRolePolicyDocument)).Statement).toEqual([
      { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['ecs.aliyuncs.com'] } },
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { Federated: [providerArn] },
        Condition: {
          StringEquals: {
            'oidc:iss': 'https://oidc.example.com/c0ffee',
            'oidc:aud': 'sts.aliyuncs.com',
            'oidc:sub': ['system:serviceaccount:auth:logto'],
          },
        },
      },
    ]);
    expect(deployment.single(types.rolePolicy).inputs).toEqual({
      roleName: 'sms-sender-role',
      policyName: 'sms-send',
      policyType: 'Custom',
    });
    expect(await resolved(identity.roleArn as pulumi.Output<string>)).toBe(
      `acs:ram::${mockAccountId}:role/sms-sender-role`,
    );
  });

  it('key-less: a role and the policy, no user and no key', async () => {
    const { deployment, identity } = await deploy({ role: { ecs: true } });
    expect(deployment.resources.map(({ type }) => type).sort()).toEqual(
      [types.policy, types.role, types.rolePolicy].sort(),
    );
    expect(deployment.single(types.role).inputs.roleName).toBe('sms-sender');
    expect(identity.accessKeyId).toBeUndefined();
    expect(identity.accessKeySecret).toBeUndefined();
    expect(identity.user).toBeUndefined();
  });

  it('parents every child to itself and forwards its options', async () => {
    const deployment = await startMockDeployment();
    const app = new pulumi.ComponentResource('example:app:App', 'app');
    const identity = new SmsSenderIdentity(
      'sms-sender',
      { accessKeyGenerations: ['1'], role: { ecs: true } },
      { parent: app },
    );
    const children = [
      identity.policy,
      identity.user,
      identity.role,
      ...identity.accessKeys.map(({ accessKey }) => accessKey),
    ];
    expect(await resolved(identity.urn)).toBe(
      'urn:pulumi:dev::smskit-sms::example:app:App$smskit:aliyun:SmsSenderIdentity::sms-sender',
    );
    // The mock engine qualifies a type with its parent's type only; the real one with the chain.
    for (const child of children) {
      expect(await resolved((child as pulumi.CustomResource).urn)).toMatch(
        /^urn:pulumi:dev::smskit-sms::smskit:aliyun:SmsSenderIdentity\$alicloud:ram\//,
      );
    }
    await settle();
    expect(deployment.resources).toHaveLength(6);
  });

  it('registers its outputs when done', async () => {
    const registerOutputs = vi.spyOn(
      SmsSenderIdentity.prototype as unknown as { registerOutputs(outputs: object): void },
      'registerOutputs',
    );
    await deploy({ accessKeyGenerations: ['1'] });
    // Pulumi's base class also registers the (empty) outputs of `initialize` itself.
    const registered = registerOutputs.mock.calls.map(([outputs]) => Object.keys(outputs ?? {}));
    expect(registered).toContainEqual([
      'policyName',
      'userName',
      'accessKeyId',
      'accessKeySecret',
      'accessKeyEncryptedSecret',
      'roleArn',
    ]);
  });
});
