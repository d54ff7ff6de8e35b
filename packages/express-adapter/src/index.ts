export {
  isVerificationError,
  MemoryStore,
  RedisStore,
  type RedisStoreOptions,
  VerificationError,
  type VerificationStore,
} from '@smskit/verification';
export { createErrorHandler, type ErrorHandlerOptions } from './create-error-handler.js';
export {
  createSmsVerification,
  type SmsVerification,
  type SmsVerificationOptions,
} from './create-sms-verification.js';
export { type ErrorBody, type ErrorResponse, errorResponse } from './error-response.js';
