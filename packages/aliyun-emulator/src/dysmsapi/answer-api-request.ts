import { BusinessError } from '../errors/business-error.js';
import { businessErrorBody, gatewayErrorBody } from '../errors/error-body.js';
import { GatewayError, gatewayErrors } from '../errors/gateway-error.js';
import {
  type AuthenticationContext,
  authenticateRequest,
  isV3Request,
  type RequestToAuthenticate,
} from '../signature/authenticate-request.js';
import { createRequestId } from './create-ids.js';
import type { ActionRequest, DysmsapiContext } from './dysmsapi-context.js';
import { querySendDetails } from './query-send-details.js';
import { sendBatchSms } from './send-batch-sms.js';
import { sendSms } from './send-sms.js';

/** The Dysmsapi version the emulator speaks. */
export const dysmsapiVersion = '2017-05-25';

const actions: Record<
  string,
  (context: DysmsapiContext, request: ActionRequest) => Record<string, unknown>
> = {
  SendSms: sendSms,
  SendBatchSms: sendBatchSms,
  QuerySendDetails: querySendDetails,
};

/** An HTTP request to `/`, read whole. */
export interface ApiRequest {
  readonly method: string;
  readonly pathname: string;
  /** The raw query string without `?`. */
  readonly search: string;
  /** Header values by lowercase name. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Uint8Array;
}

/** An answer to write: status, headers, JSON text. */
export interface ApiAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const isForm = (contentType: string | undefined) =>
  contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded') ?? false;

/** Query pairs, and query and form body parameters together (the first of a name wins). */
export function readRequestParams(request: ApiRequest): {
  query: Array<[string, string]>;
  params: Map<string, string>;
} {
  const query = [...new URLSearchParams(request.search).entries()];
  const form = isForm(request.headers['content-type'])
    ? [...new URLSearchParams(Buffer.from(request.body).toString('utf8')).entries()]
    : [];
  const params = new Map<string, string>();
  for (const [name, value] of [...query, ...form]) {
    if (!params.has(name)) params.set(name, value);
  }
  return { query, params };
}

const json = (
  status: number,
  body: Record<string, unknown>,
  requestId: string,
  headers: Readonly<Record<string, string>> = {},
): ApiAnswer => ({
  status,
  headers: {
    'content-type': 'application/json;charset=utf-8',
    'x-acs-request-id': requestId,
    ...headers,
  },
  body: JSON.stringify(body),
});

/** A gateway error as an answer. */
export const gatewayAnswer = (error: GatewayError, requestId = createRequestId()): ApiAnswer =>
  json(error.status, gatewayErrorBody(error, requestId), requestId, error.headers);

/**
 * Answers one Dysmsapi request as Aliyun does: the gateway checks version, action and
 * signature (4xx/5xx errors), then the action runs (business errors come as HTTP 200 with a
 * `Code` other than `OK`).
 */
export function answerApiRequest(
  request: ApiRequest,
  context: DysmsapiContext & AuthenticationContext,
): ApiAnswer {
  const requestId = createRequestId();
  try {
    const { query, params } = readRequestParams(request);
    const v3 = isV3Request(request.headers);
    const action = v3 ? request.headers['x-acs-action'] : params.get('Action');
    const version = v3 ? request.headers['x-acs-version'] : params.get('Version');
    if (version === undefined || version === '') throw gatewayErrors.missingParameter('Version');
    if (version !== dysmsapiVersion) throw gatewayErrors.invalidVersion();
    const run =
      action === undefined
        ? undefined
        : Object.hasOwn(actions, action)
          ? actions[action]
          : undefined;
    if (run === undefined) throw gatewayErrors.actionNotFound();
    const toAuthenticate: RequestToAuthenticate = { ...request, query, params };
    authenticateRequest(toAuthenticate, context);
    return json(200, { RequestId: requestId, ...run(context, { params, requestId }) }, requestId);
  } catch (error) {
    if (error instanceof GatewayError) return gatewayAnswer(error, requestId);
    if (error instanceof BusinessError) {
      return json(200, businessErrorBody(error, requestId), requestId);
    }
    return gatewayAnswer(gatewayErrors.internalError(), requestId);
  }
}
