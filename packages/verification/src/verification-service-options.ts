import type { SendResult, SmsSender, UsageType } from '@smskit/core';
import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { parseConfig } from './parse-config.js';
import type { VerificationStore } from './verification-store.js';

/** What `onSent` is told after a code went out. It never carries the code. */
export interface SentEvent {
  /** The number in E.164 form. */
  readonly phone: string;
  readonly usageType: UsageType;
  /** The client IP given to `send`, if any. */
  readonly ip: string | undefined;
  /** Seconds the code stays valid. */
  readonly expiresIn: number;
  /** What the sender answered: provider, message id (for delivery reports), route. */
  readonly result: SendResult;
}

/** What `onVerified` is told after a code was accepted. */
export interface VerifiedEvent {
  /** The number in E.164 form. */
  readonly phone: string;
  readonly usageType: UsageType;
  /** The client IP given to `verify`, if any. */
  readonly ip: string | undefined;
}

/** Options of `createVerificationService`. Only `sender` is required. */
export interface VerificationServiceOptions {
  /** Sends the codes: `createAliyunSmsSender(...)`, or `createMemorySender()` in tests. */
  sender: SmsSender;
  /**
   * Keeps codes and counters. Default: a new `MemoryStore` (this process only). Use a
   * `RedisStore` when several processes serve the same users.
   */
  store?: VerificationStore | undefined;
  /** Digits per code, 4 to 10. Default 6. */
  codeLength?: number | undefined;
  /** Seconds a code stays valid, 1 to 86400. Default 300. */
  ttlSeconds?: number | undefined;
  /** Verify attempts per code, the right one included; then the code is burned. 1 to 100. Default 5. */
  maxAttempts?: number | undefined;
  /**
   * Seconds before another code can be sent to the same number for the same usage type, 0 (no
   * interval) to 86400. Default 60.
   */
  resendIntervalSeconds?: number | undefined;
  /** Codes sent to one number (all usage types) per hour, or false for no limit. Default 5. */
  maxSendsPerNumberPerHour?: number | false | undefined;
  /** Codes sent to one number (all usage types) per day, or false for no limit. Default 10. */
  maxSendsPerNumberPerDay?: number | false | undefined;
  /**
   * Codes sent per client IP address (IPv6: per /64 network) per hour, or false for no limit.
   * Counted only when `send` is given an `ip`. Default 20.
   */
  maxSendsPerIpPerHour?: number | false | undefined;
  /**
   * ISO 3166-1 alpha-2 codes of the countries to send to (`['CN', 'HK']`); numbers elsewhere
   * are refused before anything is stored or sent. Default: every country. Setting it is the
   * best defence against SMS pumping, which sends to premium numbers in far-away countries.
   */
  allowedCountries?: readonly string[] | undefined;
  /**
   * Logto's `strictPhoneRegionNumberCheck`: a bare number without `+` is read as starting with
   * its country calling code, never as mainland China (see `parsePhoneNumber` in
   * `@smskit/core`). Default false.
   */
  strictPhoneRegionNumberCheck?: boolean | undefined;
  /**
   * Key of the HMAC-SHA256 that codes are stored under, at least 32 bytes (a string's UTF-8
   * bytes). Required with a shared store (`RedisStore`): every process must hash alike.
   * Default with a store of one process (`MemoryStore`): 32 random bytes, new in each process.
   * Generate one with `openssl rand -base64 32`.
   */
  hashSecret?: string | Uint8Array | undefined;
  /** Called after a code was sent and stored. Awaited; an error it throws rejects `send`. */
  onSent?: ((event: SentEvent) => void | Promise<void>) | undefined;
  /** Called after a code was accepted. Awaited; an error it throws rejects `verify`. */
  onVerified?: ((event: VerifiedEvent) => void | Promise<void>) | undefined;
}

const isFunction = (value: unknown) => typeof value === 'function';
const isSmsSender = (value: unknown): value is SmsSender =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SmsSender).name === 'string' &&
  isFunction((value as SmsSender).send);
const storeMethods = ['increment', 'decrement', 'setCode', 'countAttempt', 'deleteCode'] as const;
const isVerificationStore = (value: unknown): value is VerificationStore =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as VerificationStore).shared === 'boolean' &&
  storeMethods.every((method) => isFunction((value as VerificationStore)[method]));

const secretBytes = (secret: string | Uint8Array) =>
  typeof secret === 'string' ? Buffer.byteLength(secret, 'utf8') : secret.byteLength;
const minimumSecretBytes = 32;
const limit = z.union([z.int().min(1), z.literal(false)]);

const schema = z.strictObject({
  sender: z.custom<SmsSender>(isSmsSender),
  store: z.custom<VerificationStore>(isVerificationStore).optional(),
  codeLength: z.int().min(4).max(10).default(6),
  ttlSeconds: z.int().min(1).max(86_400).default(300),
  maxAttempts: z.int().min(1).max(100).default(5),
  resendIntervalSeconds: z.int().min(0).max(86_400).default(60),
  maxSendsPerNumberPerHour: limit.default(5),
  maxSendsPerNumberPerDay: limit.default(10),
  maxSendsPerIpPerHour: limit.default(20),
  allowedCountries: z
    .array(z.string().refine((country) => isSupportedCountry(country)))
    .min(1)
    .readonly()
    .optional(),
  strictPhoneRegionNumberCheck: z.boolean().default(false),
  hashSecret: z
    .union([z.string(), z.custom<Uint8Array>((value) => value instanceof Uint8Array)])
    .refine((secret) => secretBytes(secret) >= minimumSecretBytes)
    .optional(),
  onSent: z.custom<NonNullable<VerificationServiceOptions['onSent']>>(isFunction).optional(),
  onVerified: z
    .custom<NonNullable<VerificationServiceOptions['onVerified']>>(isFunction)
    .optional(),
});

// What each option must be, for error messages that never repeat the value given.
const expectations: Record<keyof VerificationServiceOptions, string> = {
  sender: 'must be an SmsSender (an object with a name and a send function)',
  store:
    'must be a VerificationStore (shared, increment, decrement, setCode, countAttempt, deleteCode)',
  codeLength: 'must be an integer from 4 to 10',
  ttlSeconds: 'must be an integer from 1 to 86400',
  maxAttempts: 'must be an integer from 1 to 100',
  resendIntervalSeconds: 'must be an integer from 0 to 86400',
  maxSendsPerNumberPerHour: 'must be a positive integer, or false for no limit',
  maxSendsPerNumberPerDay: 'must be a positive integer, or false for no limit',
  maxSendsPerIpPerHour: 'must be a positive integer, or false for no limit',
  allowedCountries:
    'must be a non-empty list of ISO 3166-1 alpha-2 country codes in capitals, such as CN or GB',
  strictPhoneRegionNumberCheck: 'must be a boolean',
  hashSecret: `must be a string or Uint8Array of at least ${minimumSecretBytes} bytes (openssl rand -base64 32)`,
  onSent: 'must be a function',
  onVerified: 'must be a function',
};

/** The options after defaults, as the service uses them. */
export type ResolvedVerificationServiceOptions = z.output<typeof schema>;

/**
 * Validates the options of `createVerificationService` and applies the defaults.
 *
 * @throws {SmsError} `INVALID_CONFIG` naming the first bad option in `field`.
 */
export function parseVerificationServiceOptions(
  options: VerificationServiceOptions,
): ResolvedVerificationServiceOptions {
  // `satisfies`: the documented interface and the schema must accept the same options.
  const input = options satisfies z.input<typeof schema>;
  return parseConfig(schema, input, 'createVerificationService', expectations);
}
