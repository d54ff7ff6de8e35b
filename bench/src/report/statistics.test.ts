import { describe, expect, it } from 'vitest';
import { median, percentile, ratio, summarize } from './statistics.js';

describe('median', () => {
  it('is the middle value of an odd count and the mean of the middle two of an even one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });

  it('leaves its input in the order it was taken', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => 100 - index);

  it('takes the nearest rank', () => {
    expect(percentile(hundred, 0.99)).toBe(99);
    expect(percentile(hundred, 0.5)).toBe(50);
    expect(percentile(hundred, 1)).toBe(100);
    expect(percentile([10, 20, 30], 0.5)).toBe(20);
  });

  it('stays within the values at the edges', () => {
    expect(percentile([4, 8], 0)).toBe(4);
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe('summarize', () => {
  it('gives median, extremes and the spread relative to the median', () => {
    expect(summarize([90, 110, 100])).toEqual({
      median: 100,
      min: 90,
      max: 110,
      spread: 0.2,
      values: [90, 110, 100],
    });
  });

  it('has no spread for a single round', () => {
    expect(summarize([42]).spread).toBe(0);
  });
});

describe('ratio', () => {
  it('divides, and says nothing when a figure is missing or the reference is 0', () => {
    expect(ratio(50, 200)).toBe(0.25);
    expect(ratio(undefined, 200)).toBeUndefined();
    expect(ratio(50, undefined)).toBeUndefined();
    expect(ratio(50, 0)).toBeUndefined();
    expect(ratio(Number.NaN, 3)).toBeUndefined();
  });
});
