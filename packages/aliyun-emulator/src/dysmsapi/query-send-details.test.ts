import { describe, expect, it } from 'vitest';
import { chinaSend, emulatorFor, overseasSend, sendV1 } from '../test-support/emulator-fixture.js';

// 2025-06-01 17:30 UTC is 2025-06-02 01:30 in Beijing.
const now = new Date('2025-06-01T17:30:00Z');

describe('QuerySendDetails', () => {
  it('answers from the inbox: delivered, with the rendered text, in Beijing time', async () => {
    await using emulator = await emulatorFor({ now: () => now });
    const sent = await sendV1(
      emulator,
      'SendSms',
      { ...chinaSend, OutId: 'o-1' },
      { timestamp: now },
    );
    const answer = await sendV1(
      emulator,
      'QuerySendDetails',
      { PhoneNumber: '13800138000', SendDate: '20250602', PageSize: '10', CurrentPage: '1' },
      { timestamp: now },
    );
    expect(answer.json).toEqual({
      RequestId: expect.any(String),
      TotalCount: '1',
      Message: 'OK',
      Code: 'OK',
      SmsSendDetailDTOs: {
        SmsSendDetailDTO: [
          {
            PhoneNum: '13800138000',
            SendStatus: 3,
            ErrCode: 'DELIVERED',
            TemplateCode: 'SMS_CN_SIGN_IN',
            Content: '【smskit】您的登录验证码是123456，5分钟内有效，请勿泄露给他人。',
            SendDate: '2025-06-02 01:30:00',
            ReceiveDate: '2025-06-02 01:30:00',
            OutId: 'o-1',
          },
        ],
      },
    });
    expect(emulator.inbox.list()[0]?.bizId).toBe(sent.json.BizId);
  });

  it('filters by BizId and date, and pages newest first', async () => {
    await using emulator = await emulatorFor({ now: () => now });
    const bizIds: unknown[] = [];
    for (const code of ['1111', '2222', '3333']) {
      const answer = await sendV1(
        emulator,
        'SendSms',
        { ...overseasSend, TemplateParam: JSON.stringify({ code }) },
        { timestamp: now },
      );
      bizIds.push(answer.json.BizId);
    }
    const query = (params: Record<string, string>) =>
      sendV1(
        emulator,
        'QuerySendDetails',
        {
          PhoneNumber: '14155552671',
          SendDate: '20250602',
          PageSize: '2',
          CurrentPage: '1',
          ...params,
        },
        { timestamp: now },
      );
    const firstPage = await query({});
    expect(firstPage.json.TotalCount).toBe('3');
    const contents = (answer: typeof firstPage) =>
      (
        answer.json.SmsSendDetailDTOs as {
          SmsSendDetailDTO: { Content: string; PhoneNum: string }[];
        }
      ).SmsSendDetailDTO;
    expect(contents(firstPage).map((detail) => detail.Content.slice(-40))).toHaveLength(2);
    expect(contents(firstPage)[0]?.Content).toContain('3333');
    expect(contents(firstPage)[0]?.PhoneNum).toBe('14155552671');
    expect(contents(await query({ CurrentPage: '2' }))[0]?.Content).toContain('1111');
    const byBizId = await query({ BizId: String(bizIds[1]) });
    expect(byBizId.json.TotalCount).toBe('1');
    expect(contents(byBizId)[0]?.Content).toContain('2222');
    expect((await query({ SendDate: '20250601' })).json.TotalCount).toBe('0');
  });

  it.each([
    ['PageSize 0', { PageSize: '0' }, 'isv.INVALID_PARAMETERS'],
    ['PageSize 51', { PageSize: '51' }, 'isv.INVALID_PARAMETERS'],
    ['a SendDate with dashes', { SendDate: '2025-06-02' }, 'isv.INVALID_PARAMETERS'],
    ['a number with letters', { PhoneNumber: 'abc' }, 'isv.MOBILE_NUMBER_ILLEGAL'],
  ])('refuses %s', async (_name, change, code) => {
    await using emulator = await emulatorFor();
    const answer = await sendV1(emulator, 'QuerySendDetails', {
      PhoneNumber: '13800138000',
      SendDate: '20250602',
      PageSize: '10',
      CurrentPage: '1',
      ...change,
    });
    expect(answer.json.Code).toBe(code);
  });

  it.each(['PhoneNumber', 'SendDate', 'PageSize', 'CurrentPage'])('requires %s', async (name) => {
    await using emulator = await emulatorFor();
    const params: Record<string, string> = {
      PhoneNumber: '13800138000',
      SendDate: '20250602',
      PageSize: '10',
      CurrentPage: '1',
    };
    delete params[name];
    const answer = await sendV1(emulator, 'QuerySendDetails', params);
    expect(answer.status).toBe(400);
    expect(answer.json.Code).toBe(`Missing${name}`);
  });
});
