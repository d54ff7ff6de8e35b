import { describe, expect, it } from 'vitest';
import {
  chinaSend,
  emulatorFor,
  overseasSend,
  sendV1,
  sendV3,
} from '../test-support/emulator-fixture.js';

describe('SendSms', () => {
  it('accepts a V1 request, answers like Aliyun and puts the message in the inbox', async () => {
    await using emulator = await emulatorFor();
    const answer = await sendV1(emulator, 'SendSms', { ...chinaSend, OutId: 'order-42' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/),
      Message: 'OK',
      BizId: expect.stringMatching(/^\d{18}\^0$/),
      Code: 'OK',
    });
    expect(answer.headers.get('x-acs-request-id')).toBe(answer.json.RequestId);
    expect(emulator.inbox.list()).toEqual([
      {
        id: expect.any(String),
        phone: '+8613800138000',
        phoneNumbers: '13800138000',
        signName: 'smskit',
        templateCode: 'SMS_CN_SIGN_IN',
        params: { code: '123456' },
        text: '【smskit】您的登录验证码是123456，5分钟内有效，请勿泄露给他人。',
        route: 'china',
        bizId: answer.json.BizId,
        requestId: answer.json.RequestId,
        outId: 'order-42',
        receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
  });

  it.each([
    ['POST, everything in a form body (pop-core)', { method: 'POST', placement: 'body' }],
    ['POST, everything in the query (official client, v2)', { method: 'POST', placement: 'query' }],
    [
      'POST, common parameters in the query and API ones in the body',
      { method: 'POST', placement: 'split' },
    ],
    ['GET with a query', { method: 'GET', placement: 'query' }],
  ] as const)('accepts V1 %s', async (_name, shape) => {
    await using emulator = await emulatorFor();
    const answer = await sendV1(emulator, 'SendSms', chinaSend, shape);
    expect(answer.json.Code).toBe('OK');
    expect(emulator.inbox.last('13800138000')?.params).toEqual({ code: '123456' });
  });

  it('accepts a V3 request and renders an overseas message with its sign', async () => {
    await using emulator = await emulatorFor();
    const answer = await sendV3(emulator, 'SendSms', overseasSend);
    expect(answer.json.Code).toBe('OK');
    const message = emulator.inbox.last('+1 415 555 2671');
    expect(message).toMatchObject({
      phone: '+14155552671',
      route: 'overseas',
      text: '[smskit] Your sign-in code is 654321. It expires in 5 minutes; do not share it.',
    });
  });

  it('sends one message per number of a comma-separated list, under one BizId', async () => {
    await using emulator = await emulatorFor();
    const answer = await sendV1(emulator, 'SendSms', {
      ...chinaSend,
      PhoneNumbers: '13800138000,+8613900139000',
    });
    expect(answer.json.Code).toBe('OK');
    const messages = emulator.inbox.list();
    expect(messages.map((message) => message.phone).sort()).toEqual([
      '+8613800138000',
      '+8613900139000',
    ]);
    expect(new Set(messages.map((message) => message.bizId))).toEqual(new Set([answer.json.BizId]));
  });

  describe('reads numbers by the template route', () => {
    it.each([
      ['13800138000', '+8613800138000'],
      ['+8613800138000', '+8613800138000'],
      ['8613800138000', '+8613800138000'],
      ['008613800138000', '+8613800138000'],
    ])('mainland template: %s is %s', async (written, e164) => {
      await using emulator = await emulatorFor();
      const answer = await sendV1(emulator, 'SendSms', { ...chinaSend, PhoneNumbers: written });
      expect(answer.json.Code).toBe('OK');
      expect(emulator.inbox.list()[0]?.phone).toBe(e164);
    });

    it.each([
      ['85261234567', '+85261234567'],
      ['14155552671', '+14155552671'],
      ['447400123456', '+447400123456'],
    ])('international template: %s is %s', async (written, e164) => {
      await using emulator = await emulatorFor();
      const answer = await sendV1(emulator, 'SendSms', { ...overseasSend, PhoneNumbers: written });
      expect(answer.json.Code).toBe('OK');
      expect(emulator.inbox.list()[0]?.phone).toBe(e164);
    });

    it.each([['8613800138000'], ['+8613800138000'], ['008613800138000'], ['13800138000']])(
      'international template: mainland %s is isv.DOMESTIC_NUMBER_NOT_SUPPORTED',
      async (written) => {
        await using emulator = await emulatorFor();
        const answer = await sendV1(emulator, 'SendSms', {
          ...overseasSend,
          PhoneNumbers: written,
        });
        expect(answer.status).toBe(200);
        expect(answer.json.Code).toBe('isv.DOMESTIC_NUMBER_NOT_SUPPORTED');
        expect(emulator.inbox.list()).toEqual([]);
      },
    );

    it.each([
      ['mainland template, a Hong Kong number', chinaSend, '85261234567'],
      ['mainland template, too short', chinaSend, '1380013800'],
      ['mainland template, letters', chinaSend, '1380013800a'],
      ['mainland template, a landline', chinaSend, '861087654321'],
      ['international template, no country code', overseasSend, '61234567'],
      ['international template, unknown country code', overseasSend, '99912345678'],
    ])('%s is isv.MOBILE_NUMBER_ILLEGAL', async (_name, base, written) => {
      await using emulator = await emulatorFor();
      const answer = await sendV1(emulator, 'SendSms', { ...base, PhoneNumbers: written });
      expect(answer.json.Code).toBe('isv.MOBILE_NUMBER_ILLEGAL');
    });
  });

  describe('refuses what Dysmsapi refuses, with HTTP 200 and its code', () => {
    it.each([
      ['an unknown sign', { SignName: 'nobody' }, 'isv.SMS_SIGNATURE_ILLEGAL'],
      [
        'a mainland-only sign with an international template',
        { ...overseasSend, SignName: 'smskit-cn' },
        'isv.SMS_SIGNATURE_ILLEGAL',
      ],
      [
        'an international-only sign with a mainland template',
        { SignName: 'smskit-intl' },
        'isv.SMS_SIGNATURE_ILLEGAL',
      ],
      ['an unknown template', { TemplateCode: 'SMS_000' }, 'isv.SMS_TEMPLATE_ILLEGAL'],
      ['no TemplateParam', { TemplateParam: '' }, 'isv.TEMPLATE_MISSING_PARAMETERS'],
      ['an empty object', { TemplateParam: '{}' }, 'isv.TEMPLATE_MISSING_PARAMETERS'],
      ['an empty code', { TemplateParam: '{"code":""}' }, 'isv.TEMPLATE_MISSING_PARAMETERS'],
      ['a number value', { TemplateParam: '{"code":123456}' }, 'isv.INVALID_JSON_PARAM'],
      ['bad JSON', { TemplateParam: '{code:123456' }, 'isv.INVALID_JSON_PARAM'],
      ['a JSON array', { TemplateParam: '["123456"]' }, 'isv.INVALID_JSON_PARAM'],
      [
        'a variable the template lacks (locale)',
        { TemplateParam: '{"code":"123456","locale":"zh-CN"}' },
        'isv.INVALID_JSON_PARAM',
      ],
      [
        'a variable the template lacks (uiLocales)',
        { TemplateParam: '{"code":"123456","uiLocales":"en"}' },
        'isv.INVALID_JSON_PARAM',
      ],
      ['a 3-character code', { TemplateParam: '{"code":"123"}' }, 'isv.INVALID_PARAMETERS'],
      ['a 7-character code', { TemplateParam: '{"code":"1234567"}' }, 'isv.INVALID_PARAMETERS'],
      ['a code with a space', { TemplateParam: '{"code":"12 34"}' }, 'isv.INVALID_PARAMETERS'],
      ['an OutId of 256 characters', { OutId: 'x'.repeat(256) }, 'isv.INVALID_PARAMETERS'],
      [
        '1001 numbers',
        { PhoneNumbers: Array(1001).fill('13800138000').join(',') },
        'isv.MOBILE_COUNT_OVER_LIMIT',
      ],
    ])('%s', async (_name, change, code) => {
      await using emulator = await emulatorFor();
      const answer = await sendV1(emulator, 'SendSms', { ...chinaSend, ...change });
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({
        RequestId: expect.any(String),
        Message: expect.any(String),
        Code: code,
      });
      expect(emulator.inbox.list()).toEqual([]);
    });

    it('accepts 4-character alphanumeric codes', async () => {
      await using emulator = await emulatorFor();
      const answer = await sendV1(emulator, 'SendSms', {
        ...chinaSend,
        TemplateParam: '{"code":"a1B2"}',
      });
      expect(answer.json.Code).toBe('OK');
    });

    it("says what was wrong after Aliyun's description", async () => {
      await using emulator = await emulatorFor();
      const answer = await sendV1(emulator, 'SendSms', {
        ...chinaSend,
        TemplateParam: '{"code":"123456","locale":"zh-CN"}',
      });
      expect(answer.json.Message).toBe(
        '参数格式错误，请修改为字符串值: TemplateParam has "locale", which template SMS_CN_SIGN_IN does not have (its variables: code)',
      );
    });
  });

  it.each(['PhoneNumbers', 'SignName', 'TemplateCode'])(
    "answers a missing %s with the gateway's Missing<Param> (400)",
    async (name) => {
      await using emulator = await emulatorFor();
      const { [name]: _left, ...params } = chinaSend as Record<string, string>;
      const answer = await sendV1(emulator, 'SendSms', params);
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({
        RequestId: expect.any(String),
        Message: `${name} is mandatory for this action.`,
        Recommend: expect.stringContaining(`Missing${name}`),
        HostId: 'dysmsapi.aliyuncs.com',
        Code: `Missing${name}`,
      });
    },
  );
});
