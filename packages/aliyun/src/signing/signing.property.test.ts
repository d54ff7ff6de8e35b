// Property: whatever the parameter names and values, a request signed by signV1/signV3 (through
// buildSignedRequest) is accepted by the emulator, which verifies signatures independently.
import { demoCredentials } from '@smskit/aliyun-emulator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useEmulator, withNoticeTemplate } from '../../test/use-emulator.js';
import { buildSignedRequest } from '../request/build-signed-request.js';
import { sharedUndiciFetch } from '../transport/undici-fetch.js';
import { percentEncode } from './percent-encode.js';

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

// Aliyun's docs and the official SDKs sort parameters by their raw names, then encode them; the
// emulator (as of this writing) sorts the encoded names, which orders differently when a name
// holds a character that encoding turns into `%XX` (`{` sorts after letters raw, `%7B` before).
// Until the emulator is fixed (reported to the lead; see the last test), only name sets that
// both orders agree on go to it.
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortsAlikeEncoded = (names: readonly string[]) => {
  const raw = [...names].sort(byCodeUnits).map(percentEncode);
  const encoded = names.map(percentEncode).sort(byCodeUnits);
  return raw.every((name, index) => name === encoded[index]);
};

const requestParts = fc
  .record({
    name: text(1, 10).filter((value) => value.length <= 35),
    outId: text(1, 30),
    extra: fc.dictionary(
      text(1, 8).filter((name) => !reserved.has(name)),
      text(0, 12),
      { maxKeys: 4 },
    ),
  })
  .filter(({ extra }) => sortsAlikeEncoded([...reserved, ...Object.keys(extra)]));

describe.each(['v3', 'v1'] as const)('signed requests (%s)', (signatureVersion) => {
  it('are accepted by the emulator for any parameter names and values', async () => {
    const send = sharedUndiciFetch();
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
        const response = await send(request.url, {
          method: request.method,
          headers: request.headers,
        });
        const answer = (await response.json()) as { Code: string; Message?: string };
        expect(answer).toMatchObject({ Code: 'OK' });
        expect(emulator().inbox.list()).toEqual([
          expect.objectContaining({ params: { name }, outId }),
        ]);
      }),
      { numRuns: 60 },
    );
  });
});

// The emulator's disagreement, kept visible: when it sorts raw names as Aliyun documents
// (https://help.aliyun.com/zh/sdk/product-overview/rpc-mechanism: sort, then encode), this test
// starts failing; then drop `it.fails` here and the `sortsAlikeEncoded` filter above.
describe('names whose raw and encoded orders differ', () => {
  it.fails.each(['v3', 'v1'] as const)(
    'are refused by the emulator for now (%s)',
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
      const response = await sharedUndiciFetch()(request.url, {
        method: request.method,
        headers: request.headers,
      });
      expect(await response.json()).toMatchObject({ Code: 'OK' });
    },
  );
});
