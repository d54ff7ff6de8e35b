import {
  isSmsError,
  isUsageType,
  type PhoneNumber,
  parsePhoneNumber,
  type UsageType,
  usageTypes,
} from '@smskit/core';
import { ipLimitKey } from './ip-limit-key.js';
import { VerificationError } from './verification-error.js';

// The checks of what a caller (often an HTTP client) passes to send and verify. Every one
// fails with VerificationError INVALID_INPUT naming the argument, before anything is stored.

/** Reads `phone` as `parsePhoneNumber` does, with `phone` as the field in errors. */
export function readPhone(input: unknown, strictRegion: boolean): PhoneNumber {
  try {
    return parsePhoneNumber(input, { strictRegion, field: 'phone' });
  } catch (error) {
    if (!isSmsError(error)) throw error;
    throw new VerificationError('INVALID_INPUT', error.message, { field: 'phone', cause: error });
  }
}

/** Checks that `input` is one of core's usage types. */
export function readUsageType(input: unknown): UsageType {
  if (isUsageType(input)) return input;
  throw new VerificationError(
    'INVALID_INPUT',
    `usageType must be one of ${usageTypes.join(', ')}`,
    { field: 'usageType' },
  );
}

/**
 * Reads a code as people type it: surrounding and inner spaces are dropped and full-width
 * digits (as Chinese and Japanese input methods write them) read as ASCII digits.
 */
export function readCode(input: unknown, length: number): string {
  const code = typeof input === 'string' ? input.normalize('NFKC').replace(/\s/g, '') : undefined;
  if (code === undefined || !new RegExp(`^[0-9]{${length}}$`).test(code)) {
    throw new VerificationError('INVALID_INPUT', `code must be a string of ${length} digits`, {
      field: 'code',
    });
  }
  return code;
}

/** Reads the optional client IP address and returns the key it is limited under. */
export function readIp(input: unknown): { ip: string; limitKey: string } | undefined {
  if (input === undefined) return undefined;
  const limitKey = typeof input === 'string' ? ipLimitKey(input) : undefined;
  if (limitKey === undefined) {
    throw new VerificationError('INVALID_INPUT', 'ip must be an IPv4 or IPv6 address', {
      field: 'ip',
    });
  }
  return { ip: input as string, limitKey };
}
