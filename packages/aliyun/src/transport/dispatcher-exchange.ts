import { AnswerReader, AnyApiAnswerReader } from './answer-reader.js';
import type { HttpAnswer, HttpExchange } from './http-exchange.js';
import { splitRequestUrl } from './split-request-url.js';
import type { UndiciDispatcher } from './undici-dispatcher.js';

/** A dispatcher and the handler API it is known to take. */
export interface DispatcherInUse {
  readonly dispatcher: UndiciDispatcher;
  /** `v1` where only undici's first handler API is wanted; `any` where the version is unknown. */
  readonly handlerApi: 'v1' | 'any';
}

/**
 * A transport that hands each signed request to an undici dispatcher's `dispatch`, and reads
 * the answer whole into a string. No `Request`, `Response`, web stream or body stream per
 * message: the least CPU per request of the transports measured (bench/RESULTS.md). No redirects
 * are followed (Dysmsapi sends none) and no cookies are kept.
 *
 * @param dispatcher a dispatcher of any undici version, or a function that finds the one to use
 *   for each request (the global one may be replaced at any time; `fetch` reads it anew too).
 */
export function createDispatcherExchange(
  timeout: number,
  dispatcher: UndiciDispatcher | (() => DispatcherInUse),
): HttpExchange {
  const given: DispatcherInUse | undefined =
    typeof dispatcher === 'function' ? undefined : { dispatcher, handlerApi: 'any' };
  const find = typeof dispatcher === 'function' ? dispatcher : () => given as DispatcherInUse;
  return (request, signal) => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const { origin, path } = splitRequestUrl(request.url);
    const inUse = find();
    return new Promise<HttpAnswer>((resolve, reject) => {
      const reader =
        inUse.handlerApi === 'v1'
          ? new AnswerReader(resolve, reject, timeout, signal)
          : new AnyApiAnswerReader(resolve, reject, timeout, signal);
      try {
        inUse.dispatcher.dispatch(
          { origin, path, method: request.method, headers: request.headers },
          reader as AnyApiAnswerReader,
        );
      } catch (error) {
        // A dispatcher may throw rather than call onError (an invalid argument).
        reader.onError(error as Error);
      }
    });
  };
}
