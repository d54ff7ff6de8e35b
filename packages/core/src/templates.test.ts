import { describe, expect, it } from 'vitest';
import { z as classic } from 'zod';
import * as mini from 'zod/mini';
import { isSmsError } from './sms-error.js';
import { resolveTemplate, templatesSchema } from './templates.js';

const required = [
  { usageType: 'Register', templateCode: 'SMS_REGISTER' },
  { usageType: 'SignIn', templateCode: { china: 'SMS_SIGNIN_CN', overseas: 'SMS_SIGNIN_INTL' } },
  { usageType: 'ForgotPassword', templateCode: 'SMS_FORGOT' },
  { usageType: 'Generic', templateCode: { china: 'SMS_GENERIC_CN', overseas: 'SMS_GENERIC_INTL' } },
];

describe('templatesSchema', () => {
  it('accepts the template list of a Logto Aliyun connector config, with type defaulting to 2', () => {
    const parsed = templatesSchema.parse([
      ...required,
      { type: 6, usageType: 'MfaVerification', templateCode: 'SMS_MFA' },
    ]);
    expect(parsed[0]).toEqual({ type: 2, usageType: 'Register', templateCode: 'SMS_REGISTER' });
    expect(parsed[4]).toEqual({ type: 6, usageType: 'MfaVerification', templateCode: 'SMS_MFA' });
  });

  it('accepts usage types it does not know, as Logto does', () => {
    expect(
      templatesSchema.safeParse([...required, { usageType: 'Test', templateCode: 'SMS_T' }])
        .success,
    ).toBe(true);
  });

  it('names every missing required usage type in one message', () => {
    const result = templatesSchema.safeParse([required[1]]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'UsageType (Register, ForgotPassword, Generic) should be provided in templates.',
    ]);
  });

  it.each([
    ['not a list', { usageType: 'Register' }],
    ['an entry without templateCode', [...required, { usageType: 'BindMfa' }]],
    [
      'a templateCode missing its overseas code',
      [...required, { usageType: 'BindMfa', templateCode: { china: 'x' } }],
    ],
    ['a templateCode that is a number', [...required, { usageType: 'BindMfa', templateCode: 1 }]],
    [
      'a type Aliyun does not have',
      [...required, { type: 3, usageType: 'BindMfa', templateCode: 'x' }],
    ],
    ['an entry that is not an object', [...required, 'SMS_1']],
  ])('rejects %s', (_, input) => {
    expect(templatesSchema.safeParse(input).success).toBe(false);
  });
});

// The schemas are zod/mini's (small bundles); zod 4's classic API and zod/mini share one core,
// so a schema of either kind nests in an object of the other, messages and defaults intact.
describe('templatesSchema inside schemas of either zod API', () => {
  const message = 'UsageType (Register, ForgotPassword, Generic) should be provided in templates.';

  it('works inside a classic zod object', () => {
    const config = classic.object({ name: classic.string().min(1), templates: templatesSchema });
    expect(config.parse({ name: 'sms', templates: required }).templates[0]).toEqual({
      type: 2,
      usageType: 'Register',
      templateCode: 'SMS_REGISTER',
    });
    expect(config.safeParse({ name: 'sms', templates: [required[1]] }).error?.issues).toMatchObject(
      [{ path: ['templates'], message }],
    );
    expect(config.optional().safeParse(undefined).success).toBe(true);
    expect(classic.optional(templatesSchema).safeParse(undefined).success).toBe(true);
  });

  it('works inside a zod/mini object that also holds a classic schema', () => {
    const config = mini.object({ name: classic.string().min(1), templates: templatesSchema });
    expect(config.parse({ name: 'sms', templates: required }).templates).toHaveLength(4);
    expect(config.safeParse({ name: '', templates: [required[1]] }).error?.issues).toMatchObject([
      { path: ['name'], code: 'too_small' },
      { path: ['templates'], message },
    ]);
  });
});

describe('resolveTemplate', () => {
  const templates = templatesSchema.parse(required);

  it('picks the code for the usage type, per route when split', () => {
    expect(resolveTemplate(templates, 'Register', 'china')).toBe('SMS_REGISTER');
    expect(resolveTemplate(templates, 'Register', 'overseas')).toBe('SMS_REGISTER');
    expect(resolveTemplate(templates, 'SignIn', 'china')).toBe('SMS_SIGNIN_CN');
    expect(resolveTemplate(templates, 'SignIn', 'overseas')).toBe('SMS_SIGNIN_INTL');
  });

  it('falls back to Generic for a usage type without its own template', () => {
    expect(resolveTemplate(templates, 'BindMfa', 'overseas')).toBe('SMS_GENERIC_INTL');
  });

  it('throws TEMPLATE_NOT_FOUND when neither the usage type nor Generic has one', () => {
    const error = (() => {
      try {
        resolveTemplate([{ usageType: 'Register', templateCode: 'SMS_1' }], 'SignIn', 'china');
      } catch (caught) {
        return caught;
      }
    })();
    expect(isSmsError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'TEMPLATE_NOT_FOUND', field: 'templates' });
    expect((error as Error).message).toContain('SignIn');
  });
});
