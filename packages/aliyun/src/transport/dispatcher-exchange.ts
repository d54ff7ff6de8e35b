import { ExchangeTimeoutError, type HttpAnswer, type HttpExchange } from './http-exchange.js';
import { splitRequestUrl } from './split-request-url.js';

/** What this transport gives an undici dispatcher for each request. */
export interface UndiciDispatchOptions {
  readonly origin: string;
  readonly path: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The handler this transport gives `dispatch`: undici's handler API as undici 6 (in Node 22)
 * and undici 7 (in Node 24 and up, and on npm) call it without a wrapper.
 */
export interface UndiciDispatchHandler {
  onConnect(abort: (reason?: Error) => void): void;
  onHeaders(status: number, rawHeaders: readonly unknown[], resume: () => void): boolean;
  onData(chunk: Uint8Array): boolean;
  onComplete(trailers: unknown): void;
  onError(error: Error): void;
}

/**
 * An undici dispatcher: an `Agent`, `Pool`, `ProxyAgent`, `EnvHttpProxyAgent` or `MockAgent`
 * from the `undici` package, or the dispatcher behind Node's global `fetch`. Only its `dispatch`
 * is used.
 */
export interface UndiciDispatcher {
  dispatch(options: UndiciDispatchOptions, handler: UndiciDispatchHandler): boolean;
}

/**
 * Reads one answer whole, and settles once: with the answer, or with the first of a failure,
 * the timeout and the signal's abort. Also the handler given to `dispatch`.
 */
class AnswerReader implements UndiciDispatchHandler {
  readonly #resolve: (answer: HttpAnswer) => void;
  readonly #reject: (error: unknown) => void;
  readonly #signal: AbortSignal | undefined;
  readonly #timer: NodeJS.Timeout;
  #abortRequest: ((reason?: Error) => void) | undefined;
  #failure: Error | undefined;
  #settled = false;
  #status = 0;
  #rawHeaders: readonly unknown[] = [];
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

  onHeaders(status: number, rawHeaders: readonly unknown[]): boolean {
    this.#status = status;
    this.#rawHeaders = rawHeaders;
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
      header: headerOf(this.#rawHeaders),
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

// undici hands headers over as [name, value, name, value, …], names as sent; read only on failures.
const headerOf =
  (rawHeaders: readonly unknown[]) =>
  (name: string): string | undefined => {
    const values: string[] = [];
    for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
      if (String(rawHeaders[index]).toLowerCase() === name) {
        values.push(String(rawHeaders[index + 1]));
      }
    }
    return values.length === 0 ? undefined : values.join(', ');
  };

/**
 * A transport that hands each signed request to an undici dispatcher's `dispatch`, and reads
 * the answer whole into a string. No `Request`, `Response`, web stream or body stream per
 * message: the least CPU per request of the transports measured (bench/RESULTS.md). No redirects
 * are followed (Dysmsapi sends none) and no cookies are kept.
 *
 * @param dispatcher the dispatcher, or a function that finds it for each request (the global one
 *   may be replaced at any time, and `fetch` reads it anew for each request too).
 */
export function createDispatcherExchange(
  timeout: number,
  dispatcher: UndiciDispatcher | (() => UndiciDispatcher),
): HttpExchange {
  const dispatcherOf = typeof dispatcher === 'function' ? dispatcher : () => dispatcher;
  return (request, signal) => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const { origin, path } = splitRequestUrl(request.url);
    return new Promise<HttpAnswer>((resolve, reject) => {
      const reader = new AnswerReader(resolve, reject, timeout, signal);
      try {
        dispatcherOf().dispatch(
          { origin, path, method: request.method, headers: request.headers },
          reader,
        );
      } catch (error) {
        // A closed dispatcher throws rather than calling onError.
        reader.onError(error as Error);
      }
    });
  };
}
