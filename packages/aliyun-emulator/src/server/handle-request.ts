import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { type ApiAnswer, answerApiRequest, gatewayAnswer } from '../dysmsapi/answer-api-request.js';
import type { DysmsapiContext } from '../dysmsapi/dysmsapi-context.js';
import { gatewayErrors } from '../errors/gateway-error.js';
import { playFaults } from '../faults/play-faults.js';
import { inboxPage } from '../page/inbox-page.js';
import type { AuthenticationContext } from '../signature/authenticate-request.js';
import { type ControlContext, handleControlRequest } from './handle-control-request.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { writeAnswer } from './write-answer.js';

export interface EmulatorContext extends DysmsapiContext, AuthenticationContext, ControlContext {
  /** Aborts when the emulator stops, ending delays. */
  readonly stopped: AbortSignal;
}

/** Header values by lowercase name, repeated headers joined as Node joins them. */
const flatHeaders = (headers: IncomingHttpHeaders): Record<string, string | undefined> =>
  Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : value,
    ]),
  );

/** A browser asking for the inbox page rather than a client calling the API. */
const isPageRequest = (request: IncomingMessage, url: URL) =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  !url.searchParams.has('Action') &&
  request.headers['x-acs-action'] === undefined &&
  request.headers.authorization === undefined;

async function answerApi(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: EmulatorContext,
): Promise<ApiAnswer | undefined> {
  const outcome = await playFaults(context.faults.take(), response, context.stopped);
  if (outcome.type === 'dropped') return undefined;
  if (outcome.type === 'answer') return outcome.answer;
  let body: Buffer;
  try {
    body = await readBody(request, context.config.maxBodyBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    // The rest of the body is never read: close the connection after answering.
    response.setHeader('connection', 'close');
    return gatewayAnswer(gatewayErrors.bodyTooLarge(context.config.maxBodyBytes));
  }
  return answerApiRequest(
    {
      method: request.method ?? 'GET',
      pathname: url.pathname,
      search: url.search.slice(1),
      headers: flatHeaders(request.headers),
      body,
    },
    context,
  );
}

/** The emulator's `node:http` request listener. */
export function createRequestHandler(context: EmulatorContext) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response, context).catch(() => {
      // A failure after the answer started (the client went away, the emulator stopped) has
      // no one left to tell; any other gets Aliyun's InternalError.
      writeAnswer(response, gatewayAnswer(gatewayErrors.internalError()));
    });
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  context: EmulatorContext,
) {
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://emulator.invalid');
  } catch {
    writeAnswer(response, gatewayAnswer(gatewayErrors.actionNotFound()));
    return;
  }
  if (url.pathname.startsWith('/_emulator/')) {
    await handleControlRequest(request, response, url, context);
    return;
  }
  if (url.pathname === '/' && isPageRequest(request, url)) {
    writeAnswer(response, {
      status: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'",
      },
      body: request.method === 'HEAD' ? '' : inboxPage,
    });
    return;
  }
  if (url.pathname !== '/' || (request.method !== 'GET' && request.method !== 'POST')) {
    writeAnswer(response, gatewayAnswer(gatewayErrors.actionNotFound()));
    return;
  }
  const answer = await answerApi(request, response, url, context);
  if (answer !== undefined) writeAnswer(response, answer);
}
