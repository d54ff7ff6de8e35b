import { once } from 'node:events';
import { createServer, Agent as HttpAgent, type Server } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { demoConnectorConfig } from '@smskit/aliyun-emulator';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { recordRequests } from '../../test/record-requests.js';
import { useEmulator } from '../../test/use-emulator.js';
import { createAliyunSmsSender } from '../create-aliyun-sms-sender.js';
import type { SignedRequest } from '../request/build-signed-request.js';
import { ExchangeTimeoutError } from './http-exchange.js';
import { createNodeHttpExchange } from './node-http-exchange.js';

const emulator = useEmulator();
const httpAgent = new HttpAgent({ keepAlive: true });
afterAll(() => httpAgent.destroy());

/** `Agent#addRequest`, where an agent takes each request; Node's typings leave it out. */
const spyOnAddRequest = (agent: HttpAgent) =>
  vi.spyOn(agent as unknown as { addRequest(...args: unknown[]): void }, 'addRequest');

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A local server answering every request with `handle`. */
async function serve(handle: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handle);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const post = (url: string, headers: Record<string, string> = {}): SignedRequest => ({
  method: 'POST',
  url,
  headers,
});

describe('createNodeHttpExchange', () => {
  it('sends the request as given, through the agent given, and reads the whole answer', async () => {
    const recorder = recordRequests(emulator().url);
    const addRequest = spyOnAddRequest(httpAgent);
    try {
      const exchange = createNodeHttpExchange(10_000, { http: httpAgent });
      // Not signed: the emulator answers a gateway error, a JSON document like any other.
      const answer = await exchange(
        post(`${emulator().url}/?Action=SendSms&Version=2017-05-25`, { 'x-custom': 'yes' }),
        undefined,
      );
      expect(answer.status).toBe(400);
      expect(answer.header('content-type')).toMatch(/^application\/json/);
      expect(answer.header('x-no-such-header')).toBeUndefined();
      expect(JSON.parse(answer.text)).toMatchObject({
        Code: expect.any(String),
        RequestId: expect.any(String),
      });
      expect(recorder.sent).toMatchObject([
        { method: 'POST', query: { Action: 'SendSms' }, headers: { 'x-custom': 'yes' } },
      ]);
      expect(addRequest).toHaveBeenCalledTimes(1);
    } finally {
      recorder.stop();
      addRequest.mockRestore();
    }
  });

  it('joins the values of a repeated header and reads a body in many chunks', async () => {
    const url = await serve((request, response) => {
      request.resume();
      response.setHeader('x-acs-warning', ['a', 'b']);
      response.write('{"Code":');
      setTimeout(() => response.end('"OK"}'), 10);
    });
    const answer = await createNodeHttpExchange(10_000)(post(url), undefined);
    expect(answer.header('x-acs-warning')).toBe('a, b');
    expect(answer.text).toBe('{"Code":"OK"}');
  });

  it('sends the path and query as written, to the host and port of the URL', async () => {
    const seen: (string | undefined)[] = [];
    const url = await serve((request, response) => {
      seen.push(`${request.headers.host} ${request.url}`);
      request.resume();
      response.end('{}');
    });
    const exchange = createNodeHttpExchange(10_000);
    const host = url.slice('http://'.length);
    for (const target of [url, `${url}/`, `${url}?A=1&B=%2F`, `${url}/?A=1`]) {
      await exchange(post(target), undefined);
    }
    expect(seen).toEqual([`${host} /`, `${host} /`, `${host} /?A=1&B=%2F`, `${host} /?A=1`]);
  });

  it('sends https URLs through the https agent', async () => {
    const httpsAgent = new HttpsAgent();
    const addRequest = spyOnAddRequest(httpsAgent);
    // Nothing listens on port 9 here: the connection is refused after the agent took it.
    await expect(
      createNodeHttpExchange(10_000, { https: httpsAgent })(
        post('https://127.0.0.1:9/'),
        undefined,
      ),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(addRequest).toHaveBeenCalledTimes(1);
    httpsAgent.destroy();
  });

  it('rejects, rather than answering half a body, when the connection drops mid-answer', async () => {
    const url = await serve((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-length': '100' });
      response.write('{"Code":');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    await expect(createNodeHttpExchange(10_000)(post(url), undefined)).rejects.toMatchObject({
      code: 'ECONNRESET',
    });
  });

  it('times out when no answer comes, or when the answer stalls half-way', async () => {
    const silent = await serve(() => undefined);
    await expect(createNodeHttpExchange(50)(post(silent), undefined)).rejects.toBeInstanceOf(
      ExchangeTimeoutError,
    );
    const stalling = await serve((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-length': '100' });
      response.write('{"Code":');
    });
    const failure = createNodeHttpExchange(50)(post(stalling), undefined);
    await expect(failure).rejects.toBeInstanceOf(ExchangeTimeoutError);
    await expect(failure).rejects.toThrow('No answer within 50 ms');
  });

  it('rejects with the reason of an aborted signal, before or during the request', async () => {
    const reason = new Error('stop');
    const exchange = createNodeHttpExchange(10_000);
    await expect(exchange(post(`${emulator().url}/`), AbortSignal.abort(reason))).rejects.toBe(
      reason,
    );
    const url = await serve(() => undefined);
    const controller = new AbortController();
    const pending = exchange(post(url), controller.signal);
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
  });
});

describe('the agents option of a sender', () => {
  it('sends through the agents given', async () => {
    const addRequest = spyOnAddRequest(httpAgent);
    try {
      const sender = createAliyunSmsSender({
        ...demoConnectorConfig,
        endpoint: emulator().url,
        agents: { http: httpAgent },
      });
      await expect(
        sender.send({ to: '+8613800138000', usageType: 'SignIn', params: { code: '1234' } }),
      ).resolves.toMatchObject({ route: 'china' });
      expect(addRequest).toHaveBeenCalledTimes(1);
    } finally {
      addRequest.mockRestore();
    }
  });

  it('refuses what is not an agent, naming the option', () => {
    expect(() =>
      createAliyunSmsSender({
        ...demoConnectorConfig,
        agents: { https: {} as HttpsAgent },
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG', field: 'agents.https' }));
  });
});
