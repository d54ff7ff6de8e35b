import { toSeconds } from './to-seconds.js';
import { type SendLimit, VerificationError } from './verification-error.js';
import type { CounterState, VerificationStore } from './verification-store.js';

/** One send limit as it applies to one request: its counter and its maximum. */
export interface SendLimitCounter {
  readonly name: SendLimit;
  readonly key: string;
  readonly max: number;
  readonly windowMs: number;
}

/**
 * Counts one send against every limit. When one is reached, every count of this request is
 * taken back, with the counters in `alsoTakeBack` (the resend slot), so that a refused request
 * uses up nothing: the limits count codes sent, not requests. When the store fails, what was
 * counted is taken back as far as the store allows, and its error thrown.
 *
 * @throws {VerificationError} `LIMIT_REACHED` with the longest wait of the limits reached.
 */
export async function countSend(
  store: VerificationStore,
  limits: readonly SendLimitCounter[],
  alsoTakeBack: readonly string[],
): Promise<void> {
  const counted = await Promise.allSettled(
    limits.map((limit) => store.increment(limit.key, limit.windowMs)),
  );
  const takeBack = () =>
    Promise.all(
      [
        ...limits
          .filter((_, index) => counted[index]?.status === 'fulfilled')
          .map((limit) => limit.key),
        ...alsoTakeBack,
      ].map((key) => store.decrement(key)),
    );
  const failure = counted.find((result) => result.status === 'rejected');
  if (failure !== undefined) {
    await takeBack().catch(() => undefined);
    throw failure.reason;
  }

  let reached: { name: SendLimit; resetInMs: number } | undefined;
  limits.forEach((limit, index) => {
    const { count, resetInMs } = (counted[index] as PromiseFulfilledResult<CounterState>).value;
    // The client has to wait for the latest of the limits it ran into.
    if (count > limit.max && (reached === undefined || resetInMs > reached.resetInMs)) {
      reached = { name: limit.name, resetInMs };
    }
  });
  if (reached === undefined) return;
  await takeBack();
  const retryAfterSeconds = toSeconds(reached.resetInMs);
  throw new VerificationError(
    'LIMIT_REACHED',
    reached.name === 'maxSendsPerIpPerHour'
      ? `Too many codes were requested from this network; try again in ${retryAfterSeconds} s`
      : `Too many codes were sent to this number; try again in ${retryAfterSeconds} s`,
    { retryAfterSeconds, limit: reached.name },
  );
}
