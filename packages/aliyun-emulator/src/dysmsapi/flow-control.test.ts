import { describe, expect, it } from 'vitest';
import { startEmulator } from '../start-emulator.js';
import { chinaSend, emulatorFor, sendV1 } from '../test-support/emulator-fixture.js';

describe('per-number flow control', () => {
  it("applies Aliyun's defaults, 1 a minute, 5 an hour, 10 a day, naming the window", async () => {
    let now = new Date('2025-06-01T00:00:00Z');
    await using emulator = await startEmulator({ now: () => now });
    const sendAt = async (minutes: number) => {
      now = new Date(Date.parse('2025-06-01T00:00:00Z') + minutes * 60_000);
      const answer = await sendV1(emulator, 'SendSms', chinaSend, { timestamp: now });
      return [answer.json.Code, answer.json.Message];
    };
    expect(await sendAt(0)).toEqual(['OK', 'OK']);
    expect(await sendAt(0.5)).toEqual(['isv.BUSINESS_LIMIT_CONTROL', '触发分钟级流控Permits:1']);
    for (const minute of [1.1, 2.2, 3.3, 4.4]) expect((await sendAt(minute))[0]).toBe('OK');
    expect(await sendAt(5.5)).toEqual(['isv.BUSINESS_LIMIT_CONTROL', '触发小时级流控Permits:5']);
    for (const minute of [61, 62.1, 63.2, 64.3, 65.4]) expect((await sendAt(minute))[0]).toBe('OK');
    expect(await sendAt(130)).toEqual(['isv.BUSINESS_LIMIT_CONTROL', '触发天级流控Permits:10']);
    expect((await sendAt(24 * 60 + 1))[0]).toBe('OK');
  });

  it('counts per sign and number: another number or another sign is not limited', async () => {
    await using emulator = await startEmulator();
    expect((await sendV1(emulator, 'SendSms', chinaSend)).json.Code).toBe('OK');
    expect(
      (await sendV1(emulator, 'SendSms', { ...chinaSend, PhoneNumbers: '13900139000' })).json.Code,
    ).toBe('OK');
    expect(
      (await sendV1(emulator, 'SendSms', { ...chinaSend, SignName: 'smskit-cn' })).json.Code,
    ).toBe('OK');
    expect((await sendV1(emulator, 'SendSms', chinaSend)).json.Code).toBe(
      'isv.BUSINESS_LIMIT_CONTROL',
    );
  });

  it('admits all numbers of a request or none', async () => {
    await using emulator = await startEmulator();
    await sendV1(emulator, 'SendSms', { ...chinaSend, PhoneNumbers: '13900139000' });
    const answer = await sendV1(emulator, 'SendSms', {
      ...chinaSend,
      PhoneNumbers: '13800138000,13900139000',
    });
    expect(answer.json.Code).toBe('isv.BUSINESS_LIMIT_CONTROL');
    expect(emulator.inbox.list({ phone: '13800138000' })).toEqual([]);
  });

  it('is configurable per window', async () => {
    await using emulator = await startEmulator({ rateLimits: { perMinute: 2, perHour: false } });
    for (let index = 0; index < 2; index += 1) {
      expect((await sendV1(emulator, 'SendSms', chinaSend)).json.Code).toBe('OK');
    }
    expect((await sendV1(emulator, 'SendSms', chinaSend)).json.Message).toBe(
      '触发分钟级流控Permits:2',
    );
  });

  it('is off with rateLimits: false', async () => {
    await using emulator = await emulatorFor({ rateLimits: false });
    for (let index = 0; index < 12; index += 1) {
      expect((await sendV1(emulator, 'SendSms', chinaSend)).json.Code).toBe('OK');
    }
  });

  it('leaves notification templates alone', async () => {
    await using emulator = await startEmulator({
      templates: [
        // biome-ignore lint/suspicious/noTemplateCurlyInString: an Aliyun template placeholder
        { code: 'SMS_NOTE', route: 'china', type: 'notification', text: '您的订单${order}已发货' },
      ],
    });
    for (let index = 0; index < 3; index += 1) {
      const answer = await sendV1(emulator, 'SendSms', {
        ...chinaSend,
        TemplateCode: 'SMS_NOTE',
        TemplateParam: '{"order":"A-1 (gift)"}',
      });
      expect(answer.json.Code).toBe('OK');
    }
    expect(emulator.inbox.last('13800138000')?.text).toBe('【smskit】您的订单A-1 (gift)已发货');
  });
});
