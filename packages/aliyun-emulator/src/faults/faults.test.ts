import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { EmulatorConfigError } from '../config/emulator-config-error.js';
import { chinaSend, demoKey, emulatorFor, sendV1 } from '../test-support/emulator-fixture.js';
import { send, signV1 } from '../test-support/sign-request.js';

const gatewayShape = (code: string) => ({
  RequestId: expect.any(String),
  Message: expect.any(String),
  Recommend: expect.stringContaining(code),
  HostId: 'dysmsapi.aliyuncs.com',
  Code: code,
});

describe('faults', () => {
  it('answers a status fault with ServiceUnavailable, 500 with InternalError, then recovers', async () => {
    await using emulator = await emulatorFor();
    emulator.faults.inject({ type: 'status' });
    emulator.faults.inject({ type: 'status', status: 500 });
    const first = await sendV1(emulator, 'SendSms', chinaSend);
    expect(first.status).toBe(503);
    expect(first.json).toEqual(gatewayShape('ServiceUnavailable'));
    const second = await sendV1(emulator, 'SendSms', chinaSend);
    expect(second.status).toBe(500);
    expect(second.json).toEqual(gatewayShape('InternalError'));
    expect((await sendV1(emulator, 'SendSms', chinaSend)).json.Code).toBe('OK');
    expect(emulator.inbox.list()).toHaveLength(1);
  });

  it('plays an injected fault on the next `times` requests', async () => {
    await using emulator = await emulatorFor();
    emulator.faults.inject({ type: 'status', status: 502 }, { times: 2 });
    expect((await sendV1(emulator, 'SendSms', chinaSend)).status).toBe(502);
    expect((await sendV1(emulator, 'SendSms', chinaSend)).status).toBe(502);
    expect((await sendV1(emulator, 'SendSms', chinaSend)).status).toBe(200);
  });

  it('answers a malformed body that is not JSON', async () => {
    await using emulator = await emulatorFor();
    emulator.faults.inject({ type: 'malformed' });
    const answer = await sendV1(emulator, 'SendSms', chinaSend);
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.text)).toThrow();
    expect(emulator.inbox.list()).toEqual([]);
  });

  it('throttles with Throttling.User and x-acs-retry-after in milliseconds', async () => {
    await using emulator = await emulatorFor();
    emulator.faults.inject({ type: 'throttle', retryAfterMs: 1500 });
    const answer = await sendV1(emulator, 'SendSms', chinaSend);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(gatewayShape('Throttling.User'));
    expect(answer.json.Message).toBe('Request was denied due to user flow control.');
    expect(answer.headers.get('x-acs-retry-after')).toBe('1500');
  });

  it('delays an answer, then answers normally', async () => {
    await using emulator = await emulatorFor();
    emulator.faults.inject({ type: 'delay', ms: 150 });
    const started = performance.now();
    const answer = await sendV1(emulator, 'SendSms', chinaSend);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(answer.json.Code).toBe('OK');
  });

  it('drops the connection before any answer', async () => {
    await using emulator = await emulatorFor();
    emulator.faults.inject({ type: 'drop' });
    const request = signV1({ ...demoKey, action: 'SendSms', params: chinaSend });
    const error = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
      const outgoing = httpRequest(
        `${emulator.url}/`,
        { method: 'POST', headers: request.headers },
        () => reject(new Error('got an answer')),
      );
      outgoing.on('error', resolve);
      outgoing.end(request.body);
    });
    expect(error.code).toBe('ECONNRESET');
    expect(emulator.inbox.list()).toEqual([]);
    expect(
      (await send(emulator.url, signV1({ ...demoKey, action: 'SendSms', params: chinaSend }))).json
        .Code,
    ).toBe('OK');
  });

  it('plays the config faults on every request until cleared', async () => {
    await using emulator = await emulatorFor({ faults: [{ type: 'status', status: 503 }] });
    expect((await sendV1(emulator, 'SendSms', chinaSend)).status).toBe(503);
    expect((await sendV1(emulator, 'SendSms', chinaSend)).status).toBe(503);
    emulator.faults.clear();
    expect((await sendV1(emulator, 'SendSms', chinaSend)).status).toBe(200);
  });

  it('combines a config delay with an injected status', async () => {
    await using emulator = await emulatorFor({ faults: [{ type: 'delay', ms: 50 }] });
    emulator.faults.inject({ type: 'status' });
    const started = performance.now();
    expect((await sendV1(emulator, 'SendSms', chinaSend)).status).toBe(503);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('leaves the inbox API and the page alone', async () => {
    await using emulator = await emulatorFor({ faults: [{ type: 'drop' }] });
    expect((await fetch(`${emulator.url}/_emulator/messages`)).status).toBe(200);
    expect((await fetch(`${emulator.url}/`)).status).toBe(200);
  });

  it('refuses a fault that does not validate, naming the field', async () => {
    await using emulator = await emulatorFor();
    expect(() => emulator.faults.inject({ type: 'status', status: 200 })).toThrow(
      EmulatorConfigError,
    );
    expect(() => emulator.faults.inject({ type: 'status', status: 200 })).toThrow(/fault\.status/);
    expect(() => emulator.faults.inject({ type: 'teleport' } as never)).toThrow(/fault\.type/);
    expect(() => emulator.faults.inject({ type: 'drop' }, { times: 0 })).toThrow(/times/);
  });

  describe('over HTTP', () => {
    it('injects with POST /_emulator/faults, lists with GET and clears with DELETE', async () => {
      await using emulator = await emulatorFor();
      const post = (body: unknown) =>
        fetch(`${emulator.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify(body) });
      expect((await post({ fault: { type: 'throttle' }, times: 2 })).status).toBe(201);
      expect((await post({ fault: { type: 'delay', ms: 1 }, times: 'always' })).status).toBe(201);
      const listed = await (await fetch(`${emulator.url}/_emulator/faults`)).json();
      expect(listed).toEqual({
        always: [{ type: 'delay', ms: 1 }],
        queued: [{ fault: { type: 'throttle', status: 400 }, remaining: 2 }],
      });
      expect((await sendV1(emulator, 'SendSms', chinaSend)).json.Code).toBe('Throttling.User');
      expect((await fetch(`${emulator.url}/_emulator/faults`, { method: 'DELETE' })).status).toBe(
        204,
      );
      expect((await sendV1(emulator, 'SendSms', chinaSend)).json.Code).toBe('OK');
    });

    it('answers a bad fault with 400 naming the field', async () => {
      await using emulator = await emulatorFor();
      for (const body of ['not json', '{}', JSON.stringify({ fault: { type: 'delay' } })]) {
        const response = await fetch(`${emulator.url}/_emulator/faults`, { method: 'POST', body });
        expect(response.status).toBe(400);
        expect(((await response.json()) as { error: string }).error).toMatch(/fault/);
      }
    });
  });
});
