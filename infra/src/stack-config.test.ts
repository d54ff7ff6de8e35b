import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  configNamespace,
  parseStackConfig,
  StackConfigError,
  stackConfigKeys,
} from './stack-config.js';

const templates = [
  { usageType: 'Register', templateCode: 'SMS_1' },
  { usageType: 'SignIn', templateCode: 'SMS_2' },
  { usageType: 'ForgotPassword', templateCode: 'SMS_3' },
  { usageType: 'Generic', templateCode: { china: 'SMS_4', overseas: 'SMS_5' } },
];

/** Config as the Pulumi CLI hands it to a program: strings as written, the rest as JSON. */
function pulumiConfig(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key.includes(':') ? key : `${configNamespace}:${key}`,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}

function problemsOf(values: Record<string, unknown>, stack = 'dev') {
  try {
    parseStackConfig(pulumiConfig(values), stack);
  } catch (error) {
    if (error instanceof StackConfigError) return error;
    throw error;
  }
  throw new Error('expected the config to be refused');
}

describe('parseStackConfig', () => {
  it('accepts the example stack config, Pulumi.dev.yaml', () => {
    const file = parseYaml(
      readFileSync(new URL('../Pulumi.dev.yaml', import.meta.url), 'utf8'),
    ) as { config: Record<string, unknown> };
    const config = parseStackConfig(pulumiConfig(file.config), 'dev');
    expect(config).toMatchObject({
      userName: 'smskit-sms-dev',
      policyName: 'smskit-sms-dev-send-sms',
      accessKeyGenerations: ['2025-01'],
      httpsOnly: true,
      signName: '阿里云短信测试',
      strictPhoneRegionNumberCheck: false,
    });
    expect(config.templates?.map((template) => template.usageType)).toEqual([
      'Register',
      'SignIn',
      'ForgotPassword',
      'Generic',
    ]);
  });

  it('fills in defaults from the stack name', () => {
    expect(parseStackConfig(pulumiConfig({ accessKeyGenerations: ['1'] }), 'prod')).toEqual({
      userName: 'smskit-sms-prod',
      policyName: 'smskit-sms-prod-send-sms',
      accessKeyGenerations: ['1'],
      inactiveAccessKeyGenerations: [],
      httpsOnly: true,
      allowBatchSend: false,
      allowQuerySendDetails: false,
      strictPhoneRegionNumberCheck: false,
    });
    // Policy names cannot hold "_" or ".", user names can.
    expect(
      parseStackConfig(pulumiConfig({ accessKeyGenerations: ['1'] }), 'eu_west.2').policyName,
    ).toBe('smskit-sms-eu-west-2-send-sms');
  });

  it('keeps string settings strings even when they look like JSON', () => {
    expect(
      parseStackConfig(pulumiConfig({ accessKeyGenerations: ['1'], userName: '1234' }), 'dev')
        .userName,
    ).toBe('1234');
  });

  it('ignores the keys of other namespaces, such as the provider region', () => {
    expect(() =>
      parseStackConfig(
        pulumiConfig({ accessKeyGenerations: ['1'], 'alicloud:region': 'cn-hangzhou' }),
        'dev',
      ),
    ).not.toThrow();
  });

  it('refuses a third AccessKey generation, naming the key and the limit', () => {
    const error = problemsOf({ accessKeyGenerations: ['2024-01', '2024-07', '2025-01'] });
    expect(error.keys).toEqual(['smskit-sms:accessKeyGenerations']);
    expect(error.message).toContain(
      'smskit-sms:accessKeyGenerations: lists 3 generations, but Aliyun allows at most 2 AccessKeys per RAM user.',
    );
    expect(error.message).toContain('remove the oldest generation (the first listed)');
  });

  it("requires Logto's four usage types in templates, with Logto's message", () => {
    const error = problemsOf({
      accessKeyGenerations: ['1'],
      signName: 'Example',
      templates: templates.filter((template) => template.usageType === 'SignIn'),
    });
    expect(error.message).toContain(
      'smskit-sms:templates: UsageType (Register, ForgotPassword, Generic) should be provided in templates.',
    );
  });

  it('names the path inside a key, as `pulumi config set --path` takes it', () => {
    const error = problemsOf({
      accessKeyGenerations: ['1'],
      signName: 'Example',
      templates: [{ usageType: 'Register', templateCode: 42 }, ...templates.slice(1)],
      sourceIps: ['203.0.113.0/24', 'office'],
    });
    expect(error.keys).toEqual(['smskit-sms:sourceIps', 'smskit-sms:templates']);
    expect(error.message).toMatch(/ {2}smskit-sms:templates\[0\]\.templateCode: /);
    expect(error.message).toContain(
      '  smskit-sms:sourceIps[1]: "office" is not an IPv4 or IPv6 address or CIDR block',
    );
  });

  it('reports every problem at once', () => {
    const error = problemsOf({
      accessKeyGenerations: 'v1',
      httpsOnly: 'yes',
      userName: '-bad',
      role: { ecs: false },
    });
    expect(error.keys).toEqual([
      'smskit-sms:userName',
      'smskit-sms:accessKeyGenerations',
      'smskit-sms:httpsOnly',
      'smskit-sms:role',
    ]);
    expect(error.message).toContain('smskit-sms:httpsOnly: Invalid input: expected boolean');
    expect(error.message).toContain(
      'smskit-sms:role: trust ECS (ecs: true), an OIDC provider (oidc), or both',
    );
  });

  it('refuses an unknown key, so that a typo does not silently drop a limit', () => {
    const error = problemsOf({ accessKeyGenerations: ['1'], sourceIP: ['203.0.113.7'] });
    expect(error.keys).toEqual(['smskit-sms:sourceIP']);
    expect(error.message).toContain(
      `smskit-sms:sourceIP: not a setting of this program; the settings are ${stackConfigKeys.join(', ')}`,
    );
  });

  it('refuses unknown keys inside a setting too', () => {
    const error = problemsOf({ accessKeyGenerations: [], role: { ecs: true, ec2: true } });
    expect(error.message).toContain('  smskit-sms:role.ec2: not a setting here');
  });

  it('refuses a config that creates nothing, and half of the Logto settings', () => {
    expect(problemsOf({ accessKeyGenerations: [] }).message).toContain(
      'smskit-sms:accessKeyGenerations: is empty and there is no role',
    );
    expect(problemsOf({}).message).toContain(
      'smskit-sms:accessKeyGenerations: is required: list one or two AccessKey generation labels, such as ["2025-01"] (or [] with a role)',
    );
    expect(problemsOf({ accessKeyGenerations: ['1'], templates }).message).toContain(
      'smskit-sms:signName: is needed too: the Logto connector config needs both signName and templates',
    );
  });

  it('refuses disabling the active generation', () => {
    expect(
      problemsOf({ accessKeyGenerations: ['a', 'b'], inactiveAccessKeyGenerations: ['b'] }).message,
    ).toContain('smskit-sms:inactiveAccessKeyGenerations[0]: "b" is the active generation');
  });

  it('accepts the key-less variant alone', () => {
    const config = parseStackConfig(
      pulumiConfig({
        accessKeyGenerations: [],
        role: { ecs: true, roleName: 'sms-sender', maxSessionDuration: 7200 },
      }),
      'dev',
    );
    expect(config.role).toEqual({ ecs: true, roleName: 'sms-sender', maxSessionDuration: 7200 });
    expect(
      parseStackConfig(pulumiConfig({ accessKeyGenerations: [], role: { ecs: true } }), 'eu_1')
        .role,
    ).toEqual({ ecs: true, roleName: 'smskit-sms-eu-1' });
  });

  it('refuses a default user name that the stack name makes invalid', () => {
    expect(problemsOf({ accessKeyGenerations: ['1'] }, 'x'.repeat(60)).message).toContain(
      'smskit-sms:userName: is not set, and the default',
    );
  });

  it('is a RunError, so that Pulumi prints the message without a stack trace', async () => {
    const pulumi = await import('@pulumi/pulumi');
    expect(pulumi.RunError.isInstance(problemsOf({}))).toBe(true);
  });
});
