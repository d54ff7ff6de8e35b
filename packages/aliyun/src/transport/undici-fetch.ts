import { bufferedResponse } from './buffered-response.js';

/**
 * What {@link createUndiciFetch} uses of an undici `Dispatcher` (an `Agent`, `Pool`,
 * `ProxyAgent`, …): its `request` method. Declared here so that this package needs undici only
 * where it is used.
 */
export interface UndiciDispatcher {
  request(options: {
    origin: string;
    path: string;
    method: string;
    headers: Record<string, string>;
    body: Uint8Array | null;
    signal: AbortSignal;
  }): Promise<{
    statusCode: number;
    headers: Record<string, string | string[] | undefined>;
    body: { arrayBuffer(): Promise<ArrayBuffer> };
  }>;
}

/**
 * A `fetch` for ky over undici's `Dispatcher.request`, the cheapest HTTP client for Node.js in
 * CPU time (bench/RESULTS.md): pass your own undici dispatcher, an `Agent` with TLS or pool
 * options, a `ProxyAgent`. This adapter turns ky's `Request` into one `dispatcher.request` call
 * and the answer, read whole (Dysmsapi answers are small JSON documents), into a `Response`. ky
 * keeps its timeout and abort signal. No redirects are followed (Dysmsapi sends none) and no
 * cookies are kept.
 */
export function createUndiciFetch(dispatcher: UndiciDispatcher): typeof globalThis.fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    request.signal.throwIfAborted();
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    for (const [name, value] of request.headers) headers[name] = value;
    const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
    const answer = await dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers,
      body,
      signal: request.signal,
    });
    const bytes = new Uint8Array(await answer.body.arrayBuffer());
    const responseHeaders: [string, string][] = [];
    for (const [name, value] of Object.entries(answer.headers)) {
      if (Array.isArray(value)) for (const item of value) responseHeaders.push([name, item]);
      else if (value !== undefined) responseHeaders.push([name, value]);
    }
    return bufferedResponse(bytes, { status: answer.statusCode, headers: responseHeaders });
  };
}
