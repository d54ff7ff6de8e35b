import { type ReadSmsMessage, readSmsMessage, type SmsMessage } from '@smskit/core';
import type { ResolvedAliyunSmsSenderOptions } from '../options/parse-aliyun-sms-sender-options.js';
import { buildTemplateParam } from './build-template-param.js';
import { type Destination, resolveDestination } from './resolve-destination.js';

/** A message checked and routed: the SendSms call to make for it. */
export interface PreparedSendSms {
  readonly message: ReadSmsMessage;
  readonly destination: Destination;
  /** SendSms's parameters. */
  readonly params: Readonly<Record<string, string | undefined>>;
}

/**
 * Everything before the request: the checks of `readSmsMessage`, the route, template, sign
 * name and number format, and `TemplateParam`. Shared by the sender and the CLI's `--dry-run`.
 *
 * @throws {SmsError} `INVALID_PHONE_NUMBER`, `INVALID_PARAMS` or `TEMPLATE_NOT_FOUND`.
 */
export function prepareSendSms(
  options: ResolvedAliyunSmsSenderOptions,
  input: SmsMessage,
): PreparedSendSms {
  const message = readSmsMessage(input, { strictRegion: options.strictRegion });
  const destination = resolveDestination(options, message.phone, message.usageType);
  return {
    message,
    destination,
    params: {
      PhoneNumbers: destination.phoneNumbers,
      SignName: destination.signName,
      TemplateCode: destination.template.templateCode,
      TemplateParam: buildTemplateParam(message.params, destination.template),
    },
  };
}
