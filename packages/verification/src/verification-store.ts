/** A code as the service stores it: never the code itself, only its keyed hash. */
export interface StoredCode {
  /** A random id of this code, unique per send; {@link VerificationStore.deleteCode} checks it. */
  readonly id: string;
  /** The code's keyed hash (HMAC-SHA256, base64url). */
  readonly hash: string;
  /** When the code was sent, in milliseconds since the epoch. */
  readonly sentAt: number;
}

/** A stored code together with the verify attempts counted on it, this one included. */
export interface CodeAttempt extends StoredCode {
  /** Attempts counted on this code so far, including the one that returned this object. */
  readonly attempts: number;
}

/** A counter after {@link VerificationStore.increment}. */
export interface CounterState {
  /** Events counted in the current window, including this one. */
  readonly count: number;
  /** Milliseconds until the window ends and the counter starts again from zero. */
  readonly resetInMs: number;
}

/**
 * Where the verification service keeps codes and counters. `MemoryStore` (one process) and
 * `RedisStore` (several processes) implement it; implement it yourself for another database
 * and check your store with `runVerificationStoreConformance` from
 * `@smskit/verification/testing`.
 *
 * Every method must be atomic as described: the service's guarantees (a code verifies once,
 * a limit is never exceeded) rest on it when requests run concurrently, in one process or in
 * many. Keys are opaque strings chosen by the service; a store may prefix them. Expiry must
 * actually free the space (a TTL in the database, or a sweep).
 */
export interface VerificationStore {
  /**
   * True when several processes share this store's data (Redis, a database). The service then
   * requires an explicit `hashSecret`, because a random per-process secret would make a code
   * sent by one process fail in another.
   */
  readonly shared: boolean;

  /**
   * Counts one event under `key` in a fixed window of `windowMs` that starts with the event
   * that creates the counter; later events neither extend nor move the window. When the
   * window has ended, the counter starts again at 1.
   *
   * Atomic: N concurrent calls on one key return the counts 1 to N, each exactly once.
   */
  increment(key: string, windowMs: number): Promise<CounterState>;

  /**
   * Takes back one event that {@link increment} counted, for a request that was refused or
   * failed. Does nothing when the counter is gone (its window ended) or at zero: it never
   * creates a counter and never goes below zero. Keeps the window's end.
   *
   * Atomic with respect to {@link increment} on the same key.
   */
  decrement(key: string): Promise<void>;

  /**
   * Stores `code` under `key`, replacing whatever code was there (with its attempts: the new
   * code starts at 0), and removes it after `ttlMs`.
   *
   * Atomic: a concurrent {@link countAttempt} sees either the old code or the new one with 0
   * attempts, never a mix.
   */
  setCode(key: string, code: StoredCode, ttlMs: number): Promise<void>;

  /**
   * Counts one verify attempt on the code under `key` and returns the code with the attempts
   * counted so far (this one included), or `undefined` when there is no code (never set,
   * expired or deleted). Counting does not change the code's expiry.
   *
   * Atomic: N concurrent calls on one code return the attempt numbers n+1 to n+N, each exactly
   * once, so that no more than `maxAttempts` guesses are ever compared.
   */
  countAttempt(key: string): Promise<CodeAttempt | undefined>;

  /**
   * Deletes the code under `key` if its id is `id`, and says whether this call deleted it.
   *
   * Atomic (compare and delete): of concurrent calls with the same id, exactly one returns
   * true; a call for a replaced code (another id) deletes nothing and returns false.
   */
  deleteCode(key: string, id: string): Promise<boolean>;
}
