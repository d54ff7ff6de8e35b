export {
  type CodeSent,
  type CodeVerified,
  createVerificationService,
  type SendCodeOptions,
  type VerificationService,
  type VerifyCodeOptions,
} from './create-verification-service.js';
export { MemoryStore } from './memory-store.js';
export type {
  IoRedisClientLike,
  NodeRedisClientLike,
  RedisClientLike,
} from './redis-script-runner.js';
export { RedisStore, type RedisStoreOptions } from './redis-store.js';
export {
  isVerificationError,
  type SendLimit,
  VerificationError,
  type VerificationErrorCode,
  type VerificationErrorOptions,
  verificationErrorCodes,
} from './verification-error.js';
export type {
  SentEvent,
  VerificationServiceOptions,
  VerifiedEvent,
} from './verification-service-options.js';
export type {
  CodeAttempt,
  CounterState,
  StoredCode,
  VerificationStore,
} from './verification-store.js';
