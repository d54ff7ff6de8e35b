import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorConfigInput } from './config/emulator-config-schema.js';
import { readEmulatorConfig } from './config/read-emulator-config.js';
import type { Faults } from './faults/fault-controller.js';
import type { Inbox } from './inbox/inbox.js';
import { createEmulatorContext } from './server/create-emulator-context.js';
import { createRequestHandler } from './server/handle-request.js';

/** `startEmulator` options: the config (every field optional, demo defaults) and where to listen. */
export type EmulatorOptions = EmulatorConfigInput & {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1`. */
  host?: string;
  /** The clock, for tests of timestamps and flow control; default `() => new Date()`. */
  now?: () => Date;
};

/** A running emulator. */
export interface Emulator {
  /** `http://127.0.0.1:PORT` (no trailing slash): the Dysmsapi endpoint and the inbox page. */
  readonly url: string;
  readonly port: number;
  /** The messages it received. */
  readonly inbox: Inbox;
  /** Failures to play on the next requests. */
  readonly faults: Faults;
  /** Stops listening and closes every open connection (keep-alive, live pages); idempotent. */
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Starts a local server that answers like Aliyun Dysmsapi 2017-05-25 (SendSms, SendBatchSms,
 * QuerySendDetails) and keeps what it receives in an inbox.
 *
 * @throws {EmulatorConfigError} for options that do not validate, naming the field.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const { port = 0, host = '127.0.0.1', now = () => new Date(), ...configInput } = options;
  const config = readEmulatorConfig(configInput);
  const stopping = new AbortController();
  const context = createEmulatorContext(config, now, stopping.signal);
  const { inbox, faults } = context;
  const server = createServer(createRequestHandler(context));
  // Bounded: no request may hold a connection forever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  // Listening on every interface: the URL names the loopback one, which always answers.
  const reachable =
    address.address === '0.0.0.0'
      ? '127.0.0.1'
      : address.address === '::'
        ? '::1'
        : address.address;
  const urlHost = reachable.includes(':') ? `[${reachable}]` : reachable;

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= new Promise<void>((resolve) => {
      stopping.abort();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return stopped;
  };

  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    inbox: {
      list: (filter) => inbox.list(filter),
      last: (phone) => inbox.last(phone),
      clear: () => inbox.clear(),
      waitForMessage: (waitOptions) => inbox.waitForMessage(waitOptions),
    },
    faults: {
      inject: (fault, injectOptions) => faults.inject(fault, injectOptions),
      clear: () => faults.clear(),
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
