import { once } from 'node:events';
import { createServer, Agent as HttpAgent, type Server } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { demoConnectorConfig } from '@smskit/aliyun-emulator';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { recordRequests } from '../../test/record-requests.js';
import { useEmulator } from '../../test/use-emulator.js';
import { createAliyunSmsSender } from '../create-aliyun-sms-sender.js';
import { createNodeHttpFetch } from './node-http-fetch.js';

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

describe('createNodeHttpFetch', () => {
  it('answers with a Response whose every reading method works, clone included', async () => {
    const fetch = createNodeHttpFetch();
    // Not signed: the emulator answers a gateway error, a JSON document like any other.
    const response = await fetch(`${emulator().url}/?Action=SendSms&Version=2017-05-25`, {
      method: 'POST',
    });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.clone().text();
    expect(JSON.parse(text)).toMatchObject({
      Code: expect.any(String),
      RequestId: expect.any(String),
    });
    expect(await response.json()).toEqual(JSON.parse(text));
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe(text);
    expect(await (await response.blob()).text()).toBe(text);
  });

  it('sends the request body and headers given, through the agent given', async () => {
    const recorder = recordRequests(emulator().url);
    const addRequest = spyOnAddRequest(httpAgent);
    try {
      const fetch = createNodeHttpFetch({ httpAgent });
      const post = (body: string | undefined) =>
        fetch(`${emulator().url}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-custom': 'yes' },
          ...(body === undefined ? {} : { body }),
        }).then((response) => response.json() as Promise<{ Code: string }>);
      // The emulator reads Action and Version from a form body: without the body it misses them.
      expect(await post(undefined)).toMatchObject({ Code: 'MissingVersion' });
      expect(await post('Action=SendSms&Version=2017-05-25')).not.toMatchObject({
        Code: 'MissingVersion',
      });
      expect(recorder.sent.map((request) => request.headers['x-custom'])).toEqual(['yes', 'yes']);
      expect(addRequest).toHaveBeenCalledTimes(2);
    } finally {
      recorder.stop();
    }
  });

  it('keeps every value of a repeated response header, and has no body for a 204', async () => {
    const url = await serve((request, response) => {
      request.resume();
      if (request.url === '/empty') {
        response.writeHead(204).end();
        return;
      }
      response.setHeader('set-cookie', ['a=1', 'b=2']);
      response.end('ok');
    });
    const fetch = createNodeHttpFetch();
    const response = await fetch(url);
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.text()).toBe('ok');
    const empty = await fetch(`${url}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    expect(await empty.text()).toBe('');
  });

  it('sends https URLs through the https agent', async () => {
    const httpsAgent = new HttpsAgent();
    const addRequest = spyOnAddRequest(httpsAgent);
    // Nothing listens on port 9 here: the connection is refused after the agent took it.
    await expect(
      createNodeHttpFetch({ httpsAgent })('https://127.0.0.1:9/', { method: 'POST' }),
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
    await expect(createNodeHttpFetch()(url)).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('lets a sender use agents of its own', async () => {
    const sender = createAliyunSmsSender({
      ...demoConnectorConfig,
      endpoint: emulator().url,
      fetch: createNodeHttpFetch({ httpAgent }),
    });
    await expect(
      sender.send({ to: '+8613800138000', usageType: 'SignIn', params: { code: '1234' } }),
    ).resolves.toMatchObject({ route: 'china' });
  });

  it('rejects with the reason of an aborted signal, before or during the request', async () => {
    const reason = new Error('stop');
    await expect(
      createNodeHttpFetch()(`${emulator().url}/`, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    const url = await serve(() => undefined);
    const controller = new AbortController();
    const pending = createNodeHttpFetch()(url, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
  });
});
