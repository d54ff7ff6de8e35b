import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';
import { createMemorySender, isSmsError, type MemorySender, SmsError } from '@smskit/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createVerificationService,
  type VerificationService,
} from '../create-verification-service.js';
import { isVerificationError, type VerificationError } from '../verification-error.js';
import type { VerificationServiceOptions } from '../verification-service-options.js';
import type { StoredCode, VerificationStore } from '../verification-store.js';

/** What {@link runVerificationStoreConformance} tests: a fresh, empty store. */
export interface StoreConformanceSubject {
  /** The store under test. Each subject must start empty (use a fresh key prefix, for example). */
  readonly store: VerificationStore;
  /** Releases what the subject opened (clients, connections). */
  close?(): Promise<void>;
}

const chinaNumber = '+8613800138000';
const hongKongNumber = '+85261234567';
const secret = 'conformance-suite-hash-secret-of-32-bytes';

/** Settles a promise expected to reject, with its reason. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection, but it resolved');
    },
    (reason: unknown) => reason,
  );
}

/** Settles a promise expected to reject with a VerificationError, with that error. */
async function refusal(promise: Promise<unknown>): Promise<VerificationError> {
  const reason = await rejection(promise);
  if (!isVerificationError(reason)) throw reason;
  return reason;
}

const codeOf = (sender: MemorySender, phone: string) => {
  const code = sender.lastMessageTo(phone)?.params.code;
  if (code === undefined) throw new Error(`no code was sent to ${phone}`);
  return code;
};

// A right code that differs from `code`, for "wrong code" cases that must not hit by chance.
const wrongCode = (code: string) => code.replace(/^./, (digit) => String((Number(digit) + 1) % 10));

/**
 * The behaviour every {@link VerificationStore} must have, as a vitest suite: the store's
 * methods and their atomicity, then every rule of the verification service run on the store
 * (single use under concurrency, attempts, resend interval, limits under concurrency, country
 * allow-list, provider failures). Call it at the top level of a test file with a function that
 * makes a fresh, empty store for each test.
 *
 * @example
 * runVerificationStoreConformance('memory store', () => ({ store: new MemoryStore() }));
 */
export function runVerificationStoreConformance(
  name: string,
  createSubject: () => StoreConformanceSubject | Promise<StoreConformanceSubject>,
): void {
  let subject: StoreConformanceSubject | undefined;
  const open = async () => {
    subject = await createSubject();
    return subject.store;
  };
  const closeSubject = async () => {
    await subject?.close?.();
    subject = undefined;
  };

  describe(`VerificationStore conformance: ${name}`, () => {
    afterEach(closeSubject);

    const code = (id: string): StoredCode => ({
      id,
      hash: `hash-of-${id}`,
      sentAt: 1_700_000_000_000,
    });

    it('counts events in a window and says when it ends', async () => {
      const store = await open();
      const first = await store.increment('counter', 60_000);
      const second = await store.increment('counter', 60_000);
      expect(first.count).toBe(1);
      expect(second.count).toBe(2);
      expect(first.resetInMs).toBeGreaterThan(59_000);
      expect(first.resetInMs).toBeLessThanOrEqual(60_000);
      expect(second.resetInMs).toBeLessThanOrEqual(first.resetInMs);
      expect((await store.increment('another counter', 60_000)).count).toBe(1);
    });

    it('gives each of 20 concurrent increments its own count', async () => {
      const store = await open();
      const states = await Promise.all(
        Array.from({ length: 20 }, () => store.increment('counter', 60_000)),
      );
      expect(states.map((state) => state.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, index) => index + 1),
      );
    });

    it('starts a counter again when its window ended, without later events moving it', async () => {
      const store = await open();
      const first = await store.increment('counter', 1_000);
      await sleep(50);
      const later = await store.increment('counter', 1_000);
      expect(later.count).toBe(2);
      expect(later.resetInMs).toBeLessThanOrEqual(first.resetInMs - 40);
      await sleep(1_050);
      expect(await store.increment('counter', 1_000)).toMatchObject({ count: 1 });
    });

    it('takes back one event, never below zero and never creating a counter', async () => {
      const store = await open();
      await store.decrement('absent');
      expect(await store.increment('absent', 60_000)).toMatchObject({ count: 1 });
      await store.increment('counter', 60_000);
      await store.increment('counter', 60_000);
      await store.decrement('counter');
      expect((await store.increment('counter', 60_000)).count).toBe(2);
      await store.decrement('counter');
      await store.decrement('counter');
      await store.decrement('counter');
      expect((await store.increment('counter', 60_000)).count).toBe(1);
    });

    it('stores a code and counts attempts on it', async () => {
      const store = await open();
      expect(await store.countAttempt('code')).toBeUndefined();
      await store.setCode('code', code('a'), 60_000);
      expect(await store.countAttempt('code')).toEqual({ ...code('a'), attempts: 1 });
      expect(await store.countAttempt('code')).toEqual({ ...code('a'), attempts: 2 });
      expect(await store.countAttempt('other code')).toBeUndefined();
    });

    it('replaces a code with a new one whose attempts start at zero', async () => {
      const store = await open();
      await store.setCode('code', code('a'), 60_000);
      await store.countAttempt('code');
      await store.countAttempt('code');
      await store.setCode('code', code('b'), 60_000);
      expect(await store.countAttempt('code')).toEqual({ ...code('b'), attempts: 1 });
    });

    it('gives each of 20 concurrent attempts its own number', async () => {
      const store = await open();
      await store.setCode('code', code('a'), 60_000);
      const attempts = await Promise.all(
        Array.from({ length: 20 }, () => store.countAttempt('code')),
      );
      expect(attempts.map((attempt) => attempt?.attempts).sort((a = 0, b = 0) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, index) => index + 1),
      );
    });

    it('deletes a code only by its id, once among 20 concurrent deletes', async () => {
      const store = await open();
      await store.setCode('code', code('a'), 60_000);
      expect(await store.deleteCode('code', 'b')).toBe(false);
      expect(await store.countAttempt('code')).toMatchObject({ id: 'a' });
      const deleted = await Promise.all(
        Array.from({ length: 20 }, () => store.deleteCode('code', 'a')),
      );
      expect(deleted.filter(Boolean)).toHaveLength(1);
      expect(await store.countAttempt('code')).toBeUndefined();
      expect(await store.deleteCode('absent', 'a')).toBe(false);
    });

    it('forgets a code after its time to live, however often it was tried', async () => {
      const store = await open();
      await store.setCode('code', code('a'), 1_000);
      await sleep(50);
      expect(await store.countAttempt('code')).toMatchObject({ attempts: 1 });
      await sleep(1_050);
      expect(await store.countAttempt('code')).toBeUndefined();
    });
  });

  describe(`createVerificationService on ${name}`, () => {
    let sender: MemorySender;
    afterEach(closeSubject);

    const service = async (
      options: Partial<VerificationServiceOptions> = {},
    ): Promise<VerificationService> => {
      const store = await open();
      sender = createMemorySender();
      return createVerificationService({ sender, store, hashSecret: secret, ...options });
    };

    it('sends a code that verifies once, for the number written any way', async () => {
      const verification = await service();
      const sent = await verification.send('138 0013 8000', 'SignIn', { ip: '203.0.113.9' });
      expect(sent).toEqual({
        phone: chinaNumber,
        usageType: 'SignIn',
        expiresIn: 300,
        resendIn: 60,
        messageId: sender.messages[0]?.messageId,
      });
      expect(sender.messages).toEqual([
        expect.objectContaining({ to: chinaNumber, usageType: 'SignIn', ip: '203.0.113.9' }),
      ]);
      const code = codeOf(sender, chinaNumber);
      expect(code).toMatch(/^[0-9]{6}$/);
      expect(await verification.verify('008613800138000', 'SignIn', code)).toEqual({
        phone: chinaNumber,
        usageType: 'SignIn',
      });
      expect(await refusal(verification.verify(chinaNumber, 'SignIn', code))).toMatchObject({
        code: 'CODE_EXPIRED',
      });
    });

    it('accepts exactly one of 20 concurrent verifies with the right code', async () => {
      const verification = await service();
      await verification.send(chinaNumber, 'SignIn');
      const code = codeOf(sender, chinaNumber);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, () => verification.verify(chinaNumber, 'SignIn', code)),
      );
      const accepted = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      expect(accepted).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          expect(outcome.reason).toSatisfy(isVerificationError);
          expect(['CODE_EXPIRED', 'ATTEMPTS_EXHAUSTED']).toContain(outcome.reason.code);
        }
      }
    });

    it('burns a code after maxAttempts wrong codes, until a new one is sent', async () => {
      const verification = await service({ maxAttempts: 3, resendIntervalSeconds: 0 });
      await verification.send(chinaNumber, 'SignIn');
      const code = codeOf(sender, chinaNumber);
      const wrong = await Promise.all(
        [1, 2, 3].map(async () => {
          const error = await refusal(verification.verify(chinaNumber, 'SignIn', wrongCode(code)));
          return [error.code, error.field, error.attemptsLeft];
        }),
      );
      expect(wrong.sort()).toEqual([
        ['INVALID_CODE', 'code', 0],
        ['INVALID_CODE', 'code', 1],
        ['INVALID_CODE', 'code', 2],
      ]);
      expect(await refusal(verification.verify(chinaNumber, 'SignIn', code))).toMatchObject({
        code: 'ATTEMPTS_EXHAUSTED',
        retryAfterSeconds: 0,
      });
      await verification.send(chinaNumber, 'SignIn');
      const newCode = codeOf(sender, chinaNumber);
      expect(await verification.verify(chinaNumber, 'SignIn', newCode)).toMatchObject({
        phone: chinaNumber,
      });
    });

    it('says how long until a new code can be sent when attempts are exhausted', async () => {
      const verification = await service({ maxAttempts: 1, resendIntervalSeconds: 60 });
      await verification.send(chinaNumber, 'SignIn');
      const code = codeOf(sender, chinaNumber);
      await refusal(verification.verify(chinaNumber, 'SignIn', wrongCode(code)));
      const exhausted = await refusal(verification.verify(chinaNumber, 'SignIn', code));
      expect(exhausted.code).toBe('ATTEMPTS_EXHAUSTED');
      expect(exhausted.retryAfterSeconds).toBeGreaterThan(55);
      expect(exhausted.retryAfterSeconds).toBeLessThanOrEqual(60);
    });

    it('compares no more than maxAttempts codes among 20 concurrent guesses', async () => {
      const verification = await service({ maxAttempts: 5 });
      await verification.send(chinaNumber, 'SignIn');
      const code = codeOf(sender, chinaNumber);
      // The right code among 19 wrong ones, all at once.
      const guesses = Array.from({ length: 20 }, (_, index) =>
        index === 10 ? code : wrongCode(code),
      );
      const outcomes = await Promise.allSettled(
        guesses.map((guess) => verification.verify(chinaNumber, 'SignIn', guess)),
      );
      const compared = outcomes.filter(
        (outcome) => outcome.status === 'fulfilled' || outcome.reason.code === 'INVALID_CODE',
      );
      const exhausted = outcomes.filter(
        (outcome) => outcome.status === 'rejected' && outcome.reason.code === 'ATTEMPTS_EXHAUSTED',
      );
      expect(compared).toHaveLength(5);
      expect(exhausted).toHaveLength(15);
    });

    it('replaces the pending code with a new one', async () => {
      const verification = await service({ resendIntervalSeconds: 0 });
      await verification.send(chinaNumber, 'SignIn');
      let oldCode = codeOf(sender, chinaNumber);
      let newCode = oldCode;
      // One chance in a million that the new code is the old one; draw again then.
      while (newCode === oldCode) {
        oldCode = newCode;
        await verification.send(chinaNumber, 'SignIn');
        newCode = codeOf(sender, chinaNumber);
      }
      expect(await refusal(verification.verify(chinaNumber, 'SignIn', oldCode))).toMatchObject({
        code: 'INVALID_CODE',
      });
      expect(await verification.verify(chinaNumber, 'SignIn', newCode)).toMatchObject({
        phone: chinaNumber,
      });
    });

    it('keeps usage types apart', async () => {
      const verification = await service();
      await verification.send(chinaNumber, 'SignIn');
      const code = codeOf(sender, chinaNumber);
      expect(await refusal(verification.verify(chinaNumber, 'Register', code))).toMatchObject({
        code: 'CODE_EXPIRED',
      });
      await verification.send(chinaNumber, 'Register');
      const registerCode = codeOf(sender, chinaNumber);
      if (registerCode !== code) {
        expect(await refusal(verification.verify(chinaNumber, 'Register', code))).toMatchObject({
          code: 'INVALID_CODE',
        });
      }
      expect(await verification.verify(chinaNumber, 'SignIn', code)).toMatchObject({
        usageType: 'SignIn',
      });
      expect(await verification.verify(chinaNumber, 'Register', registerCode)).toMatchObject({
        usageType: 'Register',
      });
    });

    it('enforces the resend interval per number and usage type', async () => {
      const verification = await service({ resendIntervalSeconds: 60 });
      await verification.send(chinaNumber, 'SignIn');
      const tooSoon = await refusal(verification.send('13800138000', 'SignIn'));
      expect(tooSoon.code).toBe('TOO_SOON');
      expect(tooSoon.retryAfterSeconds).toBeGreaterThan(55);
      expect(tooSoon.retryAfterSeconds).toBeLessThanOrEqual(60);
      await verification.send(chinaNumber, 'Register');
      await verification.send(hongKongNumber, 'SignIn');
      expect(sender.messages).toHaveLength(3);
    });

    it('sends one code among 20 concurrent sends to the same number and usage type', async () => {
      const verification = await service();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, () => verification.send(chinaNumber, 'SignIn')),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(
        outcomes.filter(
          (outcome) => outcome.status === 'rejected' && outcome.reason.code === 'TOO_SOON',
        ),
      ).toHaveLength(19);
      expect(sender.messages).toHaveLength(1);
    });

    it('lets the code expire and the resend interval pass', async () => {
      const verification = await service({ ttlSeconds: 1, resendIntervalSeconds: 1 });
      await verification.send(chinaNumber, 'SignIn');
      const code = codeOf(sender, chinaNumber);
      await sleep(1_100);
      expect(await refusal(verification.verify(chinaNumber, 'SignIn', code))).toMatchObject({
        code: 'CODE_EXPIRED',
      });
      await verification.send(chinaNumber, 'SignIn');
      expect(sender.messages).toHaveLength(2);
    });

    it('limits the codes sent to a number per hour, over all usage types', async () => {
      const verification = await service({ maxSendsPerNumberPerHour: 2 });
      await verification.send(chinaNumber, 'SignIn');
      await verification.send(chinaNumber, 'Register');
      const limited = await refusal(verification.send(chinaNumber, 'ForgotPassword'));
      expect(limited).toMatchObject({ code: 'LIMIT_REACHED', limit: 'maxSendsPerNumberPerHour' });
      expect(limited.retryAfterSeconds).toBeGreaterThan(3_500);
      expect(limited.retryAfterSeconds).toBeLessThanOrEqual(3_600);
      await verification.send(hongKongNumber, 'SignIn');
      expect(sender.messages).toHaveLength(3);
    });

    it('limits the codes sent to a number per day', async () => {
      const verification = await service({
        maxSendsPerNumberPerHour: false,
        maxSendsPerNumberPerDay: 1,
      });
      await verification.send(chinaNumber, 'SignIn');
      const limited = await refusal(verification.send(chinaNumber, 'Register'));
      expect(limited).toMatchObject({ code: 'LIMIT_REACHED', limit: 'maxSendsPerNumberPerDay' });
      expect(limited.retryAfterSeconds).toBeGreaterThan(86_300);
    });

    it('limits the codes requested from an IP address per hour, IPv6 by /64', async () => {
      const verification = await service({ maxSendsPerIpPerHour: 1 });
      const numbers = ['+8613800138001', '+8613800138002', '+8613800138003', '+8613800138004'];
      await verification.send(numbers[0] as string, 'SignIn', { ip: '203.0.113.9' });
      expect(
        await refusal(
          verification.send(numbers[1] as string, 'SignIn', { ip: '::ffff:203.0.113.9' }),
        ),
      ).toMatchObject({ code: 'LIMIT_REACHED', limit: 'maxSendsPerIpPerHour' });
      await verification.send(numbers[1] as string, 'SignIn', { ip: '2001:db8:1:2::1' });
      expect(
        await refusal(
          verification.send(numbers[2] as string, 'SignIn', { ip: '2001:db8:1:2:ffff::9' }),
        ),
      ).toMatchObject({ code: 'LIMIT_REACHED', limit: 'maxSendsPerIpPerHour' });
      await verification.send(numbers[2] as string, 'SignIn', { ip: '2001:db8:1:3::1' });
      // Without an IP address there is nothing to count.
      await verification.send(numbers[3] as string, 'SignIn');
      expect(sender.messages).toHaveLength(4);
    });

    it('counts a refused send against no limit', async () => {
      const verification = await service({ maxSendsPerIpPerHour: 1, maxSendsPerNumberPerHour: 1 });
      await verification.send(chinaNumber, 'SignIn', { ip: '203.0.113.1' });
      expect(
        await refusal(verification.send(hongKongNumber, 'SignIn', { ip: '203.0.113.1' })),
      ).toMatchObject({ limit: 'maxSendsPerIpPerHour' });
      // The refusal above did not count against the Hong Kong number's own limit.
      await verification.send(hongKongNumber, 'SignIn', { ip: '203.0.113.2' });
      expect(sender.messages.map((message) => message.to)).toEqual([chinaNumber, hongKongNumber]);
    });

    it('holds the limits under 20 concurrent sends', async () => {
      const verification = await service({
        resendIntervalSeconds: 0,
        maxSendsPerNumberPerHour: 3,
        maxSendsPerIpPerHour: 5,
      });
      const toOneNumber = await Promise.allSettled(
        Array.from({ length: 20 }, () => verification.send(chinaNumber, 'SignIn')),
      );
      expect(toOneNumber.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(3);
      const fromOneIp = await Promise.allSettled(
        Array.from({ length: 20 }, (_, index) =>
          verification.send(`+852612345${String(index).padStart(2, '0')}`, 'SignIn', {
            ip: '198.51.100.7',
          }),
        ),
      );
      expect(fromOneIp.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(5);
      for (const outcome of [...toOneNumber, ...fromOneIp]) {
        if (outcome.status === 'rejected') {
          expect(outcome.reason).toMatchObject({ code: 'LIMIT_REACHED' });
        }
      }
      expect(sender.messages).toHaveLength(8);
    });

    it('refuses numbers outside allowedCountries before storing or sending anything', async () => {
      const verification = await service({ allowedCountries: ['HK'], maxSendsPerIpPerHour: 1 });
      const refused = await refusal(
        verification.send(chinaNumber, 'SignIn', { ip: '203.0.113.1' }),
      );
      expect(refused).toMatchObject({ code: 'COUNTRY_NOT_ALLOWED', field: 'phone' });
      expect(refused.message).toContain('CN');
      expect(sender.messages).toEqual([]);
      // Nothing was counted either: the one send this IP address may make still goes out.
      await verification.send(hongKongNumber, 'SignIn', { ip: '203.0.113.1' });
      expect(sender.messages).toHaveLength(1);
    });

    it("surfaces the provider's error and does not hold the resend interval", async () => {
      const failure = new SmsError('PROVIDER_UNAVAILABLE', 'provider down for the test', {
        provider: 'memory',
      });
      let failing = true;
      const store = await open();
      sender = createMemorySender({ failWith: () => (failing ? failure : undefined) });
      const verification = createVerificationService({
        sender,
        store,
        hashSecret: secret,
        maxSendsPerNumberPerHour: 2,
      });
      const error = await rejection(verification.send(chinaNumber, 'SignIn'));
      expect(error).toBe(failure);
      expect(isSmsError(error) && error.retryable).toBe(true);
      expect(await refusal(verification.verify(chinaNumber, 'SignIn', '123456'))).toMatchObject({
        code: 'CODE_EXPIRED',
      });
      failing = false;
      await verification.send(chinaNumber, 'SignIn');
      expect(
        await verification.verify(chinaNumber, 'SignIn', codeOf(sender, chinaNumber)),
      ).toBeTruthy();
      // The failed send counted against the number's limit of 2.
      expect(await refusal(verification.send(chinaNumber, 'Register'))).toMatchObject({
        code: 'LIMIT_REACHED',
      });
    });

    it.each([
      ['phone', () => ['not a number', 'SignIn', '123456'], 'phone'],
      ['usage type', () => [chinaNumber, 'Lottery', '123456'], 'usageType'],
      ['code of 5 digits', () => [chinaNumber, 'SignIn', '12345'], 'code'],
      ['code with letters', () => [chinaNumber, 'SignIn', '12345a'], 'code'],
      ['code that is a number', () => [chinaNumber, 'SignIn', 123456], 'code'],
    ])(
      'refuses a bad %s on verify, naming it, without using an attempt',
      async (_, args, field) => {
        const verification = await service({ maxAttempts: 1 });
        await verification.send(chinaNumber, 'SignIn');
        const [phone, usageType, code] = args() as [string, 'SignIn', string];
        expect(await refusal(verification.verify(phone, usageType, code))).toMatchObject({
          code: 'INVALID_INPUT',
          field,
        });
        expect(
          await verification.verify(chinaNumber, 'SignIn', codeOf(sender, chinaNumber)),
        ).toBeTruthy();
      },
    );

    it.each([
      ['phone', ['', 'SignIn', {}], 'phone'],
      ['usage type', [chinaNumber, 'signin', {}], 'usageType'],
      ['ip', [chinaNumber, 'SignIn', { ip: 'localhost' }], 'ip'],
    ])('refuses a bad %s on send, naming it, before sending', async (_, args, field) => {
      const verification = await service({ resendIntervalSeconds: 60 });
      const [phone, usageType, options] = args as [string, 'SignIn', { ip?: string }];
      expect(await refusal(verification.send(phone, usageType, options))).toMatchObject({
        code: 'INVALID_INPUT',
        field,
      });
      expect(sender.messages).toEqual([]);
      // Nothing was stored: the resend interval was not started.
      await verification.send(chinaNumber, 'SignIn');
    });

    it('reads codes typed with spaces or full-width digits', async () => {
      const verification = await service();
      await verification.send(chinaNumber, 'SignIn');
      const code = codeOf(sender, chinaNumber);
      const fullWidth = [...code].map((digit) => String.fromCharCode(0xff10 + Number(digit)));
      const typed = ` ${fullWidth.slice(0, 3).join('')} ${fullWidth.slice(3).join('')} `;
      expect(await verification.verify(chinaNumber, 'SignIn', typed)).toMatchObject({
        phone: chinaNumber,
      });
    });

    it('tells the hooks what happened, never the code', async () => {
      const events: unknown[] = [];
      const verification = await service({
        onSent: (event) => {
          events.push(['sent', event]);
        },
        onVerified: async (event) => {
          events.push(['verified', event]);
        },
      });
      await verification.send(chinaNumber, 'SignIn', { ip: '203.0.113.9' });
      const code = codeOf(sender, chinaNumber);
      await verification.verify(chinaNumber, 'SignIn', code, { ip: '203.0.113.10' });
      expect(events).toEqual([
        [
          'sent',
          {
            phone: chinaNumber,
            usageType: 'SignIn',
            ip: '203.0.113.9',
            expiresIn: 300,
            result: expect.objectContaining({ provider: 'memory', to: chinaNumber }),
          },
        ],
        ['verified', { phone: chinaNumber, usageType: 'SignIn', ip: '203.0.113.10' }],
      ]);
      expect(JSON.stringify(events)).not.toMatch(new RegExp(`(?<![0-9])${code}(?![0-9])`));
    });

    it('stores codes as hashes keyed by hashSecret, and shows no code or secret anywhere', async () => {
      const stored: StoredCode[] = [];
      const store = await open();
      const recording: VerificationStore = {
        shared: store.shared,
        increment: (key, windowMs) => store.increment(key, windowMs),
        decrement: (key) => store.decrement(key),
        setCode: (key, storedCode, ttlMs) => {
          stored.push(storedCode);
          return store.setCode(key, storedCode, ttlMs);
        },
        countAttempt: (key) => store.countAttempt(key),
        deleteCode: (key, id) => store.deleteCode(key, id),
      };
      sender = createMemorySender();
      const verification = createVerificationService({
        sender,
        store: recording,
        hashSecret: secret,
      });
      const sent = await verification.send(chinaNumber, 'SignIn');
      const code = codeOf(sender, chinaNumber);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(stored[0]?.hash).not.toContain(code);

      // The same store under another secret cannot check the code.
      const otherSecret = createVerificationService({
        sender,
        store: recording,
        hashSecret: `${secret}, but another one`,
      });
      expect(await refusal(otherSecret.verify(chinaNumber, 'SignIn', code))).toMatchObject({
        code: 'INVALID_CODE',
      });
      const wrong = await refusal(verification.verify(chinaNumber, 'SignIn', wrongCode(code)));
      const verified = await verification.verify(chinaNumber, 'SignIn', code);
      const expired = await refusal(verification.verify(chinaNumber, 'SignIn', code));
      // The code as a number of its own: the phone number may contain its digits.
      const codeAlone = new RegExp(`(?<![0-9])${code}(?![0-9])`);
      for (const value of [verification, sent, verified, wrong, expired, store]) {
        for (const view of [
          String(value),
          JSON.stringify(value),
          inspect(value, { depth: 10, showHidden: true }),
        ]) {
          expect(view).not.toMatch(codeAlone);
          expect(view).not.toContain(secret);
          expect(view).not.toContain(stored[0]?.hash);
        }
      }
    });
  });
}
