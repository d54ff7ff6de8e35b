import type { ClientRequest, Agent as HttpAgent, IncomingMessage, RequestOptions } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { bufferedResponse } from './buffered-response.js';

/** The agents {@link createNodeHttpFetch} sends through, per protocol. */
export interface NodeHttpFetchOptions {
  /** For `http:` URLs (the emulator, a local proxy). Default: a keep-alive agent of its own. */
  readonly httpAgent?: HttpAgent | undefined;
  /** For `https:` URLs (Aliyun). Default: a keep-alive agent of its own. */
  readonly httpsAgent?: HttpsAgent | undefined;
}

type RequestFunction = (
  url: string,
  options: RequestOptions,
  onResponse: (response: IncomingMessage) => void,
) => ClientRequest;

interface NodeHttp {
  readonly request: { readonly http: RequestFunction; readonly https: RequestFunction };
  /** The keep-alive agents shared by every fetch given none. */
  readonly agents: { readonly http: HttpAgent; readonly https: HttpsAgent };
}

// Like Node's global agents (keep-alive, idle sockets closed after 5 s or as the server's
// Keep-Alive header says, most recent socket first), but of this package alone.
const agentOptions = { keepAlive: true, scheduling: 'lifo', timeout: 5_000 } as const;

let loading: Promise<NodeHttp> | undefined;
/**
 * node:http and node:https, loaded on the first request (about 15 ms that an app importing this
 * package at start-up need not wait for), and the shared agents.
 */
const loadNodeHttp = () =>
  (loading ??= Promise.all([import('node:http'), import('node:https')]).then(([http, https]) => ({
    request: { http: http.request, https: https.request },
    agents: { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) },
  })));

function readBody(response: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => {
      const whole = Buffer.concat(chunks);
      resolve(
        new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength) as Uint8Array<ArrayBuffer>,
      );
    });
    response.on('error', reject);
    // A connection closed before the whole body came.
    response.on('close', () => {
      if (!response.complete)
        reject(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    });
  });
}

/**
 * A `fetch` for ky over Node's own `node:http` and `node:https`, with keep-alive agents: the
 * default transport of the sender. It costs nothing to install or bundle (Node has it), and
 * about half the CPU time per request of Node's global `fetch` through ky (bench/RESULTS.md).
 * Pass agents of your own for TLS options or a proxy (an `http.Agent` such as
 * `https-proxy-agent`'s). The answer, read whole (Dysmsapi answers are small JSON documents),
 * becomes a `Response`; ky keeps its timeout and abort signal. No redirects are followed
 * (Dysmsapi sends none) and no cookies are kept.
 */
export function createNodeHttpFetch(options: NodeHttpFetchOptions = {}): typeof globalThis.fetch {
  let node: NodeHttp | undefined;
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const { signal } = request;
    signal.throwIfAborted();
    if (node === undefined) {
      const loaded = await loadNodeHttp();
      node = {
        request: loaded.request,
        agents: {
          http: options.httpAgent ?? loaded.agents.http,
          https: options.httpsAgent ?? loaded.agents.https,
        },
      };
    }
    const { url, method } = request;
    const headers: Record<string, string> = {};
    for (const [name, value] of request.headers) headers[name] = value;
    const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
    const secure = url.startsWith('https:');
    const send = secure ? node.request.https : node.request.http;
    const agent = secure ? node.agents.https : node.agents.http;
    try {
      const response = await new Promise<IncomingMessage>((resolve, reject) => {
        const outgoing = send(url, { method, headers, agent, signal }, resolve);
        outgoing.on('error', reject);
        outgoing.end(body);
      });
      const bytes = await readBody(response);
      const responseHeaders: [string, string][] = [];
      const raw = response.rawHeaders;
      for (let index = 0; index < raw.length; index += 2) {
        responseHeaders.push([raw[index] as string, raw[index + 1] as string]);
      }
      return bufferedResponse(bytes, {
        status: response.statusCode ?? 0,
        statusText: response.statusMessage ?? '',
        headers: responseHeaders,
      });
    } catch (error) {
      // Node reports an abort as its own AbortError; fetch rejects with the signal's reason.
      throw signal.aborted ? signal.reason : error;
    }
  };
}
