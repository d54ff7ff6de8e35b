// Every scenario of the official connector's own tests (logto-io/logto,
// packages/connectors/connector-aliyun-sms/src/*.test.ts), with its config and numbers, run
// against this connector. Where the official tests mock the request function, the requests here
// go to the emulator (through a recording proxy, to see also what the emulator refuses).
import { ConnectorError, ConnectorErrorCodes, type SendMessageData } from '@logto/connector-kit';
import { signV1 } from '@smskit/aliyun';
import { type Emulator, startEmulator } from '@smskit/aliyun-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RecordingProxy, startRecordingProxy } from '../test/recording-proxy.js';
import { createConnector } from './create-connector.js';

// The official tests' mock.ts.
const mockedConnectorConfig = {
  accessKeyId: 'accessKeyId',
  accessKeySecret: 'accessKeySecret',
  signName: 'signName',
  templates: [
    { type: 2, usageType: 'SignIn', templateCode: 'TemplateCode' },
    {
      type: 2,
      usageType: 'Register',
      templateCode: { china: 'TemplateCode1', overseas: 'TemplateCode2' },
    },
    { type: 2, usageType: 'ForgotPassword', templateCode: 'TemplateCode' },
    { type: 2, usageType: 'Generic', templateCode: 'TemplateCode' },
  ],
};
const phoneTest = '13012345678';
const codeTest = '1234';

let emulator: Emulator;
let proxy: RecordingProxy;

beforeAll(async () => {
  emulator = await startEmulator({
    accessKeys: [{ id: 'accessKeyId', secret: 'accessKeySecret' }],
    signs: [{ name: 'signName' }],
    // biome-ignore-start lint/suspicious/noTemplateCurlyInString: Aliyun's placeholders
    templates: [
      { code: 'TemplateCode', route: 'china', text: '您的验证码是${code}' },
      { code: 'TemplateCode1', route: 'china', text: '您的注册验证码是${code}' },
      { code: 'TemplateCode2', route: 'overseas', text: 'Your sign-up code is ${code}' },
    ],
    // biome-ignore-end lint/suspicious/noTemplateCurlyInString: Aliyun's placeholders
    rateLimits: false,
  });
  proxy = await startRecordingProxy(emulator.url);
});

afterAll(async () => {
  await proxy?.stop();
  await emulator?.stop();
});

beforeEach(() => {
  proxy.clear();
  emulator.inbox.clear();
});

const message = (to: string, type: string, payload: SendMessageData['payload']) =>
  ({ to, type, payload }) as SendMessageData;

describe.each(['v1', 'v3'] as const)(
  'the official scenarios, signed with %s',
  (signatureVersion) => {
    const connectorFor = (extra: Record<string, unknown> = {}) =>
      createConnector({
        getConfig: async () => ({
          ...mockedConnectorConfig,
          endpoint: proxy.url,
          signatureVersion,
          ...extra,
        }),
      });
    const accessKeyIdSent = () => {
      const { params, headers } = proxy.last();
      return signatureVersion === 'v1'
        ? params.AccessKeyId
        : /Credential=([^,]+)/.exec(headers.authorization ?? '')?.[1];
    };

    // index.test.ts: 'should call singleSendMail() and replace code in content'
    it('sends the code with the SignIn template, leaving out the locale', async () => {
      const connector = await connectorFor();
      await connector.sendMessage(
        message(phoneTest, 'SignIn', { code: codeTest, locale: 'zh-CN' }),
      );
      expect(emulator.inbox.last(phoneTest)).toMatchObject({
        phoneNumbers: phoneTest,
        signName: mockedConnectorConfig.signName,
        templateCode: 'TemplateCode',
        params: { code: codeTest },
      });
      expect(proxy.last().params).toMatchObject({
        PhoneNumbers: phoneTest,
        SignName: 'signName',
        TemplateCode: 'TemplateCode',
        TemplateParam: `{"code":"${codeTest}"}`,
      });
      expect(accessKeyIdSent()).toBe(mockedConnectorConfig.accessKeyId);
    });

    // index.test.ts: 'should use template per region'
    it('uses the template of the route of each number', async () => {
      const connector = await connectorFor();
      for (const to of [phoneTest, `86${phoneTest}`, `0086${phoneTest}`, `+86${phoneTest}`]) {
        await connector.sendMessage(message(to, 'Register', { code: codeTest }));
        expect(proxy.last().params.TemplateCode).toBe('TemplateCode1');
        expect(emulator.inbox.list()[0]).toMatchObject({ templateCode: 'TemplateCode1' });
      }

      // Not a number in use anywhere: it still goes out on the overseas route, as the official
      // connector sends it, and Aliyun (here the emulator) refuses it.
      const refused = await connector
        .sendMessage(message('+1123123123', 'Register', { code: codeTest }))
        .catch((error: unknown) => error);
      expect(proxy.last().params).toMatchObject({
        PhoneNumbers: '+1123123123',
        TemplateCode: 'TemplateCode2',
      });
      expect(refused).toBeInstanceOf(ConnectorError);
      expect(refused).toMatchObject({
        code: ConnectorErrorCodes.General,
        data: { Code: 'isv.MOBILE_NUMBER_ILLEGAL' },
      });

      await connector.sendMessage(message('85268326366', 'Register', { code: codeTest }));
      expect(proxy.last().params.TemplateCode).toBe('TemplateCode2');
      expect(emulator.inbox.last('85268326366')).toMatchObject({
        templateCode: 'TemplateCode2',
        route: 'overseas',
      });
    });

    // single-send-text.test.ts: 'should call request with action sendSms'
    it('calls the SendSms action', async () => {
      const connector = await connectorFor();
      await connector.sendMessage(message('13912345678', 'SignIn', { code: '1235' }));
      const { params, headers } = proxy.last();
      expect(signatureVersion === 'v1' ? params.Action : headers['x-acs-action']).toBe('SendSms');
    });

    // utils.test.ts: 'isChinaNumber()', as the route each number is sent on.
    const routes: [boolean, string, 'TemplateCode1' | 'TemplateCode2'][] = [
      [false, '13812345678', 'TemplateCode1'],
      [false, '8613812345678', 'TemplateCode1'],
      [false, '008613812345678', 'TemplateCode1'],
      [false, '+8613812345678', 'TemplateCode1'],
      [false, '85268326366', 'TemplateCode2'],
      [false, '1381234567', 'TemplateCode2'],
      [false, '138123456789', 'TemplateCode2'],
      [false, 'abcdefghijk', 'TemplateCode2'],
      [false, '8513812345678', 'TemplateCode2'],
      [true, '8613812345678', 'TemplateCode1'],
      [true, '008613812345678', 'TemplateCode1'],
      [true, '+8613812345678', 'TemplateCode1'],
      [true, '13812345678', 'TemplateCode2'],
      [true, '85268326366', 'TemplateCode2'],
      [true, '1381234567', 'TemplateCode2'],
      [true, '138123456789', 'TemplateCode2'],
      [true, 'abcdefghijk', 'TemplateCode2'],
      [true, '8513812345678', 'TemplateCode2'],
    ];
    it.each(routes)(
      'with strictPhoneRegionNumberCheck %s, sends %s with %s',
      async (strictPhoneRegionNumberCheck, to, templateCode) => {
        const connector = await connectorFor({ strictPhoneRegionNumberCheck });
        await connector
          .sendMessage(message(to, 'Register', { code: codeTest }))
          // Aliyun judges the numbers that are not mobile numbers; the route is what counts here.
          .catch((error: unknown) => expect(error).toBeInstanceOf(ConnectorError));
        expect(proxy.requests).toHaveLength(1);
        expect(proxy.last().params.TemplateCode).toBe(templateCode);
      },
    );
  },
);

// utils.test.ts: 'request': a V1 request carries the extended parameters.
it('signs V1 requests with AccessKeyId, Timestamp, SignatureNonce and Signature', async () => {
  const connector = await createConnector({
    getConfig: async () => ({
      ...mockedConnectorConfig,
      endpoint: proxy.url,
      signatureVersion: 'v1',
    }),
  });
  await connector.sendMessage(message(phoneTest, 'SignIn', { code: codeTest }));
  const { params } = proxy.last();
  expect(params.AccessKeyId).toBe('accessKeyId');
  expect(params.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  expect(params.SignatureNonce).toMatch(/\S/);
  expect(params.Signature).toMatch(/\S/);
});

// utils.test.ts: 'getSignature': the official connector's signature vector.
it("computes the official connector's V1 signature vector", () => {
  const params = {
    AccessKeyId: 'testid',
    AccountName: "<a%b'>",
    Action: 'SingleSendMail',
    AddressType: '1',
    Format: 'XML',
    HtmlBody: '4',
    RegionId: 'cn-hangzhou',
    ReplyToAddress: 'true',
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    Subject: '3',
    TagName: '2',
    ToAddress: '1@test.com',
    Version: '2015-11-23',
    SignatureNonce: 'c1b2c332-4cfb-4a0f-b8cc-ebe622aa0a5c',
    Timestamp: '2016-10-20T06:27:56Z',
  };
  expect(signV1({ method: 'POST', params, accessKeySecret: 'testsecret' })).toBe(
    'llJfXJjBW3OacrVgxxsITgYaYm0=',
  );
});
