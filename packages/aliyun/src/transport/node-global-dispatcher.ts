import type { DispatcherInUse } from './dispatcher-exchange.js';
import type { UndiciDispatcher } from './undici-dispatcher.js';

// Where undici keeps its global dispatcher, shared by every copy of undici in a process and by
// Node's own: what `setGlobalDispatcher` sets and what the global `fetch` sends through. The
// number is the version of the handler API it takes. undici 6 (Node 22) sets `1`; undici 7
// (Node 24) sets both to the same dispatcher; undici 8 (Node 26) sets `2`, and in `1` a wrapper
// that turns the first API into the second.
const globalDispatcherV1 = Symbol.for('undici.globalDispatcher.1');
const globalDispatcherV2 = Symbol.for('undici.globalDispatcher.2');

const isDispatcher = (value: unknown): value is UndiciDispatcher =>
  typeof (value as { dispatch?: unknown } | null | undefined)?.dispatch === 'function';

// The first API where the `1` dispatcher is the dispatcher itself (undici 6 and 7 call it without
// a wrapper); else the `2` one, through either API (undici 7 would wrap a handler with both).
const find = (): DispatcherInUse | undefined => {
  const v1: unknown = Reflect.get(globalThis, globalDispatcherV1);
  const v2: unknown = Reflect.get(globalThis, globalDispatcherV2);
  if (isDispatcher(v1) && (v1 === v2 || !isDispatcher(v2))) {
    return { dispatcher: v1, handlerApi: 'v1' };
  }
  return isDispatcher(v2) ? { dispatcher: v2, handlerApi: 'any' } : undefined;
};

/**
 * The dispatcher that Node's global `fetch` sends through: the undici `Agent` inside Node, or
 * whatever took its place (undici's `setGlobalDispatcher`, such as a `ProxyAgent` or a test's
 * `MockAgent`). Undefined in a runtime without one.
 */
export function nodeGlobalDispatcher(): DispatcherInUse | undefined {
  const found = find();
  if (found !== undefined) return found;
  // Node loads its fetch implementation, which sets the global dispatcher, on first use of any
  // of its classes (about 50 ms, once per process; nothing when the app has used fetch).
  void globalThis.Response;
  return find();
}
