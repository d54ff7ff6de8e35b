import type { Route } from './route.js';
import type { UsageType } from './usage-types.js';

/** A message to send. */
export interface SmsMessage {
  /** The destination, in any form {@link parsePhoneNumber} reads. */
  readonly to: string;
  /** Why the message is sent; it picks the template. */
  readonly usageType: UsageType;
  /** The template's variables, such as `{ code: '123456' }`. Values are strings. */
  readonly params: Readonly<Record<string, string>>;
  /** The recipient's language (BCP 47), for senders that localise. */
  readonly locale?: string | undefined;
  /** The IP address of the end user who asked for the message, for senders that use it. */
  readonly ip?: string | undefined;
}

/** Per-call options of {@link SmsSender.send}. */
export interface SendOptions {
  /** Aborts the send. The promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/** What a provider answered when it accepted a message. */
export interface SendResult {
  /** The sender's name, such as `aliyun`. */
  readonly provider: string;
  /** The provider's id for this message (Aliyun's `BizId`), for delivery reports. */
  readonly messageId: string;
  /** The provider's id for the request, for support tickets. */
  readonly requestId: string | undefined;
  /** The route the message took. */
  readonly route: Route;
  /** The destination in E.164 form. */
  readonly to: string;
}

/**
 * Sends one SMS. Implemented by providers (`@smskit/aliyun`), used by adapters
 * (`@smskit/verification`, the Logto connector).
 *
 * `send` rejects with an {@link SmsError} for every failure it can name; an aborted send rejects
 * with the signal's reason.
 */
export interface SmsSender {
  /** A short name of the provider, such as `aliyun` or `memory`. */
  readonly name: string;
  /** Sends `message`, resolving once the provider accepted it. */
  send(message: SmsMessage, options?: SendOptions): Promise<SendResult>;
}
