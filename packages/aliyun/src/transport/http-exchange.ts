import type { SignedRequest } from '../request/build-signed-request.js';

/** An answer read whole: Dysmsapi answers are small JSON documents. */
export interface HttpAnswer {
  readonly status: number;
  /** A response header by its name in lowercase, or undefined. */
  header(name: string): string | undefined;
  readonly text: string;
}

/**
 * Sends one signed request and reads its answer, whatever its status. Rejects with
 * {@link ExchangeTimeoutError} when the attempt outlasts the sender's `timeout`, with the
 * signal's reason once aborted, and with the transport's own error otherwise.
 */
export type HttpExchange = (
  request: SignedRequest,
  signal: AbortSignal | undefined,
) => Promise<HttpAnswer>;

/** An attempt that took longer than the sender's `timeout`. */
export class ExchangeTimeoutError extends Error {
  override readonly name = 'TimeoutError';

  constructor(timeout: number) {
    super(`No answer within ${timeout} ms`);
  }
}
