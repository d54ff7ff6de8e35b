import { describe, expect, it } from 'vitest';
import { emulatorFor, sendV1, sendV3 } from '../test-support/emulator-fixture.js';

const batch = {
  PhoneNumberJson: JSON.stringify(['13800138000', '+8613900139000']),
  SignNameJson: JSON.stringify(['smskit', 'smskit-cn']),
  TemplateCode: 'SMS_CN_GENERIC',
  TemplateParamJson: JSON.stringify([{ code: '1111' }, { code: '2222' }]),
};

describe('SendBatchSms', () => {
  it('sends each number its own sign and parameters under one BizId (V1)', async () => {
    await using emulator = await emulatorFor();
    const answer = await sendV1(emulator, 'SendBatchSms', batch);
    expect(answer.json).toMatchObject({ Code: 'OK', Message: 'OK', BizId: expect.any(String) });
    expect(
      emulator.inbox.list().map(({ phone, phoneNumbers, signName, text, bizId }) => ({
        phone,
        phoneNumbers,
        signName,
        text,
        bizId,
      })),
    ).toEqual([
      {
        phone: '+8613900139000',
        phoneNumbers: '+8613900139000',
        signName: 'smskit-cn',
        text: '【smskit-cn】您的验证码是2222，5分钟内有效，请勿泄露给他人。',
        bizId: answer.json.BizId,
      },
      {
        phone: '+8613800138000',
        phoneNumbers: '13800138000',
        signName: 'smskit',
        text: '【smskit】您的验证码是1111，5分钟内有效，请勿泄露给他人。',
        bizId: answer.json.BizId,
      },
    ]);
  });

  it('takes the *Json parameters from a V3 form body and the rest from the query', async () => {
    await using emulator = await emulatorFor();
    const { TemplateCode, ...form } = batch;
    const answer = await sendV3(emulator, 'SendBatchSms', { TemplateCode }, { form });
    expect(answer.json.Code).toBe('OK');
    expect(emulator.inbox.list()).toHaveLength(2);
  });

  it.each([
    ['PhoneNumberJson is not JSON', { PhoneNumberJson: '[13800138000' }, 'isv.INVALID_JSON_PARAM'],
    [
      'PhoneNumberJson is not an array',
      { PhoneNumberJson: '"13800138000"' },
      'isv.INVALID_JSON_PARAM',
    ],
    [
      'a number is a JSON number',
      { PhoneNumberJson: '[13800138000, "13900139000"]' },
      'isv.INVALID_JSON_PARAM',
    ],
    ['fewer signs than numbers', { SignNameJson: '["smskit"]' }, 'isv.INVALID_PARAMETERS'],
    [
      'fewer parameter objects than numbers',
      { TemplateParamJson: '[{"code":"1111"}]' },
      'isv.INVALID_PARAMETERS',
    ],
    [
      'a parameter with a number value',
      { TemplateParamJson: '[{"code":"1111"},{"code":2222}]' },
      'isv.INVALID_JSON_PARAM',
    ],
    ['no parameters', { TemplateParamJson: '' }, 'isv.TEMPLATE_MISSING_PARAMETERS'],
    ['an unknown sign', { SignNameJson: '["smskit","nobody"]' }, 'isv.SMS_SIGNATURE_ILLEGAL'],
    [
      'an international sign for a mainland template',
      { SignNameJson: '["smskit","smskit-intl"]' },
      'isv.SMS_SIGNATURE_ILLEGAL',
    ],
    ['an unknown template', { TemplateCode: 'SMS_NONE' }, 'isv.SMS_TEMPLATE_ILLEGAL'],
    [
      'an illegal number',
      { PhoneNumberJson: '["13800138000","123"]' },
      'isv.MOBILE_NUMBER_ILLEGAL',
    ],
    [
      'no numbers',
      { PhoneNumberJson: '[]', SignNameJson: '[]', TemplateParamJson: '[]' },
      'isv.INVALID_PARAMETERS',
    ],
    [
      '101 numbers',
      {
        PhoneNumberJson: JSON.stringify(Array(101).fill('13800138000')),
        SignNameJson: JSON.stringify(Array(101).fill('smskit')),
        TemplateParamJson: JSON.stringify(Array(101).fill({ code: '1234' })),
      },
      'isv.MOBILE_COUNT_OVER_LIMIT',
    ],
  ])('refuses %s', async (_name, change, code) => {
    await using emulator = await emulatorFor();
    const answer = await sendV1(emulator, 'SendBatchSms', { ...batch, ...change });
    expect(answer.status).toBe(200);
    expect(answer.json.Code).toBe(code);
    expect(emulator.inbox.list()).toEqual([]);
  });

  it('refuses mainland numbers with an international template', async () => {
    await using emulator = await emulatorFor();
    const answer = await sendV1(emulator, 'SendBatchSms', {
      ...batch,
      TemplateCode: 'SMS_INTL_GENERIC',
      SignNameJson: '["smskit","smskit"]',
      PhoneNumberJson: '["85261234567","8613800138000"]',
    });
    expect(answer.json.Code).toBe('isv.DOMESTIC_NUMBER_NOT_SUPPORTED');
  });

  it.each(['PhoneNumberJson', 'SignNameJson', 'TemplateCode'])(
    'answers a missing %s with Missing<Param>',
    async (name) => {
      await using emulator = await emulatorFor();
      const { [name]: _left, ...params } = batch as Record<string, string>;
      const answer = await sendV1(emulator, 'SendBatchSms', params);
      expect(answer.status).toBe(400);
      expect(answer.json.Code).toBe(`Missing${name}`);
    },
  );
});
