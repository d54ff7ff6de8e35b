import type { ClientProcessSpec } from '../throughput/start-client-process.js';

/** One HTTP layer measured alone (see http-layer.ts). */
export interface HttpLayerSpec extends ClientProcessSpec {
  readonly id: string;
  readonly label: string;
}

const layer = (id: string, label: string): HttpLayerSpec => ({
  id,
  label,
  module: 'http-layer',
  variant: { layer: id },
});

/** The layers: the raw transports, what ky and its `Request` cost alone, then fetch with and without ky. */
export const httpLayerCatalog: readonly HttpLayerSpec[] = [
  layer(
    'node-global-dispatch',
    "the dispatcher of Node's fetch, its `dispatch` with the answer read whole (@smskit/aliyun's default transport)",
  ),
  layer('undici-agent-dispatch', "the same over undici 7's `Agent` (the `dispatcher` option)"),
  layer('undici-pool-request', "undici's `Pool.request` (the floor's transport)"),
  layer('node-http-request', "node:http's `request` with a keep-alive agent (the `agents` option)"),
  layer('ky-zero-cost-fetch', "ky over a fetch that costs nothing (the `fetch` option's ky)"),
  layer('ky-zero-cost-fetch-no-timeout', 'the same with `timeout: false`'),
  layer('request-with-signal', '`new Request(url, { headers, signal })` alone, as ky makes it'),
  layer('request-without-signal', '`new Request(url, { headers })` alone'),
  layer('global-fetch', "Node's global `fetch`"),
  layer('ky-global-fetch', "ky over Node's global `fetch`"),
];
