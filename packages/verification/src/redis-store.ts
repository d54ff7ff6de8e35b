import { z } from 'zod';
import { parseConfig } from './parse-config.js';
import {
  createRedisScriptRunner,
  isRedisClientLike,
  type RedisClientLike,
  type RedisScriptRunner,
} from './redis-script-runner.js';
import {
  countAttemptScript,
  decrementScript,
  deleteCodeScript,
  incrementScript,
  setCodeScript,
} from './redis-scripts.js';
import type {
  CodeAttempt,
  CounterState,
  StoredCode,
  VerificationStore,
} from './verification-store.js';

/** Options of {@link RedisStore}. */
export interface RedisStoreOptions {
  /**
   * A connected ioredis client (`new Redis(url)`) or node-redis v4+ client
   * (`await createClient({ url }).connect()`). The store only sends commands on it; opening
   * and closing it is yours.
   */
  client: RedisClientLike;
  /** Put before every key, to share a database with other data. Default `smskit:verification:`. */
  prefix?: string | undefined;
}

const optionsSchema = z.strictObject({
  client: z.custom<RedisClientLike>(isRedisClientLike),
  prefix: z.string().default('smskit:verification:'),
});

const counterReply = z.tuple([z.coerce.number(), z.coerce.number()]);
const attemptReply = z
  .tuple([z.string(), z.string(), z.coerce.number(), z.coerce.number()])
  .nullable();

/**
 * A store in Redis, for several processes serving the same users. Each operation is one Lua
 * script, so it is atomic across all of them; keys expire in Redis (`PEXPIRE`), so nothing
 * needs cleaning up. Works with ioredis and node-redis (v4 or later), told apart by shape;
 * neither is a dependency of this package. Tested on a single Redis server (not Cluster).
 *
 * A shared store: the service then requires a `hashSecret`, the same in every process.
 */
export class RedisStore implements VerificationStore {
  readonly shared = true;
  /** The prefix of every key this store writes. */
  readonly prefix: string;
  // Private, so that util.inspect of the store never shows the client (and its password).
  readonly #run: RedisScriptRunner;

  /** @throws {SmsError} `INVALID_CONFIG` naming `client` or `prefix`. */
  constructor(options: RedisStoreOptions) {
    const config = parseConfig(optionsSchema, options, 'RedisStore', {
      client: 'must be an ioredis client (new Redis()) or a node-redis v4+ client (createClient())',
      prefix: 'must be a string',
    });
    this.prefix = config.prefix;
    this.#run = createRedisScriptRunner(config.client);
  }

  async increment(key: string, windowMs: number): Promise<CounterState> {
    const reply = await this.#run(incrementScript, [this.prefix + key], [String(windowMs)]);
    const [count, resetInMs] = counterReply.parse(reply);
    return { count, resetInMs };
  }

  async decrement(key: string): Promise<void> {
    await this.#run(decrementScript, [this.prefix + key], []);
  }

  async setCode(key: string, code: StoredCode, ttlMs: number): Promise<void> {
    await this.#run(
      setCodeScript,
      [this.prefix + key],
      [code.id, code.hash, String(code.sentAt), String(ttlMs)],
    );
  }

  async countAttempt(key: string): Promise<CodeAttempt | undefined> {
    const reply = attemptReply.parse(await this.#run(countAttemptScript, [this.prefix + key], []));
    if (reply === null) return undefined;
    const [id, hash, sentAt, attempts] = reply;
    return { id, hash, sentAt, attempts };
  }

  async deleteCode(key: string, id: string): Promise<boolean> {
    return Number(await this.#run(deleteCodeScript, [this.prefix + key], [id])) === 1;
  }
}
