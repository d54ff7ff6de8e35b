import { describe, expect, it } from 'vitest';
import { sendConcurrently } from './send-concurrently.js';

/** A send that takes a tick and records how many calls were in flight. */
function recordingSend(failOn?: number) {
  let calls = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  const send = async () => {
    calls += 1;
    const call = calls;
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await new Promise((resolve) => setImmediate(resolve));
    inFlight -= 1;
    if (call === failOn) throw new Error(`call ${call} failed`);
  };
  return { send, stats: () => ({ calls, mostInFlight, inFlight }) };
}

describe('sendConcurrently', () => {
  it('sends exactly the count, with the concurrency in flight', async () => {
    const { send, stats } = recordingSend();
    await sendConcurrently(send, 100, 8);
    expect(stats()).toEqual({ calls: 100, mostInFlight: 8, inFlight: 0 });
  });

  it('sends one at a time with a concurrency of 1', async () => {
    const { send, stats } = recordingSend();
    await sendConcurrently(send, 10, 1);
    expect(stats()).toMatchObject({ calls: 10, mostInFlight: 1 });
  });

  it('never has more in flight than there are requests', async () => {
    const { send, stats } = recordingSend();
    await sendConcurrently(send, 3, 32);
    expect(stats()).toMatchObject({ calls: 3, mostInFlight: 3 });
  });

  it('rejects with the first failure, starts nothing more, and lets the calls under way settle', async () => {
    const { send, stats } = recordingSend(5);
    await expect(sendConcurrently(send, 100, 4)).rejects.toThrow('call 5 failed');
    expect(stats().calls).toBeLessThan(12);
    expect(stats().inFlight).toBe(0);
  });
});
