import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { isSmsError, type SmsErrorCode } from '../sms-error.js';
import type { SmsMessage, SmsSender } from '../sms-sender.js';

/** A message as the provider side received it. */
export interface ReceivedMessage {
  /** The destination in E.164 form. */
  readonly to: string;
  readonly params: Readonly<Record<string, string>>;
}

/** What {@link runSmsSenderConformance} tests: a sender and a view of what its provider got. */
export interface ConformanceSubject {
  /** The sender under test, set up to succeed. */
  readonly sender: SmsSender;
  /** The messages the provider has received so far, oldest first. */
  received(): Promise<readonly ReceivedMessage[]>;
  /**
   * The same sender with credentials the provider refuses, expected to fail with
   * `AUTH_FAILED`. Leave it out for senders that take no credentials.
   */
  readonly rejectedSender?: SmsSender;
  /** Strings that no error may contain: secrets and credentials. */
  readonly secrets?: readonly string[];
  /** Releases what the subject started (servers, sockets). */
  close?(): Promise<void>;
}

/** Numbers the suite sends to; the provider must accept both. */
export interface ConformanceNumbers {
  /** A mainland China mobile number in E.164 form. Default `+8613800138000`. */
  readonly china: string;
  /** A number outside mainland China in E.164 form. Default `+85261234567` (Hong Kong). */
  readonly overseas: string;
}

const defaultNumbers: ConformanceNumbers = { china: '+8613800138000', overseas: '+85261234567' };

/**
 * The behaviour every {@link SmsSender} shares, as a vitest suite. Call it at the top level of
 * a test file with a function that makes a fresh subject for each test.
 *
 * @example
 * runSmsSenderConformance('memory sender', () => {
 *   const sender = createMemorySender();
 *   return { sender, received: async () => sender.messages };
 * });
 */
export function runSmsSenderConformance(
  name: string,
  createSubject: () => ConformanceSubject | Promise<ConformanceSubject>,
  numbers: ConformanceNumbers = defaultNumbers,
): void {
  describe(`SmsSender conformance: ${name}`, () => {
    let subject: ConformanceSubject | undefined;
    const open = async () => {
      subject = await createSubject();
      return subject;
    };
    afterEach(async () => {
      await subject?.close?.();
      subject = undefined;
    });

    const message = (to: string, extra: Partial<SmsMessage> = {}): SmsMessage => ({
      to,
      usageType: 'SignIn',
      params: { code: '123456' },
      ...extra,
    });

    it('sends to a mainland China number and returns the provider result', async () => {
      const { sender, received } = await open();
      const result = await sender.send(message(numbers.china));
      expect(result.provider).toBe(sender.name);
      expect(result.messageId).toEqual(expect.any(String));
      expect(result.messageId).not.toBe('');
      expect(result.route).toBe('china');
      expect(result.to).toBe(numbers.china);
      expect(await received()).toEqual([
        expect.objectContaining({ to: numbers.china, params: { code: '123456' } }),
      ]);
    });

    it('sends to a number outside mainland China on the overseas route', async () => {
      const { sender, received } = await open();
      const result = await sender.send(message(numbers.overseas, { usageType: 'Register' }));
      expect(result.route).toBe('overseas');
      expect(result.to).toBe(numbers.overseas);
      expect(await received()).toEqual([expect.objectContaining({ to: numbers.overseas })]);
    });

    it('reads numbers written as users write them', async () => {
      const { sender, received } = await open();
      const national = numbers.china.slice(3);
      for (const written of [
        national,
        `0086${national}`,
        `+86 ${national.slice(0, 3)} ${national.slice(3)}`,
      ]) {
        const result = await sender.send(message(written));
        expect(result.to).toBe(numbers.china);
      }
      expect((await received()).map((sent) => sent.to)).toEqual([
        numbers.china,
        numbers.china,
        numbers.china,
      ]);
    });

    const refusals: [string, SmsMessage, SmsErrorCode, string][] = [
      ['an unreadable number', message('not a number'), 'INVALID_PHONE_NUMBER', 'to'],
      ['a number too short', message('+86138'), 'INVALID_PHONE_NUMBER', 'to'],
      ['an empty number', message(''), 'INVALID_PHONE_NUMBER', 'to'],
      [
        'an unknown usage type',
        message(numbers.china, { usageType: 'Lottery' as SmsMessage['usageType'] }),
        'INVALID_PARAMS',
        'usageType',
      ],
      [
        'a parameter that is not a string',
        message(numbers.china, { params: { code: 123456 as unknown as string } }),
        'INVALID_PARAMS',
        'params.code',
      ],
    ];
    it.each(refusals)('refuses %s before sending anything', async (_, bad, code, field) => {
      const { sender, received } = await open();
      const error = await sender.send(bad).catch((caught: unknown) => caught);
      expect(isSmsError(error)).toBe(true);
      expect(error).toMatchObject({ code, field, retryable: false });
      expect(await received()).toEqual([]);
    });

    it('rejects with the abort reason and sends nothing when the signal is already aborted', async () => {
      const { sender, received } = await open();
      const reason = new Error('user went away');
      await expect(
        sender.send(message(numbers.china), { signal: AbortSignal.abort(reason) }),
      ).rejects.toBe(reason);
      expect(await received()).toEqual([]);
    });

    it('fails with AUTH_FAILED, and no secret anywhere in the error, when credentials are refused', async (context) => {
      const opened = await open();
      // Senders without credentials have nothing to refuse; say so in the report.
      if (opened.rejectedSender === undefined)
        return context.skip('this sender takes no credentials');
      const error = await opened.rejectedSender
        .send(message(numbers.china))
        .catch((caught: unknown) => caught);
      expect(isSmsError(error)).toBe(true);
      expect(error).toMatchObject({
        code: 'AUTH_FAILED',
        retryable: false,
        provider: opened.sender.name,
      });
      const views = [
        String(error),
        JSON.stringify(error),
        inspect(error, { depth: 10, showHidden: true }),
      ];
      for (const secret of opened.secrets ?? []) {
        for (const view of views) expect(view).not.toContain(secret);
      }
      expect(await opened.received()).toEqual([]);
    });
  });
}
