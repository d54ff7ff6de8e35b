import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares two strings in constant time, whatever their lengths. */
export function safeEqual(expected: string, actual: string): boolean {
  // Hashing first gives equal lengths, which timingSafeEqual needs, without leaking the length.
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(actual)) && expected === actual;
}
