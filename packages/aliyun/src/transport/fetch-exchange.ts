import type { KyInstance } from 'ky';
import { ExchangeTimeoutError, type HttpExchange } from './http-exchange.js';

let loadingKy: Promise<typeof import('ky')> | undefined;

/**
 * A transport over a `fetch` of your choosing (the global one, another runtime's, a test's),
 * through ky: its timeout over any fetch, its abort handling. ky is loaded on the first request:
 * importing it makes Node load its fetch implementation, 40 to 50 ms that an app importing this
 * package at start-up need not wait for. ky's own retries stay off: each attempt must be signed
 * afresh, which `callAliyun` does.
 */
export function createFetchExchange(fetch: typeof globalThis.fetch, timeout: number): HttpExchange {
  let instance:
    | Promise<{ http: KyInstance; isTimeoutError: (error: unknown) => boolean }>
    | undefined;
  const load = () => {
    loadingKy ??= import('ky');
    instance ??= loadingKy.then(({ default: ky, isTimeoutError }) => ({
      http: ky.create({ fetch, timeout, retry: 0, throwHttpErrors: false }),
      isTimeoutError,
    }));
    return instance;
  };
  return async (request, signal) => {
    const { http, isTimeoutError } = await load();
    try {
      const response = await http(request.url, {
        method: request.method,
        headers: request.headers,
        ...(signal === undefined ? {} : { signal }),
      });
      const text = await response.text();
      return {
        status: response.status,
        header: (name) => response.headers.get(name) ?? undefined,
        text,
      };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw isTimeoutError(error) ? new ExchangeTimeoutError(timeout) : error;
    }
  };
}
