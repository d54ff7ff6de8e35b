import type { UndiciDispatcher } from './dispatcher-exchange.js';

// Where undici keeps its global dispatcher, shared by every copy of undici in a process and by
// Node's own: what `setGlobalDispatcher` sets and what the global `fetch` sends through.
const globalDispatcherKey = Symbol.for('undici.globalDispatcher.1');

const isDispatcher = (value: unknown): value is UndiciDispatcher =>
  typeof (value as { dispatch?: unknown } | null | undefined)?.dispatch === 'function';

/**
 * The dispatcher that Node's global `fetch` sends through: the undici `Agent` inside Node, or
 * whatever took its place (undici's `setGlobalDispatcher`, such as a `ProxyAgent` or a test's
 * `MockAgent`). Undefined in a runtime without one.
 */
export function nodeGlobalDispatcher(): UndiciDispatcher | undefined {
  let dispatcher: unknown = Reflect.get(globalThis, globalDispatcherKey);
  if (dispatcher === undefined) {
    // Node loads its fetch implementation, which sets the global dispatcher, on first use of any
    // of its classes (about 50 ms, once per process; nothing when the app has used fetch).
    void globalThis.Response;
    dispatcher = Reflect.get(globalThis, globalDispatcherKey);
  }
  return isDispatcher(dispatcher) ? dispatcher : undefined;
}
