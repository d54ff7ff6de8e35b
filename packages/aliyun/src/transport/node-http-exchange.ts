import type { ClientRequest, Agent as HttpAgent, IncomingMessage, RequestOptions } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { ExchangeTimeoutError, type HttpAnswer, type HttpExchange } from './http-exchange.js';
import { splitRequestUrl } from './split-request-url.js';

/** The agents the `node:http` transport sends through, per protocol. */
export interface NodeHttpAgents {
  /** For `http:` URLs (the emulator, a local proxy). Default: a keep-alive agent of this package. */
  readonly http?: HttpAgent | undefined;
  /** For `https:` URLs (Aliyun). Default: a keep-alive agent of this package. */
  readonly https?: HttpsAgent | undefined;
}

type Send = (
  options: RequestOptions,
  onResponse: (response: IncomingMessage) => void,
) => ClientRequest;

interface NodeHttp {
  readonly send: { readonly http: Send; readonly https: Send };
  readonly agents: { readonly http: HttpAgent; readonly https: HttpsAgent };
}

// Like Node's global agents (keep-alive, idle sockets closed after 5 s or as the server's
// Keep-Alive header says, most recent socket first), but of this package alone.
const agentOptions = { keepAlive: true, scheduling: 'lifo', timeout: 5_000 } as const;

let loading: Promise<NodeHttp> | undefined;
/**
 * node:http and node:https, loaded on the first request (about 15 ms that an app importing this
 * package at start-up need not wait for), and the agents shared by every sender given none.
 */
const loadNodeHttp = () =>
  (loading ??= Promise.all([import('node:http'), import('node:https')]).then(([http, https]) => ({
    send: { http: http.request, https: https.request },
    agents: { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) },
  })));

interface Target {
  readonly secure: boolean;
  readonly hostname: string;
  readonly port: string;
}

// Most senders talk to one or two origins: each is parsed once.
const targets = new Map<string, Target>();
const targetOf = (origin: string): Target => {
  let target = targets.get(origin);
  if (target === undefined) {
    const url = new URL(origin);
    target = {
      secure: url.protocol === 'https:',
      // An IPv6 literal goes to request() without its brackets.
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port,
    };
    if (targets.size < 64) targets.set(origin, target);
  }
  return target;
};

const answerOf = (response: IncomingMessage, text: string): HttpAnswer => ({
  status: response.statusCode ?? 0,
  // Read only on failures: Node builds the headers object on first access.
  header(name) {
    const value = response.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  },
  text,
});

/**
 * The transport of the `agents` option, and the default in a runtime without the dispatcher of
 * Node's fetch: Node's own `node:http` and `node:https` with keep-alive agents, the signed request
 * handed straight to `request()` and the answer read whole into a string. No `Request`,
 * `Response` or web stream is made. No redirects are followed (Dysmsapi sends none) and no
 * cookies are kept.
 */
export function createNodeHttpExchange(timeout: number, agents: NodeHttpAgents = {}): HttpExchange {
  let node: NodeHttp | undefined;
  return async (request, signal) => {
    signal?.throwIfAborted();
    if (node === undefined) {
      const loaded = await loadNodeHttp();
      node = {
        send: loaded.send,
        agents: {
          http: agents.http ?? loaded.agents.http,
          https: agents.https ?? loaded.agents.https,
        },
      };
    }
    // Origin and path split here, rather than a URL string given to request(): Node would parse
    // the URL and merge it into the options for every message (about 10 µs of CPU).
    const { origin, path } = splitRequestUrl(request.url);
    const { secure, hostname, port } = targetOf(origin);
    const send = secure ? node.send.https : node.send.http;
    const options: RequestOptions = {
      protocol: secure ? 'https:' : 'http:',
      hostname,
      port,
      path,
      method: request.method,
      headers: request.headers,
      agent: secure ? node.agents.https : node.agents.http,
      signal,
    };
    try {
      return await new Promise<HttpAnswer>((resolve, reject) => {
        // The first outcome wins: a timeout, then whatever error destroying the socket causes.
        const fail = (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        };
        const outgoing = send(options, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            clearTimeout(timer);
            resolve(answerOf(response, Buffer.concat(chunks).toString('utf8')));
          });
          response.on('error', fail);
          // A connection closed before the whole body came.
          response.on('close', () => {
            if (!response.complete) {
              fail(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
            }
          });
        });
        // One timer for the whole attempt, answer included: cheaper than AbortSignal.timeout
        // and AbortSignal.any per request.
        const timer = setTimeout(() => {
          fail(new ExchangeTimeoutError(timeout));
          outgoing.destroy();
        }, timeout);
        outgoing.on('error', fail);
        outgoing.end();
      });
    } catch (error) {
      // Node reports an abort as its own AbortError; callers get the signal's reason, as from fetch.
      throw signal?.aborted ? signal.reason : error;
    }
  };
}
