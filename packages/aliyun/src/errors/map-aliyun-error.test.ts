import { isSmsError } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { mapAliyunError } from './map-aliyun-error.js';

describe('mapAliyunError', () => {
  it.each([
    ['SignatureDoesNotMatch', 400, 'AUTH_FAILED', false],
    ['IncompleteSignature', 400, 'AUTH_FAILED', false],
    ['InvalidAccessKeyId.NotFound', 404, 'AUTH_FAILED', false],
    ['InvalidAccessKeyId.Inactive', 400, 'AUTH_FAILED', false],
    ['InvalidSecurityToken.Expired', 400, 'AUTH_FAILED', false],
    ['InvalidSecurityToken.MismatchWithAccessKey', 400, 'AUTH_FAILED', false],
    ['isp.RAM_PERMISSION_DENY', 200, 'AUTH_FAILED', false],
    ['InvalidTimeStamp.Expired', 400, 'AUTH_FAILED', false],
    ['Throttling.User', 400, 'RATE_LIMITED', true],
    ['Throttling.Api', 429, 'RATE_LIMITED', true],
    ['Throttling', 400, 'RATE_LIMITED', true],
    ['isv.BUSINESS_LIMIT_CONTROL', 200, 'RATE_LIMITED', false],
    ['isv.DAY_LIMIT_CONTROL', 200, 'RATE_LIMITED', false],
    ['isv.MONTH_LIMIT_CONTROL', 200, 'RATE_LIMITED', false],
    ['isv.MOBILE_NUMBER_ILLEGAL', 200, 'INVALID_PHONE_NUMBER', false],
    ['isv.MOBILE_COUNT_OVER_LIMIT', 200, 'INVALID_PHONE_NUMBER', false],
    ['isv.SMS_TEMPLATE_ILLEGAL', 200, 'TEMPLATE_NOT_FOUND', false],
    ['isv.SMS_SIGNATURE_ILLEGAL', 200, 'INVALID_CONFIG', false],
    ['isv.SIGN_STATE_ILLEGAL', 200, 'INVALID_CONFIG', false],
    ['isv.TEMPLATE_MISSING_PARAMETERS', 200, 'INVALID_PARAMS', false],
    ['isv.INVALID_JSON_PARAM', 200, 'INVALID_PARAMS', false],
    ['isv.INVALID_PARAMETERS', 200, 'INVALID_PARAMS', false],
    ['isv.PARAM_LENGTH_LIMIT', 200, 'INVALID_PARAMS', false],
    ['MissingTemplateCode', 400, 'INVALID_PARAMS', false],
    ['isv.DOMESTIC_NUMBER_NOT_SUPPORTED', 200, 'PROVIDER_REJECTED', false],
    ['isv.DENY_IP_RANGE', 200, 'PROVIDER_REJECTED', false],
    ['isv.AMOUNT_NOT_ENOUGH', 200, 'PROVIDER_REJECTED', false],
    ['isv.SOMETHING_NEW', 200, 'PROVIDER_REJECTED', false],
    ['isp.SYSTEM_ERROR', 200, 'PROVIDER_UNAVAILABLE', false],
    ['InternalError', 500, 'PROVIDER_UNAVAILABLE', false],
    ['ServiceUnavailable', 503, 'PROVIDER_UNAVAILABLE', false],
  ])('maps %s (HTTP %i) to %s, retryable %s', (providerCode, status, code, retryable) => {
    const error = mapAliyunError({
      code: providerCode,
      status,
      message: 'says Aliyun',
      requestId: 'R-1',
    });
    expect(isSmsError(error)).toBe(true);
    expect(error).toMatchObject({
      code,
      retryable,
      providerCode,
      requestId: 'R-1',
      provider: 'aliyun',
    });
  });

  it("keeps Aliyun's message, except a signature failure's, which echoes the string to sign", () => {
    expect(
      mapAliyunError({ code: 'isv.MOBILE_NUMBER_ILLEGAL', message: '手机号码格式错误' }).message,
    ).toContain('手机号码格式错误');
    const stringToSign =
      'POST&%2F&AccessKeyId%3DLTAI5t%26PhoneNumbers%3D13800138000%26TemplateParam%3D%257B%2522code%2522%253A%2522123456%2522%257D';
    const error = mapAliyunError({
      code: 'SignatureDoesNotMatch',
      status: 400,
      message: `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
    });
    expect(error.message).not.toContain('server string to sign');
    expect(JSON.stringify(error)).not.toContain('123456');
    expect(error.message).toMatch(/accessKeySecret/);
  });

  it('reads the window of a per-number limit and the wait of a throttling answer', () => {
    expect(
      mapAliyunError({
        code: 'isv.BUSINESS_LIMIT_CONTROL',
        message: '触发云通信流控限制: 触发分钟级流控Permits:1',
      }).retryAfterSeconds,
    ).toBe(60);
    expect(
      mapAliyunError({ code: 'isv.BUSINESS_LIMIT_CONTROL', message: '触发小时级流控Permits:5' })
        .retryAfterSeconds,
    ).toBe(3_600);
    expect(
      mapAliyunError({ code: 'isv.BUSINESS_LIMIT_CONTROL', message: '触发天级流控Permits:10' }),
    ).toMatchObject({ retryAfterSeconds: 86_400, field: 'to' });
    expect(
      mapAliyunError({ code: 'Throttling.User', status: 400, retryAfterSeconds: 2 })
        .retryAfterSeconds,
    ).toBe(2);
  });

  it('calls server failures of an idempotent action retryable', () => {
    expect(
      mapAliyunError({ code: 'ServiceUnavailable', status: 503 }, { action: 'QuerySendDetails' }),
    ).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
    expect(mapAliyunError({ code: 'SomethingElse', status: 502 })).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      retryable: false,
    });
  });
});
