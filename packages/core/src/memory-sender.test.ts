import { describe, expect, it } from 'vitest';
import { createMemorySender } from './memory-sender.js';
import { SmsError } from './sms-error.js';
import { runSmsSenderConformance } from './testing/run-sms-sender-conformance.js';

runSmsSenderConformance('memory sender', () => {
  const sender = createMemorySender();
  return { sender, received: async () => sender.messages };
});

describe('createMemorySender', () => {
  it('records what it was asked to send, normalised', async () => {
    const sender = createMemorySender();
    await sender.send({
      to: '13800138000',
      usageType: 'Register',
      params: { code: '4242' },
      locale: 'zh-CN',
      ip: '203.0.113.9',
    });
    expect(sender.messages).toEqual([
      {
        to: '+8613800138000',
        route: 'china',
        usageType: 'Register',
        params: { code: '4242' },
        locale: 'zh-CN',
        ip: '203.0.113.9',
        messageId: expect.any(String),
        sentAt: expect.any(Date),
      },
    ]);
  });

  it('finds the last message to a number in any format, and forgets on clear', async () => {
    const sender = createMemorySender();
    await sender.send({ to: '+8613800138000', usageType: 'SignIn', params: { code: '111111' } });
    await sender.send({ to: '+85261234567', usageType: 'SignIn', params: { code: '222222' } });
    await sender.send({ to: '008613800138000', usageType: 'SignIn', params: { code: '333333' } });
    expect(sender.lastMessageTo('138 0013 8000')?.params.code).toBe('333333');
    expect(sender.lastMessageTo('+852 6123 4567')?.params.code).toBe('222222');
    sender.clear();
    expect(sender.messages).toEqual([]);
    expect(sender.lastMessageTo('13800138000')).toBeUndefined();
  });

  it('honours the strict region check', async () => {
    const sender = createMemorySender({ strictPhoneRegionNumberCheck: true });
    const result = await sender.send({
      to: '14155552671',
      usageType: 'SignIn',
      params: { code: '1' },
    });
    expect(result).toMatchObject({ route: 'overseas', to: '+14155552671' });
  });

  it('fails the way it is told to, recording nothing', async () => {
    const failure = new SmsError('PROVIDER_UNAVAILABLE', 'down for the test');
    const sender = createMemorySender({
      name: 'flaky',
      failWith: (message) => (message.route === 'overseas' ? failure : undefined),
    });
    await expect(
      sender.send({ to: '+85261234567', usageType: 'SignIn', params: { code: '1' } }),
    ).rejects.toBe(failure);
    await expect(
      sender.send({ to: '+8613800138000', usageType: 'SignIn', params: { code: '1' } }),
    ).resolves.toMatchObject({ provider: 'flaky' });
    expect(sender.messages).toHaveLength(1);
  });
});
