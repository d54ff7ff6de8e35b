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

/** The layers: the two raw transports, what ky alone costs, then each fetch with and without ky. */
export const httpLayerCatalog: readonly HttpLayerSpec[] = [
  layer('undici-pool-request', "undici's `Pool.request` (the floor's transport)"),
  layer(
    'node-http-request',
    "node:http's `request` with a keep-alive agent (@smskit/aliyun's default transport)",
  ),
  layer('ky-zero-cost-fetch', "ky over a fetch that costs nothing (@smskit/aliyun's ky options)"),
  layer('ky-zero-cost-fetch-no-timeout', 'the same with `timeout: false`'),
  layer('request-with-signal', '`new Request(url, { headers, signal })` alone, as ky makes it'),
  layer('request-without-signal', '`new Request(url, { headers })` alone'),
  layer('undici-fetch', '`createUndiciFetch(new Agent())`'),
  layer('global-fetch', "Node's global `fetch`"),
  layer('ky-undici-fetch', 'ky over `createUndiciFetch`'),
  layer('ky-global-fetch', "ky over Node's global `fetch`"),
];
