/** Options of {@link driveVerificationLoad}. */
export interface VerificationLoadOptions {
  /**
   * Where `@smskit/express` routers are mounted (`http://127.0.0.1:PORT/sms`). Requests go to
   * them in turn, so that with several servers sharing one store a code sent through one is
   * verified through another.
   */
  readonly baseUrls: readonly string[];
  /** The newest code delivered to `phone` (E.164), read on the provider's side. */
  readCode(phone: string): string | undefined | Promise<string | undefined>;
  /** The simulated numbers (E.164). Each belongs to one virtual user: its flows never overlap. */
  readonly numbers: readonly string[];
  /** Usage types, taken in turn by the flows of each number. Default `['SignIn']`. */
  readonly usageTypes?: readonly string[];
  /**
   * Client addresses sent as `X-Forwarded-For`, taken in turn by the flows (the app must trust
   * the loopback proxy: `app.set('trust proxy', 'loopback')`). Default: none, every request
   * comes from 127.0.0.1.
   */
  readonly clientIps?: readonly string[];
  /** Virtual users at work at once. Default 16. */
  readonly concurrency?: number;
  /** No flow starts after this many milliseconds; flows under way finish. Default 3000. */
  readonly durationMs?: number;
  /** Every this many accepted sends, a flow first tries a wrong code. Default 3. */
  readonly wrongCodeEvery?: number;
}

/** What a request of the load was and how it was answered. */
export interface LoadRequest {
  /**
   * `send`; `verify-wrong` (a wrong code); `verify` (the right code, sent twice at once);
   * `verify-replay` (the right code again, after both).
   */
  readonly kind: 'send' | 'verify-wrong' | 'verify' | 'verify-replay';
  readonly phone: string;
  readonly usageType: string;
  /** The X-Forwarded-For address, if any. */
  readonly ip: string | undefined;
  /** The HTTP status; 0 when the request failed without an answer. */
  readonly status: number;
  /** `error.code` of an error answer, or `NETWORK` when there was no answer. */
  readonly errorCode: string | undefined;
  /** For verifies: the code sent. For accepted sends: the code delivered. */
  readonly code: string | undefined;
  /** Which flow of the run the request belongs to. */
  readonly flow: number;
  readonly latencyMs: number;
}

/** What {@link driveVerificationLoad} measured. */
export interface VerificationLoadResult {
  /** Every request, in the order the answers came. */
  readonly requests: readonly LoadRequest[];
  readonly elapsedMs: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
}

const percentile = (sorted: readonly number[], fraction: number) =>
  sorted.length === 0
    ? 0
    : (sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] as number);

const wrongCodeFor = (code: string) =>
  code.replace(/^./, (digit) => String((Number(digit) + 1) % 10));

/**
 * Drives send and verify flows from many simulated numbers against `@smskit/express` routers,
 * on loopback, for a bounded time, and records every request. A flow sends a code; when it is
 * accepted, reads it, sometimes tries a wrong code first, verifies the right code twice at
 * once, then once more. Refused sends (429) end the flow at once, so limits are reached quickly.
 *
 * It asserts nothing: tests check correctness on `requests` (and on what the provider got),
 * benchmarks report `requestsPerSecond` and `latencyMs`.
 */
export async function driveVerificationLoad(
  options: VerificationLoadOptions,
): Promise<VerificationLoadResult> {
  const usageTypes = options.usageTypes ?? ['SignIn'];
  const clientIps = options.clientIps ?? [];
  const concurrency = Math.min(options.concurrency ?? 16, options.numbers.length);
  const wrongCodeEvery = options.wrongCodeEvery ?? 3;
  const requests: LoadRequest[] = [];
  const started = performance.now();
  const deadline = started + (options.durationMs ?? 3_000);
  let requestCount = 0;
  let flowCount = 0;
  let acceptedCount = 0;

  async function post(
    path: string,
    body: Record<string, string>,
    record: Omit<LoadRequest, 'status' | 'errorCode' | 'latencyMs'>,
  ): Promise<LoadRequest> {
    const baseUrl = options.baseUrls[requestCount++ % options.baseUrls.length] as string;
    const begin = performance.now();
    let status = 0;
    let errorCode: string | undefined = 'NETWORK';
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(record.ip === undefined ? {} : { 'x-forwarded-for': record.ip }),
        },
        body: JSON.stringify(body),
      });
      status = response.status;
      const answer = (await response.json().catch(() => undefined)) as
        | { error?: { code?: string } }
        | undefined;
      errorCode = answer?.error?.code;
    } catch {
      // Recorded as status 0, NETWORK.
    }
    const request = { ...record, status, errorCode, latencyMs: performance.now() - begin };
    requests.push(request);
    return request;
  }

  async function flow(phone: string, usageType: string) {
    const flowNumber = flowCount++;
    const ip = clientIps.length === 0 ? undefined : clientIps[flowNumber % clientIps.length];
    const base = { phone, usageType, ip, flow: flowNumber };
    const sent = await post(
      '/send',
      { phone, usageType },
      { ...base, kind: 'send', code: undefined },
    );
    if (sent.status !== 202) return;
    const code = await options.readCode(phone);
    // Record the delivered code with the send, so that a check can match verifies to it.
    requests[requests.indexOf(sent)] = { ...sent, code };
    if (code === undefined) return;
    if (acceptedCount++ % wrongCodeEvery === 0) {
      const wrong = wrongCodeFor(code);
      await post(
        '/verify',
        { phone, usageType, code: wrong },
        { ...base, kind: 'verify-wrong', code: wrong },
      );
    }
    await Promise.all([
      post('/verify', { phone, usageType, code }, { ...base, kind: 'verify', code }),
      post('/verify', { phone, usageType, code }, { ...base, kind: 'verify', code }),
    ]);
    await post('/verify', { phone, usageType, code }, { ...base, kind: 'verify-replay', code });
  }

  async function virtualUser(index: number) {
    const own = options.numbers.filter((_, number) => number % concurrency === index);
    for (let round = 0; performance.now() < deadline; round += 1) {
      const phone = own[round % own.length] as string;
      const usageType = usageTypes[Math.floor(round / own.length) % usageTypes.length] as string;
      await flow(phone, usageType);
    }
  }

  await Promise.all(Array.from({ length: concurrency }, (_, index) => virtualUser(index)));
  const elapsedMs = performance.now() - started;
  const latencies = requests.map((request) => request.latencyMs).sort((a, b) => a - b);
  return {
    requests,
    elapsedMs,
    requestsPerSecond: requests.length / (elapsedMs / 1000),
    latencyMs: {
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      max: latencies.at(-1) ?? 0,
    },
  };
}
