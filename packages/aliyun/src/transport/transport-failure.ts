import { SmsError } from '@smskit/core';

// Error codes meaning no connection was made, so no byte of the request left this machine.
const nothingSentCodes = new Set(['ECONNREFUSED']);

const codeOf = (value: unknown): string | undefined => {
  const code = (value as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** The errors of a failure, outermost first, following `cause`. */
function* causeChain(error: unknown): Generator<unknown> {
  let current = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth += 1) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

/** The system error code of a transport failure (`ECONNREFUSED`, `ECONNRESET`, `UND_ERR_SOCKET`). */
export function transportErrorCode(error: unknown): string | undefined {
  for (const link of causeChain(error)) {
    const code = codeOf(link);
    if (code !== undefined && !code.startsWith('ERR_')) return code;
  }
  return undefined;
}

/** True when the request provably never left: the connection was refused. */
export function isNothingSent(error: unknown): boolean {
  const code = transportErrorCode(error);
  return code !== undefined && nothingSentCodes.has(code);
}

/**
 * A cause safe to keep: ky's and fetch's errors hold the `Request`, whose URL and headers carry
 * the signature and the STS token (and ky puts the URL in its messages). Only the innermost
 * error's name, message and code survive, with `secrets` cut out of the message.
 */
export function safeCause(
  error: unknown,
  secrets: readonly (string | undefined)[],
): Error | undefined {
  let innermost: unknown;
  for (const link of causeChain(error)) innermost = link;
  if (!(innermost instanceof Error) || (innermost as { isKyError?: unknown }).isKyError === true) {
    return undefined;
  }
  let message = innermost.message;
  for (const secret of secrets) if (secret) message = message.split(secret).join('[redacted]');
  const cause = new Error(message);
  cause.name = innermost.name;
  const code = codeOf(innermost);
  if (code !== undefined) Object.defineProperty(cause, 'code', { value: code, enumerable: true });
  return cause;
}

/** What went wrong on the way, as an {@link SmsError}; `idempotent` actions may be retried by the caller. */
export function transportFailure(
  error: unknown,
  context: {
    action: string;
    /** Whether the attempt outlasted the sender's timeout (an ExchangeTimeoutError). */
    timedOut: boolean;
    timeout: number;
    idempotent: boolean;
    secrets: readonly (string | undefined)[];
  },
): SmsError {
  const cause = safeCause(error, context.secrets);
  const withCause = cause === undefined ? {} : { cause };
  if (context.timedOut) {
    return new SmsError(
      'TIMEOUT',
      context.idempotent
        ? `Aliyun did not answer ${context.action} within ${context.timeout} ms`
        : `Aliyun did not answer ${context.action} within ${context.timeout} ms; the message may have been sent: check querySendDetails before sending it again`,
      { provider: 'aliyun', retryable: context.idempotent },
    );
  }
  const code = transportErrorCode(error);
  if (isNothingSent(error)) {
    return new SmsError(
      'PROVIDER_UNAVAILABLE',
      `Could not connect to Aliyun for ${context.action} (${code}); nothing was sent`,
      { provider: 'aliyun', retryable: true, ...withCause },
    );
  }
  return new SmsError(
    'PROVIDER_UNAVAILABLE',
    context.idempotent
      ? `The connection to Aliyun failed during ${context.action}${code === undefined ? '' : ` (${code})`}`
      : `The connection to Aliyun failed during ${context.action}${code === undefined ? '' : ` (${code})`}; the message may have been sent: check querySendDetails before sending it again`,
    { provider: 'aliyun', retryable: context.idempotent, ...withCause },
  );
}
