// What this package uses of undici's dispatcher API, declared here so that it needs no undici:
// dispatchers of any undici version qualify, and the one inside Node.

/** What this package gives an undici dispatcher for each request. */
export interface UndiciDispatchOptions {
  readonly origin: string;
  readonly path: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * undici's first handler API: what undici 5 and 6 call (Node 22's fetch holds undici 6), what
 * undici 7 still takes, and what the `Symbol.for('undici.globalDispatcher.1')` dispatcher takes
 * in every version (undici 8 puts a wrapper there).
 */
export interface UndiciV1DispatchHandler {
  onConnect(abort: (reason?: Error) => void): void;
  onHeaders(status: number, rawHeaders: readonly unknown[], resume: () => void): boolean;
  onData(chunk: Uint8Array): boolean;
  onComplete(trailers: unknown): void;
  onError(error: Error): void;
}

/** What undici 7 and later give the second handler API's methods. */
export interface UndiciDispatchController {
  abort(reason: Error): void;
}

/** undici's second handler API: undici 7 takes it, undici 8 takes only it. */
export interface UndiciV2DispatchHandler {
  onRequestStart(controller: UndiciDispatchController, context: unknown): void;
  onResponseStart(
    controller: UndiciDispatchController,
    status: number,
    headers: Readonly<Record<string, string | readonly string[] | undefined>>,
  ): void;
  onResponseData(controller: UndiciDispatchController, chunk: Uint8Array): void;
  onResponseEnd(controller: UndiciDispatchController, trailers: unknown): void;
  onResponseError(controller: UndiciDispatchController, error: Error): void;
}

/** A handler that either API can call. */
export type UndiciDispatchHandler = UndiciV1DispatchHandler & UndiciV2DispatchHandler;

/**
 * An undici dispatcher: an `Agent`, `Pool`, `ProxyAgent`, `EnvHttpProxyAgent` or `MockAgent`
 * of any undici version, or the dispatcher behind Node's global `fetch`. Only its `dispatch` is
 * used.
 */
export interface UndiciDispatcher {
  dispatch(options: UndiciDispatchOptions, handler: UndiciDispatchHandler): boolean;
}
