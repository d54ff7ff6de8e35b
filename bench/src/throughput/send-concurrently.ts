/**
 * Calls `send` `count` times with at most `concurrency` calls in flight (1: one after another),
 * starting a new call as soon as one settles. Rejects with the first failure, after the calls
 * under way have settled.
 */
export async function sendConcurrently(
  send: () => Promise<void>,
  count: number,
  concurrency: number,
): Promise<void> {
  let started = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (started < count && failure === undefined) {
      started += 1;
      try {
        await send();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  if (failure !== undefined) throw failure.error;
}
