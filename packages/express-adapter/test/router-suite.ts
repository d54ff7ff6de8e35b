// The HTTP behaviour of the router, run by src/express-5.test.ts and src/express-4.test.ts
// against a real Express server on port 0 (Express 4 by mocking the `express` import).
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createMemorySender, type MemorySender, SmsError } from '@smskit/core';
import express, { type ErrorRequestHandler } from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createErrorHandler,
  createSmsVerification,
  errorResponse,
  isVerificationError,
  type SmsVerification,
  type SmsVerificationOptions,
} from '../src/index.js';

const phone = '+8613800138000';
const hashSecret = 'router-suite-hash-secret-of-32-bytes';

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read whatever JSON came back
  readonly json: any;
}

interface App {
  readonly sender: MemorySender;
  readonly sms: SmsVerification;
  /** Every answer this app gave, to check that none holds a secret. */
  readonly answers: Answer[];
  /** Errors that reached the app's own error handler, after the router. */
  readonly appErrors: unknown[];
  post(
    path: string,
    body: unknown,
    init?: { headers?: Record<string, string>; raw?: string },
  ): Promise<Answer>;
  close(): Promise<void>;
}

export function runRouterSuite(label: string): void {
  describe(`@smskit/express router on ${label}`, () => {
    const opened: App[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((app) => app.close()));
    });

    async function start(options: Partial<SmsVerificationOptions> = {}): Promise<App> {
      const sender = (options.sender as MemorySender | undefined) ?? createMemorySender();
      const sms = createSmsVerification({ hashSecret, ...options, sender });
      const appErrors: unknown[] = [];
      const answers: Answer[] = [];
      const app = express();
      // The tests are the proxy: X-Forwarded-For from loopback sets req.ip.
      app.set('trust proxy', 'loopback');
      app.use('/sms', sms.router);
      const appErrorHandler: ErrorRequestHandler = (error, _request, response, _next) => {
        appErrors.push(error);
        response.status(500).json({ handledBy: 'app' });
      };
      app.use(appErrorHandler);
      const server = app.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      const started: App = {
        sender,
        sms,
        answers,
        appErrors,
        async post(path, body, init = {}) {
          const response = await fetch(`http://127.0.0.1:${port}/sms${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...init.headers },
            body: init.raw ?? JSON.stringify(body),
          });
          const text = await response.text();
          const answer = {
            status: response.status,
            headers: response.headers,
            text,
            json:
              text === '' || !response.headers.get('content-type')?.includes('json')
                ? undefined
                : JSON.parse(text),
          };
          answers.push(answer);
          return answer;
        },
        async close() {
          server.closeAllConnections();
          server.close();
          await once(server, 'close');
        },
      };
      opened.push(started);
      return started;
    }

    const codeOf = (app: App, to = phone) => app.sender.lastMessageTo(to)?.params.code as string;
    const wrong = (code: string) => code.replace(/^./, (digit) => String((Number(digit) + 1) % 10));

    it('sends a code (202) and verifies it (200), parsing its own JSON', async () => {
      const app = await start();
      const sent = await app.post('/send', { phone: '138 0013 8000', usageType: 'SignIn' });
      expect(sent.status).toBe(202);
      expect(sent.json).toEqual({ expiresIn: 300, resendIn: 60 });
      expect(sent.headers.get('cache-control')).toBe('no-store');
      expect(app.sender.messages).toEqual([
        expect.objectContaining({ to: phone, usageType: 'SignIn', ip: '127.0.0.1' }),
      ]);
      const verified = await app.post('/verify', { phone, usageType: 'SignIn', code: codeOf(app) });
      expect(verified.status).toBe(200);
      expect(verified.json).toEqual({ verified: true, phone });
    });

    it('takes the client IP from req.ip, behind a trusted proxy from X-Forwarded-For', async () => {
      const app = await start({ maxSendsPerIpPerHour: 1 });
      const forwarded = { 'x-forwarded-for': '198.51.100.23' };
      expect(
        (await app.post('/send', { phone, usageType: 'SignIn' }, { headers: forwarded })).status,
      ).toBe(202);
      expect(app.sender.messages[0]?.ip).toBe('198.51.100.23');
      const limited = await app.post(
        '/send',
        { phone: '+85261234567', usageType: 'SignIn' },
        { headers: forwarded },
      );
      expect(limited.status).toBe(429);
      expect(limited.json.error).toMatchObject({
        code: 'LIMIT_REACHED',
        limit: 'maxSendsPerIpPerHour',
      });
      const fromElsewhere = { 'x-forwarded-for': '198.51.100.24' };
      expect(
        (
          await app.post(
            '/send',
            { phone: '+85261234567', usageType: 'SignIn' },
            { headers: fromElsewhere },
          )
        ).status,
      ).toBe(202);
    });

    it.each([
      ['no phone', '/send', { usageType: 'SignIn' }, 'phone'],
      ['a phone that is no number', '/send', { phone: 'call me', usageType: 'SignIn' }, 'phone'],
      ['an unknown usage type', '/send', { phone, usageType: 'signin' }, 'usageType'],
      ['no code', '/verify', { phone, usageType: 'SignIn' }, 'code'],
      [
        'a code sent as a JSON number',
        '/verify',
        { phone, usageType: 'SignIn', code: 123456 },
        'code',
      ],
      ['a code too short', '/verify', { phone, usageType: 'SignIn', code: '123' }, 'code'],
      ['a JSON array', '/send', [phone, 'SignIn'], 'body'],
      ['a JSON string', '/send', 'hello', 'body'],
    ])('answers 400 naming the field for %s', async (_, path, body, field) => {
      const app = await start();
      const answer = await app.post(path, body);
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({
        error: { code: 'INVALID_INPUT', message: expect.any(String), field },
      });
      expect(answer.json.error.message).toContain(field === 'body' ? 'JSON object' : field);
      expect(app.sender.messages).toEqual([]);
    });

    it('answers 400 naming the body for a body that is not JSON', async () => {
      const app = await start();
      const malformed = await app.post('/send', undefined, { raw: '{"phone": "+86' });
      expect(malformed.status).toBe(400);
      expect(malformed.json.error).toMatchObject({ code: 'INVALID_INPUT', field: 'body' });
      const plain = await app.post('/send', undefined, {
        raw: 'phone=+8613800138000',
        headers: { 'content-type': 'text/plain' },
      });
      expect(plain.status).toBe(400);
      expect(plain.json.error).toMatchObject({ code: 'INVALID_INPUT', field: 'body' });
    });

    it('answers 413 to a body over bodyLimit', async () => {
      const app = await start({ bodyLimit: 100 });
      const answer = await app.post('/send', {
        phone,
        usageType: 'SignIn',
        padding: 'x'.repeat(200),
      });
      expect(answer.status).toBe(413);
      expect(answer.json.error).toMatchObject({ code: 'BODY_TOO_LARGE', field: 'body' });
    });

    it('answers 400 to a wrong code, with the attempts left', async () => {
      const app = await start();
      await app.post('/send', { phone, usageType: 'SignIn' });
      const answer = await app.post('/verify', {
        phone,
        usageType: 'SignIn',
        code: wrong(codeOf(app)),
      });
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({
        error: {
          code: 'INVALID_CODE',
          message: expect.any(String),
          field: 'code',
          attemptsLeft: 4,
        },
      });
    });

    it('answers 400 CODE_EXPIRED when no code is pending, the same for any number', async () => {
      const app = await start();
      const answers = await Promise.all(
        [phone, '+85261234567', '+14155552671'].map((number) =>
          app.post('/verify', { phone: number, usageType: 'SignIn', code: '123456' }),
        ),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(answer.json).toEqual({
          error: { code: 'CODE_EXPIRED', message: expect.any(String) },
        });
      }
      expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    });

    it('answers 429 with Retry-After to a resend too soon', async () => {
      const app = await start({ resendIntervalSeconds: 60 });
      await app.post('/send', { phone, usageType: 'SignIn' });
      const answer = await app.post('/send', { phone, usageType: 'SignIn' });
      expect(answer.status).toBe(429);
      const retryAfter = Number(answer.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(55);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(answer.json).toEqual({
        error: { code: 'TOO_SOON', message: expect.any(String), retryAfter },
      });
    });

    it('answers 429 with Retry-After when a number reached its limit', async () => {
      const app = await start({ resendIntervalSeconds: 0, maxSendsPerNumberPerHour: 1 });
      await app.post('/send', { phone, usageType: 'SignIn' });
      const answer = await app.post('/send', { phone, usageType: 'Register' });
      expect(answer.status).toBe(429);
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(3_500);
      expect(answer.json.error).toMatchObject({
        code: 'LIMIT_REACHED',
        limit: 'maxSendsPerNumberPerHour',
        retryAfter: Number(answer.headers.get('retry-after')),
      });
    });

    it('answers 429 with Retry-After once the attempts are used up', async () => {
      const app = await start({ maxAttempts: 2, resendIntervalSeconds: 30 });
      await app.post('/send', { phone, usageType: 'SignIn' });
      const code = codeOf(app);
      expect(
        (await app.post('/verify', { phone, usageType: 'SignIn', code: wrong(code) })).json.error
          .attemptsLeft,
      ).toBe(1);
      expect(
        (await app.post('/verify', { phone, usageType: 'SignIn', code: wrong(code) })).json.error
          .attemptsLeft,
      ).toBe(0);
      const answer = await app.post('/verify', { phone, usageType: 'SignIn', code });
      expect(answer.status).toBe(429);
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(25);
      expect(answer.json.error).toMatchObject({ code: 'ATTEMPTS_EXHAUSTED' });
    });

    it('answers 400 to a number outside allowedCountries', async () => {
      const app = await start({ allowedCountries: ['HK', 'MO'] });
      const answer = await app.post('/send', { phone, usageType: 'SignIn' });
      expect(answer.status).toBe(400);
      expect(answer.json.error).toMatchObject({ code: 'COUNTRY_NOT_ALLOWED', field: 'phone' });
      expect(app.sender.messages).toEqual([]);
    });

    it.each([
      [
        'a provider failure',
        new SmsError(
          'PROVIDER_REJECTED',
          'isv.SMS_TEMPLATE_ILLEGAL: template SMS_123 of account 1234',
          {
            provider: 'memory',
            providerCode: 'isv.SMS_TEMPLATE_ILLEGAL',
            requestId: 'REQUEST-ID-0001',
          },
        ),
        502,
        { code: 'PROVIDER_REJECTED', retryable: false },
        null,
      ],
      [
        'a provider that says retry',
        new SmsError('PROVIDER_UNAVAILABLE', 'upstream 503 from dysmsapi', {
          retryAfterSeconds: 30,
        }),
        503,
        { code: 'PROVIDER_UNAVAILABLE', retryable: true, retryAfter: 30 },
        '30',
      ],
      [
        'a timeout, retryable',
        new SmsError('TIMEOUT', 'no answer in 10000 ms', { retryable: true }),
        503,
        { code: 'TIMEOUT', retryable: true },
        null,
      ],
      [
        "the provider's own rate limit",
        new SmsError('RATE_LIMITED', 'isv.BUSINESS_LIMIT_CONTROL', { retryAfterSeconds: 60 }),
        429,
        { code: 'RATE_LIMITED', retryable: false, retryAfter: 60 },
        '60',
      ],
      [
        'the provider refusing the number',
        new SmsError('INVALID_PHONE_NUMBER', 'isv.MOBILE_NUMBER_ILLEGAL'),
        400,
        { code: 'INVALID_PHONE_NUMBER', field: 'phone', retryable: false },
        null,
      ],
    ])(
      'answers %s with its status and the SmsError code, nothing of the provider message',
      async (_, failure, status, error, retryAfter) => {
        const serverErrors: unknown[] = [];
        const app = await start({
          sender: createMemorySender({ failWith: () => failure }),
          errorHandler: createErrorHandler({
            onServerError: (caught) => serverErrors.push(caught),
          }),
        });
        const answer = await app.post('/send', { phone, usageType: 'SignIn' });
        expect(answer.status).toBe(status);
        expect(answer.headers.get('retry-after')).toBe(retryAfter);
        expect(answer.json.error).toEqual({ ...error, message: expect.any(String) });
        for (const secret of [failure.message, 'REQUEST-ID-0001', 'SMS_123', 'dysmsapi']) {
          expect(answer.text).not.toContain(secret);
        }
        expect(serverErrors).toEqual(status >= 500 ? [failure] : []);
      },
    );

    it('logs provider failures with console.error by default', async () => {
      const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const failure = new SmsError('AUTH_FAILED', 'InvalidAccessKeyId.NotFound');
      const app = await start({ sender: createMemorySender({ failWith: () => failure }) });
      expect((await app.post('/send', { phone, usageType: 'SignIn' })).status).toBe(502);
      expect(log).toHaveBeenCalledWith(expect.stringContaining('SMS provider failed'), failure);
    });

    it('passes errors it does not know on to the app, with next(error)', async () => {
      const storeError = new Error('redis is down');
      const failing = async () => {
        throw storeError;
      };
      const app = await start({
        store: {
          shared: false,
          increment: failing,
          decrement: failing,
          setCode: failing,
          countAttempt: failing,
          deleteCode: failing,
        },
      });
      const answer = await app.post('/send', { phone, usageType: 'SignIn' });
      expect(answer.status).toBe(500);
      expect(answer.json).toEqual({ handledBy: 'app' });
      expect(app.appErrors).toEqual([storeError]);
    });

    it('leaves every error to the app with errorHandler: false, errorResponse at hand', async () => {
      const app = await start({ errorHandler: false });
      await app.post('/verify', { phone, usageType: 'SignIn', code: '123456' });
      expect(app.appErrors).toHaveLength(1);
      expect(isVerificationError(app.appErrors[0])).toBe(true);
      expect(errorResponse(app.appErrors[0])).toMatchObject({
        status: 400,
        body: { error: { code: 'CODE_EXPIRED' } },
      });
    });

    it('uses an error handler of the app', async () => {
      const handler: ErrorRequestHandler = (error, _request, response, _next) => {
        response.status(418).json({ mine: (error as { code: string }).code });
      };
      const app = await start({ errorHandler: handler });
      const answer = await app.post('/verify', { phone, usageType: 'SignIn', code: '123456' });
      expect(answer.status).toBe(418);
      expect(answer.json).toEqual({ mine: 'CODE_EXPIRED' });
    });

    it("works behind the app's own express.json()", async () => {
      const sender = createMemorySender();
      const sms = createSmsVerification({ sender });
      const app = express();
      app.use(express.json());
      app.use(sms.router);
      const server = app.listen(0, '127.0.0.1');
      await once(server, 'listening');
      try {
        const { port } = server.address() as AddressInfo;
        const response = await fetch(`http://127.0.0.1:${port}/send`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ phone, usageType: 'Register' }),
        });
        expect(response.status).toBe(202);
      } finally {
        server.closeAllConnections();
        server.close();
        await once(server, 'close');
      }
    });

    it("offers the service's send and verify to the app's own routes", async () => {
      const app = await start();
      await app.sms.send(phone, 'BindMfa', { ip: '203.0.113.9' });
      await expect(app.sms.verify(phone, 'BindMfa', codeOf(app))).resolves.toEqual({
        phone,
        usageType: 'BindMfa',
      });
    });

    it('refuses bad router options, naming the field', () => {
      expect(() =>
        createSmsVerification({
          sender: createMemorySender(),
          errorHandler: 'json' as unknown as false,
        }),
      ).toThrowError(expect.objectContaining({ code: 'INVALID_CONFIG', field: 'errorHandler' }));
      expect(() =>
        createSmsVerification({ sender: createMemorySender(), bodyLimit: -1 }),
      ).toThrowError(expect.objectContaining({ code: 'INVALID_CONFIG', field: 'bodyLimit' }));
      expect(() =>
        createSmsVerification({ sender: createMemorySender(), codeLength: 2 }),
      ).toThrowError(expect.objectContaining({ code: 'INVALID_CONFIG', field: 'codeLength' }));
    });

    it('shows no code, hash secret or stored hash in any answer', async () => {
      const app = await start({ maxAttempts: 2, resendIntervalSeconds: 0 });
      await app.post('/send', { phone, usageType: 'SignIn' });
      const code = codeOf(app);
      await app.post('/verify', { phone, usageType: 'SignIn', code: wrong(code) });
      await app.post('/verify', { phone, usageType: 'SignIn', code });
      await app.post('/verify', { phone, usageType: 'SignIn', code });
      await app.post('/send', { phone, usageType: 'SignIn' });
      const codeAlone = new RegExp(`(?<![0-9])(${code}|${codeOf(app)})(?![0-9])`);
      expect(app.answers.length).toBe(5);
      for (const answer of app.answers) {
        expect(answer.text).not.toMatch(codeAlone);
        expect(answer.text).not.toContain(hashSecret);
        expect([...answer.headers.values()].join('\n')).not.toMatch(codeAlone);
      }
    });
  });
}
