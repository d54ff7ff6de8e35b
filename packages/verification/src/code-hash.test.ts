import { createHmac, createSecretKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codeHashesEqual, hashCode } from './code-hash.js';

const secret = createSecretKey(Buffer.from('a secret of at least thirty-two bytes'));

describe('hashCode', () => {
  it('is HMAC-SHA256 under the secret over usage type, number and code', () => {
    const expected = createHmac('sha256', Buffer.from('a secret of at least thirty-two bytes'))
      .update(['smskit-verification-v1', 'SignIn', '+8613800138000', '123456'].join('\x00'))
      .digest('base64url');
    expect(hashCode(secret, '+8613800138000', 'SignIn', '123456')).toBe(expected);
  });

  it('differs for another code, number, usage type or secret', () => {
    const base = hashCode(secret, '+8613800138000', 'SignIn', '123456');
    const other = createSecretKey(Buffer.from('another secret of thirty-two bytes!!'));
    expect(
      new Set([
        base,
        hashCode(secret, '+8613800138000', 'SignIn', '123457'),
        hashCode(secret, '+8613800138001', 'SignIn', '123456'),
        hashCode(secret, '+8613800138000', 'Register', '123456'),
        hashCode(other, '+8613800138000', 'SignIn', '123456'),
      ]).size,
    ).toBe(5);
  });
});

describe('codeHashesEqual', () => {
  const hash = hashCode(secret, '+8613800138000', 'SignIn', '123456');

  it('is true only for the same hash', () => {
    expect(codeHashesEqual(hash, hash)).toBe(true);
    expect(codeHashesEqual(hash, hashCode(secret, '+8613800138000', 'SignIn', '654321'))).toBe(
      false,
    );
  });

  it('is false, without throwing, for a stored value of another length', () => {
    expect(codeHashesEqual(hash.slice(0, 20), hash)).toBe(false);
    expect(codeHashesEqual('', hash)).toBe(false);
  });
});
