import { inspect } from 'node:util';
import { demoConnectorConfig, demoCredentials } from '@smskit/aliyun-emulator';
import { isSmsError } from '@smskit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordRequests, type WireRequest } from '../test/record-requests.js';
import { useEmulator } from '../test/use-emulator.js';
import { createAliyunSmsSender } from './create-aliyun-sms-sender.js';
import type { AliyunSmsSenderOptions } from './options/aliyun-sms-sender-options.js';

const emulator = useEmulator();
let recorder: ReturnType<typeof recordRequests> | undefined;
afterEach(() => recorder?.stop());

const sender = (options: Partial<AliyunSmsSenderOptions> = {}) =>
  createAliyunSmsSender({ ...demoConnectorConfig, endpoint: emulator().url, ...options });

const record = () => {
  recorder = recordRequests(emulator().url);
  return recorder.sent;
};

const onlyRequest = (sent: WireRequest[]) => {
  expect(sent).toHaveLength(1);
  return sent[0] as WireRequest;
};

describe.each(['v3', 'v1'] as const)(
  'createAliyunSmsSender with signature %s',
  (signatureVersion) => {
    it.each([
      ['china', '+86 138 0013 8000', '+8613800138000', '13800138000', 'SMS_CN_SIGN_IN'],
      ['overseas', '+852 6123 4567', '+85261234567', '85261234567', 'SMS_INTL_SIGN_IN'],
      ['overseas', '+1 (415) 555-2671', '+14155552671', '14155552671', 'SMS_INTL_SIGN_IN'],
    ])('sends on the %s route to %s', async (route, to, e164, phoneNumbers, templateCode) => {
      const sent = record();
      const result = await sender({ signatureVersion }).send({
        to,
        usageType: 'SignIn',
        params: { code: '123456' },
      });

      const [message, ...others] = emulator().inbox.list();
      expect(others).toEqual([]);
      expect(message).toMatchObject({
        phone: e164,
        phoneNumbers,
        signName: 'smskit',
        templateCode,
        params: { code: '123456' },
        route,
      });
      expect(result).toEqual({
        provider: 'aliyun',
        messageId: message?.bizId,
        requestId: message?.requestId,
        route,
        to: e164,
      });

      const request = onlyRequest(sent);
      expect(request.method).toBe('POST');
      expect(request.headers.host).toBe(new URL(emulator().url).host);
      if (signatureVersion === 'v3') {
        expect(request.query).toEqual({
          PhoneNumbers: phoneNumbers,
          SignName: 'smskit',
          TemplateCode: templateCode,
          TemplateParam: '{"code":"123456"}',
        });
        expect(request.headers).toMatchObject({
          'x-acs-action': 'SendSms',
          'x-acs-version': '2017-05-25',
          authorization: expect.stringMatching(
            new RegExp(
              `^ACS3-HMAC-SHA256 Credential=${demoCredentials.accessKeyId},SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=[0-9a-f]{64}$`,
            ),
          ),
        });
      } else {
        expect(request.query).toMatchObject({
          Action: 'SendSms',
          Version: '2017-05-25',
          Format: 'JSON',
          AccessKeyId: demoCredentials.accessKeyId,
          SignatureMethod: 'HMAC-SHA1',
          SignatureVersion: '1.0',
          RegionId: 'cn-hangzhou',
          PhoneNumbers: phoneNumbers,
          TemplateParam: '{"code":"123456"}',
          Signature: expect.stringMatching(/^[A-Za-z0-9+/]{27}=$/),
        });
        expect(request.headers.authorization).toBeUndefined();
      }
    });
  },
);

describe('createAliyunSmsSender', () => {
  it('picks the sign name of the route', async () => {
    const perRoute = sender({ signName: { china: 'smskit-cn', overseas: 'smskit-intl' } });
    await perRoute.send({ to: '13800138000', usageType: 'Register', params: { code: '1111' } });
    await perRoute.send({ to: '+85261234567', usageType: 'Register', params: { code: '2222' } });
    expect(
      emulator()
        .inbox.list()
        .map(({ signName, templateCode, route }) => ({ signName, templateCode, route })),
    ).toEqual([
      { signName: 'smskit-intl', templateCode: 'SMS_INTL_REGISTER', route: 'overseas' },
      { signName: 'smskit-cn', templateCode: 'SMS_CN_REGISTER', route: 'china' },
    ]);
  });

  it('uses the endpoint of the route', async () => {
    const sent = record();
    const split = sender({
      endpoint: { china: 'http://127.0.0.1:9', overseas: emulator().url },
      retry: 0,
    });
    await split.send({ to: '+85261234567', usageType: 'SignIn', params: { code: '1234' } });
    expect(onlyRequest(sent).query.PhoneNumbers).toBe('85261234567');
    const error = await split
      .send({ to: '+8613800138000', usageType: 'SignIn', params: { code: '1234' } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
  });

  it('reads a bare 11-digit number by the strict region check', async () => {
    await expect(
      sender().send({ to: '14155552671', usageType: 'SignIn', params: { code: '1234' } }),
    ).rejects.toMatchObject({ code: 'INVALID_PHONE_NUMBER', field: 'to' });
    const strict = sender({ strictPhoneRegionNumberCheck: true });
    await expect(
      strict.send({ to: '14155552671', usageType: 'SignIn', params: { code: '1234' } }),
    ).resolves.toMatchObject({ route: 'overseas', to: '+14155552671' });
    expect(emulator().inbox.list()).toHaveLength(1);
  });

  it('refuses a code the verification template would refuse, before sending', async () => {
    const sent = record();
    const error = await sender()
      .send({ to: '+8613800138000', usageType: 'SignIn', params: { code: '1234567' } })
      .catch((caught: unknown) => caught);
    expect(isSmsError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_PARAMS', field: 'params.code' });
    expect(sent).toEqual([]);
  });

  it('reports missing credentials at send time, naming accessKeyId', async () => {
    const { accessKeyId: _id, accessKeySecret: _secret, ...withoutKeys } = demoConnectorConfig;
    const environmentOnly = createAliyunSmsSender({ ...withoutKeys, endpoint: emulator().url });
    for (const name of [
      'ALIBABA_CLOUD_ACCESS_KEY_ID',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
      'ALIBABA_CLOUD_SECURITY_TOKEN',
    ]) {
      vi.stubEnv(name, '');
    }
    await expect(
      environmentOnly.send({ to: '+8613800138000', usageType: 'SignIn', params: { code: '1234' } }),
    ).rejects.toMatchObject({ code: 'INVALID_CONFIG', field: 'accessKeyId' });

    // Read for each request, not when the sender was made.
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_ID', demoCredentials.accessKeyId);
    vi.stubEnv('ALIBABA_CLOUD_ACCESS_KEY_SECRET', demoCredentials.accessKeySecret);
    await expect(
      environmentOnly.send({ to: '+8613800138000', usageType: 'SignIn', params: { code: '1234' } }),
    ).resolves.toMatchObject({ route: 'china' });
  });

  it('throws INVALID_CONFIG for bad options when it is created', () => {
    expect(() => sender({ endpoint: 'not a url' })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG', field: 'endpoint' }),
    );
  });

  it('shows no secret in its inspect and JSON views', () => {
    const made = sender({ accessKeySecret: demoCredentials.accessKeySecret });
    const views = [
      inspect(made, { showHidden: true, depth: 10 }),
      JSON.stringify(made),
      String(made),
    ];
    for (const view of views) expect(view).not.toContain(demoCredentials.accessKeySecret);
    expect(views[0]).toContain('AliyunSmsSender');
    expect(JSON.parse(views[1] as string)).toMatchObject({
      name: 'aliyun',
      signatureVersion: 'v3',
      credentials: 'options',
    });
  });
});

describe('sendRouted', () => {
  const perRouteSigns = { signName: { china: 'smskit-cn', overseas: 'smskit-intl' } };

  it.each([
    ['china', '8613800138000', 'smskit-cn', 'SMS_CN_SIGN_IN', '+8613800138000'],
    ['overseas', '85261234567', 'smskit-intl', 'SMS_INTL_SIGN_IN', '+85261234567'],
  ] as const)(
    'sends on the %s route the number as written, with that route sign',
    async (route, phoneNumbers, signName, templateCode, phone) => {
      const result = await sender(perRouteSigns).sendRouted({
        route,
        phoneNumbers,
        templateCode,
        params: { code: '4321' },
      });
      const message = emulator().inbox.last(phone);
      expect(message).toMatchObject({
        phoneNumbers,
        signName,
        templateCode,
        params: { code: '4321' },
      });
      expect(result).toEqual({
        provider: 'aliyun',
        messageId: message?.bizId,
        requestId: message?.requestId,
        route,
      });
    },
  );

  it('leaves judging the number to Aliyun, and maps its refusal as send does', async () => {
    const sent = record();
    const error = await sender()
      .sendRouted({
        route: 'china',
        phoneNumbers: '1380013',
        templateCode: 'SMS_CN_SIGN_IN',
        params: { code: '4321' },
      })
      .catch((caught: unknown) => caught);
    expect(isSmsError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'INVALID_PHONE_NUMBER',
      providerCode: 'isv.MOBILE_NUMBER_ILLEGAL',
    });
    expect(onlyRequest(sent)).toBeDefined();
    expect(emulator().inbox.list()).toEqual([]);
  });
});
