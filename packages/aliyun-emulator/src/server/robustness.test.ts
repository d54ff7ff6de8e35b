import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../start-emulator.js';
import { chinaSend, demoKey, emulatorFor, sendV1 } from '../test-support/emulator-fixture.js';
import { send, signV1 } from '../test-support/sign-request.js';

/** Writes raw bytes to the emulator and resolves with whatever comes back before it closes. */
const rawExchange = (port: number, bytes: Uint8Array, timeoutMs = 2000): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(received);
    }, timeoutMs);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.on('connect', () => {
      socket.end(bytes);
    });
    socket.on('timeout', reject);
  });

describe('robustness', () => {
  it('answers a declared oversize body with 413 without reading it', async () => {
    await using emulator = await emulatorFor({ maxBodyBytes: 2048 });
    const request = signV1({
      ...demoKey,
      action: 'SendSms',
      params: { ...chinaSend, OutId: 'x'.repeat(4096) },
    });
    const answer = await send(emulator.url, request);
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({
      Code: 'RequestEntityTooLarge',
      HostId: 'dysmsapi.aliyuncs.com',
    });
    expect((await sendV1(emulator, 'SendSms', chinaSend)).json.Code).toBe('OK');
  });

  it('stops a streamed body at the limit and answers 413', async () => {
    await using emulator = await emulatorFor({ maxBodyBytes: 4096 });
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(
        `${emulator.url}/`,
        { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      outgoing.on('error', reject);
      // Chunked, no content-length: the emulator only learns the size while reading.
      const chunk = Buffer.alloc(1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 64 && outgoing.write(chunk)) sent += 1;
        if (sent < 64) outgoing.once('drain', pump);
      };
      pump();
    });
    expect(status).toBe(413);
  });

  it('survives random bytes on the wire and keeps answering', async () => {
    await using emulator = await emulatorFor();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc
            .tuple(
              fc.constantFrom('GET', 'POST', 'BREW'),
              fc.string({ maxLength: 80 }),
              fc.uint8Array({ maxLength: 200 }),
            )
            .map(([method, target, tail]) =>
              Buffer.concat([
                Buffer.from(`${method} /${target} HTTP/1.1\r\nHost: x\r\n`, 'latin1'),
                tail,
              ]),
            ),
        ),
        async (bytes) => {
          await rawExchange(emulator.port, bytes, 300);
        },
      ),
      { numRuns: 60 },
    );
    expect((await sendV1(emulator, 'SendSms', chinaSend)).json.Code).toBe('OK');
  });

  it('answers malformed request targets and odd methods like Aliyun, not with a crash', async () => {
    await using emulator = await emulatorFor();
    const answer = await rawExchange(
      emulator.port,
      Buffer.from('PATCH /?Action=SendSms HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 404 /);
    expect(answer).toContain('InvalidAction.NotFound');
    const absolute = await rawExchange(
      emulator.port,
      Buffer.from('GET http://[::1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    );
    expect(absolute).toMatch(/^HTTP\/1\.1 (400|404) /);
  });

  it('stops with open keep-alive connections, a live event stream and a pending delay', async () => {
    const emulator = await startEmulator({ rateLimits: false });
    const agent = new Agent({ keepAlive: true });
    try {
      await new Promise<void>((resolve, reject) => {
        httpRequest(`${emulator.url}/_emulator/messages`, { agent }, (response) => {
          response.resume();
          response.on('end', resolve);
        })
          .on('error', reject)
          .end();
      });
      const events = await fetch(`${emulator.url}/_emulator/events`);
      const reading = events.body?.getReader().read();
      emulator.faults.inject({ type: 'delay', ms: 60_000 });
      const delayed = sendV1(emulator, 'SendSms', chinaSend).catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await emulator.stop();
      await emulator.stop();
      expect(await delayed).toBeInstanceOf(Error);
      await reading?.catch(() => undefined);
      await expect(fetch(`${emulator.url}/_emulator/messages`)).rejects.toThrow();
    } finally {
      agent.destroy();
    }
  });

  it('shares no state between two emulators in one process', async () => {
    await using first = await startEmulator();
    await using second = await startEmulator();
    expect(first.port).not.toBe(second.port);
    // The same signed request (same nonce) is new to each.
    const request = signV1({ ...demoKey, action: 'SendSms', params: chinaSend });
    expect((await send(first.url, request)).json.Code).toBe('OK');
    expect((await send(second.url, request)).json.Code).toBe('OK');
    // Flow control counts apart: each accepted one message a minute to this number.
    expect((await sendV1(first, 'SendSms', chinaSend)).json.Code).toBe(
      'isv.BUSINESS_LIMIT_CONTROL',
    );
    first.faults.inject({ type: 'status' });
    first.inbox.clear();
    expect(second.inbox.list()).toHaveLength(1);
    expect(
      (await sendV1(second, 'SendSms', { ...chinaSend, PhoneNumbers: '13900139000' })).status,
    ).toBe(200);
  });
});

describe('listening', () => {
  it('names a reachable URL when listening on every interface', async () => {
    await using emulator = await startEmulator({ host: '0.0.0.0' });
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    expect((await fetch(`${emulator.url}/_emulator/messages`)).status).toBe(200);
  });

  it('rejects when the port is taken', async () => {
    await using first = await startEmulator();
    await expect(startEmulator({ port: first.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
