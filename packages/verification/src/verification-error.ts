/**
 * Why the verification service refused a request. A code never changes meaning between
 * versions. None of them depends on whether the number belongs to an account: the service
 * knows nothing about accounts.
 */
export const verificationErrorCodes = [
  /** An argument is missing or malformed; `field` names it (`phone`, `usageType`, `code`, `ip`). */
  'INVALID_INPUT',
  /** The number's country is not in `allowedCountries`. Nothing was stored or sent. */
  'COUNTRY_NOT_ALLOWED',
  /** A code was sent to this number for this usage type less than `resendIntervalSeconds` ago. */
  'TOO_SOON',
  /** A per-number or per-IP send limit is reached; `limit` names the option. */
  'LIMIT_REACHED',
  /** The code had `maxAttempts` wrong guesses and is burned; request a new one. */
  'ATTEMPTS_EXHAUSTED',
  /** The code is wrong; `attemptsLeft` says how many guesses the pending code still allows. */
  'INVALID_CODE',
  /** No code is pending: none was sent, it expired, it was used, or a newer one replaced it. */
  'CODE_EXPIRED',
] as const;

/** One of {@link verificationErrorCodes}. */
export type VerificationErrorCode = (typeof verificationErrorCodes)[number];

/** The send limits, by the name of the option that sets them. */
export type SendLimit =
  | 'maxSendsPerNumberPerHour'
  | 'maxSendsPerNumberPerDay'
  | 'maxSendsPerIpPerHour';

/** Details of a {@link VerificationError}; all optional. */
export interface VerificationErrorOptions {
  /** The argument at fault, for `INVALID_INPUT` and `COUNTRY_NOT_ALLOWED`. */
  field?: string | undefined;
  /** Whole seconds to wait before a new request can succeed (`TOO_SOON`, `LIMIT_REACHED`, `ATTEMPTS_EXHAUSTED`). */
  retryAfterSeconds?: number | undefined;
  /** Guesses the pending code still allows, for `INVALID_CODE`. */
  attemptsLeft?: number | undefined;
  /** The limit that was reached, for `LIMIT_REACHED`. */
  limit?: SendLimit | undefined;
  /** The underlying error, such as the `SmsError` of a phone number that does not parse. */
  cause?: unknown;
}

// Symbol.for, so that an error made by one installed copy is recognised by another.
const verificationErrorMarker = Symbol.for('@smskit/verification/VerificationError');

/**
 * A refusal of the verification service: the request was understood and said no. Switch on
 * `code`. Provider failures are not refusals: they reject with the sender's `SmsError`.
 * It never holds a code, a hash or a secret: safe to log, to `JSON.stringify` and to inspect.
 */
export class VerificationError extends Error {
  override readonly name = 'VerificationError';
  readonly code: VerificationErrorCode;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly attemptsLeft: number | undefined;
  readonly limit: SendLimit | undefined;

  constructor(
    code: VerificationErrorCode,
    message: string,
    options: VerificationErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.attemptsLeft = options.attemptsLeft;
    this.limit = options.limit;
  }

  /** The fields worth logging; the cause and stack are left out. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      field: this.field,
      retryAfterSeconds: this.retryAfterSeconds,
      attemptsLeft: this.attemptsLeft,
      limit: this.limit,
    };
  }
}

Object.defineProperty(VerificationError.prototype, verificationErrorMarker, { value: true });

/** True for a {@link VerificationError}, also one made by another installed copy of this package. */
export const isVerificationError = (value: unknown): value is VerificationError =>
  typeof value === 'object' &&
  value !== null &&
  (value as Record<symbol, unknown>)[verificationErrorMarker] === true;
