import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { isSmsError, SmsError } from './sms-error.js';

describe('SmsError', () => {
  it('carries its code, provider details and cause', () => {
    const cause = new Error('socket hang up');
    const error = new SmsError('PROVIDER_UNAVAILABLE', 'Aliyun answered 503', {
      provider: 'aliyun',
      providerCode: 'ServiceUnavailable',
      requestId: 'req-1',
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'SmsError',
      code: 'PROVIDER_UNAVAILABLE',
      retryable: true,
      provider: 'aliyun',
      providerCode: 'ServiceUnavailable',
      requestId: 'req-1',
      cause,
    });
  });

  it('is not retryable by default, except when the provider is unavailable', () => {
    expect(new SmsError('TIMEOUT', 'x').retryable).toBe(false);
    expect(new SmsError('RATE_LIMITED', 'x').retryable).toBe(false);
    expect(new SmsError('RATE_LIMITED', 'x', { retryable: true }).retryable).toBe(true);
  });

  it('serialises to its fields without cause or stack', () => {
    const error = new SmsError('RATE_LIMITED', 'wait', {
      retryAfterSeconds: 60,
      cause: new Error('inner'),
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'SmsError',
      code: 'RATE_LIMITED',
      message: 'wait',
      retryable: false,
      retryAfterSeconds: 60,
    });
  });

  it('shows its code when inspected', () => {
    expect(inspect(new SmsError('AUTH_FAILED', 'bad key'))).toContain("code: 'AUTH_FAILED'");
  });
});

describe('isSmsError', () => {
  it('recognises SmsError and nothing else', () => {
    expect(isSmsError(new SmsError('TIMEOUT', 'x'))).toBe(true);
    expect(isSmsError(new Error('x'))).toBe(false);
    expect(isSmsError({ code: 'TIMEOUT' })).toBe(false);
    expect(isSmsError(null)).toBe(false);
    expect(isSmsError('SmsError')).toBe(false);
  });

  it('recognises an error made by another installed copy of the package', async () => {
    // A fresh module instance, as a duplicate install would load it.
    vi.resetModules();
    const copy = await import('./sms-error.js');
    expect(copy.SmsError).not.toBe(SmsError);
    const foreign = new copy.SmsError('AUTH_FAILED', 'x');
    expect(foreign).not.toBeInstanceOf(SmsError);
    expect(isSmsError(foreign)).toBe(true);
  });
});
