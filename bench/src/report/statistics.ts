/** The centre and spread of repeated measurements (rounds, runs). */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** (max − min) / median: how far the rounds were apart, 0.1 meaning 10 % of the median. */
  readonly spread: number;
  /** Every measurement, in the order taken. */
  readonly values: number[];
}

/** The median; the mean of the two middle values for an even count. NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The nearest-rank percentile (`fraction` 0.99 for p99). NaN for none. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1] as number;
}

/** Median, extremes and relative spread of `values`. */
export function summarize(values: readonly number[]): Summary {
  const middle = median(values);
  const min = values.length === 0 ? Number.NaN : Math.min(...values);
  const max = values.length === 0 ? Number.NaN : Math.max(...values);
  return {
    median: middle,
    min,
    max,
    spread: middle === 0 ? 0 : (max - min) / middle,
    values: [...values],
  };
}

/** `value / reference`, or undefined when either is missing or the reference is 0. */
export function ratio(
  value: number | undefined,
  reference: number | undefined,
): number | undefined {
  if (value === undefined || reference === undefined || reference === 0) return undefined;
  if (!Number.isFinite(value) || !Number.isFinite(reference)) return undefined;
  return value / reference;
}
