// Statuses whose Response has no body (the Fetch standard's "null body status").
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);
const utf8 = new TextDecoder();

type BufferedResponseClass = new (bytes: Uint8Array<ArrayBuffer>, init: ResponseInit) => Response;
let BufferedResponse: BufferedResponseClass | undefined;

/**
 * The class of {@link bufferedResponse}, made on first use: the global `Response` is Node's
 * fetch implementation, which Node loads when it is first touched (about 30 ms), and an app that
 * imports this package at start-up need not wait for it.
 */
function bufferedResponseClass(): BufferedResponseClass {
  // The DOM typings declare Response's methods as properties, which a subclass cannot override
  // with methods; at run time this is the real Response, so `instanceof Response` holds.
  const ResponseWithoutBody = Response as unknown as new (
    body: null,
    init: ResponseInit,
  ) => Pick<Response, 'headers' | 'status' | 'statusText'>;

  class Buffered extends ResponseWithoutBody {
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
      return new Buffered(this.#bytes, {
        status: this.status,
        statusText: this.statusText,
        headers: this.headers,
      }) as unknown as Response;
    }
  }
  return Buffered as unknown as BufferedResponseClass;
}

/**
 * A Response whose body was already read whole, for the fetch adapters. The Fetch standard's
 * Response wraps every body in a web stream, and making and draining that stream cost about
 * 40 µs of CPU per request through ky (bench/RESULTS.md, HTTP layers); this one hands ky the bytes
 * directly. `body` is null; every reading method works, `clone()` included.
 */
export function bufferedResponse(bytes: Uint8Array<ArrayBuffer>, init: ResponseInit): Response {
  if (init.status !== undefined && nullBodyStatuses.has(init.status)) {
    return new Response(null, init);
  }
  BufferedResponse ??= bufferedResponseClass();
  return new BufferedResponse(bytes, init);
}
