import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ApiAnswer, gatewayAnswer } from '../dysmsapi/answer-api-request.js';
import { createRequestId } from '../dysmsapi/create-ids.js';
import { gatewayErrors } from '../errors/gateway-error.js';
import type { ResolvedFault } from './fault-schema.js';

/** What playing the faults left to do: answer normally, answer this, or nothing (dropped). */
export type FaultOutcome =
  | { readonly type: 'continue' }
  | { readonly type: 'answer'; readonly answer: ApiAnswer }
  | { readonly type: 'dropped' };

/** A body that is not JSON: Aliyun's success body cut off mid-way. */
const malformedAnswer = (status: number): ApiAnswer => {
  const requestId = createRequestId();
  return {
    status,
    headers: { 'content-type': 'application/json;charset=utf-8', 'x-acs-request-id': requestId },
    body: `{"RequestId":"${requestId}","Message":"OK","BizId":"`,
  };
};

/**
 * Plays a request's faults: every delay first, then the first fault that answers (status,
 * malformed body, throttling) or drops the connection, which ends the request.
 */
export async function playFaults(
  faults: readonly ResolvedFault[],
  response: ServerResponse,
  signal: AbortSignal,
): Promise<FaultOutcome> {
  const delayMs = faults.reduce(
    (total, fault) => total + (fault.type === 'delay' ? fault.ms : 0),
    0,
  );
  if (delayMs > 0) await sleep(delayMs, undefined, { signal });
  for (const fault of faults) {
    switch (fault.type) {
      case 'delay':
        break;
      case 'drop':
        response.socket?.destroy();
        return { type: 'dropped' };
      case 'status':
        return {
          type: 'answer',
          answer: gatewayAnswer(
            fault.status === 500
              ? gatewayErrors.internalError()
              : gatewayErrors.serviceUnavailable(fault.status),
          ),
        };
      case 'malformed':
        return { type: 'answer', answer: malformedAnswer(fault.status) };
      case 'throttle':
        return {
          type: 'answer',
          answer: gatewayAnswer(gatewayErrors.throttled(fault.status, fault.retryAfterMs)),
        };
    }
  }
  return { type: 'continue' };
}
