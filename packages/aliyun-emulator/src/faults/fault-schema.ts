import { z } from 'zod';

/**
 * A failure the emulator plays instead of (or before) answering a Dysmsapi request, for testing
 * how a client copes:
 * - `status`: a 5xx answer with Aliyun's body, `InternalError` for 500 and `ServiceUnavailable`
 *   for any other status (default 503).
 * - `malformed`: a body that is not JSON (a cut-off JSON text), status 200 unless given.
 * - `delay`: waits `ms` milliseconds, then answers normally (or plays the next fault).
 * - `drop`: destroys the connection before any answer, as a reset or a crashed proxy would.
 * - `throttle`: Aliyun's API flow control, `Throttling.User` (status 400 unless given), with an
 *   `x-acs-retry-after` header in milliseconds when `retryAfterMs` is set, as the official
 *   SDKs read it.
 */
export const faultSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('status'),
    status: z.number().int().min(500).max(599).default(503),
  }),
  z.strictObject({
    type: z.literal('malformed'),
    status: z.number().int().min(200).max(599).default(200),
  }),
  z.strictObject({
    type: z.literal('delay'),
    ms: z.number().int().min(0).max(600_000),
  }),
  z.strictObject({ type: z.literal('drop') }),
  z.strictObject({
    type: z.literal('throttle'),
    status: z.number().int().min(400).max(599).default(400),
    retryAfterMs: z.number().int().min(0).optional(),
  }),
]);

/** A fault as written in a config or passed to `faults.inject` (defaults may be left out). */
export type Fault = z.input<typeof faultSchema>;

/** A fault with its defaults filled in. */
export type ResolvedFault = z.output<typeof faultSchema>;
