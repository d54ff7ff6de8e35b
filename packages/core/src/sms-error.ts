/** The stable error codes of {@link SmsError}. A code never changes meaning between versions. */
export const smsErrorCodes = [
  /** The sender's options are wrong: a missing credential, a bad endpoint, a bad template list. */
  'INVALID_CONFIG',
  /** The destination is not a phone number that can receive an SMS. */
  'INVALID_PHONE_NUMBER',
  /** No template is configured for the usage type (and no `Generic` one to fall back to). */
  'TEMPLATE_NOT_FOUND',
  /** The message's usage type or template parameters are not acceptable. */
  'INVALID_PARAMS',
  /** The provider or a local limit refused to send more to this number or account for now. */
  'RATE_LIMITED',
  /** The provider rejected the credentials or the signature. */
  'AUTH_FAILED',
  /** The provider refused this message for a reason that retrying will not change. */
  'PROVIDER_REJECTED',
  /** The provider could not be reached or failed on its side. */
  'PROVIDER_UNAVAILABLE',
  /** No answer came in time; the message may or may not have been sent. */
  'TIMEOUT',
  /** The provider answered something that is not its documented response. */
  'INVALID_RESPONSE',
] as const;

/** One of {@link smsErrorCodes}. */
export type SmsErrorCode = (typeof smsErrorCodes)[number];

/** Details of an {@link SmsError}; all optional. */
export interface SmsErrorOptions {
  /** Whether sending the same message again may succeed. Default: true only for `PROVIDER_UNAVAILABLE`. */
  retryable?: boolean;
  /** The sender's name, such as `aliyun`. */
  provider?: string;
  /** The provider's own error code, such as `isv.BUSINESS_LIMIT_CONTROL`. */
  providerCode?: string;
  /** The provider's request id, for support tickets. */
  requestId?: string;
  /** The input field at fault, such as `to`, `params.code` or `templates`. */
  field?: string;
  /** How long to wait before trying again, when known. */
  retryAfterSeconds?: number;
  /** The underlying error. Must not hold a secret. */
  cause?: unknown;
}

// Symbol.for, so that an error made by one installed copy of @smskit/core is recognised by another.
const smsErrorMarker = Symbol.for('@smskit/core/SmsError');

/**
 * The one error type of smskit. Switch on `code`; `providerCode` and `requestId` say what the
 * provider answered. It never holds a secret: safe to log, to `JSON.stringify` and to inspect.
 */
export class SmsError extends Error {
  override readonly name = 'SmsError';
  readonly code: SmsErrorCode;
  readonly retryable: boolean;
  readonly provider: string | undefined;
  readonly providerCode: string | undefined;
  readonly requestId: string | undefined;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: SmsErrorCode, message: string, options: SmsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? code === 'PROVIDER_UNAVAILABLE';
    this.provider = options.provider;
    this.providerCode = options.providerCode;
    this.requestId = options.requestId;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  /** The fields worth logging; the cause and stack are left out. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      provider: this.provider,
      providerCode: this.providerCode,
      requestId: this.requestId,
      field: this.field,
      retryAfterSeconds: this.retryAfterSeconds,
    };
  }
}

Object.defineProperty(SmsError.prototype, smsErrorMarker, { value: true });

/** True for an {@link SmsError}, also one made by another installed copy of @smskit/core. */
export const isSmsError = (value: unknown): value is SmsError =>
  typeof value === 'object' &&
  value !== null &&
  (value as Record<symbol, unknown>)[smsErrorMarker] === true;
