import type { Agent, Dispatcher } from 'undici';

// Statuses whose Response has no body (the Fetch standard's "null body status").
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);
const utf8 = new TextDecoder();

// The DOM typings declare Response's methods as properties, which a subclass cannot override
// with methods; at run time this is the real Response, so `instanceof Response` holds.
const ResponseWithoutBody = Response as unknown as new (
  body: null,
  init: ResponseInit,
) => Pick<Response, 'headers' | 'status' | 'statusText'>;

/**
 * A Response whose body was already read whole. The Fetch standard's Response wraps every body
 * in a web stream, and making and draining that stream cost about 40 µs of CPU per request through
 * ky (bench/transport.ts: 198 against 126–144 µs); this one hands ky the bytes directly. `body` is
 * null; every reading method works, `clone()` included.
 */
class BufferedResponse extends ResponseWithoutBody {
  readonly #bytes: Uint8Array<ArrayBuffer>;

  constructor(bytes: Uint8Array<ArrayBuffer>, init: ResponseInit) {
    super(null, init);
    this.#bytes = bytes;
  }

  async text(): Promise<string> {
    return utf8.decode(this.#bytes);
  }

  async json(): Promise<unknown> {
    return JSON.parse(utf8.decode(this.#bytes));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#bytes.slice().buffer;
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#bytes.slice();
  }

  async blob(): Promise<Blob> {
    return new Blob([this.#bytes], { type: this.headers.get('content-type') ?? '' });
  }

  clone(): Response {
    return new BufferedResponse(this.#bytes, {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    }) as unknown as Response;
  }
}

/**
 * A `fetch` for ky over undici's `Dispatcher.request`, the cheapest HTTP client for Node.js.
 *
 * Why not Node's global `fetch`: it runs the Fetch standard's machinery (web streams for bodies,
 * Request/Response bookkeeping): through ky it cost about 1.8 times the CPU of this adapter per
 * request, 251–328 against 126–198 µs (bench/transport.ts, README "Transport"). ky keeps its timeout, abort signal and
 * hooks; this adapter turns ky's `Request` into one `dispatcher.request` call and the answer,
 * read whole (Dysmsapi answers are small JSON documents), into a `Response`. No redirects are
 * followed (Dysmsapi sends none) and no cookies are kept.
 */
export function createUndiciFetch(dispatcher: Dispatcher): typeof globalThis.fetch {
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
      method: request.method as Dispatcher.HttpMethod,
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
    const responseInit = { status: answer.statusCode, headers: responseHeaders };
    return nullBodyStatuses.has(answer.statusCode)
      ? new Response(null, responseInit)
      : (new BufferedResponse(bytes, responseInit) as unknown as Response);
  };
}

let sharedAgent: Promise<Agent> | undefined;

/**
 * The keep-alive connection pool of every sender given no `fetch`. undici is loaded and the pool
 * made on the first request, never at import: undici is the largest module of this package's
 * import graph, and an app that imports the sender at start-up need not wait for it. undici
 * keeps connections alive (here up to 10 s idle, or less when the server's `Keep-Alive` says so)
 * and does not hold the process open while they are idle.
 */
export function sharedUndiciFetch(): typeof globalThis.fetch {
  let fetch: typeof globalThis.fetch | undefined;
  return async (input, init) => {
    if (fetch === undefined) {
      sharedAgent ??= import('undici').then(
        ({ Agent }) => new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 }),
      );
      fetch = createUndiciFetch(await sharedAgent);
    }
    return fetch(input, init);
  };
}
