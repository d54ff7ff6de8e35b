import { randomUUID } from 'node:crypto';
import { parsePhoneNumber } from './phone-number.js';
import { readSmsMessage } from './read-sms-message.js';
import type { Route } from './route.js';
import type { SmsError } from './sms-error.js';
import type { SendOptions, SendResult, SmsSender } from './sms-sender.js';
import type { UsageType } from './usage-types.js';

/** A message that a {@link MemorySender} accepted. */
export interface SentMessage {
  /** The destination in E.164 form. */
  readonly to: string;
  readonly route: Route;
  readonly usageType: UsageType;
  readonly params: Readonly<Record<string, string>>;
  readonly locale: string | undefined;
  readonly ip: string | undefined;
  readonly messageId: string;
  readonly sentAt: Date;
}

/** Options of {@link createMemorySender}. */
export interface MemorySenderOptions {
  /** The sender's name in results and errors. Default `memory`. */
  name?: string;
  /** Reads bare numbers as Logto's strict check does; see `parsePhoneNumber`. Default false. */
  strictPhoneRegionNumberCheck?: boolean;
  /**
   * Makes a send fail, to test how an app handles provider failures: return the error to
   * throw, or undefined to accept the message. Called after the message passed validation.
   */
  failWith?: (message: SentMessage) => SmsError | undefined;
}

/** An {@link SmsSender} that keeps messages in memory instead of sending them. */
export interface MemorySender extends SmsSender {
  /** Every accepted message, oldest first. */
  readonly messages: readonly SentMessage[];
  /** The newest message to `phone` (any format `parsePhoneNumber` reads), if any. */
  lastMessageTo(phone: string): SentMessage | undefined;
  /** Forgets every message. */
  clear(): void;
}

/**
 * A sender for tests and local development: it validates messages as a real provider would
 * and records them instead of sending.
 *
 * @example
 * const sender = createMemorySender();
 * await sender.send({ to: '+8613800138000', usageType: 'SignIn', params: { code: '123456' } });
 * sender.lastMessageTo('13800138000')?.params.code; // '123456'
 */
export function createMemorySender(options: MemorySenderOptions = {}): MemorySender {
  const name = options.name ?? 'memory';
  const strictRegion = options.strictPhoneRegionNumberCheck ?? false;
  const messages: SentMessage[] = [];

  return {
    name,
    get messages() {
      return messages;
    },
    async send(message, sendOptions: SendOptions = {}): Promise<SendResult> {
      sendOptions.signal?.throwIfAborted();
      const read = readSmsMessage(message, { strictRegion });
      const sent: SentMessage = {
        to: read.phone.e164,
        route: read.phone.route,
        usageType: read.usageType,
        params: { ...read.params },
        locale: read.locale,
        ip: read.ip,
        messageId: randomUUID(),
        sentAt: new Date(),
      };
      const failure = options.failWith?.(sent);
      if (failure !== undefined) throw failure;
      messages.push(sent);
      return {
        provider: name,
        messageId: sent.messageId,
        requestId: undefined,
        route: sent.route,
        to: sent.to,
      };
    },
    lastMessageTo(phone) {
      const { e164 } = parsePhoneNumber(phone, { strictRegion, field: 'phone' });
      return messages.findLast((sent) => sent.to === e164);
    },
    clear() {
      messages.length = 0;
    },
  };
}
