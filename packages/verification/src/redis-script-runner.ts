import type { RedisScript } from './redis-scripts.js';

/** The part of an ioredis client (`new Redis()`) that {@link RedisStore} uses. */
export interface IoRedisClientLike {
  call(command: string, ...args: string[]): Promise<unknown>;
}

/** The part of a node-redis v4+ client (`createClient()`, connected) that {@link RedisStore} uses. */
export interface NodeRedisClientLike {
  sendCommand(args: string[]): Promise<unknown>;
}

/** An ioredis or node-redis (v4 or later) client. Neither package is a dependency. */
export type RedisClientLike = IoRedisClientLike | NodeRedisClientLike;

/** Runs a Lua script with its keys and arguments, and resolves with its raw reply. */
export type RedisScriptRunner = (
  script: RedisScript,
  keys: readonly string[],
  args: readonly string[],
) => Promise<unknown>;

/** True for a value with the shape of an ioredis or node-redis v4+ client. */
export const isRedisClientLike = (value: unknown): value is RedisClientLike =>
  typeof value === 'object' &&
  value !== null &&
  (typeof (value as Partial<IoRedisClientLike>).call === 'function' ||
    typeof (value as Partial<NodeRedisClientLike>).sendCommand === 'function');

/**
 * Runs scripts on either client, told apart by shape: ioredis has `call(command, ...args)`,
 * node-redis v4+ has `sendCommand(args)` (ioredis also has a `sendCommand`, taking a Command
 * object, so `call` is checked first). Scripts go by `EVALSHA`, and by `EVAL` once when the
 * server does not know them yet (after a restart or `SCRIPT FLUSH`).
 */
export function createRedisScriptRunner(client: RedisClientLike): RedisScriptRunner {
  const send: (args: string[]) => Promise<unknown> =
    'call' in client && typeof client.call === 'function'
      ? (args) => client.call(args[0] as string, ...args.slice(1))
      : (args) => (client as NodeRedisClientLike).sendCommand(args);
  return async (script, keys, args) => {
    const rest = [String(keys.length), ...keys, ...args];
    try {
      return await send(['EVALSHA', script.sha1, ...rest]);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return send(['EVAL', script.source, ...rest]);
    }
  };
}
