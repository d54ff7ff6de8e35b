export {
  driveVerificationLoad,
  type LoadRequest,
  type VerificationLoadOptions,
  type VerificationLoadResult,
} from './drive-verification-load.js';
export {
  type RedisServer,
  type StartRedisServerOptions,
  startRedisServer,
} from './start-redis-server.js';
