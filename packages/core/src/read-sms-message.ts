import { type PhoneNumber, parsePhoneNumber } from './phone-number.js';
import { SmsError } from './sms-error.js';
import type { SmsMessage } from './sms-sender.js';
import { isUsageType } from './usage-types.js';

/** An {@link SmsMessage} whose fields were checked, with its destination parsed. */
export interface ReadSmsMessage extends SmsMessage {
  readonly phone: PhoneNumber;
}

/**
 * The checks every sender makes before it sends: a readable number, a known usage type and
 * string template parameters. Senders call it first so that bad input costs no request.
 *
 * @throws {SmsError} `INVALID_PHONE_NUMBER` or `INVALID_PARAMS`, naming the field.
 */
export function readSmsMessage(
  message: SmsMessage,
  options: { strictRegion?: boolean | undefined } = {},
): ReadSmsMessage {
  if (typeof message !== 'object' || message === null) {
    throw new SmsError('INVALID_PARAMS', 'message must be an object', { field: 'message' });
  }
  const phone = parsePhoneNumber(message.to, { strictRegion: options.strictRegion, field: 'to' });
  if (!isUsageType(message.usageType)) {
    throw new SmsError('INVALID_PARAMS', `usageType ${describe(message.usageType)} is not known`, {
      field: 'usageType',
    });
  }
  const params: unknown = message.params;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new SmsError('INVALID_PARAMS', 'params must be an object of strings', {
      field: 'params',
    });
  }
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string') {
      throw new SmsError('INVALID_PARAMS', `params.${name} must be a string, got ${typeof value}`, {
        field: `params.${name}`,
      });
    }
  }
  return { ...message, phone };
}

const describe = (value: unknown) =>
  typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : `of type ${typeof value}`;
