import { setTimeout as sleep } from 'node:timers/promises';
import { SmsError } from '@smskit/core';
import type * as z from 'zod/mini';
import { resolveCredentials } from '../credentials/resolve-credentials.js';
import { mapAliyunError } from '../errors/map-aliyun-error.js';
import type { ResolvedAliyunSmsSenderOptions } from '../options/parse-aliyun-sms-sender-options.js';
import { buildSignedRequest } from '../request/build-signed-request.js';
import { type AliyunAnswer, aliyunAnswerSchema } from '../responses/aliyun-response-schemas.js';
import { ExchangeTimeoutError, type HttpAnswer, type HttpExchange } from './http-exchange.js';
import { isNothingSent, transportFailure } from './transport-failure.js';

/** One Dysmsapi call. */
export interface AliyunCall<Success extends z.ZodMiniType> {
  readonly action: string;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly endpoint: string;
  readonly regionId: string;
  /** Validates the success answer. */
  readonly success: Success;
  /** Safe to send twice (QuerySendDetails), which changes what an error's `retryable` says. */
  readonly idempotent: boolean;
}

const throttled = (answer: AliyunAnswer) =>
  answer.Code === 'Throttling' || answer.Code.startsWith('Throttling.');

// `x-acs-retry-after` is in milliseconds: the official SDKs (@alicloud/openapi-core's
// getThrottlingTimeLeft, read by @darabonba/typescript's backoff) wait that many ms.
const retryAfterMsOf = (answer: HttpAnswer) => {
  const value = Number.parseInt(answer.header('x-acs-retry-after') ?? '', 10);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
};

const mayHaveBeenSent = (idempotent: boolean) =>
  idempotent
    ? ''
    : '; the message may have been sent: check querySendDetails before sending it again';

const unreadableAnswer = (
  call: Pick<AliyunCall<z.ZodMiniType>, 'action' | 'idempotent'>,
  problem: string,
  status: number,
  requestId: string | undefined,
) =>
  // A server failure with an unreadable body (a proxy's HTML page) is still a server failure.
  status >= 500
    ? new SmsError(
        'PROVIDER_UNAVAILABLE',
        `Aliyun failed ${call.action} with HTTP ${status}${mayHaveBeenSent(call.idempotent)}`,
        {
          provider: 'aliyun',
          retryable: call.idempotent,
          ...(requestId === undefined ? {} : { requestId }),
        },
      )
    : new SmsError(
        'INVALID_RESPONSE',
        `Aliyun answered ${call.action} with ${problem} (HTTP ${status})${mayHaveBeenSent(call.idempotent)}`,
        { provider: 'aliyun', ...(requestId === undefined ? {} : { requestId }) },
      );

/**
 * Sends one Dysmsapi call, signed afresh (nonce, timestamp, credentials) for every
 * attempt, and returns its validated success answer.
 *
 * Retries, with exponential backoff and jitter, only where Aliyun provably did not take the
 * request: a throttling answer (after `x-acs-retry-after` when given, unless that is longer than
 * `retry.backoffLimit`) and a refused connection. Never the same signed request twice: Aliyun
 * rejects a nonce it has seen.
 *
 * @throws {SmsError} for every failure; an aborted call rejects with the signal's reason.
 */
export async function callAliyun<Success extends z.ZodMiniType>(
  exchange: HttpExchange,
  options: ResolvedAliyunSmsSenderOptions,
  call: AliyunCall<Success>,
  signal: AbortSignal | undefined,
): Promise<z.output<Success>> {
  const { action } = call;
  for (let attempt = 0; ; attempt += 1) {
    signal?.throwIfAborted();
    // Static credentials need no promise: one await fewer per message.
    const credentials = options.staticCredentials ?? (await resolveCredentials(options));
    signal?.throwIfAborted();
    const request = buildSignedRequest({
      action,
      params: call.params,
      endpoint: call.endpoint,
      regionId: call.regionId,
      credentials,
      signatureVersion: options.signatureVersion,
      userAgent: options.userAgent,
    });
    const attemptsLeft = attempt < options.retry.limit;

    let answer: HttpAnswer;
    try {
      answer = await exchange(request, signal);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (attemptsLeft && isNothingSent(error)) {
        await backOff(options.retry, attempt, undefined, signal);
        continue;
      }
      throw transportFailure(error, {
        action,
        timedOut: error instanceof ExchangeTimeoutError,
        timeout: options.timeout,
        idempotent: call.idempotent,
        secrets: [credentials.accessKeySecret, credentials.securityToken],
      });
    }
    const { status, text } = answer;

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    // The common case first, with one schema: a success (which the answer schema accepts too).
    // Anything else is read as an answer, to say what went wrong.
    const ok = status === 200 && (json as { Code?: unknown } | null | undefined)?.Code === 'OK';
    if (ok) {
      const success = call.success.safeParse(json);
      if (success.success) return success.data;
    }
    const headerRequestId = answer.header('x-acs-request-id');
    const read = aliyunAnswerSchema.safeParse(json);
    if (!read.success) {
      throw unreadableAnswer(call, 'a body that is not a Dysmsapi answer', status, headerRequestId);
    }
    const requestId = read.data.RequestId ?? headerRequestId;
    if (ok) throw unreadableAnswer(call, 'an OK answer that lacks fields', status, requestId);

    const retryAfterMs = retryAfterMsOf(answer);
    const failure = mapAliyunError(
      {
        code: read.data.Code,
        message: read.data.Message,
        requestId,
        status,
        retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1_000),
      },
      { action },
    );
    if (attemptsLeft && throttled(read.data)) {
      const waited = await backOff(options.retry, attempt, retryAfterMs, signal);
      if (waited) continue;
    }
    throw failure;
  }
}

/**
 * Waits before retry number `attempt + 1`: `delay * 2^attempt` at most `backoffLimit`, the upper
 * half of it at random (so that clients throttled together do not return together), or what
 * Aliyun asked for. Returns false, without waiting, when Aliyun asked for longer than
 * `backoffLimit`.
 */
async function backOff(
  retry: ResolvedAliyunSmsSenderOptions['retry'],
  attempt: number,
  retryAfterMs: number | undefined,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  let wait: number;
  if (retryAfterMs === undefined) {
    const ceiling = Math.min(retry.backoffLimit, retry.delay * 2 ** attempt);
    wait = ceiling / 2 + (Math.random() * ceiling) / 2;
  } else {
    if (retryAfterMs > retry.backoffLimit) return false;
    wait = retryAfterMs;
  }
  try {
    await sleep(wait, undefined, signal === undefined ? undefined : { signal });
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  }
  return true;
}
