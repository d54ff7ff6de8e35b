// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Aliyun template texts use ${name} placeholders.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../start-emulator.js';
import {
  demoConfig,
  demoConnectorConfig,
  demoCredentials,
  demoStsCredentials,
} from './demo-config.js';
import { EmulatorConfigError } from './emulator-config-error.js';
import { emulatorConfigSchema } from './emulator-config-schema.js';
import { readEmulatorConfig } from './read-emulator-config.js';

const usageTypes = [
  ['Register', 'REGISTER'],
  ['SignIn', 'SIGN_IN'],
  ['ForgotPassword', 'FORGOT_PASSWORD'],
  ['Generic', 'GENERIC'],
  ['OrganizationInvitation', 'ORGANIZATION_INVITATION'],
  ['UserPermissionValidation', 'USER_PERMISSION_VALIDATION'],
  ['BindNewIdentifier', 'BIND_NEW_IDENTIFIER'],
  ['MfaVerification', 'MFA_VERIFICATION'],
  ['BindMfa', 'BIND_MFA'],
] as const;

describe('the demo config', () => {
  it('has the demo key and the STS key', () => {
    expect(demoConfig.accessKeys).toEqual([
      { id: 'LTAI5tSmskitDemoKey001', secret: 'smskit-emulator-demo-secret' },
      {
        id: 'STS.SmskitDemoKey001',
        secret: 'smskit-emulator-demo-sts-secret',
        securityToken: 'smskit-emulator-demo-security-token',
      },
    ]);
    expect(demoCredentials).toEqual({
      accessKeyId: 'LTAI5tSmskitDemoKey001',
      accessKeySecret: 'smskit-emulator-demo-secret',
    });
    expect(demoStsCredentials.securityToken).toBe('smskit-emulator-demo-security-token');
  });

  it('has the three signs', () => {
    expect(demoConfig.signs).toEqual([
      { name: 'smskit', routes: ['china', 'overseas'] },
      { name: 'smskit-cn', routes: ['china'] },
      { name: 'smskit-intl', routes: ['overseas'] },
    ]);
  });

  it.each(usageTypes)('has a verification template per route for %s', (_usageType, upperSnake) => {
    const china = demoConfig.templates.find((template) => template.code === `SMS_CN_${upperSnake}`);
    const overseas = demoConfig.templates.find(
      (template) => template.code === `SMS_INTL_${upperSnake}`,
    );
    expect(china).toMatchObject({ route: 'china', type: 'verification', variables: ['code'] });
    expect(overseas).toMatchObject({
      route: 'overseas',
      type: 'verification',
      variables: ['code'],
    });
    expect(china?.text).toMatch(/^[^A-Za-z]*\$\{code\}[^A-Za-z]*$/);
    expect(overseas?.text).toMatch(/^[\x20-\x7e]*\$\{code\}[\x20-\x7e]*$/);
  });

  it("has Aliyun's default flow control and no faults", () => {
    expect(demoConfig.rateLimits).toEqual({ perMinute: 1, perHour: 5, perDay: 10 });
    expect(demoConfig.faults).toEqual([]);
    expect(demoConfig.templates).toHaveLength(18);
  });

  it('comes with a connector config in Logto’s shape', () => {
    expect(demoConnectorConfig).toEqual({
      accessKeyId: 'LTAI5tSmskitDemoKey001',
      accessKeySecret: 'smskit-emulator-demo-secret',
      signName: 'smskit',
      templates: usageTypes.map(([usageType, upperSnake]) => ({
        usageType,
        templateCode: { china: `SMS_CN_${upperSnake}`, overseas: `SMS_INTL_${upperSnake}` },
      })),
    });
  });
});

describe('config validation', () => {
  it('fills every missing field from the demo config', () => {
    expect(readEmulatorConfig({})).toEqual(demoConfig);
    expect(readEmulatorConfig({ rateLimits: false })).toEqual({ ...demoConfig, rateLimits: false });
    expect(emulatorConfigSchema.parse({ signs: [{ name: 'x' }] }).signs).toEqual([
      { name: 'x', routes: ['china', 'overseas'] },
    ]);
  });

  it('reads template variables from the text unless given', () => {
    const [template] = readEmulatorConfig({
      templates: [
        { code: 'SMS_1', route: 'china', text: '订单${order}由${carrier}配送，${order}' },
      ],
    }).templates;
    expect(template?.variables).toEqual(['order', 'carrier']);
  });

  it.each([
    [{ accessKeys: [] }, 'accessKeys'],
    [{ accessKeys: [{ id: 'a' }] }, 'accessKeys[0].secret'],
    [
      {
        accessKeys: [
          { id: 'a', secret: 's' },
          { id: 'a', secret: 't' },
        ],
      },
      'accessKeys[1]',
    ],
    [{ signs: [{ name: 'x', routes: ['mars'] }] }, 'signs[0].routes[0]'],
    [{ templates: [{ code: 'SMS_1', route: 'moon', text: 't' }] }, 'templates[0].route'],
    [
      { templates: [{ code: 'SMS_1', route: 'china', variables: ['code'], text: '${name}' }] },
      'templates[0].text',
    ],
    [{ rateLimits: { perMinute: 0 } }, 'rateLimits.perMinute'],
    [{ faults: [{ type: 'status', status: 404 }] }, 'faults[0].status'],
    [{ inboxLimit: -1 }, 'inboxLimit'],
    [{ unknown: true }, '(config)'],
  ])('names the wrong field of %j', (input, field) => {
    try {
      readEmulatorConfig(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EmulatorConfigError);
      expect((error as EmulatorConfigError).field).toBe(field);
      expect((error as EmulatorConfigError).message).toContain(field);
    }
  });

  it('never repeats a value, so a secret stays out of the error', () => {
    try {
      readEmulatorConfig({ accessKeys: [{ id: 'a', secret: 'top-secret-value', extra: 'x' }] });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain('top-secret-value');
      expect(inspect(error, { depth: 10 })).not.toContain('top-secret-value');
    }
  });

  it('makes startEmulator throw before listening', async () => {
    await expect(
      startEmulator({ templates: [{ code: '', route: 'china', text: 'x' }] }),
    ).rejects.toThrow(/templates\[0\]\.code/);
  });

  it('keeps secrets out of what startEmulator returns', async () => {
    await using emulator = await startEmulator({
      accessKeys: [{ id: 'k', secret: 'very-secret-value', securityToken: 'very-secret-token' }],
    });
    const shown = `${inspect(emulator, { depth: 10, showHidden: true })}${JSON.stringify(emulator)}`;
    expect(shown).not.toContain('very-secret-value');
    expect(shown).not.toContain('very-secret-token');
  });
});
