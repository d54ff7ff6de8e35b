// Records the requests undici writes to a server, as they go on the wire, through undici's
// diagnostics channel: the request that went out, not a mock of the code that made it.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';

export interface WireRequest {
  readonly method: string;
  /** Path and query as sent. */
  readonly target: string;
  /** The decoded query parameters. */
  readonly query: Readonly<Record<string, string>>;
  /** Header values by lowercase name. */
  readonly headers: Readonly<Record<string, string>>;
}

interface SendHeadersMessage {
  request: { origin: string | URL };
  headers: string;
}

const channel = 'undici:client:sendHeaders';

export function recordRequests(origin: string): { readonly sent: WireRequest[]; stop(): void } {
  const sent: WireRequest[] = [];
  const listener = (message: unknown) => {
    const { request, headers } = message as SendHeadersMessage;
    if (String(request.origin) !== origin) return;
    const [requestLine = '', ...lines] = headers.split('\r\n');
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
  subscribe(channel, listener);
  return { sent, stop: () => unsubscribe(channel, listener) };
}
