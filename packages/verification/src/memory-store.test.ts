import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from './memory-store.js';
import { runVerificationStoreConformance } from './testing/run-verification-store-conformance.js';

runVerificationStoreConformance('MemoryStore', () => ({ store: new MemoryStore() }));

describe('MemoryStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('drops expired entries, so that it does not grow without bound', async () => {
    const store = new MemoryStore();
    for (let index = 0; index < 1_000; index += 1) {
      await store.increment(`counter ${index}`, 60_000);
      await store.setCode(`code ${index}`, { id: 'a', hash: 'h', sentAt: 0 }, 300_000);
    }
    expect(store.size).toBe(2_000);
    vi.advanceTimersByTime(61_000);
    // The first call after the sweep interval drops what expired: here the counters.
    await store.increment('counter after', 60_000);
    expect(store.size).toBe(1_001);
    vi.advanceTimersByTime(300_000);
    await store.countAttempt('code 0');
    expect(store.size).toBe(0);
  });

  it('keeps no timer that would hold the process open', async () => {
    const store = new MemoryStore();
    await store.increment('counter', 3_600_000);
    await store.setCode('code', { id: 'a', hash: 'h', sentAt: 0 }, 300_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps the data of each instance apart', async () => {
    const one = new MemoryStore();
    const other = new MemoryStore();
    await one.increment('counter', 60_000);
    expect(await other.increment('counter', 60_000)).toMatchObject({ count: 1 });
  });
});
