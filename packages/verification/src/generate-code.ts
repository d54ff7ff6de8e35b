import { randomInt } from 'node:crypto';

/**
 * A random code of `length` decimal digits, leading zeros included. `crypto.randomInt` draws
 * uniformly (it rejects biased samples), so every one of the 10^length codes is equally likely.
 */
export function generateCode(length: number): string {
  return String(randomInt(0, 10 ** length)).padStart(length, '0');
}
