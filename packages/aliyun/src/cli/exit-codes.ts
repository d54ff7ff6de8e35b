import { isSmsError } from '@smskit/core';

/** The CLI's exit codes. */
export const exitCodes = {
  /** Sent (or, with `--dry-run`, signed); the query answered. */
  ok: 0,
  /** Aliyun refused: credentials, sign, template, number, parameters, limits, account. */
  refused: 1,
  /** Bad arguments, config or environment; nothing was sent. */
  usage: 2,
  /** Aliyun could not be reached, did not answer in time, or answered something unreadable. */
  unavailable: 3,
  /** A bug: an error that is not an SmsError. */
  internal: 4,
} as const;

/** The exit code for a failure. */
export function exitCodeFor(error: unknown): number {
  if (!isSmsError(error)) return exitCodes.internal;
  if (
    error.code === 'PROVIDER_UNAVAILABLE' ||
    error.code === 'TIMEOUT' ||
    error.code === 'INVALID_RESPONSE'
  ) {
    return exitCodes.unavailable;
  }
  // Answers from Aliyun carry its code; the rest was refused here, before sending.
  return error.providerCode === undefined ? exitCodes.usage : exitCodes.refused;
}
