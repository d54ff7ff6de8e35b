import { demoConnectorConfig } from '@smskit/aliyun-emulator';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../test/use-emulator.js';
import { createAliyunSmsSender } from '../create-aliyun-sms-sender.js';
import { formatSendDate } from './query-send-details.js';

const emulator = useEmulator();
const sender = (signatureVersion: 'v3' | 'v1' = 'v3') =>
  createAliyunSmsSender({ ...demoConnectorConfig, endpoint: emulator().url, signatureVersion });

describe.each(['v3', 'v1'] as const)('querySendDetails (%s)', (signatureVersion) => {
  it.each([
    ['china', '+8613800138000', '13800138000', 'SMS_CN_SIGN_IN'],
    ['overseas', '+85261234567', '85261234567', 'SMS_INTL_SIGN_IN'],
  ])('reports a message sent on the %s route, typed', async (_, to, phone, templateCode) => {
    const aliyun = sender(signatureVersion);
    const before = new Date(Math.floor(Date.now() / 1_000) * 1_000);
    const sent = await aliyun.send({ to, usageType: 'SignIn', params: { code: '654321' } });
    const details = await aliyun.querySendDetails({
      phone: to,
      sendDate: new Date(),
      bizId: sent.messageId,
    });
    expect(details).toEqual({
      requestId: expect.any(String),
      totalCount: 1,
      details: [
        {
          phone,
          status: 'delivered',
          sendStatus: 3,
          errorCode: 'DELIVERED',
          templateCode,
          content: expect.stringContaining('654321'),
          outId: undefined,
          sentAt: expect.any(Date),
          receivedAt: expect.any(Date),
        },
      ],
    });
    const [detail] = details.details;
    expect(detail?.sentAt?.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(detail?.sentAt?.getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe('querySendDetails', () => {
  it('pages through the messages of a day and reads yyyyMMdd', async () => {
    const aliyun = sender();
    for (const code of ['1111', '2222', '3333']) {
      await aliyun.send({ to: '13800138000', usageType: 'Register', params: { code } });
    }
    const day = formatSendDate(new Date());
    const first = await aliyun.querySendDetails({
      phone: '+86 138 0013 8000',
      sendDate: day,
      pageSize: 2,
    });
    const second = await aliyun.querySendDetails({
      phone: '13800138000',
      sendDate: day,
      pageSize: 2,
      currentPage: 2,
    });
    expect(first.totalCount).toBe(3);
    expect(first.details).toHaveLength(2);
    expect(second.details).toHaveLength(1);
    expect(
      await aliyun.querySendDetails({ phone: '13800138000', sendDate: '20000101' }),
    ).toMatchObject({ totalCount: 0, details: [] });
  });

  it('refuses bad queries before sending', async () => {
    const aliyun = sender();
    await expect(
      aliyun.querySendDetails({ phone: 'nope', sendDate: new Date() }),
    ).rejects.toMatchObject({ code: 'INVALID_PHONE_NUMBER', field: 'phone' });
    await expect(
      aliyun.querySendDetails({ phone: '13800138000', sendDate: '2025-01-02' }),
    ).rejects.toMatchObject({ code: 'INVALID_PARAMS', field: 'sendDate' });
    await expect(
      aliyun.querySendDetails({ phone: '13800138000', sendDate: new Date(Number.NaN) }),
    ).rejects.toMatchObject({ field: 'sendDate' });
    await expect(
      aliyun.querySendDetails({ phone: '13800138000', sendDate: new Date(), pageSize: 51 }),
    ).rejects.toMatchObject({ field: 'pageSize' });
    await expect(
      aliyun.querySendDetails({ phone: '13800138000', sendDate: new Date(), currentPage: 0 }),
    ).rejects.toMatchObject({ field: 'currentPage' });
  });

  it('calls a server failure retryable, since a query can be repeated', async () => {
    emulator().faults.inject({ type: 'status', status: 503 }, { times: 1 });
    await expect(
      sender().querySendDetails({ phone: '13800138000', sendDate: new Date() }),
    ).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE', retryable: true });
  });

  it('formats a date as the day in China Standard Time', () => {
    expect(formatSendDate(new Date('2025-01-02T15:59:59Z'))).toBe('20250102');
    expect(formatSendDate(new Date('2025-01-02T16:00:00Z'))).toBe('20250103');
  });
});
