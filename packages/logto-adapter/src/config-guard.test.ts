import createOfficialConnector from '@logto/connector-aliyun-sms';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpus, officialConfig, requiredTemplates } from '../test/official-config-corpus.js';
import { aliyunSmsConfigGuard } from './config-guard.js';

const notImplemented = async () => {
  throw new Error('not used');
};
// The published official connector's own guard, as Logto gets it.
const officialGuard = (await createOfficialConnector({ getConfig: notImplemented })).configGuard;

describe('aliyunSmsConfigGuard against the official connector guard', () => {
  it.each(corpus)('judges %s as the official connector does', (_, config) => {
    const official = officialGuard.safeParse(config);
    const ours = aliyunSmsConfigGuard.safeParse(config);
    expect(ours.success).toBe(official.success);
    if (official.success) {
      // The official connector keeps the same values for its keys (and the `type` default).
      expect(ours.data).toMatchObject(official.data as object);
    }
  });

  it('accepts and rejects random configs as the official connector does', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 3 }),
      fc.integer({ min: -1, max: 8 }),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    const templateCode = fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.record({ china: value, overseas: value }, { requiredKeys: [] }),
      value,
    );
    const template = fc.record(
      {
        type: fc.oneof(fc.constantFrom(0, 1, 2, 6, 7), value),
        usageType: fc.oneof(
          fc.constantFrom('Register', 'SignIn', 'ForgotPassword', 'Generic', 'BindMfa'),
          value,
        ),
        templateCode,
      },
      { requiredKeys: [] },
    );
    const config = fc.record(
      {
        accessKeyId: fc.oneof(fc.string(), value),
        accessKeySecret: fc.oneof(fc.string(), value),
        signName: fc.oneof(fc.string(), value),
        templates: fc.oneof(
          fc.array(template, { maxLength: 6 }),
          fc
            .shuffledSubarray(requiredTemplates)
            .chain((some) =>
              fc.array(template, { maxLength: 2 }).map((more) => [...some, ...more]),
            ),
          value,
        ),
        strictPhoneRegionNumberCheck: fc.oneof(fc.boolean(), value),
        unknownKey: value,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(config, (candidate) => {
        expect(aliyunSmsConfigGuard.safeParse(candidate).success).toBe(
          officialGuard.safeParse(candidate).success,
        );
      }),
      { numRuns: 2000 },
    );
  }, 30_000);

  it('names every missing required usage type in one message, as the official connector does', () => {
    const config = { ...officialConfig, templates: [requiredTemplates[1]] };
    const official = officialGuard.safeParse(config);
    const ours = aliyunSmsConfigGuard.safeParse(config);
    const message = 'UsageType (SignIn, ForgotPassword, Generic) should be provided in templates.';
    expect(official.error?.issues).toEqual([
      expect.objectContaining({ path: ['templates'], message }),
    ]);
    expect(ours.error?.issues).toEqual([expect.objectContaining({ path: ['templates'], message })]);
  });
});

describe('aliyunSmsConfigGuard new options', () => {
  const accepts = (extra: Record<string, unknown>) =>
    aliyunSmsConfigGuard.safeParse({ ...officialConfig, ...extra });

  it('accepts a sign name per route', () => {
    const result = accepts({ signName: { china: '阿里云短信测试', overseas: 'Example Intl' } });
    expect(result.data?.signName).toEqual({ china: '阿里云短信测试', overseas: 'Example Intl' });
  });

  it.each([[{ china: 'A' }], [{ china: '', overseas: 'B' }], [{ china: 'A', overseas: 2 }]])(
    'rejects the per-route sign name %j',
    (signName) => {
      expect(accepts({ signName }).success).toBe(false);
    },
  );

  it.each([
    ['http://127.0.0.1:4010'],
    ['https://dysmsapi.aliyuncs.com'],
    [{ china: 'https://dysmsapi.aliyuncs.com' }],
    [{ overseas: 'https://dysmsapi.ap-southeast-1.aliyuncs.com' }],
    [{}],
  ])('accepts the endpoint %j', (endpoint) => {
    expect(accepts({ endpoint }).data?.endpoint).toEqual(endpoint);
  });

  it.each([
    ['dysmsapi.aliyuncs.com'],
    ['ftp://dysmsapi.aliyuncs.com'],
    ['https://dysmsapi.aliyuncs.com/sms'],
    ['https://dysmsapi.aliyuncs.com/?a=1'],
    ['https://user:pass@dysmsapi.aliyuncs.com'],
    [''],
    [{ china: 'not a url' }],
    [5],
  ])('rejects the endpoint %j, naming the key', (endpoint) => {
    const result = accepts({ endpoint });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe('endpoint');
  });

  it('accepts the signature versions v3 and v1, and nothing else', () => {
    expect(accepts({ signatureVersion: 'v1' }).data?.signatureVersion).toBe('v1');
    expect(accepts({ signatureVersion: 'v3' }).data?.signatureVersion).toBe('v3');
    expect(accepts({ signatureVersion: 'v2' }).success).toBe(false);
  });

  it('accepts a timeout in whole milliseconds', () => {
    expect(accepts({ timeout: 5000 }).data?.timeout).toBe(5000);
    for (const timeout of [0, -1, 1.5, '5000', 600_001]) {
      expect(accepts({ timeout }).success).toBe(false);
    }
  });

  it('reads template variables from a list or from text separated by commas', () => {
    expect(accepts({ templateVariables: ['code', 'link'] }).data?.templateVariables).toEqual([
      'code',
      'link',
    ]);
    expect(accepts({ templateVariables: ' code, link ' }).data?.templateVariables).toEqual([
      'code',
      'link',
    ]);
    expect(accepts({}).data?.templateVariables).toBeUndefined();
  });

  it.each([[[]], [''], [' , '], [['']], [[1]]])(
    'rejects the template variables %j',
    (templateVariables) => {
      expect(accepts({ templateVariables }).success).toBe(false);
    },
  );
});
