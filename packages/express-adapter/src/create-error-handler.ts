import type { ErrorRequestHandler, Request } from 'express';
import { errorResponse } from './error-response.js';

/** Options of {@link createErrorHandler}. */
export interface ErrorHandlerOptions {
  /**
   * Told of every error answered with a 5xx status (the SMS provider failed), for the server's
   * log. Default: `console.error`.
   */
  onServerError?: ((error: unknown, request: Request) => void) | undefined;
}

const logServerError = (error: unknown) => {
  console.error('@smskit/express: the SMS provider failed:', error);
};

/**
 * The error handler the router uses by default: it answers the errors {@link errorResponse}
 * knows with their status, `Retry-After` header and JSON body, and passes every other error on
 * with `next(error)` to the app's own error handlers (and Express's default one).
 */
export function createErrorHandler(options: ErrorHandlerOptions = {}): ErrorRequestHandler {
  const onServerError = options.onServerError ?? logServerError;
  return (error, request, response, next) => {
    const answer = errorResponse(error);
    if (answer === undefined || response.headersSent) {
      next(error);
      return;
    }
    if (answer.status >= 500) onServerError(error, request);
    response.status(answer.status).set(answer.headers).json(answer.body);
  };
}
