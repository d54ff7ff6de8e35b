import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { once } from 'node:events';
import { createServer, Agent as HttpAgent, type Server } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { demoConnectorConfig } from '@smskit/aliyun-emulator';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  globalDispatchers,
  importUndici7,
  importUndici8,
  keepingGlobalDispatchers,
} from '../../test/import-undici.js';
import { recordRequests } from '../../test/record-requests.js';
import { useEmulator } from '../../test/use-emulator.js';
import { createAliyunSmsSender } from '../create-aliyun-sms-sender.js';
import type { SignedRequest } from '../request/build-signed-request.js';
import { createDispatcherExchange } from './dispatcher-exchange.js';
import { ExchangeTimeoutError, type HttpExchange } from './http-exchange.js';
import { nodeGlobalDispatcher } from './node-global-dispatcher.js';
import { createNodeHttpExchange } from './node-http-exchange.js';

const emulator = useEmulator();
const httpAgent = new HttpAgent({ keepAlive: true });
// Undici 7 and 8 from npm; Node 22's fetch holds undici 6.
const undici7 = await importUndici7();
const undici8 = await importUndici8();
const undiciAgent = new undici7.Agent();
const undici8Agent = new undici8.Agent();
afterAll(async () => {
  httpAgent.destroy();
  await undiciAgent.close();
  await undici8Agent.close();
});

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

const send = (sender: ReturnType<typeof createAliyunSmsSender>) =>
  sender.send({ to: '+8613800138000', usageType: 'SignIn', params: { code: '1234' } });

const post = (url: string, headers: Record<string, string> = {}): SignedRequest => ({
  method: 'POST',
  url,
  headers,
});

// What callAliyun relies on, kept by every transport a sender can pick by itself or be given.
describe.each<[string, (timeout: number) => HttpExchange]>([
  ['node:http (agents)', (timeout) => createNodeHttpExchange(timeout, { http: httpAgent })],
  [
    "the dispatcher of Node's fetch (the default)",
    (timeout) =>
      createDispatcherExchange(
        timeout,
        () => nodeGlobalDispatcher() ?? assert.fail('no dispatcher'),
      ),
  ],
  ['an undici 7 Agent', (timeout) => createDispatcherExchange(timeout, undiciAgent)],
  ['an undici 8 Agent', (timeout) => createDispatcherExchange(timeout, undici8Agent)],
])('%s', (_name, exchangeWith) => {
  it('sends the request as given and reads the whole answer, whatever its status', async () => {
    const recorder = recordRequests(emulator().url);
    try {
      // Not signed: the emulator answers a gateway error, a JSON document like any other.
      const answer = await exchangeWith(10_000)(
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
    } finally {
      recorder.stop();
    }
  });

  it('joins the values of a repeated header, finds headers by any case, reads UTF-8 split across chunks', async () => {
    const url = await serve((request, response) => {
      request.resume();
      response.setHeader('X-Acs-Warning', ['a', 'b']);
      const body = Buffer.from('{"Message":"签名不合法"}');
      // Cut inside a three-byte character.
      response.write(body.subarray(0, 14));
      setTimeout(() => response.end(body.subarray(14)), 10);
    });
    const answer = await exchangeWith(10_000)(post(url), undefined);
    expect(answer.header('x-acs-warning')).toBe('a, b');
    expect(answer.text).toBe('{"Message":"签名不合法"}');
  });

  it('reads an empty answer as an empty text', async () => {
    const url = await serve((request, response) => {
      request.resume();
      response.writeHead(502).end();
    });
    await expect(exchangeWith(10_000)(post(url), undefined)).resolves.toMatchObject({
      status: 502,
      text: '',
    });
  });

  it('sends the path and query as written, to the host and port of the URL', async () => {
    const seen: (string | undefined)[] = [];
    const url = await serve((request, response) => {
      seen.push(`${request.headers.host} ${request.url}`);
      request.resume();
      response.end('{}');
    });
    const exchange = exchangeWith(10_000);
    const host = url.slice('http://'.length);
    for (const target of [url, `${url}/`, `${url}?A=1&B=%2F`, `${url}/?A=1`]) {
      await exchange(post(target), undefined);
    }
    expect(seen).toEqual([`${host} /`, `${host} /`, `${host} /?A=1&B=%2F`, `${host} /?A=1`]);
  });

  it('rejects with a refused connection, with its code', async () => {
    // Nothing listens on port 9 here.
    await expect(
      exchangeWith(10_000)(post('http://127.0.0.1:9/'), undefined),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('rejects, rather than answering half a body, when the connection drops mid-answer', async () => {
    const url = await serve((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-length': '100' });
      response.write('{"Code":');
      setTimeout(() => response.socket?.destroy(), 20);
    });
    await expect(exchangeWith(10_000)(post(url), undefined)).rejects.toMatchObject({
      code: expect.stringMatching(/^(ECONNRESET|UND_ERR_SOCKET)$/),
    });
  });

  it('times out when no answer comes, or when the answer stalls half-way', async () => {
    const silent = await serve(() => undefined);
    await expect(exchangeWith(50)(post(silent), undefined)).rejects.toBeInstanceOf(
      ExchangeTimeoutError,
    );
    const stalling = await serve((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-length': '100' });
      response.write('{"Code":');
    });
    const failure = exchangeWith(50)(post(stalling), undefined);
    await expect(failure).rejects.toBeInstanceOf(ExchangeTimeoutError);
    await expect(failure).rejects.toThrow('No answer within 50 ms');
  });

  it('closes the connection of a request it gave up on', async () => {
    let connectionClosed: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => {
      connectionClosed = resolve;
    });
    const url = await serve((request) => {
      request.resume();
      request.socket.on('close', () => connectionClosed());
    });
    await expect(exchangeWith(50)(post(url), undefined)).rejects.toBeInstanceOf(
      ExchangeTimeoutError,
    );
    await closed;
  });

  it('rejects with the reason of an aborted signal, before or during the request', async () => {
    const reason = new Error('stop');
    const exchange = exchangeWith(10_000);
    const recorder = recordRequests(emulator().url);
    try {
      await expect(exchange(post(`${emulator().url}/`), AbortSignal.abort(reason))).rejects.toBe(
        reason,
      );
      expect(recorder.sent).toEqual([]);
    } finally {
      recorder.stop();
    }
    const url = await serve(() => undefined);
    const controller = new AbortController();
    const pending = exchange(post(url), controller.signal);
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
  });
});

describe('the default transport of a sender', () => {
  it("sends through the dispatcher of Node's fetch, and through whatever replaces it", async () => {
    const sender = createAliyunSmsSender({ ...demoConnectorConfig, endpoint: emulator().url });
    // Node's own: undici 6 in Node 22 (the first handler API only), 7 in 24, 8 in 26 (the second).
    const nodeDispatchers = [...new Set(globalDispatchers())].filter(
      (value): value is { dispatch(...args: unknown[]): boolean } =>
        typeof (value as { dispatch?: unknown } | undefined)?.dispatch === 'function',
    );
    expect(nodeDispatchers.some((dispatcher) => dispatcher instanceof undici7.Agent)).toBe(false);
    const spies = nodeDispatchers.map((dispatcher) => vi.spyOn(dispatcher, 'dispatch'));
    await expect(send(sender)).resolves.toMatchObject({ route: 'china' });
    expect(spies.reduce((calls, spy) => calls + spy.mock.calls.length, 0)).toBe(1);
    for (const spy of spies) spy.mockRestore();

    // As an app's tests would: undici's MockAgent answers instead of the network, set by
    // undici 7 (one dispatcher in both keys) and by undici 8 (the second's, and a wrapper).
    const answer = { Code: 'OK', Message: 'OK', BizId: 'mocked-biz-id', RequestId: 'mocked' };
    const mockAgent = new undici7.MockAgent();
    mockAgent.disableNetConnect();
    mockAgent.get(emulator().url).intercept({ path: /^\/\?/, method: 'POST' }).reply(200, answer);
    await keepingGlobalDispatchers(async () => {
      undici7.setGlobalDispatcher(mockAgent);
      await expect(send(sender)).resolves.toMatchObject({ messageId: 'mocked-biz-id' });
    });
    await mockAgent.close();
    const mockAgent8 = new undici8.MockAgent();
    mockAgent8.disableNetConnect();
    mockAgent8
      .get(emulator().url)
      .intercept({ path: /^\/\?/, method: 'POST' })
      .reply(200, { ...answer, BizId: 'mocked-by-undici-8' });
    await keepingGlobalDispatchers(async () => {
      undici8.setGlobalDispatcher(mockAgent8);
      await expect(send(sender)).resolves.toMatchObject({ messageId: 'mocked-by-undici-8' });
    });
    await mockAgent8.close();
    // Node's own again, once the mocks are gone.
    await expect(send(sender)).resolves.toMatchObject({ route: 'china' });
  });

  it('falls back to node:http in a runtime without a global dispatcher', async () => {
    let nodeHttpRequests = 0;
    const onNodeHttpRequest = () => {
      nodeHttpRequests += 1;
    };
    subscribe('http.client.request.start', onNodeHttpRequest);
    try {
      await keepingGlobalDispatchers(async () => {
        for (const version of [1, 2]) {
          Reflect.set(globalThis, Symbol.for(`undici.globalDispatcher.${version}`), undefined);
        }
        const sender = createAliyunSmsSender({ ...demoConnectorConfig, endpoint: emulator().url });
        await expect(send(sender)).resolves.toMatchObject({ route: 'china' });
      });
    } finally {
      unsubscribe('http.client.request.start', onNodeHttpRequest);
    }
    expect(nodeHttpRequests).toBe(1);
  });
});

describe('the dispatcher option of a sender', () => {
  it('sends through the dispatcher given', async () => {
    const dispatch = vi.spyOn(undiciAgent, 'dispatch');
    try {
      const sender = createAliyunSmsSender({
        ...demoConnectorConfig,
        endpoint: emulator().url,
        dispatcher: undiciAgent,
      });
      await expect(send(sender)).resolves.toMatchObject({ route: 'china' });
      expect(dispatch).toHaveBeenCalledTimes(1);
    } finally {
      dispatch.mockRestore();
    }
  });

  it('fails with the error of a closed dispatcher', async () => {
    const closed = new undici7.Agent();
    await closed.close();
    const sender = createAliyunSmsSender({
      ...demoConnectorConfig,
      endpoint: emulator().url,
      dispatcher: closed,
      retry: 0,
    });
    const error: unknown = await send(sender).catch((failure: unknown) => failure);
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
    expect((error as Error).cause).toMatchObject({ code: 'UND_ERR_DESTROYED' });
  });

  it('refuses what is not a dispatcher, and more than one transport, naming the option', () => {
    expect(() =>
      createAliyunSmsSender({ ...demoConnectorConfig, dispatcher: {} as typeof undiciAgent }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG', field: 'dispatcher' }));
    expect(() =>
      createAliyunSmsSender({ ...demoConnectorConfig, dispatcher: undiciAgent, fetch }),
    ).toThrow(
      expect.objectContaining({
        code: 'INVALID_CONFIG',
        field: 'fetch',
        message: expect.stringMatching(/fetch cannot be given with dispatcher/),
      }),
    );
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
      await expect(send(sender)).resolves.toMatchObject({ route: 'china' });
      expect(addRequest).toHaveBeenCalledTimes(1);
    } finally {
      addRequest.mockRestore();
    }
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

  it('refuses what is not an agent, naming the option', () => {
    expect(() =>
      createAliyunSmsSender({
        ...demoConnectorConfig,
        agents: { https: {} as HttpsAgent },
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG', field: 'agents.https' }));
  });
});
