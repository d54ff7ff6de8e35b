// The official Aliyun Node SDKs, unchanged, against the emulator: proof that it judges
// signatures and shapes its answers as Aliyun does.
import Dysmsapi, {
  QuerySendDetailsRequest,
  SendBatchSmsRequest,
  SendSmsRequest,
} from '@alicloud/dysmsapi20170525';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import PopCore from '@alicloud/pop-core';
import { describe, expect, it } from 'vitest';
import { demoCredentials, demoStsCredentials } from './config/demo-config.js';
import { type EmulatorOptions, startEmulator } from './start-emulator.js';

// A CommonJS module with `exports.default`: Node hands the class over as `.default`, vitest's
// interop as the default import itself.
const DysmsapiClient = (
  typeof Dysmsapi === 'function' ? Dysmsapi : Dysmsapi.default
) as typeof Dysmsapi.default;

// pop-core's types say the module is RPCClient; at run time it is { RPCClient, ROAClient }.
const { RPCClient } = PopCore as unknown as { RPCClient: typeof PopCore };

const start = (options: EmulatorOptions = {}) => startEmulator({ rateLimits: false, ...options });

const officialClient = (
  url: string,
  options: {
    accessKeySecret?: string;
    signatureAlgorithm?: 'v2';
    accessKeyId?: string;
    securityToken?: string;
  } = {},
) =>
  new DysmsapiClient(
    new $OpenApiUtil.Config({
      accessKeyId: options.accessKeyId ?? demoCredentials.accessKeyId,
      accessKeySecret: options.accessKeySecret ?? demoCredentials.accessKeySecret,
      ...(options.securityToken === undefined ? {} : { securityToken: options.securityToken }),
      endpoint: new URL(url).host,
      protocol: 'http',
      ...(options.signatureAlgorithm === undefined
        ? {}
        : { signatureAlgorithm: options.signatureAlgorithm }),
    }),
  );

const sendSmsRequest = () =>
  new SendSmsRequest({
    phoneNumbers: '13800138000',
    signName: 'smskit',
    templateCode: 'SMS_CN_SIGN_IN',
    templateParam: JSON.stringify({ code: '246810' }),
    outId: 'conformance',
  });

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; statusCode?: number; retryAfter?: number; data?: unknown };
  }
  throw new Error('expected a rejection');
};

describe.each([
  ['default signature (V3, ACS3-HMAC-SHA256)', undefined],
  ['signatureAlgorithm v2 (V1, HMAC-SHA1)', 'v2'],
] as const)('@alicloud/dysmsapi20170525, %s', (_name, signatureAlgorithm) => {
  const options = signatureAlgorithm === undefined ? {} : { signatureAlgorithm };

  it('sends with SendSms and the message reaches the inbox', async () => {
    await using emulator = await start();
    const response = await officialClient(emulator.url, options).sendSms(sendSmsRequest());
    expect(response.statusCode).toBe(200);
    expect(response.body?.code).toBe('OK');
    expect(response.body?.bizId).toMatch(/^\d{18}\^0$/);
    expect(emulator.inbox.last('13800138000')).toMatchObject({
      params: { code: '246810' },
      outId: 'conformance',
      bizId: response.body?.bizId,
      requestId: response.body?.requestId,
    });
  });

  it('gets SignatureDoesNotMatch with a wrong secret', async () => {
    await using emulator = await start();
    const error = await rejection(
      officialClient(emulator.url, { ...options, accessKeySecret: 'not-the-secret' }).sendSms(
        sendSmsRequest(),
      ),
    );
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.statusCode).toBe(400);
    expect(emulator.inbox.list()).toEqual([]);
  });

  it('resolves a business error with its code, as Aliyun answers it', async () => {
    await using emulator = await start();
    const request = sendSmsRequest();
    request.templateParam = '{"code":"123456","locale":"en"}';
    const response = await officialClient(emulator.url, options).sendSms(request);
    expect(response.body?.code).toBe('isv.INVALID_JSON_PARAM');
  });

  it('queries delivery with QuerySendDetails', async () => {
    await using emulator = await start();
    const client = officialClient(emulator.url, options);
    const sent = await client.sendSms(sendSmsRequest());
    const sendDate = new Date(Date.now() + 8 * 3_600_000)
      .toISOString()
      .slice(0, 10)
      .replaceAll('-', '');
    const response = await client.querySendDetails(
      new QuerySendDetailsRequest({
        phoneNumber: '13800138000',
        bizId: sent.body?.bizId,
        sendDate,
        pageSize: 10,
        currentPage: 1,
      }),
    );
    expect(response.body?.code).toBe('OK');
    expect(response.body?.totalCount).toBe('1');
    expect(response.body?.smsSendDetailDTOs?.smsSendDetailDTO?.[0]).toMatchObject({
      phoneNum: '13800138000',
      sendStatus: 3,
      errCode: 'DELIVERED',
      templateCode: 'SMS_CN_SIGN_IN',
      content: '【smskit】您的登录验证码是246810，5分钟内有效，请勿泄露给他人。',
      outId: 'conformance',
    });
  });

  it('sends with SendBatchSms', async () => {
    await using emulator = await start();
    const response = await officialClient(emulator.url, options).sendBatchSms(
      new SendBatchSmsRequest({
        phoneNumberJson: JSON.stringify(['85261234567', '14155552671']),
        signNameJson: JSON.stringify(['smskit', 'smskit-intl']),
        templateCode: 'SMS_INTL_GENERIC',
        templateParamJson: JSON.stringify([{ code: '1111' }, { code: '2222' }]),
      }),
    );
    expect(response.body?.code).toBe('OK');
    expect(emulator.inbox.list().map((message) => message.text)).toEqual([
      '[smskit-intl] Your verification code is 2222. It expires in 5 minutes; do not share it.',
      '[smskit] Your verification code is 1111. It expires in 5 minutes; do not share it.',
    ]);
  });

  it('signs with STS credentials and the security token', async () => {
    await using emulator = await start();
    const client = officialClient(emulator.url, { ...options, ...demoStsCredentials });
    expect((await client.sendSms(sendSmsRequest())).body?.code).toBe('OK');
    const wrongToken = officialClient(emulator.url, {
      ...options,
      ...demoStsCredentials,
      securityToken: 'old',
    });
    expect((await rejection(wrongToken.sendSms(sendSmsRequest()))).code).toBe(
      'InvalidSecurityToken.MismatchWithAccessKey',
    );
  });

  it('reads throttling as throttling, with the retry-after time', async () => {
    await using emulator = await start();
    emulator.faults.inject({ type: 'throttle', retryAfterMs: 2000 });
    const error = await rejection(officialClient(emulator.url, options).sendSms(sendSmsRequest()));
    expect(error).toMatchObject({ code: 'Throttling.User', statusCode: 400, retryAfter: 2000 });
  });
});

describe('@alicloud/pop-core (V1, form body)', () => {
  const popClient = (url: string, accessKeySecret: string = demoCredentials.accessKeySecret) =>
    new RPCClient({
      endpoint: url,
      apiVersion: '2017-05-25',
      accessKeyId: demoCredentials.accessKeyId,
      accessKeySecret,
    });
  const params = {
    PhoneNumbers: '85261234567',
    SignName: 'smskit',
    TemplateCode: 'SMS_INTL_REGISTER',
    TemplateParam: JSON.stringify({ code: 'A1B2C3' }),
  };

  it.each(['POST', 'GET'])(
    'sends with SendSms (%s) and the message reaches the inbox',
    async (method) => {
      await using emulator = await start();
      const answer = await popClient(emulator.url).request<{ Code: string; BizId: string }>(
        'SendSms',
        params,
        {
          method,
        },
      );
      expect(answer.Code).toBe('OK');
      expect(emulator.inbox.last('+852 6123 4567')).toMatchObject({
        phone: '+85261234567',
        route: 'overseas',
        bizId: answer.BizId,
        text: '[smskit] Your sign-up code is A1B2C3. It expires in 5 minutes; do not share it.',
      });
    },
  );

  it('gets SignatureDoesNotMatch with a wrong secret', async () => {
    await using emulator = await start();
    const error = await rejection(
      popClient(emulator.url, 'wrong').request('SendSms', params, { method: 'POST' }),
    );
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(emulator.inbox.list()).toEqual([]);
  });

  it('queries delivery with QuerySendDetails', async () => {
    await using emulator = await start();
    const client = popClient(emulator.url);
    await client.request('SendSms', params, { method: 'POST' });
    const sendDate = new Date(Date.now() + 8 * 3_600_000)
      .toISOString()
      .slice(0, 10)
      .replaceAll('-', '');
    const answer = await client.request<{ TotalCount: string }>(
      'QuerySendDetails',
      { PhoneNumber: '85261234567', SendDate: sendDate, PageSize: 10, CurrentPage: 1 },
      { method: 'POST' },
    );
    expect(answer.TotalCount).toBe('1');
  });
});
