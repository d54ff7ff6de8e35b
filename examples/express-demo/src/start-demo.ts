import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AliyunSmsSenderOptions, createAliyunSmsSender } from '@smskit/aliyun';
import { demoConnectorConfig, type Emulator, startEmulator } from '@smskit/aliyun-emulator';
import { createDemoApp } from './create-demo-app.js';

/** Options of {@link startDemo}. */
export interface DemoOptions {
  /** The demo page's port; 0 picks a free one. Default 3000. */
  readonly port?: number | undefined;
  /** The emulator's port (its inbox page and Dysmsapi endpoint); 0 picks a free one. Default 4010. */
  readonly emulatorPort?: number | undefined;
  /** The interface both listen on. Default `127.0.0.1`. */
  readonly host?: string | undefined;
  /**
   * Send through Aliyun (or any Dysmsapi endpoint) with these `createAliyunSmsSender` options
   * instead of through an emulator started here. Default: an emulator, with its demo config.
   */
  readonly aliyun?: AliyunSmsSenderOptions | undefined;
}

/** A running demo. */
export interface Demo {
  /** The demo page, `http://127.0.0.1:3000/`. */
  readonly url: string;
  /** The emulator's inbox page, or undefined when sending through Aliyun. */
  readonly emulatorUrl: string | undefined;
  /** The emulator started with the demo, or undefined when sending through Aliyun. */
  readonly emulator: Emulator | undefined;
  /** Stops the demo and its emulator, closing every open connection; idempotent. */
  stop(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** A port that another program already listens on. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    readonly server: 'demo' | 'emulator',
    readonly port: number,
    options: { cause: unknown },
  ) {
    super(`Port ${port} is already in use (the ${server}'s port)`, options);
  }
}

const isAddressInUse = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === 'EADDRINUSE';

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

const urlOf = ({ address, port }: AddressInfo) => {
  // On every interface, the URL names the loopback one, which always answers.
  const host = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
};

/**
 * Starts the demo: an Aliyun SMS emulator (unless `aliyun` options are given), an Aliyun SMS
 * sender signing real Dysmsapi requests to it, and the demo's Express app.
 *
 * @throws {PortInUseError} when a port is taken; `SmsError` `INVALID_CONFIG` for bad `aliyun` options.
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const { port = 3000, emulatorPort = 4010, host = '127.0.0.1', aliyun } = options;

  let emulator: Emulator | undefined;
  let senderOptions: AliyunSmsSenderOptions;
  if (aliyun === undefined) {
    try {
      emulator = await startEmulator({ port: emulatorPort, host });
    } catch (error) {
      throw isAddressInUse(error)
        ? new PortInUseError('emulator', emulatorPort, { cause: error })
        : error;
    }
    // The emulator's demo AccessKey, sign and templates: the sender signs real requests to it.
    senderOptions = { ...demoConnectorConfig, endpoint: emulator.url };
  } else {
    senderOptions = aliyun;
  }

  const inboxUrl = emulator && `${emulator.url}/`;
  try {
    const sender = createAliyunSmsSender(senderOptions);
    const server = createServer(createDemoApp({ sender, inboxUrl }));
    const address = await listen(server, port, host).catch((error: unknown) => {
      throw isAddressInUse(error) ? new PortInUseError('demo', port, { cause: error }) : error;
    });

    let stopped: Promise<void> | undefined;
    const stop = () => {
      stopped ??= Promise.all([
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
        emulator?.stop(),
      ]).then(() => undefined);
      return stopped;
    };
    return {
      url: urlOf(address),
      emulatorUrl: inboxUrl,
      emulator,
      stop,
      [Symbol.asyncDispose]: stop,
    };
  } catch (error) {
    await emulator?.stop();
    throw error;
  }
}
