// How a send copes with the network and with Aliyun's failures, against the emulator's faults.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { inspect } from 'node:util';
import { demoConnectorConfig, demoCredentials } from '@smskit/aliyun-emulator';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { importUndici7, importUndici8 } from '../../test/import-undici.js';
import { recordRequests } from '../../test/record-requests.js';
import { useEmulator } from '../../test/use-emulator.js';
import { createAliyunSmsSender } from '../create-aliyun-sms-sender.js';
import type { AliyunSmsSenderOptions } from '../options/aliyun-sms-sender-options.js';

const emulator = useEmulator();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const message = { to: '+8613800138000', usageType: 'SignIn', params: { code: '123456' } } as const;

const senderWith = (options: Partial<AliyunSmsSenderOptions>) =>
  createAliyunSmsSender({
    ...demoConnectorConfig,
    endpoint: emulator().url,
    retry: { delay: 20, backoffLimit: 2_000 },
    ...options,
  });

const record = (origin = emulator().url) => {
  const recorder = recordRequests(origin);
  cleanups.push(() => recorder.stop());
  return recorder.sent;
};

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the send to fail');
    },
    (error: unknown) => error as Error & Record<string, unknown>,
  );

// Undici 7 and 8 from npm, where Node 22 holds undici 6 for its fetch: 8 takes only the second
// handler API, 6 only the first.
const undiciAgent = new (await importUndici7()).Agent();
const undici8Agent = new (await importUndici8()).Agent();
afterAll(async () => {
  await undiciAgent.close();
  await undici8Agent.close();
});

// Every transport: the default (the dispatcher of Node's fetch), an undici dispatcher of one's
// own, node:http with agents, ky over a fetch.
describe.each([
  ['the default transport', {}],
  ['an undici 7 Agent as dispatcher', { dispatcher: undiciAgent }],
  ['an undici 8 Agent as dispatcher', { dispatcher: undici8Agent }],
  ['node:http with agents', { agents: {} }],
  ['ky over the global fetch', { fetch: globalThis.fetch }],
] as const)('%s', (_transport, transportOptions) => {
  const sender = (options: Partial<AliyunSmsSenderOptions> = {}) =>
    senderWith({ ...transportOptions, ...options });

  describe('retries', () => {
    it.each(['v3', 'v1'] as const)(
      'retries a throttling answer, signed afresh (%s), and sends exactly one message',
      async (signatureVersion) => {
        const sent = record();
        emulator().faults.inject({ type: 'throttle' }, { times: 1 });
        const result = await sender({ signatureVersion }).send(message);
        expect(emulator().inbox.list()).toEqual([
          expect.objectContaining({ bizId: result.messageId }),
        ]);
        expect(sent).toHaveLength(2);
        const nonces = sent.map((request) =>
          signatureVersion === 'v3'
            ? request.headers['x-acs-signature-nonce']
            : request.query.SignatureNonce,
        );
        expect(new Set(nonces).size).toBe(2);
      },
    );

    it('waits as long as x-acs-retry-after asks', async () => {
      emulator().faults.inject({ type: 'throttle', retryAfterMs: 300 }, { times: 1 });
      const started = performance.now();
      await sender().send(message);
      expect(performance.now() - started).toBeGreaterThanOrEqual(295);
      expect(emulator().inbox.list()).toHaveLength(1);
    });

    it('does not wait longer than backoffLimit: RATE_LIMITED with retryAfterSeconds instead', async () => {
      const sent = record();
      emulator().faults.inject(
        { type: 'throttle', status: 429, retryAfterMs: 5_000 },
        { times: 1 },
      );
      const error = await failure(sender().send(message));
      expect(error).toMatchObject({
        code: 'RATE_LIMITED',
        providerCode: 'Throttling.User',
        retryable: true,
        retryAfterSeconds: 5,
      });
      expect(sent).toHaveLength(1);
    });

    it('gives up after the limit', async () => {
      const sent = record();
      emulator().faults.inject({ type: 'throttle' }, { times: 3 });
      const error = await failure(sender({ retry: { limit: 2, delay: 10 } }).send(message));
      expect(error).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
      expect(sent).toHaveLength(3);
      expect(emulator().inbox.list()).toEqual([]);
    });

    it('does not retry with retry: 0', async () => {
      const sent = record();
      emulator().faults.inject({ type: 'throttle' }, { times: 1 });
      await expect(sender({ retry: 0 }).send(message)).rejects.toMatchObject({
        code: 'RATE_LIMITED',
      });
      expect(sent).toHaveLength(1);
    });

    it('retries a refused connection, which sent nothing, and sends exactly one message', async () => {
      // A port with nothing listening; once the first connection is refused, a plain TCP relay to
      // the emulator starts listening there, so that the retry reaches the emulator.
      const port = await freePort();
      const relay = createRelay(emulator().port);
      cleanups.push(() => relay.close());
      let refusals = 0;
      const onRefused = () => {
        refusals += 1;
        if (refusals === 1) relay.listen(port);
      };
      // node:http's channel and undici's, whichever the sender uses.
      const onRequestError = (message: unknown) => {
        if ((message as { error?: { code?: string } }).error?.code === 'ECONNREFUSED') onRefused();
      };
      subscribe('http.client.request.error', onRequestError);
      subscribe('undici:client:connectError', onRefused);
      cleanups.push(() => {
        unsubscribe('http.client.request.error', onRequestError);
        unsubscribe('undici:client:connectError', onRefused);
      });
      const sent = record(`http://127.0.0.1:${port}`);

      const result = await sender({
        endpoint: `http://127.0.0.1:${port}`,
        retry: { limit: 2, delay: 200 },
      }).send(message);
      expect(refusals).toBe(1);
      expect(sent).toHaveLength(1);
      expect(emulator().inbox.list()).toEqual([
        expect.objectContaining({ bizId: result.messageId }),
      ]);
    });

    it('reports a refused connection as PROVIDER_UNAVAILABLE, retryable, once the retries are spent', async () => {
      const port = await freePort();
      const error = await failure(
        sender({ endpoint: `http://127.0.0.1:${port}`, retry: { limit: 1, delay: 10 } }).send(
          message,
        ),
      );
      expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
      expect(error.message).toMatch(/ECONNREFUSED.*nothing was sent/);
      expect(error.cause).toMatchObject({ code: 'ECONNREFUSED' });
    });
  });

  describe('failures that are never retried, since the message may have gone out', () => {
    it.each([
      [503, 'ServiceUnavailable'],
      [500, 'InternalError'],
    ])('a %i answer is PROVIDER_UNAVAILABLE, not retryable', async (status, providerCode) => {
      const sent = record();
      emulator().faults.inject({ type: 'status', status }, { times: 1 });
      const error = await failure(sender().send(message));
      expect(error).toMatchObject({
        code: 'PROVIDER_UNAVAILABLE',
        providerCode,
        retryable: false,
        requestId: expect.any(String),
      });
      expect(error.message).toMatch(/querySendDetails/);
      expect(sent).toHaveLength(1);
    });

    it('a connection reset mid-request is PROVIDER_UNAVAILABLE, not retryable, with a safe cause', async () => {
      const sent = record();
      emulator().faults.inject({ type: 'drop' }, { times: 1 });
      const error = await failure(sender().send(message));
      expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: false });
      expect(error.cause).toBeInstanceOf(Error);
      expect(Object.keys(error.cause as object)).toEqual(
        expect.not.arrayContaining(['request', 'socket']),
      );
      expect(sent).toHaveLength(1);
    });

    it('a timeout is TIMEOUT, not retryable: the message may have been sent', async () => {
      const sent = record();
      emulator().faults.inject({ type: 'delay', ms: 400 }, { times: 1 });
      const error = await failure(sender({ timeout: 100 }).send(message));
      expect(error).toMatchObject({ code: 'TIMEOUT', retryable: false });
      expect(error.message).toMatch(/may have been sent: check querySendDetails/);
      expect(sent).toHaveLength(1);
      // It was: the slow gateway had taken it. A retry would have sent the code twice.
      expect(emulator().inbox.list()).toHaveLength(1);
    });

    it('a body that is not JSON is INVALID_RESPONSE, with the request id of the header', async () => {
      emulator().faults.inject({ type: 'malformed' }, { times: 1 });
      const error = await failure(sender().send(message));
      expect(error).toMatchObject({
        code: 'INVALID_RESPONSE',
        retryable: false,
        requestId: expect.any(String),
      });
    });

    it.each([
      [
        'an OK answer without BizId',
        { Code: 'OK', Message: 'OK', RequestId: 'REQ-OK' },
        /an OK answer that lacks fields/,
        'REQ-OK',
      ],
      [
        'JSON with a Code that is not a string',
        { Code: 5, RequestId: 'REQ-5' },
        /a body that is not a Dysmsapi answer/,
        'REQ-HEADER',
      ],
      ['JSON null', null, /a body that is not a Dysmsapi answer/, 'REQ-HEADER'],
    ])('%s is INVALID_RESPONSE, naming the problem', async (_, body, problem, requestId) => {
      // A server of its own: the emulator only ever answers what Dysmsapi answers.
      const server = createHttpServer((request, response) => {
        request.resume();
        response.writeHead(200, {
          'content-type': 'application/json',
          'x-acs-request-id': 'REQ-HEADER',
        });
        response.end(JSON.stringify(body));
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      cleanups.push(() => new Promise((resolve) => server.close(resolve)));
      const { port } = server.address() as { port: number };
      const error = await failure(
        sender({ endpoint: `http://127.0.0.1:${port}`, retry: 0 }).send(message),
      );
      expect(error).toMatchObject({ code: 'INVALID_RESPONSE', retryable: false, requestId });
      expect(error.message).toMatch(problem);
    });

    it('an unreadable 5xx is PROVIDER_UNAVAILABLE', async () => {
      emulator().faults.inject({ type: 'malformed', status: 502 }, { times: 1 });
      await expect(sender().send(message)).rejects.toMatchObject({
        code: 'PROVIDER_UNAVAILABLE',
        retryable: false,
      });
    });
  });

  describe('aborting', () => {
    it('rejects with the reason when aborted mid-request', async () => {
      emulator().faults.inject({ type: 'delay', ms: 1_000 }, { times: 1 });
      const reason = new Error('user went away');
      const controller = new AbortController();
      const sending = sender().send(message, { signal: controller.signal });
      setTimeout(() => controller.abort(reason), 50);
      await expect(sending).rejects.toBe(reason);
    });

    it('rejects with the reason when aborted while waiting to retry, and sends nothing more', async () => {
      const sent = record();
      emulator().faults.inject({ type: 'throttle', retryAfterMs: 1_000 }, { times: 1 });
      const controller = new AbortController();
      const sending = sender().send(message, { signal: controller.signal });
      setTimeout(() => controller.abort('stop'), 100);
      await expect(sending).rejects.toBe('stop');
      expect(sent).toHaveLength(1);
      expect(emulator().inbox.list()).toEqual([]);
    });
  });
});

describe('secrets in errors', () => {
  it('keeps the secret and the STS token out of every view of a transport error and its cause', async () => {
    const token = 'sts-token-that-must-not-leak';
    emulator().faults.inject({ type: 'drop' }, { times: 1 });
    const error = await failure(
      senderWith({
        accessKeyId: undefined,
        accessKeySecret: undefined,
        signatureVersion: 'v1',
        credentials: () => ({ ...demoCredentials, securityToken: token }),
      }).send(message),
    );
    for (const view of [
      String(error),
      JSON.stringify(error),
      inspect(error, { showHidden: true, depth: 10 }),
      String(error.cause),
    ]) {
      expect(view).not.toContain(demoCredentials.accessKeySecret);
      expect(view).not.toContain(token);
      expect(view).not.toContain('Signature=');
    }
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A TCP relay to 127.0.0.1:`target`, started with `listen(port)`. */
function createRelay(target: number): { listen(port: number): void; close(): Promise<void> } {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  return {
    listen: (port) => server.listen(port, '127.0.0.1'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (!server.listening) resolve();
        else server.close(() => resolve());
      }),
  };
}
