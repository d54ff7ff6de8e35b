import { fileURLToPath } from 'node:url';
import type { SmsSender } from '@smskit/core';
import { createSmsVerification } from '@smskit/express';
import express, { type ErrorRequestHandler, type Express } from 'express';

/** The page's HTML, CSS and script: `public/`, next to `src/` and `dist/` alike. */
const publicDirectory = fileURLToPath(new URL('../public/', import.meta.url));

/** Options of {@link createDemoApp}. */
export interface DemoAppOptions {
  /** The SMS sender: `createAliyunSmsSender(...)`, pointed at Aliyun or at the emulator. */
  readonly sender: SmsSender;
  /** The emulator's inbox page, linked from the demo page; undefined when real SMS go out. */
  readonly inboxUrl?: string | undefined;
}

// The page loads nothing but its own files.
const contentSecurityPolicy =
  "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Answers what the verification router passed on (a bug, a store failure) as JSON, not HTML. */
const answerUnexpectedError: ErrorRequestHandler = (error, _request, response, next) => {
  if (response.headersSent) return next(error);
  console.error('express-demo:', error);
  response.status(500).json({
    error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on the server' },
  });
};

/**
 * The demo's Express app: the page at `/`, and smskit's verification routes at
 * `/api/verification` (`POST /send`, `POST /verify`).
 */
export function createDemoApp({ sender, inboxUrl }: DemoAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');

  // All of smskit's part: codes sent through `sender`, kept hashed in memory, with the default
  // limits (one code a minute, five an hour and ten a day per number, twenty an hour per IP).
  // Behind a proxy, tell Express whom to trust so that the per-IP limit sees the client:
  // app.set('trust proxy', 1).
  const verification = createSmsVerification({ sender });
  app.use('/api/verification', verification.router);

  // What the page needs to know: where the emulator shows the messages it received.
  app.get('/api/demo', (_request, response) => {
    response.json({ inboxUrl: inboxUrl ?? null });
  });

  app.use(
    express.static(publicDirectory, {
      setHeaders: (response) => {
        response.setHeader('Content-Security-Policy', contentSecurityPolicy);
        response.setHeader('X-Content-Type-Options', 'nosniff');
      },
    }),
  );
  app.use(answerUnexpectedError);
  return app;
}
