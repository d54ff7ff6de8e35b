import { ExchangeTimeoutError, type HttpAnswer } from './http-exchange.js';
import type {
  UndiciDispatchController,
  UndiciDispatchHandler,
  UndiciV1DispatchHandler,
} from './undici-dispatcher.js';

type Headers =
  | readonly unknown[]
  | Readonly<Record<string, string | readonly string[] | undefined>>;

// The first API hands headers over as [name, value, name, value, …] with names as sent, the
// second as an object by lowercase name. Read only on failures.
const headerOf =
  (headers: Headers) =>
  (name: string): string | undefined => {
    if (!Array.isArray(headers)) {
      const value = (headers as Record<string, string | readonly string[] | undefined>)[name];
      return typeof value === 'string' ? value : value?.join(', ');
    }
    const values: string[] = [];
    for (let index = 0; index + 1 < headers.length; index += 2) {
      if (String(headers[index]).toLowerCase() === name) values.push(String(headers[index + 1]));
    }
    return values.length === 0 ? undefined : values.join(', ');
  };

/**
 * Reads one answer whole through undici's first handler API, and settles once: with the answer,
 * or with the first of a failure, the timeout and the signal's abort.
 */
export class AnswerReader implements UndiciV1DispatchHandler {
  readonly #resolve: (answer: HttpAnswer) => void;
  readonly #reject: (error: unknown) => void;
  readonly #signal: AbortSignal | undefined;
  readonly #timer: NodeJS.Timeout;
  #abortRequest: ((reason?: Error) => void) | undefined;
  #failure: Error | undefined;
  #settled = false;
  #status = 0;
  #headers: Headers = [];
  readonly #chunks: Uint8Array[] = [];

  constructor(
    resolve: (answer: HttpAnswer) => void,
    reject: (error: unknown) => void,
    timeout: number,
    signal: AbortSignal | undefined,
  ) {
    this.#resolve = resolve;
    this.#reject = reject;
    this.#signal = signal;
    // One timer for the whole attempt, answer included.
    this.#timer = setTimeout(() => this.#fail(new ExchangeTimeoutError(timeout)), timeout);
    signal?.addEventListener('abort', this.#onAbort);
  }

  readonly #onAbort = () => {
    this.#fail(this.#signal?.reason);
  };

  onConnect(abort: (reason?: Error) => void): void {
    // Given when the request is about to be written: a timeout or abort before that stops it here.
    if (this.#settled) abort(this.#failure);
    else this.#abortRequest = abort;
  }

  onHeaders(status: number, headers: Headers): boolean {
    this.#status = status;
    this.#headers = headers;
    return true;
  }

  onData(chunk: Uint8Array): boolean {
    this.#chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    if (this.#settled) return;
    this.#settle();
    this.#resolve({
      status: this.#status,
      header: headerOf(this.#headers),
      // Decoded once whole: a character may be split between chunks.
      text: Buffer.concat(this.#chunks).toString('utf8'),
    });
  }

  onError(error: Error): void {
    this.#fail(error);
  }

  #fail(error: unknown) {
    if (this.#settled) return;
    this.#settle();
    this.#failure = error instanceof Error ? error : new Error('aborted');
    this.#abortRequest?.(this.#failure);
    this.#reject(error);
  }

  #settle() {
    this.#settled = true;
    clearTimeout(this.#timer);
    this.#signal?.removeEventListener('abort', this.#onAbort);
  }
}

/**
 * The same through either handler API, for a dispatcher of unknown undici version. Kept apart:
 * undici 7 wraps every handler that has the second API's methods, which costs on each request.
 */
export class AnyApiAnswerReader extends AnswerReader implements UndiciDispatchHandler {
  onRequestStart(controller: UndiciDispatchController): void {
    this.onConnect((reason) => controller.abort(reason ?? new Error('aborted')));
  }

  onResponseStart(_controller: UndiciDispatchController, status: number, headers: Headers): void {
    this.onHeaders(status, headers);
  }

  onResponseData(_controller: UndiciDispatchController, chunk: Uint8Array): void {
    this.onData(chunk);
  }

  onResponseEnd(): void {
    this.onComplete();
  }

  onResponseError(_controller: UndiciDispatchController, error: Error): void {
    this.onError(error);
  }
}
