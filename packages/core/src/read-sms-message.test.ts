import { describe, expect, it } from 'vitest';
import { readSmsMessage } from './read-sms-message.js';
import type { SmsMessage } from './sms-sender.js';

describe('readSmsMessage', () => {
  it('returns the message with its destination parsed', () => {
    const read = readSmsMessage({
      to: '+852 6123 4567',
      usageType: 'Generic',
      params: { code: '9876' },
    });
    expect(read.phone).toMatchObject({ e164: '+85261234567', route: 'overseas' });
    expect(read.params).toEqual({ code: '9876' });
  });

  it.each([
    ['a message that is not an object', null, 'message'],
    [
      'params that are not an object',
      { to: '13800138000', usageType: 'SignIn', params: 'code=1' },
      'params',
    ],
    ['params that are a list', { to: '13800138000', usageType: 'SignIn', params: ['1'] }, 'params'],
    [
      'a parameter that is null',
      { to: '13800138000', usageType: 'SignIn', params: { code: null } },
      'params.code',
    ],
    ['a missing usage type', { to: '13800138000', params: {} }, 'usageType'],
  ])('refuses %s, naming the field', (_, message, field) => {
    expect(() => readSmsMessage(message as unknown as SmsMessage)).toThrowError(
      expect.objectContaining({ code: 'INVALID_PARAMS', field }),
    );
  });
});
