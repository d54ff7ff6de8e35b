import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorInbox, InboxEvent } from '../inbox/inbox.js';

// Keeps proxies and browsers from timing the stream out while the inbox is quiet.
const heartbeatMs = 15_000;

/**
 * `GET /_emulator/events`: the inbox's changes as Server-Sent Events, `message` (a new
 * message, JSON) and `clear`, until the client goes away or the emulator stops.
 */
export function streamInboxEvents(
  request: IncomingMessage,
  response: ServerResponse,
  inbox: EmulatorInbox,
): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  response.write('retry: 1000\n\n');
  const send = (event: InboxEvent) => {
    const data = event.type === 'message' ? JSON.stringify(event.message) : '{}';
    response.write(`event: ${event.type}\ndata: ${data}\n\n`);
  };
  const unsubscribe = inbox.subscribe(send);
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), heartbeatMs);
  heartbeat.unref();
  const stop = () => {
    unsubscribe();
    clearInterval(heartbeat);
  };
  request.on('close', stop);
  response.on('close', stop);
}
