import { describe, expect, it } from 'vitest';
import { buildAccessKeyNetworkPolicy } from './access-key-network-policy.js';

describe('buildAccessKeyNetworkPolicy', () => {
  it('allows the key only from the listed public addresses', () => {
    expect(buildAccessKeyNetworkPolicy(['203.0.113.0/24', '2001:db8::1'])).toBe(
      '{"Version":1,"Status":"Active","Statements":[{"Type":"ClassicWhiteList","IPList":["203.0.113.0/24","2001:db8::1"]}]}',
    );
  });

  it('refuses an empty list, a duplicate, a /0 block and anything that is not an address', () => {
    expect(() => buildAccessKeyNetworkPolicy([])).toThrow(/^allowedIps: list at least one/);
    expect(() => buildAccessKeyNetworkPolicy(['203.0.113.7', '203.0.113.7'])).toThrow(
      'allowedIps: lists the same address or CIDR block more than once',
    );
    expect(() => buildAccessKeyNetworkPolicy(['::/0'])).toThrow(
      /allowedIps\[0\]: "::\/0" allows every address/,
    );
    expect(() => buildAccessKeyNetworkPolicy(['my-office'])).toThrow(
      /allowedIps\[0\]: "my-office" is not an IPv4 or IPv6 address or CIDR block/,
    );
  });
});
