import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorConfigError } from '../config/emulator-config-error.js';
import type { FaultController } from '../faults/fault-controller.js';
import type { EmulatorInbox } from '../inbox/inbox.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { streamInboxEvents } from './stream-inbox-events.js';
import { jsonAnswer, writeAnswer } from './write-answer.js';

export interface ControlContext {
  readonly inbox: EmulatorInbox;
  readonly faults: FaultController;
}

const maxControlBodyBytes = 64 * 1024;

const problem = (status: number, error: string) => jsonAnswer(status, { error });

/** `POST /_emulator/faults` with `{ "fault": {…}, "times"?: n | "always" }`. */
async function injectFault(request: IncomingMessage, faults: FaultController) {
  let input: unknown;
  try {
    input = JSON.parse((await readBody(request, maxControlBodyBytes)).toString('utf8'));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return problem(413, 'the body is too large');
    return problem(
      400,
      'the body must be JSON: { "fault": { "type": … }, "times"?: number | "always" }',
    );
  }
  if (typeof input !== 'object' || input === null || !('fault' in input)) {
    return problem(
      400,
      'fault: required ({ "fault": { "type": … }, "times"?: number | "always" })',
    );
  }
  const { fault, times } = input as { fault: unknown; times?: unknown };
  try {
    faults.inject(fault as never, {
      times: times === 'always' ? Number.POSITIVE_INFINITY : (times as number | undefined),
    });
  } catch (error) {
    if (error instanceof EmulatorConfigError) return problem(400, error.message);
    throw error;
  }
  return jsonAnswer(201, faults.list());
}

/**
 * The emulator's own API under `/_emulator/`: the inbox (`messages`, `events`) and the faults.
 */
export async function handleControlRequest(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: ControlContext,
): Promise<void> {
  const route = `${request.method} ${url.pathname}`;
  switch (route) {
    case 'GET /_emulator/messages': {
      const phone = url.searchParams.get('phone');
      writeAnswer(response, jsonAnswer(200, context.inbox.list(phone === null ? {} : { phone })));
      return;
    }
    case 'DELETE /_emulator/messages':
      context.inbox.clear();
      writeAnswer(response, { status: 204, headers: {}, body: '' });
      return;
    case 'GET /_emulator/events':
      streamInboxEvents(request, response, context.inbox);
      return;
    case 'GET /_emulator/faults':
      writeAnswer(response, jsonAnswer(200, context.faults.list()));
      return;
    case 'POST /_emulator/faults':
      writeAnswer(response, await injectFault(request, context.faults));
      return;
    case 'DELETE /_emulator/faults':
      context.faults.clear();
      writeAnswer(response, { status: 204, headers: {}, body: '' });
      return;
    default:
      writeAnswer(response, problem(404, `no ${route}`));
  }
}
