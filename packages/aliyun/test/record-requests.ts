// Records the requests a client writes to a server, as they go on the wire, through the
// diagnostics channels of node:http (the `agents` transport) and undici (the default transport,
// a `dispatcher`, the global fetch): the request that went out, not a mock of the code that made it.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { Socket } from 'node:net';

export interface WireRequest {
  readonly method: string;
  /** Path and query as sent. */
  readonly target: string;
  /** The decoded query parameters. */
  readonly query: Readonly<Record<string, string>>;
  /** Header values by lowercase name. */
  readonly headers: Readonly<Record<string, string>>;
}

interface UndiciSendHeaders {
  request: { origin: string | URL };
  headers: string;
}

const undiciChannel = 'undici:client:sendHeaders';
// Published once node:http has written the request (its head is in `_header` then).
const nodeHttpChannel = 'http.client.request.start';

export function recordRequests(origin: string): { readonly sent: WireRequest[]; stop(): void } {
  const sent: WireRequest[] = [];
  const record = (requestOrigin: string, head: string) => {
    if (requestOrigin !== origin) return;
    const [requestLine = '', ...lines] = head.split('\r\n');
    const [method = '', target = ''] = requestLine.split(' ');
    const parsed: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) parsed[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    sent.push({
      method,
      target,
      query: Object.fromEntries(new URL(target, origin).searchParams),
      headers: parsed,
    });
  };
  const onUndici = (message: unknown) => {
    const { request, headers } = message as UndiciSendHeaders;
    record(String(request.origin), headers);
  };
  const onNodeHttp = (message: unknown) => {
    const { request } = message as { request: ClientRequest & { _header?: string } };
    const requestOrigin = `${request.protocol}//${String(request.getHeader('host'))}`;
    const head = request._header ?? '';
    // node:http has written the request once it has a socket, even one still connecting: it
    // went on the wire only if that socket connects (a refused connection sent nothing).
    const onSocket = (socket: Socket) => {
      if (socket.connecting) socket.once('connect', () => record(requestOrigin, head));
      else record(requestOrigin, head);
    };
    if (request.socket === null) request.once('socket', onSocket);
    else onSocket(request.socket);
  };
  subscribe(undiciChannel, onUndici);
  subscribe(nodeHttpChannel, onNodeHttp);
  return {
    sent,
    stop: () => {
      unsubscribe(undiciChannel, onUndici);
      unsubscribe(nodeHttpChannel, onNodeHttp);
    },
  };
}
