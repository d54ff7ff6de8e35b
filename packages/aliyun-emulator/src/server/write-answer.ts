import type { ServerResponse } from 'node:http';

/** Writes a whole answer, unless the connection is already gone. */
export function writeAnswer(
  response: ServerResponse,
  answer: { status: number; headers: Readonly<Record<string, string>>; body: string },
): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(answer.status, {
    ...answer.headers,
    'content-length': Buffer.byteLength(answer.body),
  });
  response.end(answer.body);
}

/** A JSON answer for the emulator's own `/_emulator/` API. */
export const jsonAnswer = (status: number, value: unknown) => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(value),
});
