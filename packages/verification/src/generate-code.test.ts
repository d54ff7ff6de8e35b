import { describe, expect, it } from 'vitest';
import { generateCode } from './generate-code.js';

describe('generateCode', () => {
  it.each([4, 6, 10])('draws %i decimal digits', (length) => {
    for (let index = 0; index < 200; index += 1) {
      expect(generateCode(length)).toMatch(new RegExp(`^[0-9]{${length}}$`));
    }
  });

  it('draws every digit about equally often at every position, leading zeros included', () => {
    const draws = 50_000;
    const counts = Array.from({ length: 6 }, () => new Array<number>(10).fill(0));
    for (let index = 0; index < draws; index += 1) {
      [...generateCode(6)].forEach((digit, position) => {
        const digits = counts[position] as number[];
        digits[Number(digit)] = (digits[Number(digit)] ?? 0) + 1;
      });
    }
    // 5000 expected per digit and position; the standard deviation is about 67, so 10% off
    // (500) would be over 7 standard deviations: a biased generator, not bad luck.
    for (const position of counts) {
      for (const count of position) expect(Math.abs(count - draws / 10)).toBeLessThan(500);
    }
  });
});
