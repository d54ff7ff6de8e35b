import { inspect } from 'node:util';
import { isSmsError } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { z as classic } from 'zod';
import * as mini from 'zod/mini';
import { demoSecret, validOptions } from '../../test/demo-options.js';
import { aliyunSmsSenderOptionsSchema } from './aliyun-sms-sender-options.js';
import { parseAliyunSmsSenderOptions } from './parse-aliyun-sms-sender-options.js';

const failure = (input: unknown) => {
  try {
    parseAliyunSmsSenderOptions(input);
  } catch (error) {
    if (!isSmsError(error)) throw error;
    return error;
  }
  throw new Error('expected the options to be refused');
};

describe('parseAliyunSmsSenderOptions', () => {
  it("accepts Logto's connector config as it is and applies the defaults", () => {
    const logtoConfig = {
      accessKeyId: 'LTAI5tTestKey',
      accessKeySecret: demoSecret,
      signName: '阿里云短信测试',
      templates: [
        { type: 2, usageType: 'Register', templateCode: 'SMS_1' },
        { type: 2, usageType: 'SignIn', templateCode: 'SMS_2' },
        { type: 2, usageType: 'ForgotPassword', templateCode: 'SMS_3' },
        { type: 2, usageType: 'Generic', templateCode: { china: 'SMS_4', overseas: 'SMS_5' } },
      ],
      strictPhoneRegionNumberCheck: true,
    };
    expect(parseAliyunSmsSenderOptions(logtoConfig)).toMatchObject({
      staticCredentials: { accessKeyId: 'LTAI5tTestKey', accessKeySecret: demoSecret },
      signName: { china: '阿里云短信测试', overseas: '阿里云短信测试' },
      strictRegion: true,
      endpoint: {
        china: 'https://dysmsapi.aliyuncs.com',
        overseas: 'https://dysmsapi.aliyuncs.com',
      },
      regionId: { china: 'cn-hangzhou', overseas: 'cn-hangzhou' },
      signatureVersion: 'v3',
      timeout: 10_000,
      retry: { limit: 2, delay: 200, backoffLimit: 2_000 },
    });
  });

  it('takes per-route sign names, endpoints and regions', () => {
    const resolved = parseAliyunSmsSenderOptions({
      ...validOptions,
      signName: { china: 'smskit-cn', overseas: 'smskit-intl' },
      endpoint: { overseas: 'https://dysmsapi.ap-southeast-1.aliyuncs.com/' },
      regionId: { overseas: 'ap-southeast-1' },
      retry: 0,
    });
    expect(resolved.signName).toEqual({ china: 'smskit-cn', overseas: 'smskit-intl' });
    expect(resolved.endpoint).toEqual({
      china: 'https://dysmsapi.aliyuncs.com',
      overseas: 'https://dysmsapi.ap-southeast-1.aliyuncs.com/',
    });
    expect(resolved.regionId).toEqual({ china: 'cn-hangzhou', overseas: 'ap-southeast-1' });
    expect(resolved.retry.limit).toBe(0);
  });

  it('leaves credentials to the environment when the options have none', () => {
    const { accessKeyId: _id, accessKeySecret: _secret, ...rest } = validOptions;
    expect(parseAliyunSmsSenderOptions(rest).staticCredentials).toBeUndefined();
  });

  it.each([
    [
      'a missing template usage type',
      { templates: validOptions.templates.slice(1) },
      'templates',
      /Register/,
    ],
    [
      'a missing overseas sign name',
      { signName: { china: 'smskit' } },
      'signName.overseas',
      /is required/,
    ],
    ['an empty sign name', { signName: '  ' }, 'signName', /must not be empty/],
    [
      'a sign name of the wrong type',
      { signName: 42 },
      'signName',
      /sign name or \{ china, overseas \}/,
    ],
    [
      'an endpoint that is no URL',
      { endpoint: 'dysmsapi.aliyuncs.com' },
      'endpoint',
      /http\(s\) URL/,
    ],
    [
      'an endpoint with a path',
      { endpoint: 'https://dysmsapi.aliyuncs.com/sms' },
      'endpoint',
      /base URL/,
    ],
    [
      'an overseas endpoint that is no URL',
      { endpoint: { overseas: 'ftp://x' } },
      'endpoint.overseas',
      /http\(s\) URL/,
    ],
    ['an unknown signature version', { signatureVersion: 'v2' }, 'signatureVersion', /"v3"\|"v1"/],
    ['a negative timeout', { timeout: -1 }, 'timeout', /too small/i],
    ['a retry limit too high', { retry: { limit: 100 } }, 'retry.limit', /too big/i],
    [
      'a credentials provider that is no function',
      { credentials: 'x', accessKeyId: undefined, accessKeySecret: undefined },
      'credentials',
      /function/,
    ],
    ['a fetch that is no function', { fetch: {} }, 'fetch', /function/],
    ['a dispatcher without dispatch', { dispatcher: { request() {} } }, 'dispatcher', /dispatch/],
    [
      'two transports',
      { agents: {}, fetch: async () => new Response() },
      'fetch',
      /cannot be given with agents/,
    ],
    [
      'an id without its secret',
      { accessKeySecret: undefined },
      'accessKeySecret',
      /required when accessKeyId/,
    ],
    [
      'a secret without its id',
      { accessKeyId: undefined },
      'accessKeyId',
      /required when accessKeySecret/,
    ],
    [
      'a provider and keys together',
      { credentials: () => ({ accessKeyId: 'a', accessKeySecret: 'b' }) },
      'credentials',
      /either/,
    ],
  ])('refuses %s, naming the field', (_, change, field, message) => {
    const error = failure({ ...validOptions, ...change });
    expect(error).toMatchObject({
      code: 'INVALID_CONFIG',
      field,
      provider: 'aliyun',
      retryable: false,
    });
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^Invalid Aliyun SMS options: /);
  });

  it('refuses something that is not an object', () => {
    expect(failure(undefined)).toMatchObject({ code: 'INVALID_CONFIG' });
  });

  it('never quotes a value, so a secret put in the wrong place stays out of the error', () => {
    const error = failure({
      ...validOptions,
      accessKeySecret: { demoSecret },
      signatureVersion: demoSecret,
    });
    for (const view of [
      error.message,
      JSON.stringify(error),
      inspect(error, { showHidden: true, depth: 10 }),
      String(error),
    ]) {
      expect(view).not.toContain(demoSecret);
    }
    expect(error.message).toMatch(/accessKeySecret/);
    expect(error.message).toMatch(/signatureVersion/);
  });
});

// A zod/mini schema: extended with zod/mini's z.extend, or spread into a classic zod 4 object.
describe('aliyunSmsSenderOptionsSchema', () => {
  it('extends with zod/mini', () => {
    const extended = mini.extend(aliyunSmsSenderOptionsSchema, {
      connectorId: mini.string().check(mini.minLength(1)),
    });
    expect(extended.parse({ ...validOptions, connectorId: 'aliyun' })).toMatchObject({
      connectorId: 'aliyun',
      signName: 'smskit',
      templates: expect.arrayContaining([expect.objectContaining({ type: 2 })]),
    });
    expect(
      extended
        .safeParse({ ...validOptions, connectorId: '' })
        .error?.issues.map(({ path }) => path),
    ).toEqual([['connectorId']]);
  });

  it('nests in classic zod 4, with its own checks intact', () => {
    const extended = classic.object({
      ...aliyunSmsSenderOptionsSchema.shape,
      connectorId: classic.string().min(1),
    });
    expect(extended.parse({ ...validOptions, connectorId: 'aliyun' }).connectorId).toBe('aliyun');
    const issues = extended.safeParse({
      ...validOptions,
      connectorId: 'aliyun',
      templates: validOptions.templates.slice(1),
      endpoint: 'https://dysmsapi.aliyuncs.com/sms',
    }).error?.issues;
    expect(issues).toMatchObject([
      { path: ['templates'], message: expect.stringContaining('UsageType (Register)') },
      { path: ['endpoint'] },
    ]);
    expect(classic.object({ aliyun: aliyunSmsSenderOptionsSchema }).safeParse({}).success).toBe(
      false,
    );
  });
});
