import { inspect } from 'node:util';
import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';
import { SmsError, type SmsErrorCode } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { toConnectorError } from './to-connector-error.js';

const aliyun = (code: SmsErrorCode, providerCode?: string, message = 'Aliyun said no') =>
  new SmsError(code, message, {
    provider: 'aliyun',
    ...(providerCode === undefined ? {} : { providerCode }),
    requestId: 'D9CB3933-ACE6-4A8F-8A2C-6A1B2C3D4E5F',
  });

describe('toConnectorError', () => {
  it.each<[string, SmsError, ConnectorErrorCodes]>([
    ['a bad config', aliyun('INVALID_CONFIG'), ConnectorErrorCodes.InvalidConfig],
    ['a missing template', aliyun('TEMPLATE_NOT_FOUND'), ConnectorErrorCodes.TemplateNotFound],
    [
      'a template Aliyun does not know',
      aliyun('TEMPLATE_NOT_FOUND', 'isv.SMS_TEMPLATE_ILLEGAL'),
      ConnectorErrorCodes.General,
    ],
    [
      'a sign Aliyun refused',
      aliyun('INVALID_CONFIG', 'isv.SMS_SIGNATURE_ILLEGAL'),
      ConnectorErrorCodes.General,
    ],
    [
      'template parameters Aliyun refused',
      aliyun('INVALID_PARAMS', 'isv.INVALID_JSON_PARAM'),
      ConnectorErrorCodes.General,
    ],
    [
      "Aliyun's per-number flow control",
      aliyun('RATE_LIMITED', 'isv.BUSINESS_LIMIT_CONTROL'),
      ConnectorErrorCodes.RateLimitExceeded,
    ],
    [
      'API throttling',
      aliyun('RATE_LIMITED', 'Throttling.User'),
      ConnectorErrorCodes.RateLimitExceeded,
    ],
    [
      "the account's daily cap",
      aliyun('RATE_LIMITED', 'isv.DAY_LIMIT_CONTROL'),
      ConnectorErrorCodes.UsageLimitExceeded,
    ],
    [
      "the account's monthly cap",
      aliyun('RATE_LIMITED', 'isv.MONTH_LIMIT_CONTROL'),
      ConnectorErrorCodes.UsageLimitExceeded,
    ],
    ['a malformed answer', aliyun('INVALID_RESPONSE'), ConnectorErrorCodes.InvalidResponse],
    [
      'a number Aliyun refused',
      aliyun('INVALID_PHONE_NUMBER', 'isv.MOBILE_NUMBER_ILLEGAL'),
      ConnectorErrorCodes.General,
    ],
    [
      'parameters refused before sending',
      aliyun('INVALID_PARAMS'),
      ConnectorErrorCodes.InvalidRequestParameters,
    ],
    [
      'a refused signature',
      aliyun('AUTH_FAILED', 'InvalidAccessKeyId.NotFound'),
      ConnectorErrorCodes.General,
    ],
    [
      'a refused template',
      aliyun('PROVIDER_REJECTED', 'isv.SMS_TEMPLATE_ILLEGAL'),
      ConnectorErrorCodes.General,
    ],
    [
      'an outage',
      aliyun('PROVIDER_UNAVAILABLE', 'ServiceUnavailable'),
      ConnectorErrorCodes.General,
    ],
    ['a timeout', aliyun('TIMEOUT'), ConnectorErrorCodes.General],
  ])('turns %s into a ConnectorError', (_, error, code) => {
    const converted = toConnectorError(error);
    expect(converted).toBeInstanceOf(ConnectorError);
    expect(converted).toMatchObject({ code });
  });

  it("puts Aliyun's message, code and request id in the data, as the official connector does", () => {
    const converted = toConnectorError(
      new SmsError('RATE_LIMITED', 'Aliyun refused: 触发分钟级流控Permits:1', {
        providerCode: 'isv.BUSINESS_LIMIT_CONTROL',
        requestId: 'REQ-1',
        retryAfterSeconds: 60,
      }),
    ) as ConnectorError;
    expect(converted.data).toEqual({
      errorDescription: 'Aliyun refused: 触发分钟级流控Permits:1',
      Code: 'isv.BUSINESS_LIMIT_CONTROL',
      RequestId: 'REQ-1',
      retryAfterSeconds: 60,
    });
  });

  it('never passes on the message of a refused signature, which echoes the string to sign', () => {
    const echoed =
      'Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3DLTAI5t%26PhoneNumbers%3D13800138000%26TemplateParam%3D%257B%2522code%2522%253A%2522482913%2522%257D';
    const converted = toConnectorError(aliyun('AUTH_FAILED', 'SignatureDoesNotMatch', echoed));
    for (const view of [
      String(converted),
      JSON.stringify(converted),
      inspect(converted, { depth: 9 }),
    ]) {
      expect(view).not.toContain('string to sign');
      expect(view).not.toContain('482913');
      expect(view).not.toContain('13800138000');
    }
    expect(converted).toMatchObject({
      code: ConnectorErrorCodes.General,
      data: { Code: 'SignatureDoesNotMatch', RequestId: 'D9CB3933-ACE6-4A8F-8A2C-6A1B2C3D4E5F' },
    });
  });

  it('names the field at fault', () => {
    expect(
      toConnectorError(
        new SmsError('INVALID_CONFIG', 'endpoint is not a URL', { field: 'endpoint' }),
      ),
    ).toMatchObject({ data: { errorDescription: 'endpoint is not a URL', field: 'endpoint' } });
  });

  it('passes on what is not an SmsError unchanged', () => {
    const abort = new DOMException('aborted', 'AbortError');
    expect(toConnectorError(abort)).toBe(abort);
    const connectorError = new ConnectorError(ConnectorErrorCodes.TemplateNotFound, 'x');
    expect(toConnectorError(connectorError)).toBe(connectorError);
  });
});
