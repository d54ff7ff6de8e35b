// Every Aliyun error the emulator answers, through the real sender, mapped to its SmsError.
import { inspect } from 'node:util';
import {
  demoConnectorConfig,
  demoCredentials,
  demoStsCredentials,
  startEmulator,
} from '@smskit/aliyun-emulator';
import { isSmsError, type SmsMessage } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { useEmulator, withNoticeTemplate } from '../../test/use-emulator.js';
import { createAliyunSmsSender } from '../create-aliyun-sms-sender.js';
import type { AliyunSmsSenderOptions } from '../options/aliyun-sms-sender-options.js';

const emulator = useEmulator(withNoticeTemplate);

const china = (extra: Partial<SmsMessage> = {}): SmsMessage => ({
  to: '+8613800138000',
  usageType: 'SignIn',
  params: { code: '123456' },
  ...extra,
});

async function failure(options: Partial<AliyunSmsSenderOptions>, message = china()) {
  const sender = createAliyunSmsSender({
    ...demoConnectorConfig,
    endpoint: emulator().url,
    retry: 0,
    ...options,
  });
  const error = await sender.send(message).catch((caught: unknown) => caught);
  if (!isSmsError(error)) throw new Error(`expected an SmsError, got ${inspect(error)}`);
  expect(error.requestId).toEqual(expect.any(String));
  expect(error.provider).toBe('aliyun');
  expect(emulator().inbox.list()).toEqual([]);
  return error;
}

const withTemplate = (templateCode: string, type?: 0 | 2) => ({
  templates: demoConnectorConfig.templates.map((template) =>
    template.usageType === 'SignIn'
      ? { usageType: 'SignIn', templateCode, ...(type === undefined ? {} : { type }) }
      : template,
  ),
});

describe.each(['v3', 'v1'] as const)('Aliyun errors, signed with %s', (signatureVersion) => {
  it('SignatureDoesNotMatch is AUTH_FAILED, without the string to sign Aliyun echoes', async () => {
    const error = await failure({ signatureVersion, accessKeySecret: 'wrong-secret' });
    expect(error).toMatchObject({
      code: 'AUTH_FAILED',
      providerCode: 'SignatureDoesNotMatch',
      retryable: false,
    });
    for (const view of [
      error.message,
      JSON.stringify(error),
      inspect(error, { showHidden: true, depth: 10 }),
    ]) {
      expect(view).not.toContain('123456');
      expect(view).not.toContain('13800138000');
      expect(view).not.toContain(demoCredentials.accessKeyId);
      expect(view).not.toContain('string to sign is');
    }
  });

  it('InvalidAccessKeyId.NotFound is AUTH_FAILED', async () => {
    expect(await failure({ signatureVersion, accessKeyId: 'LTAI5tUnknownKey' })).toMatchObject({
      code: 'AUTH_FAILED',
      providerCode: 'InvalidAccessKeyId.NotFound',
    });
  });

  it('InvalidSecurityToken.MismatchWithAccessKey is AUTH_FAILED', async () => {
    expect(
      await failure({ signatureVersion, ...demoStsCredentials, securityToken: 'stale-token' }),
    ).toMatchObject({
      code: 'AUTH_FAILED',
      providerCode: 'InvalidSecurityToken.MismatchWithAccessKey',
    });
  });

  it('a missing STS token is refused (MissingSecurityToken, INVALID_PARAMS)', async () => {
    const { securityToken: _token, ...keyOnly } = demoStsCredentials;
    expect(await failure({ signatureVersion, ...keyOnly })).toMatchObject({
      code: 'INVALID_PARAMS',
      providerCode: 'MissingSecurityToken',
    });
  });
});

describe('Aliyun errors', () => {
  it('InvalidTimeStamp.Expired is AUTH_FAILED and points at the clock', async () => {
    const skewed = await startEmulator({
      rateLimits: false,
      now: () => new Date(Date.now() + 16 * 60_000),
    });
    try {
      const sender = createAliyunSmsSender({ ...demoConnectorConfig, endpoint: skewed.url });
      const error = await sender.send(china()).catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: 'AUTH_FAILED',
        providerCode: 'InvalidTimeStamp.Expired',
      });
      expect((error as Error).message).toMatch(/clock/);
    } finally {
      await skewed.stop();
    }
  });

  it('isv.SMS_TEMPLATE_ILLEGAL is TEMPLATE_NOT_FOUND', async () => {
    expect(await failure(withTemplate('SMS_UNKNOWN'))).toMatchObject({
      code: 'TEMPLATE_NOT_FOUND',
      providerCode: 'isv.SMS_TEMPLATE_ILLEGAL',
      field: 'templates',
      message: expect.stringContaining('该账号下找不到对应模板'),
    });
  });

  it('isv.SMS_SIGNATURE_ILLEGAL is INVALID_CONFIG naming signName, for an unknown sign and one of the other route', async () => {
    for (const signName of ['unknown-sign', 'smskit-intl']) {
      expect(await failure({ signName })).toMatchObject({
        code: 'INVALID_CONFIG',
        providerCode: 'isv.SMS_SIGNATURE_ILLEGAL',
        field: 'signName',
      });
    }
  });

  it('isv.DOMESTIC_NUMBER_NOT_SUPPORTED (an international template on the china route) is PROVIDER_REJECTED', async () => {
    expect(
      await failure(withTemplate('SMS_INTL_SIGN_IN'), china({ to: '+86 138 0013 8000' })),
    ).toMatchObject({
      code: 'PROVIDER_REJECTED',
      providerCode: 'isv.DOMESTIC_NUMBER_NOT_SUPPORTED',
      field: 'templates',
    });
  });

  it('isv.TEMPLATE_MISSING_PARAMETERS is INVALID_PARAMS', async () => {
    expect(await failure({}, china({ params: {} }))).toMatchObject({
      code: 'INVALID_PARAMS',
      providerCode: 'isv.TEMPLATE_MISSING_PARAMETERS',
    });
  });

  it('isv.INVALID_JSON_PARAM is INVALID_PARAMS', async () => {
    expect(await failure({}, china({ params: { code: '123456', extra: 'x' } }))).toMatchObject({
      code: 'INVALID_PARAMS',
      providerCode: 'isv.INVALID_JSON_PARAM',
    });
  });

  it('isv.INVALID_PARAMETERS is INVALID_PARAMS (a code our check skips: the template is configured as another kind)', async () => {
    expect(
      await failure(withTemplate('SMS_CN_SIGN_IN', 0), china({ params: { code: '12' } })),
    ).toMatchObject({
      code: 'INVALID_PARAMS',
      providerCode: 'isv.INVALID_PARAMETERS',
    });
  });

  it('isv.PARAM_LENGTH_LIMIT is INVALID_PARAMS', async () => {
    expect(
      await failure(withTemplate('SMS_NOTICE', 0), china({ params: { name: 'x'.repeat(36) } })),
    ).toMatchObject({
      code: 'INVALID_PARAMS',
      providerCode: 'isv.PARAM_LENGTH_LIMIT',
    });
  });

  it('isv.BUSINESS_LIMIT_CONTROL is RATE_LIMITED, not retryable, with the window', async () => {
    const limited = await startEmulator({ rateLimits: { perMinute: 1 } });
    try {
      const sender = createAliyunSmsSender({ ...demoConnectorConfig, endpoint: limited.url });
      await sender.send(china());
      const error = await sender.send(china()).catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: 'RATE_LIMITED',
        providerCode: 'isv.BUSINESS_LIMIT_CONTROL',
        retryable: false,
        retryAfterSeconds: 60,
        field: 'to',
      });
      expect(limited.inbox.list()).toHaveLength(1);
    } finally {
      await limited.stop();
    }
  });
});
