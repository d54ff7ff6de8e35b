import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { SmsError, type UsageType } from '@smskit/core';
import { codeHashesEqual, hashCode } from './code-hash.js';
import { countSend, type SendLimitCounter } from './count-send.js';
import { generateCode } from './generate-code.js';
import { MemoryStore } from './memory-store.js';
import { readCode, readIp, readPhone, readUsageType } from './read-input.js';
import { storeKeys } from './store-keys.js';
import { toSeconds } from './to-seconds.js';
import { VerificationError } from './verification-error.js';
import {
  parseVerificationServiceOptions,
  type VerificationServiceOptions,
} from './verification-service-options.js';
import type { VerificationStore } from './verification-store.js';

/** Per-call options of {@link VerificationService.send}. */
export interface SendCodeOptions {
  /** The client's IP address, for the per-IP limit and the sender. Without it, no per-IP limit. */
  readonly ip?: string | undefined;
  /** The recipient's language (BCP 47), passed to senders that localise. */
  readonly locale?: string | undefined;
  /** Aborts the send; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/** Per-call options of {@link VerificationService.verify}. */
export interface VerifyCodeOptions {
  /** The client's IP address, passed to `onVerified`. */
  readonly ip?: string | undefined;
}

/** What {@link VerificationService.send} resolves with: the code went out and is stored. */
export interface CodeSent {
  /** The number in E.164 form. */
  readonly phone: string;
  readonly usageType: UsageType;
  /** Seconds the code stays valid. */
  readonly expiresIn: number;
  /** Seconds before another code can be sent to this number for this usage type. */
  readonly resendIn: number;
  /** The provider's id of the message, for delivery reports. */
  readonly messageId: string;
}

/** What {@link VerificationService.verify} resolves with: the code was right and is used up. */
export interface CodeVerified {
  /** The number in E.164 form: the one to trust from now on. */
  readonly phone: string;
  readonly usageType: UsageType;
}

/**
 * Sends and checks verification codes. Both methods resolve only on success and reject with a
 * {@link VerificationError} for every refusal (so that a forgotten check fails closed), with
 * the sender's `SmsError` when the provider fails, and with the store's error when the store
 * fails.
 */
export interface VerificationService {
  /**
   * Sends a new code to `phone` for `usageType`, replacing any pending one.
   *
   * @throws {VerificationError} `INVALID_INPUT`, `COUNTRY_NOT_ALLOWED`, `TOO_SOON`, `LIMIT_REACHED`.
   * @throws {SmsError} the sender's error when the provider fails (code and `retryable` kept).
   */
  send(phone: string, usageType: UsageType, options?: SendCodeOptions): Promise<CodeSent>;
  /**
   * Checks `code` against the pending code of `phone` for `usageType`; the first right answer
   * uses the code up.
   *
   * @throws {VerificationError} `INVALID_INPUT`, `INVALID_CODE`, `ATTEMPTS_EXHAUSTED`, `CODE_EXPIRED`.
   */
  verify(
    phone: string,
    usageType: UsageType,
    code: string,
    options?: VerifyCodeOptions,
  ): Promise<CodeVerified>;
}

const hour = 3_600_000;
const day = 24 * hour;

/**
 * Creates the verification service: random codes stored as keyed hashes with a TTL, single use,
 * with a resend interval, attempt limits, per-number and per-IP send limits and a country
 * allow-list. See the README for every rule.
 *
 * @throws {SmsError} `INVALID_CONFIG` naming the bad option in `field`.
 */
export function createVerificationService(
  options: VerificationServiceOptions,
): VerificationService {
  const config = parseVerificationServiceOptions(options);
  const store: VerificationStore = config.store ?? new MemoryStore();
  if (config.hashSecret === undefined && store.shared) {
    throw new SmsError(
      'INVALID_CONFIG',
      'hashSecret is required with a shared store such as RedisStore: every process must hash ' +
        'codes with the same secret (generate one with openssl rand -base64 32)',
      { field: 'hashSecret' },
    );
  }
  // A KeyObject, so that the secret never shows in util.inspect of anything.
  const secret = createSecretKey(
    config.hashSecret === undefined
      ? randomBytes(32)
      : typeof config.hashSecret === 'string'
        ? Buffer.from(config.hashSecret, 'utf8')
        : Buffer.from(config.hashSecret),
  );
  const allowedCountries =
    config.allowedCountries === undefined ? undefined : new Set(config.allowedCountries);
  const resendMs = config.resendIntervalSeconds * 1000;

  /** Takes the resend slot of a number and usage type; returns its key to give it back. */
  async function takeResendSlot(phone: string, usageType: UsageType) {
    if (resendMs === 0) return undefined;
    const key = storeKeys.resend(phone, usageType);
    const { count, resetInMs } = await store.increment(key, resendMs);
    if (count > 1) {
      await store.decrement(key);
      const retryAfterSeconds = toSeconds(resetInMs);
      throw new VerificationError(
        'TOO_SOON',
        `A code was just sent to this number; request another in ${retryAfterSeconds} s`,
        { retryAfterSeconds },
      );
    }
    return key;
  }

  /** The limits that apply to a send to `phone` from the client IP counted under `ipKey`. */
  const limitsOf = (phone: string, ipKey: string | undefined): SendLimitCounter[] =>
    [
      {
        name: 'maxSendsPerIpPerHour' as const,
        key: ipKey === undefined ? undefined : storeKeys.maxSendsPerIpPerHour(ipKey),
        max: config.maxSendsPerIpPerHour,
        windowMs: hour,
      },
      {
        name: 'maxSendsPerNumberPerHour' as const,
        key: storeKeys.maxSendsPerNumberPerHour(phone),
        max: config.maxSendsPerNumberPerHour,
        windowMs: hour,
      },
      {
        name: 'maxSendsPerNumberPerDay' as const,
        key: storeKeys.maxSendsPerNumberPerDay(phone),
        max: config.maxSendsPerNumberPerDay,
        windowMs: day,
      },
    ].filter((limit): limit is SendLimitCounter => limit.key !== undefined && limit.max !== false);

  const service: VerificationService = {
    async send(phoneInput, usageTypeInput, sendOptions = {}) {
      const phone = readPhone(phoneInput, config.strictPhoneRegionNumberCheck);
      const usageType = readUsageType(usageTypeInput);
      const client = readIp(sendOptions.ip);
      if (
        allowedCountries !== undefined &&
        (phone.country === undefined || !allowedCountries.has(phone.country))
      ) {
        throw new VerificationError(
          'COUNTRY_NOT_ALLOWED',
          `Codes are not sent to numbers in ${phone.country ?? `+${phone.countryCallingCode}`}`,
          { field: 'phone' },
        );
      }

      const resendKey = await takeResendSlot(phone.e164, usageType);
      await countSend(
        store,
        limitsOf(phone.e164, client?.limitKey),
        resendKey === undefined ? [] : [resendKey],
      );

      const code = generateCode(config.codeLength);
      let result: Awaited<ReturnType<typeof config.sender.send>>;
      try {
        result = await config.sender.send(
          {
            to: phone.e164,
            usageType,
            params: { code },
            ip: client?.ip,
            locale: sendOptions.locale,
          },
          { signal: sendOptions.signal },
        );
      } catch (error) {
        // Nothing went out (or nobody knows): the user may ask again at once. The send still
        // counts against the limits, which bound how often a failing provider is called.
        if (resendKey !== undefined) await store.decrement(resendKey).catch(() => undefined);
        throw error;
      }

      await store.setCode(
        storeKeys.code(phone.e164, usageType),
        {
          id: randomUUID(),
          hash: hashCode(secret, phone.e164, usageType, code),
          sentAt: Date.now(),
        },
        config.ttlSeconds * 1000,
      );
      await config.onSent?.({
        phone: phone.e164,
        usageType,
        ip: client?.ip,
        expiresIn: config.ttlSeconds,
        result,
      });
      return {
        phone: phone.e164,
        usageType,
        expiresIn: config.ttlSeconds,
        resendIn: config.resendIntervalSeconds,
        messageId: result.messageId,
      };
    },

    async verify(phoneInput, usageTypeInput, codeInput, verifyOptions = {}) {
      const phone = readPhone(phoneInput, config.strictPhoneRegionNumberCheck);
      const usageType = readUsageType(usageTypeInput);
      const code = readCode(codeInput, config.codeLength);
      const client = readIp(verifyOptions.ip);

      const key = storeKeys.code(phone.e164, usageType);
      // The attempt is counted before the comparison, so that concurrent guesses cannot
      // compare more than maxAttempts codes between them.
      const attempt = await store.countAttempt(key);
      if (attempt === undefined) {
        throw new VerificationError(
          'CODE_EXPIRED',
          'No code is pending for this number: it expired, was used or replaced, or none was sent. Request a new code',
        );
      }
      if (attempt.attempts > config.maxAttempts) {
        throw new VerificationError(
          'ATTEMPTS_EXHAUSTED',
          'Too many wrong codes: request a new code',
          { retryAfterSeconds: toSeconds(attempt.sentAt + resendMs - Date.now()) },
        );
      }
      if (!codeHashesEqual(attempt.hash, hashCode(secret, phone.e164, usageType, code))) {
        const attemptsLeft = config.maxAttempts - attempt.attempts;
        throw new VerificationError(
          'INVALID_CODE',
          attemptsLeft > 0
            ? `The code is wrong; ${attemptsLeft} ${attemptsLeft === 1 ? 'attempt' : 'attempts'} left`
            : 'The code is wrong, and that was the last attempt: request a new code',
          { field: 'code', attemptsLeft },
        );
      }
      // Compare and delete: of concurrent right answers, exactly one gets here first.
      if (!(await store.deleteCode(key, attempt.id))) {
        throw new VerificationError('CODE_EXPIRED', 'The code was already used or replaced');
      }
      await config.onVerified?.({ phone: phone.e164, usageType, ip: client?.ip });
      return { phone: phone.e164, usageType };
    },
  };
  return Object.freeze(service);
}
