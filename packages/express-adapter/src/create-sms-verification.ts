import type { UsageType } from '@smskit/core';
import { SmsError } from '@smskit/core';
import {
  createVerificationService,
  VerificationError,
  type VerificationService,
  type VerificationServiceOptions,
} from '@smskit/verification';
import express, {
  type ErrorRequestHandler,
  type Request,
  type Response,
  type Router,
} from 'express';
import { z } from 'zod';
import { createErrorHandler } from './create-error-handler.js';

/** Options of {@link createSmsVerification}: the verification service's, and two of the router. */
export interface SmsVerificationOptions extends VerificationServiceOptions {
  /**
   * Answers the router's errors. Default: `createErrorHandler()` (JSON bodies, see
   * `errorResponse`). Pass your own handler, or `false` to let every error go on with
   * `next(error)` to the app's error handlers.
   */
  errorHandler?: ErrorRequestHandler | false | undefined;
  /** The largest JSON body the router reads, in bytes or as `'1kb'`. Default `'1kb'`. */
  bodyLimit?: string | number | undefined;
}

/** What {@link createSmsVerification} returns. */
export interface SmsVerification {
  /** `POST /send` and `POST /verify`; mount it where you like: `app.use('/sms', router)`. */
  readonly router: Router;
  /** The service's `send`, for the app's own routes. */
  readonly send: VerificationService['send'];
  /** The service's `verify`, for the app's own routes. */
  readonly verify: VerificationService['verify'];
}

const routerOptionsSchema = z.object({
  errorHandler: z
    .union([
      z.literal(false),
      z.custom<ErrorRequestHandler>((value) => typeof value === 'function'),
    ])
    .optional(),
  bodyLimit: z.union([z.string().min(1), z.int().positive()]).default('1kb'),
});
const routerExpectations: Record<string, string> = {
  errorHandler: 'must be an Express error handler (a function of four arguments) or false',
  bodyLimit: "must be a positive number of bytes or a size such as '1kb'",
};

/** The request body as an object, or a 400 naming `body`. */
function readBody(request: Request): Record<string, unknown> {
  const body: unknown = request.body;
  if (!request.is('json') || typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new VerificationError(
      'INVALID_INPUT',
      'The body must be a JSON object sent with Content-Type: application/json',
      { field: 'body' },
    );
  }
  return body as Record<string, unknown>;
}

/** Runs an async handler, passing its rejection to `next` (Express 4 does not). */
const route =
  (handle: (request: Request, response: Response) => Promise<void>) =>
  (request: Request, response: Response, next: (error: unknown) => void) => {
    handle(request, response).catch(next);
  };

/**
 * An Express router for SMS verification codes over `@smskit/verification`: `POST /send`
 * `{ phone, usageType }` answers `202 { expiresIn, resendIn }`, `POST /verify`
 * `{ phone, usageType, code }` answers `200 { verified: true, phone }`. It parses its own JSON
 * bodies; refusals and failures become status codes (see `errorResponse`). The client IP is
 * `req.ip`: set `app.set('trust proxy', ...)` behind a proxy.
 *
 * @throws {SmsError} `INVALID_CONFIG` naming the bad option in `field`.
 */
export function createSmsVerification(options: SmsVerificationOptions): SmsVerification {
  const { errorHandler, bodyLimit, ...serviceOptions } = options;
  const parsed = routerOptionsSchema.safeParse({ errorHandler, bodyLimit });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'options');
    throw new SmsError(
      'INVALID_CONFIG',
      `Invalid options of createSmsVerification: ${field} ${routerExpectations[field] ?? 'is not valid'}`,
      { field },
    );
  }
  const service = createVerificationService(serviceOptions);

  const router = express.Router();
  router.use(express.json({ limit: parsed.data.bodyLimit }));
  router.use((_request, response, next) => {
    // Codes and their outcomes are for one client, once.
    response.set('Cache-Control', 'no-store');
    next();
  });
  router.post(
    '/send',
    route(async (request, response) => {
      const body = readBody(request);
      const sent = await service.send(body.phone as string, body.usageType as UsageType, {
        ip: request.ip,
      });
      response.status(202).json({ expiresIn: sent.expiresIn, resendIn: sent.resendIn });
    }),
  );
  router.post(
    '/verify',
    route(async (request, response) => {
      const body = readBody(request);
      const verified = await service.verify(
        body.phone as string,
        body.usageType as UsageType,
        body.code as string,
        { ip: request.ip },
      );
      response.status(200).json({ verified: true, phone: verified.phone });
    }),
  );
  if (parsed.data.errorHandler !== false) {
    router.use(parsed.data.errorHandler ?? createErrorHandler());
  }
  return { router, send: service.send, verify: service.verify };
}
