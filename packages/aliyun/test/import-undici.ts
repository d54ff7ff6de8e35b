// undici for tests that also send through the default transport, which must find Node's own
// dispatcher as an app would. Node sets it when its fetch classes first load; undici 7, imported
// later, keeps it; undici 8 puts its own in place of it on import, so it is put back. Both set
// the two global keys (`undici.globalDispatcher.1` and `.2`) in `setGlobalDispatcher`.

const v1 = Symbol.for('undici.globalDispatcher.1');
const v2 = Symbol.for('undici.globalDispatcher.2');

/** undici 7 (the `undici` devDependency), after Node's own dispatcher is in place. */
export async function importUndici7(): Promise<typeof import('undici')> {
  void globalThis.Response;
  return import('undici');
}

/** undici 8 (the `undici-8` devDependency), leaving the global dispatcher as it was. */
export async function importUndici8(): Promise<typeof import('undici-8')> {
  void globalThis.Response;
  const before = { v1: Reflect.get(globalThis, v1), v2: Reflect.get(globalThis, v2) };
  const undici8 = await import('undici-8');
  Reflect.set(globalThis, v1, before.v1);
  Reflect.set(globalThis, v2, before.v2);
  return undici8;
}

/** What the two global keys hold now (Node 24 has one dispatcher in both, Node 26 two). */
export function globalDispatchers(): unknown[] {
  return [Reflect.get(globalThis, v1), Reflect.get(globalThis, v2)];
}

/** Runs `body`, then puts what the two global keys held back in them. */
export async function keepingGlobalDispatchers<T>(body: () => Promise<T>): Promise<T> {
  const [before1, before2] = globalDispatchers();
  try {
    return await body();
  } finally {
    Reflect.set(globalThis, v1, before1);
    Reflect.set(globalThis, v2, before2);
  }
}
