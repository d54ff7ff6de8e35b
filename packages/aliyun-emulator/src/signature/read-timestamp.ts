import { gatewayErrors } from '../errors/gateway-error.js';

/** How far a request's clock may be from the server's, either way. */
export const timestampWindowMs = 15 * 60_000;

// UTC ISO 8601: `2025-01-02T03:04:05Z`, milliseconds tolerated.
const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/**
 * The time a request was signed (V1 `Timestamp`, V3 `x-acs-date`), which must be within 15
 * minutes of the server's clock: `InvalidTimeStamp.Format` or `InvalidTimeStamp.Expired`.
 */
export function readTimestamp(value: string, now: Date): number {
  const time = isoUtc.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw gatewayErrors.timestampMalformed();
  if (Math.abs(now.getTime() - time) > timestampWindowMs) throw gatewayErrors.timestampExpired();
  return time;
}
