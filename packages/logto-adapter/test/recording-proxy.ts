// A pass-through HTTP proxy for tests: every request goes on to the emulator unchanged (Host
// header included, which V3 signs) and is recorded, so that a test can see what a connector sent
// even when the emulator refused it.
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it went through the proxy. */
export interface RecordedRequest {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** Query and form body parameters together, as Aliyun reads V1 requests. */
  readonly params: Readonly<Record<string, string>>;
}

export interface RecordingProxy {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  /** Every request so far, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** The newest request; throws when there is none. */
  last(): RecordedRequest;
  clear(): void;
  stop(): Promise<void>;
}

const parameters = (path: string, headers: IncomingHttpHeaders, body: string) => {
  const params = Object.fromEntries(new URL(path, 'http://proxy').searchParams);
  if (headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
  }
  return params;
};

/** Starts a proxy on 127.0.0.1 that forwards to `target` (an `http://host:port` origin). */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const { hostname, port: targetPort } = new URL(target);
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = raw.toString('utf8');
      const path = incoming.url ?? '/';
      requests.push({
        method: incoming.method ?? 'GET',
        headers: incoming.headers,
        body,
        params: parameters(path, incoming.headers, body),
      });
      const forwarded = httpRequest(
        { hostname, port: targetPort, method: incoming.method, path, headers: incoming.headers },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forwarded.on('error', () => outgoing.destroy());
      forwarded.end(raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get requests() {
      return requests;
    },
    last() {
      const newest = requests.at(-1);
      if (newest === undefined) throw new Error('The proxy has recorded no request');
      return newest;
    },
    clear() {
      requests.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
