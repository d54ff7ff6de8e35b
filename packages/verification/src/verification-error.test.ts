import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isVerificationError, VerificationError } from './verification-error.js';

describe('VerificationError', () => {
  it('carries a code and the details a client acts on', () => {
    const error = new VerificationError('LIMIT_REACHED', 'Too many codes', {
      retryAfterSeconds: 42,
      limit: 'maxSendsPerIpPerHour',
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'VerificationError',
      code: 'LIMIT_REACHED',
      retryAfterSeconds: 42,
      limit: 'maxSendsPerIpPerHour',
      field: undefined,
      attemptsLeft: undefined,
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'VerificationError',
      code: 'LIMIT_REACHED',
      message: 'Too many codes',
      retryAfterSeconds: 42,
      limit: 'maxSendsPerIpPerHour',
    });
    expect(inspect(error)).toContain('LIMIT_REACHED');
  });

  it('is recognised across installed copies by its Symbol.for marker, not instanceof', () => {
    const fromAnotherCopy = Object.create(
      Object.defineProperty({}, Symbol.for('@smskit/verification/VerificationError'), {
        value: true,
      }),
    ) as unknown;
    expect(isVerificationError(fromAnotherCopy)).toBe(true);
    expect(isVerificationError(new VerificationError('INVALID_CODE', 'wrong'))).toBe(true);
    expect(isVerificationError(new Error('wrong'))).toBe(false);
    expect(isVerificationError({ code: 'INVALID_CODE' })).toBe(false);
    expect(isVerificationError(null)).toBe(false);
  });
});
