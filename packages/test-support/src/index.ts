export {
  type RedisServer,
  type StartRedisServerOptions,
  startRedisServer,
} from './start-redis-server.js';
