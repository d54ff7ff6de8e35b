export {
  createMemorySender,
  type MemorySender,
  type MemorySenderOptions,
  type SentMessage,
} from './memory-sender.js';
export {
  type ParsePhoneNumberOptions,
  type PhoneNumber,
  parsePhoneNumber,
} from './phone-number.js';
export { type ReadSmsMessage, readSmsMessage } from './read-sms-message.js';
export { type Route, routes } from './route.js';
export {
  isSmsError,
  SmsError,
  type SmsErrorCode,
  type SmsErrorOptions,
  smsErrorCodes,
} from './sms-error.js';
export type { SendOptions, SendResult, SmsMessage, SmsSender } from './sms-sender.js';
export {
  resolveTemplate,
  type Template,
  type TemplateCode,
  type TemplateInput,
  templateCodeSchema,
  templateKinds,
  templateSchema,
  templatesSchema,
} from './templates.js';
export {
  isUsageType,
  requiredUsageTypes,
  type UsageType,
  usageTypeSchema,
  usageTypes,
} from './usage-types.js';
