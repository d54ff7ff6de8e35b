// Property: whatever the parameter names and values, a request signed by signV1/signV3 (through
// buildSignedRequest) is accepted by the emulator, which verifies signatures independently.
import { demoCredentials } from '@smskit/aliyun-emulator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useEmulator, withNoticeTemplate } from '../../test/use-emulator.js';
import { buildSignedRequest } from '../request/build-signed-request.js';
import { createNodeHttpExchange } from '../transport/node-http-exchange.js';

const emulator = useEmulator(withNoticeTemplate);

const reserved = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'RegionId',
  'SecurityToken',
  'Signature',
  'PhoneNumbers',
  'SignName',
  'TemplateCode',
  'TemplateParam',
  'OutId',
  'SmsUpExtendCode',
]);

// The characters percent-encoding gets wrong most often, mixed with any Unicode.
const tricky = fc.constantFrom(
  ' ',
  '*',
  '~',
  '+',
  '/',
  '=',
  '&',
  '%',
  '!',
  "'",
  '(',
  ')',
  '?',
  '#',
  '阿',
  '😀',
  'é',
);
const text = (minLength: number, maxLength: number) =>
  fc
    .array(fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), {
      minLength,
      maxLength,
    })
    .map((parts) => parts.join(''));

const requestParts = fc.record({
  name: text(1, 10).filter((value) => value.length <= 35),
  outId: text(1, 30),
  extra: fc.dictionary(
    text(1, 8).filter((name) => !reserved.has(name)),
    text(0, 12),
    { maxKeys: 4 },
  ),
});

describe.each(['v3', 'v1'] as const)('signed requests (%s)', (signatureVersion) => {
  it('are accepted by the emulator for any parameter names and values', async () => {
    const send = createNodeHttpExchange(10_000);
    await fc.assert(
      fc.asyncProperty(requestParts, async ({ name, outId, extra }) => {
        emulator().inbox.clear();
        const request = buildSignedRequest({
          action: 'SendSms',
          params: {
            ...extra,
            PhoneNumbers: '13800138000',
            SignName: 'smskit',
            TemplateCode: 'SMS_NOTICE',
            TemplateParam: JSON.stringify({ name }),
            OutId: outId,
          },
          endpoint: emulator().url,
          regionId: 'cn-hangzhou',
          credentials: demoCredentials,
          signatureVersion,
          userAgent: 'smskit-property-test',
        });
        const answer = JSON.parse((await send(request, undefined)).text) as {
          Code: string;
          Message?: string;
        };
        expect(answer).toMatchObject({ Code: 'OK' });
        expect(emulator().inbox.list()).toEqual([
          expect.objectContaining({ params: { name }, outId }),
        ]);
      }),
      { numRuns: 60 },
    );
  });
});

// Aliyun's docs and the official SDKs sort parameters by their raw names, then encode them
// (https://help.aliyun.com/zh/sdk/product-overview/rpc-mechanism); a name that encoding turns
// into `%XX` sorts differently the other way (`{` after letters raw, `%7B` before).
describe('names whose raw and encoded orders differ', () => {
  it.each(['v3', 'v1'] as const)(
    'are signed and accepted in raw-name order (%s)',
    async (signatureVersion) => {
      const request = buildSignedRequest({
        action: 'SendSms',
        params: {
          '{': 'x',
          PhoneNumbers: '13800138000',
          SignName: 'smskit',
          TemplateCode: 'SMS_NOTICE',
          TemplateParam: JSON.stringify({ name: 'x' }),
        },
        endpoint: emulator().url,
        regionId: 'cn-hangzhou',
        credentials: demoCredentials,
        signatureVersion,
        userAgent: 'smskit-property-test',
      });
      const answer = await createNodeHttpExchange(10_000)(request, undefined);
      expect(JSON.parse(answer.text)).toMatchObject({ Code: 'OK' });
    },
  );
});
