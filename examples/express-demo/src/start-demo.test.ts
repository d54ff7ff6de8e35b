import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { demoCredentials, startEmulator } from '@smskit/aliyun-emulator';
import { usageTypes } from '@smskit/core';
import type { ErrorBody } from '@smskit/express';
import { describe, expect, it, vi } from 'vitest';
import { type Demo, PortInUseError, startDemo } from './start-demo.js';

const usageType = 'SignIn';

/** A success body, or the router's error body. */
type AnswerBody = Record<string, unknown> & ErrorBody;

async function post(demo: Demo, action: 'send' | 'verify', body: Record<string, unknown>) {
  const response = await fetch(new URL(`api/verification/${action}`, demo.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as AnswerBody;
  return { status: response.status, headers: response.headers, body: answer };
}

/** The messages the emulator received for `phone`, newest first, read over its JSON API. */
async function inbox(demo: Demo, phone: string) {
  const url = new URL('_emulator/messages', demo.emulatorUrl);
  url.searchParams.set('phone', phone);
  const response = await fetch(url);
  return (await response.json()) as { phone: string; text: string; params: { code: string } }[];
}

describe('startDemo', () => {
  it('sends a code through the emulator and verifies it', async () => {
    await using demo = await startDemo({ port: 0, emulatorPort: 0 });
    expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(demo.emulatorUrl).toBe(`${demo.emulator?.url}/`);

    const sent = await post(demo, 'send', { phone: '+86 138 0013 8000', usageType });
    expect(sent).toMatchObject({ status: 202, body: { expiresIn: 300, resendIn: 60 } });

    const [message, ...older] = await inbox(demo, '13800138000');
    expect(older).toEqual([]);
    // The real client signed a real SendSms; the emulator rendered the China template.
    expect(message).toMatchObject({
      phone: '+8613800138000',
      signName: 'smskit',
      templateCode: 'SMS_CN_SIGN_IN',
    });
    const code = message?.params.code as string;
    expect(code).toMatch(/^\d{6}$/);
    expect(message?.text).toBe(`【smskit】您的登录验证码是${code}，5分钟内有效，请勿泄露给他人。`);

    const verified = await post(demo, 'verify', { phone: '13800138000', usageType, code });
    expect(verified).toEqual({
      status: 200,
      headers: expect.anything(),
      body: { verified: true, phone: '+8613800138000' },
    });

    const again = await post(demo, 'verify', { phone: '13800138000', usageType, code });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('CODE_EXPIRED');
  });

  it('routes an overseas number to the international template', async () => {
    await using demo = await startDemo({ port: 0, emulatorPort: 0 });
    const arrival = demo.emulator?.inbox.waitForMessage({ phone: '+14155552671' });
    expect((await post(demo, 'send', { phone: '+1 (415) 555-2671', usageType })).status).toBe(202);
    const message = await arrival;
    expect(message?.templateCode).toBe('SMS_INTL_SIGN_IN');
    expect(message?.text).toMatch(/^\[smskit\] Your sign-in code is \d{6}\./);
    const code = message?.params.code;
    expect(await post(demo, 'verify', { phone: '+14155552671', usageType, code })).toMatchObject({
      status: 200,
      body: { verified: true, phone: '+14155552671' },
    });
  });

  it('refuses a wrong code with the attempts left, and still takes the right one', async () => {
    await using demo = await startDemo({ port: 0, emulatorPort: 0 });
    const phone = '+8613900139000';
    await post(demo, 'send', { phone, usageType });
    const code = (await inbox(demo, phone))[0]?.params.code as string;
    const wrong = code === '000000' ? '111111' : '000000';

    const refused = await post(demo, 'verify', { phone, usageType, code: wrong });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      error: {
        code: 'INVALID_CODE',
        message: 'The code is wrong; 4 attempts left',
        field: 'code',
        attemptsLeft: 4,
      },
    });
    expect((await post(demo, 'verify', { phone, usageType, code })).status).toBe(200);
  });

  it('answers a resend within the interval with 429 and Retry-After, sending nothing', async () => {
    await using demo = await startDemo({ port: 0, emulatorPort: 0 });
    const phone = '+8613700137000';
    expect((await post(demo, 'send', { phone, usageType })).status).toBe(202);

    const resent = await post(demo, 'send', { phone, usageType });
    expect(resent.status).toBe(429);
    const retryAfter = Number(resent.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(55);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(resent.body.error).toMatchObject({ code: 'TOO_SOON', retryAfter });
    expect(await inbox(demo, phone)).toHaveLength(1);
  });

  it('answers 400 naming the field for a number that is not one', async () => {
    await using demo = await startDemo({ port: 0, emulatorPort: 0 });
    const answer = await post(demo, 'send', { phone: '12345', usageType });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'phone' });
    expect(demo.emulator?.inbox.list()).toEqual([]);
  });

  it('answers 502 when Aliyun fails and 503 when it cannot be reached', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await using demo = await startDemo({ port: 0, emulatorPort: 0 });
    demo.emulator?.faults.inject({ type: 'status', status: 500 });
    const failed = await post(demo, 'send', { phone: '+8613600136000', usageType });
    expect(failed.status).toBe(502);
    expect(failed.body.error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: false });

    // Nothing listens any more: the connection is refused, so nothing can have been sent.
    await demo.emulator?.stop();
    const unreachable = await post(demo, 'send', { phone: '+8613600136000', usageType });
    expect(unreachable.status).toBe(503);
    expect(unreachable.body.error).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      message: 'The SMS provider is unavailable; try again shortly',
      retryable: true,
    });
    // The server's log has the details; the answers carry none of the credentials.
    expect(logged).toHaveBeenCalledTimes(2);
    expect(JSON.stringify([failed.body, unreachable.body])).not.toContain(
      demoCredentials.accessKeySecret,
    );
  });

  it('serves the page and its files with nothing from elsewhere', async () => {
    await using demo = await startDemo({ port: 0, emulatorPort: 0 });
    const page = await fetch(demo.url);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const file of ['demo.js', 'demo.css', 'favicon.svg']) {
      expect((await fetch(new URL(file, demo.url))).status).toBe(200);
    }
    expect(await (await fetch(new URL('api/demo', demo.url))).json()).toEqual({
      inboxUrl: demo.emulatorUrl,
    });
  });

  it('sends through the Aliyun options given instead of starting an emulator', async () => {
    // Stands in for Aliyun: the same API, other credentials, signed with V1 here.
    await using aliyun = await startEmulator({
      accessKeys: [{ id: 'LTAI5tMyOwnKey', secret: 'my-own-secret-value-0123' }],
    });
    await using demo = await startDemo({
      port: 0,
      aliyun: {
        accessKeyId: 'LTAI5tMyOwnKey',
        accessKeySecret: 'my-own-secret-value-0123',
        signName: 'smskit-cn',
        templates: usageTypes.map((type) => ({ usageType: type, templateCode: 'SMS_CN_GENERIC' })),
        endpoint: aliyun.url,
        signatureVersion: 'v1',
      },
    });
    expect(demo.emulator).toBeUndefined();
    expect(demo.emulatorUrl).toBeUndefined();
    expect(await (await fetch(new URL('api/demo', demo.url))).json()).toEqual({ inboxUrl: null });

    expect((await post(demo, 'send', { phone: '13800138000', usageType })).status).toBe(202);
    expect(aliyun.inbox.last('13800138000')).toMatchObject({
      signName: 'smskit-cn',
      templateCode: 'SMS_CN_GENERIC',
    });
  });

  it('names the port that is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      await expect(startDemo({ port: 0, emulatorPort: port })).rejects.toMatchObject({
        name: 'PortInUseError',
        server: 'emulator',
        port,
      });
      const refused = startDemo({ port, emulatorPort: 0 });
      await expect(refused).rejects.toBeInstanceOf(PortInUseError);
      await expect(refused).rejects.toMatchObject({ server: 'demo', port });
    } finally {
      blocker.close();
    }
  });

  it('stops the page and the emulator, with a live inbox page open', async () => {
    const demo = await startDemo({ port: 0, emulatorPort: 0 });
    // The inbox page keeps an event stream open; stopping must not wait for it.
    const events = await fetch(new URL('_emulator/events', demo.emulatorUrl));
    await demo.stop();
    await demo.stop();
    await expect(fetch(demo.url)).rejects.toThrow();
    await expect(fetch(demo.emulatorUrl as string)).rejects.toThrow();
    await events.body?.cancel().catch(() => undefined);
  });
});
