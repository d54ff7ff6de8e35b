import { phoneCandidates } from '../dysmsapi/read-phone-number.js';

/** One SMS the emulator accepted, for one number. */
export interface InboxMessage {
  /** Unique per message (one SendSms to three numbers makes three messages). */
  readonly id: string;
  /** The number in E.164 form, such as `+8613800138000`. */
  readonly phone: string;
  /** The number as the client wrote it (`PhoneNumbers`, or this number's `PhoneNumberJson` entry). */
  readonly phoneNumbers: string;
  readonly signName: string;
  readonly templateCode: string;
  /** The template parameters, such as `{ code: '123456' }`. */
  readonly params: Readonly<Record<string, string>>;
  /** The rendered message with its sign, as the phone shows it: `【smskit】您的验证码是123456…`. */
  readonly text: string;
  readonly route: 'china' | 'overseas';
  /** The send receipt id Dysmsapi answered (shared by the numbers of one request). */
  readonly bizId: string;
  readonly requestId: string;
  readonly outId?: string;
  /** When the emulator accepted it, ISO 8601. */
  readonly receivedAt: string;
}

/** What changed in an inbox, for live views. */
export type InboxEvent =
  | { readonly type: 'message'; readonly message: InboxMessage }
  | { readonly type: 'clear' };

/** The messages an emulator received. */
export interface Inbox {
  /** Messages newest first, optionally only those to a number written in any accepted format. */
  list(filter?: { phone?: string }): InboxMessage[];
  /** The newest message to a number, if any. */
  last(phone: string): InboxMessage | undefined;
  /** Forgets every message. */
  clear(): void;
  /**
   * Resolves with the next message to arrive (after this call), optionally only one to a
   * number. Rejects after `timeoutMs` (default 10 000) or when `signal` aborts.
   */
  waitForMessage(options?: {
    phone?: string;
    timeoutMs?: number;
    signal?: AbortSignal;
  }): Promise<InboxMessage>;
}

/** The inbox as the emulator itself uses it. */
export interface EmulatorInbox extends Inbox {
  add(messages: readonly InboxMessage[]): void;
  /** Calls `listener` on every change until the returned function is called. */
  subscribe(listener: (event: InboxEvent) => void): () => void;
}

const matcher = (phone: string | undefined): ((message: InboxMessage) => boolean) => {
  if (phone === undefined) return () => true;
  const candidates = phoneCandidates(phone);
  return (message) => candidates.has(message.phone) || message.phoneNumbers === phone;
};

/** An inbox that keeps the newest `limit` messages. */
export function createInbox(limit: number): EmulatorInbox {
  // Newest last, so that adding is cheap; lists reverse it.
  let messages: InboxMessage[] = [];
  const listeners = new Set<(event: InboxEvent) => void>();
  const emit = (event: InboxEvent) => {
    for (const listener of [...listeners]) listener(event);
  };

  const inbox: EmulatorInbox = {
    list(filter = {}) {
      const matches = matcher(filter.phone);
      return messages.filter(matches).reverse();
    },
    last(phone) {
      const matches = matcher(phone);
      return messages.findLast(matches);
    },
    clear() {
      messages = [];
      emit({ type: 'clear' });
    },
    waitForMessage({ phone, timeoutMs = 10_000, signal } = {}) {
      const matches = matcher(phone);
      return new Promise<InboxMessage>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const cleanup = () => {
          unsubscribe();
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        };
        const onAbort = () => {
          cleanup();
          reject(signal?.reason);
        };
        const unsubscribe = inbox.subscribe((event) => {
          if (event.type === 'message' && matches(event.message)) {
            cleanup();
            resolve(event.message);
          }
        });
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `No message${phone === undefined ? '' : ` to ${phone}`} arrived within ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    add(added) {
      const frozen = added.map((message) =>
        Object.freeze({ ...message, params: Object.freeze({ ...message.params }) }),
      );
      messages.push(...frozen);
      if (messages.length > limit) messages = messages.slice(-limit);
      for (const message of frozen) emit({ type: 'message', message });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return inbox;
}
