import { inspect } from 'node:util';
import { createMemorySender, isSmsError, type MemorySender } from '@smskit/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createVerificationService } from './create-verification-service.js';
import { MemoryStore } from './memory-store.js';
import { isVerificationError } from './verification-error.js';
import type { VerificationServiceOptions } from './verification-service-options.js';
import type { VerificationStore } from './verification-store.js';

const phone = '+8613800138000';
const secret = 'a-hash-secret-that-is-32-bytes-long';

const configError = (options: unknown) => {
  try {
    createVerificationService(options as VerificationServiceOptions);
  } catch (error) {
    return error;
  }
  throw new Error('expected createVerificationService to throw');
};

const sharedStore = (): VerificationStore => {
  const memory = new MemoryStore();
  return {
    shared: true,
    increment: (key, windowMs) => memory.increment(key, windowMs),
    decrement: (key) => memory.decrement(key),
    setCode: (key, code, ttlMs) => memory.setCode(key, code, ttlMs),
    countAttempt: (key) => memory.countAttempt(key),
    deleteCode: (key, id) => memory.deleteCode(key, id),
  };
};

describe('createVerificationService options', () => {
  const sender = createMemorySender();

  it.each([
    ['no sender', {}, 'sender', 'must be an SmsSender'],
    ['a sender without send', { sender: { name: 'x' } }, 'sender', 'must be an SmsSender'],
    ['a store without methods', { sender, store: {} }, 'store', 'must be a VerificationStore'],
    ['codeLength 3', { sender, codeLength: 3 }, 'codeLength', 'integer from 4 to 10'],
    ['codeLength 11', { sender, codeLength: 11 }, 'codeLength', 'integer from 4 to 10'],
    ['codeLength 6.5', { sender, codeLength: 6.5 }, 'codeLength', 'integer from 4 to 10'],
    ['ttlSeconds 0', { sender, ttlSeconds: 0 }, 'ttlSeconds', 'from 1 to 86400'],
    ['maxAttempts "5"', { sender, maxAttempts: '5' }, 'maxAttempts', 'from 1 to 100'],
    [
      'resendIntervalSeconds -1',
      { sender, resendIntervalSeconds: -1 },
      'resendIntervalSeconds',
      'from 0',
    ],
    [
      'a limit of 0',
      { sender, maxSendsPerNumberPerHour: 0 },
      'maxSendsPerNumberPerHour',
      'or false',
    ],
    ['a limit of true', { sender, maxSendsPerIpPerHour: true }, 'maxSendsPerIpPerHour', 'or false'],
    ['an empty country list', { sender, allowedCountries: [] }, 'allowedCountries', 'non-empty'],
    [
      'the country UK',
      { sender, allowedCountries: ['CN', 'UK'] },
      'allowedCountries[1]',
      'ISO 3166-1',
    ],
    [
      'a country in small letters',
      { sender, allowedCountries: ['cn'] },
      'allowedCountries[0]',
      'capitals',
    ],
    [
      'a strict check of "yes"',
      { sender, strictPhoneRegionNumberCheck: 'yes' },
      'strictPhoneRegionNumberCheck',
      'boolean',
    ],
    ['a hook that is no function', { sender, onSent: 'log' }, 'onSent', 'function'],
    ['an option that does not exist', { sender, ttlSecond: 60 }, 'ttlSecond', 'is not an option'],
  ])('refuses %s, naming the field', (_, options, field, message) => {
    const error = configError(options);
    expect(isSmsError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_CONFIG', field });
    expect((error as Error).message).toContain(message);
  });

  it('refuses a short hashSecret without repeating it', () => {
    const short = 'short-secret-31-bytes-long-abcde';
    const error = configError({ sender, hashSecret: short.slice(0, 31) });
    expect(error).toMatchObject({ code: 'INVALID_CONFIG', field: 'hashSecret' });
    expect((error as Error).message).toContain('at least 32 bytes');
    expect(`${inspect(error)}${JSON.stringify(error)}`).not.toContain(short.slice(0, 31));
  });

  it('requires a hashSecret with a shared store', () => {
    const error = configError({ sender, store: sharedStore() });
    expect(error).toMatchObject({ code: 'INVALID_CONFIG', field: 'hashSecret' });
    expect((error as Error).message).toContain('every process');
    expect(() =>
      createVerificationService({ sender, store: sharedStore(), hashSecret: secret }),
    ).not.toThrow();
    expect(() =>
      createVerificationService({
        sender,
        store: sharedStore(),
        hashSecret: new Uint8Array(32).fill(7),
      }),
    ).not.toThrow();
  });

  it('works with the sender alone, with a memory store and a random secret per service', async () => {
    const memorySender = createMemorySender();
    const store = new MemoryStore();
    const one = createVerificationService({ sender: memorySender, store });
    const other = createVerificationService({ sender: memorySender, store });
    await one.send(phone, 'SignIn');
    const code = memorySender.lastMessageTo(phone)?.params.code as string;
    // Another process (here: another service) cannot check a code hashed under this one's secret.
    await expect(other.verify(phone, 'SignIn', code)).rejects.toMatchObject({
      code: 'INVALID_CODE',
    });
    await expect(one.verify(phone, 'SignIn', code)).resolves.toMatchObject({ phone });
  });

  it('sends codes of codeLength digits', async () => {
    const memorySender = createMemorySender();
    const service = createVerificationService({ sender: memorySender, codeLength: 8 });
    await service.send(phone, 'SignIn');
    expect(memorySender.lastMessageTo(phone)?.params.code).toMatch(/^[0-9]{8}$/);
  });
});

describe('createVerificationService over time (MemoryStore, fake clock)', () => {
  let sender: MemorySender;
  beforeEach(() => {
    vi.useFakeTimers();
    sender = createMemorySender();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const codeOf = () => sender.lastMessageTo(phone)?.params.code as string;

  it('lets a code live ttlSeconds and not a second longer', async () => {
    const service = createVerificationService({ sender, ttlSeconds: 300 });
    await service.send(phone, 'SignIn');
    const first = codeOf();
    vi.advanceTimersByTime(299_000);
    await expect(service.verify(phone, 'SignIn', first)).resolves.toMatchObject({ phone });
    vi.advanceTimersByTime(60_000);
    await service.send(phone, 'SignIn');
    const second = codeOf();
    vi.advanceTimersByTime(300_000);
    await expect(service.verify(phone, 'SignIn', second)).rejects.toMatchObject({
      code: 'CODE_EXPIRED',
    });
  });

  it('allows the next code after the resend interval, and says when', async () => {
    const service = createVerificationService({ sender, resendIntervalSeconds: 60 });
    await service.send(phone, 'SignIn');
    vi.advanceTimersByTime(45_500);
    await expect(service.send(phone, 'SignIn')).rejects.toMatchObject({
      code: 'TOO_SOON',
      retryAfterSeconds: 15,
    });
    vi.advanceTimersByTime(14_500);
    await expect(service.send(phone, 'SignIn')).resolves.toMatchObject({ resendIn: 60 });
  });

  it('counts sends per number in hour and day windows', async () => {
    const service = createVerificationService({
      sender,
      resendIntervalSeconds: 0,
      maxSendsPerNumberPerHour: 2,
      maxSendsPerNumberPerDay: 3,
    });
    await service.send(phone, 'SignIn');
    vi.advanceTimersByTime(10 * 60_000);
    await service.send(phone, 'SignIn');
    await expect(service.send(phone, 'SignIn')).rejects.toMatchObject({
      limit: 'maxSendsPerNumberPerHour',
      retryAfterSeconds: 50 * 60,
    });
    vi.advanceTimersByTime(50 * 60_000);
    await service.send(phone, 'SignIn');
    await expect(service.send(phone, 'SignIn')).rejects.toMatchObject({
      limit: 'maxSendsPerNumberPerDay',
      retryAfterSeconds: 23 * 3_600,
    });
    vi.advanceTimersByTime(23 * 3_600_000);
    await service.send(phone, 'SignIn');
    expect(sender.messages).toHaveLength(4);
  });

  it('reports the longest wait when several limits are reached', async () => {
    const service = createVerificationService({
      sender,
      resendIntervalSeconds: 0,
      maxSendsPerNumberPerHour: 1,
      maxSendsPerNumberPerDay: 1,
    });
    await service.send(phone, 'SignIn');
    await expect(service.send(phone, 'SignIn')).rejects.toMatchObject({
      limit: 'maxSendsPerNumberPerDay',
      retryAfterSeconds: 86_400,
    });
  });
});

describe('createVerificationService hooks and failures', () => {
  it('rejects send with the error of onSent, the code being sent and valid', async () => {
    const sender = createMemorySender();
    const hookError = new Error('audit log is down');
    const service = createVerificationService({
      sender,
      onSent: () => {
        throw hookError;
      },
    });
    await expect(service.send(phone, 'SignIn')).rejects.toBe(hookError);
    const code = sender.lastMessageTo(phone)?.params.code as string;
    await expect(service.verify(phone, 'SignIn', code)).resolves.toMatchObject({ phone });
  });

  it("rejects with the store's error when the store fails, giving back what it counted", async () => {
    const sender = createMemorySender();
    const memory = new MemoryStore();
    const storeError = new Error('connection lost');
    let failOn: string | undefined;
    const store: VerificationStore = {
      shared: false,
      increment: async (key, windowMs) => {
        if (failOn !== undefined && key.startsWith(failOn)) throw storeError;
        return memory.increment(key, windowMs);
      },
      decrement: (key) => memory.decrement(key),
      setCode: (key, code, ttlMs) => memory.setCode(key, code, ttlMs),
      countAttempt: (key) => memory.countAttempt(key),
      deleteCode: (key, id) => memory.deleteCode(key, id),
    };
    const service = createVerificationService({ sender, store, maxSendsPerNumberPerHour: 1 });
    failOn = 'sends:number:day:';
    await expect(service.send(phone, 'SignIn')).rejects.toBe(storeError);
    failOn = undefined;
    // Neither the resend interval nor the hourly count of the failed request remain.
    await expect(service.send(phone, 'SignIn')).resolves.toMatchObject({ phone });
  });

  it('passes an abort to the sender and gives the resend interval back', async () => {
    const sender = createMemorySender();
    const service = createVerificationService({ sender });
    const reason = new Error('client went away');
    await expect(service.send(phone, 'SignIn', { signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
    await expect(service.send(phone, 'SignIn')).resolves.toMatchObject({ phone });
  });

  it('passes the locale and the IP address to the sender', async () => {
    const sender = createMemorySender();
    const service = createVerificationService({ sender });
    await service.send(phone, 'Register', { locale: 'zh-CN', ip: '2001:db8::7' });
    expect(sender.messages[0]).toMatchObject({ locale: 'zh-CN', ip: '2001:db8::7' });
  });

  it('refuses with VerificationError, whose details survive JSON', async () => {
    const service = createVerificationService({ sender: createMemorySender() });
    const error = await service.verify(phone, 'SignIn', '123456').catch((caught) => caught);
    expect(isVerificationError(error)).toBe(true);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: 'CODE_EXPIRED' });
  });
});
