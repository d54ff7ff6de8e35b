import type { ResolvedAliyunSmsSenderOptions } from '../options/parse-aliyun-sms-sender-options.js';
import { createDispatcherExchange } from './dispatcher-exchange.js';
import { createFetchExchange } from './fetch-exchange.js';
import type { HttpExchange } from './http-exchange.js';
import { nodeGlobalDispatcher } from './node-global-dispatcher.js';
import { createNodeHttpExchange } from './node-http-exchange.js';

/**
 * The transport a sender's options ask for: ky over `fetch`, an undici `dispatcher`, node:http
 * with `agents`, or by default the dispatcher of Node's global fetch (node:http where a runtime
 * has none), found on the first request.
 */
export function createExchange(
  options: Pick<ResolvedAliyunSmsSenderOptions, 'timeout' | 'fetch' | 'dispatcher' | 'agents'>,
): HttpExchange {
  const { timeout } = options;
  if (options.fetch !== undefined) return createFetchExchange(options.fetch, timeout);
  if (options.dispatcher !== undefined)
    return createDispatcherExchange(timeout, options.dispatcher);
  if (options.agents !== undefined) return createNodeHttpExchange(timeout, options.agents);
  let exchange: HttpExchange | undefined;
  return (request, signal) => {
    if (exchange === undefined) {
      const found = nodeGlobalDispatcher();
      exchange =
        found === undefined
          ? createNodeHttpExchange(timeout)
          : // Found again for every request, as fetch does: the app may replace it at any time.
            createDispatcherExchange(timeout, () => nodeGlobalDispatcher() ?? found);
    }
    return exchange(request, signal);
  };
}
