export {
  type AliyunSignatureVectors,
  aliyunSignatureVectors,
  type V1Vector,
  type V3EndToEndVector,
  type V3Vector,
} from './aliyun-signature-vectors.js';
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
