import type {
  CodeAttempt,
  CounterState,
  StoredCode,
  VerificationStore,
} from './verification-store.js';

interface CounterEntry {
  count: number;
  readonly expiresAt: number;
}

interface CodeEntry {
  readonly code: StoredCode;
  attempts: number;
  readonly expiresAt: number;
}

// Expired entries are dropped lazily on access and by a sweep of the whole store at most this
// often, run by whichever call comes next: no timer keeps the process alive, and the store
// holds no more than what was written in the last window plus what is still live.
const sweepIntervalMs = 60_000;

/**
 * The default store: codes and counters in this process's memory. Right for one process (and
 * for tests); several processes behind a load balancer need a shared store such as
 * `RedisStore`, or each would keep its own limits and codes.
 *
 * Every method runs synchronously to completion inside its promise, so each is atomic in the
 * process. Expired entries are removed, so the store does not grow without bound.
 */
export class MemoryStore implements VerificationStore {
  readonly shared = false;
  readonly #counters = new Map<string, CounterEntry>();
  readonly #codes = new Map<string, CodeEntry>();
  #nextSweepAt = 0;

  /** Entries held, expired ones not yet swept included. For monitoring and tests. */
  get size(): number {
    return this.#counters.size + this.#codes.size;
  }

  async increment(key: string, windowMs: number): Promise<CounterState> {
    const now = this.#sweep();
    let counter = this.#live(this.#counters, key, now);
    if (counter === undefined) {
      counter = { count: 0, expiresAt: now + windowMs };
      this.#counters.set(key, counter);
    }
    counter.count += 1;
    return { count: counter.count, resetInMs: counter.expiresAt - now };
  }

  async decrement(key: string): Promise<void> {
    const counter = this.#live(this.#counters, key, this.#sweep());
    if (counter !== undefined && counter.count > 0) counter.count -= 1;
  }

  async setCode(key: string, code: StoredCode, ttlMs: number): Promise<void> {
    const now = this.#sweep();
    const { id, hash, sentAt } = code;
    this.#codes.set(key, { code: { id, hash, sentAt }, attempts: 0, expiresAt: now + ttlMs });
  }

  async countAttempt(key: string): Promise<CodeAttempt | undefined> {
    const entry = this.#live(this.#codes, key, this.#sweep());
    if (entry === undefined) return undefined;
    entry.attempts += 1;
    return { ...entry.code, attempts: entry.attempts };
  }

  async deleteCode(key: string, id: string): Promise<boolean> {
    const entry = this.#live(this.#codes, key, this.#sweep());
    if (entry === undefined || entry.code.id !== id) return false;
    this.#codes.delete(key);
    return true;
  }

  #live<Entry extends { readonly expiresAt: number }>(
    entries: Map<string, Entry>,
    key: string,
    now: number,
  ): Entry | undefined {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > now) return entry;
    entries.delete(key);
    return undefined;
  }

  /** Drops every expired entry when the last sweep is old enough; returns the current time. */
  #sweep(): number {
    const now = Date.now();
    if (now < this.#nextSweepAt) return now;
    this.#nextSweepAt = now + sweepIntervalMs;
    for (const entries of [this.#counters, this.#codes] as Map<string, { expiresAt: number }>[]) {
      for (const [key, entry] of entries) {
        if (entry.expiresAt <= now) entries.delete(key);
      }
    }
    return now;
  }
}
