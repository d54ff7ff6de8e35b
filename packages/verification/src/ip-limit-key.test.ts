import { describe, expect, it } from 'vitest';
import { ipLimitKey } from './ip-limit-key.js';

describe('ipLimitKey', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('counts %s as %s', (ip, key) => {
    expect(ipLimitKey(ip)).toBe(key);
  });

  it.each(['', 'localhost', '203.0.113', '1', '0x7f.1', '2001:db8::/64', '203.0.113.9:80'])(
    'refuses %j',
    (ip) => {
      expect(ipLimitKey(ip)).toBeUndefined();
    },
  );
});
