import { isSmsError, type SmsError } from '@smskit/core';
import { isVerificationError, type VerificationError } from '@smskit/verification';

/** The JSON body of every error answer: `{ error: { code, message, ... } }`. */
export interface ErrorBody {
  readonly error: {
    /** A `VerificationError` code, an `SmsError` code, or one of the body codes of {@link errorResponse}. */
    readonly code: string;
    /** A sentence for people; switch on `code`, not on this. */
    readonly message: string;
    /** The request field at fault (`phone`, `usageType`, `code`, `body`), when one is. */
    readonly field?: string;
    /** Seconds to wait, as in the `Retry-After` header. */
    readonly retryAfter?: number;
    /** Guesses the pending code still allows, after a wrong code. */
    readonly attemptsLeft?: number;
    /** The option whose limit was reached, for `LIMIT_REACHED`. */
    readonly limit?: string;
    /** For provider failures: whether sending again may succeed. */
    readonly retryable?: boolean;
  };
}

/** The HTTP answer to an error: status, headers and JSON body. */
export interface ErrorResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ErrorBody;
}

const verificationStatus: Record<VerificationError['code'], number> = {
  INVALID_INPUT: 400,
  COUNTRY_NOT_ALLOWED: 400,
  INVALID_CODE: 400,
  CODE_EXPIRED: 400,
  TOO_SOON: 429,
  LIMIT_REACHED: 429,
  ATTEMPTS_EXHAUSTED: 429,
};

const retryAfter = (seconds: number | undefined): Record<string, string> =>
  seconds === undefined ? {} : { 'Retry-After': String(seconds) };

function fromVerificationError(error: VerificationError): ErrorResponse {
  const status = verificationStatus[error.code];
  return {
    status,
    headers: status === 429 ? retryAfter(error.retryAfterSeconds ?? 0) : {},
    body: {
      error: {
        code: error.code,
        message: error.message,
        ...(error.field === undefined ? {} : { field: error.field }),
        ...(error.retryAfterSeconds === undefined ? {} : { retryAfter: error.retryAfterSeconds }),
        ...(error.attemptsLeft === undefined ? {} : { attemptsLeft: error.attemptsLeft }),
        ...(error.limit === undefined ? {} : { limit: error.limit }),
      },
    },
  };
}

// The provider's own message may name templates, sign names or accounts: the client gets a
// sentence of ours and the code; the full error goes to the server's log.
function fromSmsError(error: SmsError): ErrorResponse {
  const wait = error.retryAfterSeconds;
  const answer = (status: number, message: string, extra: { field?: string } = {}) => ({
    status,
    headers: status === 429 || status === 503 ? retryAfter(wait) : {},
    body: {
      error: {
        code: error.code,
        message,
        ...extra,
        ...(wait === undefined ? {} : { retryAfter: wait }),
        retryable: error.retryable,
      },
    },
  });
  if (error.code === 'INVALID_PHONE_NUMBER') {
    return answer(400, 'The SMS provider refused this phone number', { field: 'phone' });
  }
  if (error.code === 'RATE_LIMITED') {
    return answer(429, 'The SMS provider refuses to send more to this number for now');
  }
  return error.retryable
    ? answer(503, 'The SMS provider is unavailable; try again shortly')
    : answer(502, 'The SMS provider could not send the code');
}

interface HttpError {
  type?: unknown;
  status?: unknown;
}

/** body-parser's errors: bad JSON, too large, an encoding it cannot read. */
function fromBodyParserError(error: HttpError): ErrorResponse | undefined {
  const answer = (status: number, code: string, message: string) => ({
    status,
    headers: {},
    body: { error: { code, message, field: 'body' } },
  });
  switch (error.type) {
    case 'entity.parse.failed':
      return answer(400, 'INVALID_INPUT', 'The body is not a valid JSON object');
    case 'entity.too.large':
      return answer(413, 'BODY_TOO_LARGE', 'The body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return answer(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'The body is in an encoding or charset the server does not read',
      );
    default:
      return undefined;
  }
}

/**
 * The HTTP answer to an error of the verification routes, or undefined for an error it does
 * not know (a store failure, a bug), which belongs to the app's own error handling.
 *
 * | error | status |
 * | --- | --- |
 * | `VerificationError` `INVALID_INPUT`, `COUNTRY_NOT_ALLOWED`, `INVALID_CODE`, `CODE_EXPIRED` | 400 |
 * | `VerificationError` `TOO_SOON`, `LIMIT_REACHED`, `ATTEMPTS_EXHAUSTED` | 429 with `Retry-After` |
 * | `SmsError` `INVALID_PHONE_NUMBER` (the provider refused the number) | 400, field `phone` |
 * | `SmsError` `RATE_LIMITED` (the provider's own limit) | 429, `Retry-After` when known |
 * | any other `SmsError` that is `retryable` | 503, `Retry-After` when known |
 * | any other `SmsError` | 502 |
 * | a body that is not JSON / too large / in an unknown charset | 400 / 413 / 415, field `body` |
 */
export function errorResponse(error: unknown): ErrorResponse | undefined {
  if (isVerificationError(error)) return fromVerificationError(error);
  if (isSmsError(error)) return fromSmsError(error);
  if (typeof error === 'object' && error !== null) return fromBodyParserError(error as HttpError);
  return undefined;
}
