import { createHmac, type KeyObject, timingSafeEqual } from 'node:crypto';

/**
 * The keyed hash a code is stored as: HMAC-SHA256 under the service's secret, over the code
 * together with the number and usage type it was sent for, so that a stored hash proves
 * nothing about any other number or usage type. Without the secret, the hash of a 6-digit code
 * cannot be brute-forced offline.
 */
export function hashCode(
  secret: KeyObject,
  phone: string,
  usageType: string,
  code: string,
): string {
  return createHmac('sha256', secret)
    .update(['smskit-verification-v1', usageType, phone, code].join('\x00'))
    .digest('base64url');
}

/** Compares two hashes from {@link hashCode} in constant time. */
export function codeHashesEqual(expected: string, actual: string): boolean {
  const left = Buffer.from(expected, 'base64url');
  const right = Buffer.from(actual, 'base64url');
  // Both are 32 bytes when well formed; a length difference says nothing about the code.
  return left.length === right.length && timingSafeEqual(left, right);
}
