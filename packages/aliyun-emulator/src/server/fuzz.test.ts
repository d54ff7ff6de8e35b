// Random input for the parser, the verifier and the actions: nothing may throw, hang or pass a
// wrong signature, and every well-formed signed request must verify.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEmulatorConfig } from '../config/read-emulator-config.js';
import { type ApiRequest, answerApiRequest } from '../dysmsapi/answer-api-request.js';
import { readPhoneNumber } from '../dysmsapi/read-phone-number.js';
import { v1StringToSign } from '../signature/verify-v1.js';
import { parseV3Authorization } from '../signature/verify-v3.js';
import { demoKey } from '../test-support/emulator-fixture.js';
import { type SignedRequest, signV1, signV3 } from '../test-support/sign-request.js';
import { createEmulatorContext } from './create-emulator-context.js';

const now = new Date('2025-06-01T12:00:00Z');
const newContext = () =>
  createEmulatorContext(
    readEmulatorConfig({ rateLimits: false }),
    () => now,
    new AbortController().signal,
  );

const toApiRequest = (signed: SignedRequest, host = 'emulator.test'): ApiRequest => {
  const url = new URL(signed.path, 'http://x');
  return {
    method: signed.method,
    pathname: url.pathname,
    search: url.search.slice(1),
    headers: {
      host,
      ...Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v])),
    },
    body: Buffer.from(signed.body),
  };
};

const expectAliyunShapedAnswer = (answer: { status: number; body: string }) => {
  expect([200, 400, 404, 413, 500]).toContain(answer.status);
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  expect(typeof body.Code).toBe('string');
  expect(typeof body.RequestId).toBe('string');
  if (answer.status !== 200)
    expect(Object.keys(body).sort()).toEqual([
      'Code',
      'HostId',
      'Message',
      'Recommend',
      'RequestId',
    ]);
};

// Any string, including lone surrogates, control characters and every plane.
const anyText = fc.string({ unit: 'binary', maxLength: 60 });

describe('fuzzing', () => {
  it('answers random requests with an Aliyun-shaped body and never throws', () => {
    const context = newContext();
    fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST', 'PUT'),
        fc.oneof(
          anyText,
          fc.webQueryParameters(),
          fc.constant('Action=SendSms&Version=2017-05-25'),
        ),
        fc.dictionary(
          fc.oneof(
            fc.constantFrom(
              'authorization',
              'content-type',
              'x-acs-action',
              'x-acs-version',
              'x-acs-date',
              'host',
            ),
            fc.string({ maxLength: 12 }),
          ),
          anyText,
          { maxKeys: 6 },
        ),
        fc.uint8Array({ maxLength: 300 }),
        (method, search, headers, body) => {
          expectAliyunShapedAnswer(
            answerApiRequest({ method, pathname: '/', search, headers, body }, context),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('answers random V1 and V3 authorization attempts without a crash', () => {
    const context = newContext();
    fc.assert(
      fc.property(
        fc.oneof(
          anyText.map((text) => `ACS3-HMAC-SHA256 ${text}`),
          fc
            .tuple(anyText, anyText, anyText)
            .map(
              ([id, headers, signature]) =>
                `ACS3-HMAC-SHA256 Credential=${id},SignedHeaders=${headers},Signature=${signature}`,
            ),
        ),
        fc.dictionary(
          fc.constantFrom(
            'x-acs-date',
            'x-acs-signature-nonce',
            'x-acs-content-sha256',
            'x-acs-security-token',
          ),
          anyText,
        ),
        (authorization, headers) => {
          const answer = answerApiRequest(
            {
              method: 'POST',
              pathname: '/',
              search: 'PhoneNumbers=13800138000',
              headers: {
                ...headers,
                authorization,
                'x-acs-action': 'SendSms',
                'x-acs-version': '2017-05-25',
                host: 'h',
              },
              body: new Uint8Array(),
            },
            context,
          );
          expectAliyunShapedAnswer(answer);
          expect(answer.status).not.toBe(200);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('verifies every well-formed signed request, whatever its parameters (V1 and V3)', () => {
    const context = newContext();
    const params = fc.record({
      PhoneNumbers: fc.oneof(
        anyText,
        fc.constantFrom('13800138000', '+8613800138000', '85261234567'),
      ),
      SignName: fc.oneof(anyText, fc.constant('smskit')),
      TemplateCode: fc.oneof(anyText, fc.constant('SMS_CN_GENERIC')),
      TemplateParam: fc.oneof(anyText, fc.json(), fc.constant('{"code":"1234"}')),
      OutId: anyText,
    });
    fc.assert(
      fc.property(
        params,
        fc.constantFrom('v1-body', 'v1-query', 'v1-split', 'v1-get', 'v3'),
        fc.uuid(),
        (apiParams, shape, nonce) => {
          const signed =
            shape === 'v3'
              ? signV3({
                  ...demoKey,
                  host: 'emulator.test',
                  action: 'SendSms',
                  query: apiParams,
                  date: now,
                  nonce,
                })
              : signV1({
                  ...demoKey,
                  action: 'SendSms',
                  params: apiParams,
                  timestamp: now,
                  nonce,
                  method: shape === 'v1-get' ? 'GET' : 'POST',
                  placement:
                    shape === 'v1-split' ? 'split' : shape === 'v1-body' ? 'body' : 'query',
                });
          const answer = answerApiRequest(toApiRequest(signed), context);
          expectAliyunShapedAnswer(answer);
          const { Code } = JSON.parse(answer.body) as { Code: string };
          expect(['SignatureDoesNotMatch', 'IncompleteSignature', 'InternalError']).not.toContain(
            Code,
          );
          expect(answer.status === 200 || Code.startsWith('Missing')).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses every well-formed request signed with another secret', () => {
    const context = newContext();
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), anyText, { maxKeys: 4 }),
        fc.string({ minLength: 1 }),
        (extra, secret) => {
          fc.pre(secret !== demoKey.accessKeySecret);
          const params = {
            PhoneNumbers: '13800138000',
            SignName: 'smskit',
            TemplateCode: 'SMS_CN_GENERIC',
            ...extra,
          };
          const signed = signV1({
            ...demoKey,
            accessKeySecret: secret,
            action: 'SendSms',
            params,
            timestamp: now,
          });
          const { Code } = JSON.parse(answerApiRequest(toApiRequest(signed), context).body) as {
            Code: string;
          };
          expect(Code).not.toBe('OK');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads random numbers and authorization headers without throwing', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('china', 'overseas'), (text, route) => {
        const reading = readPhoneNumber(text, route);
        expect(typeof reading.ok).toBe('boolean');
        parseV3Authorization(text);
        v1StringToSign('POST', { [text]: text });
      }),
      { numRuns: 1000 },
    );
  });
});
