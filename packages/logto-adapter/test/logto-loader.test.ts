// The packed connector, added to a Logto instance folder with `logto connector add` and loaded by
// @logto/cli's own connector loader (what Logto runs at start-up), sends through the emulator.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import add from '@logto/cli/lib/commands/connector/add.js';
import remove from '@logto/cli/lib/commands/connector/remove.js';
import { npmPackResultGuard } from '@logto/cli/lib/commands/connector/utils.js';
import {
  buildRawConnector,
  loadConnectorFactories,
  notImplemented,
} from '@logto/cli/lib/connector/index.js';
import { loadConnector } from '@logto/cli/lib/connector/loader.js';
import { getConnectorPackagesFromDirectory } from '@logto/cli/lib/utils.js';
import type { ConnectorError, SmsConnector } from '@logto/connector-kit';
import { demoConnectorConfig, type Emulator, startEmulator } from '@smskit/aliyun-emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createLogtoInstance,
  type LogtoInstance,
  officialConnectorDirectory,
  packageRoot,
  packConnector,
} from './logto-instance.js';

let instance: LogtoInstance;
let emulator: Emulator;

beforeAll(async () => {
  // The CLI's progress lines.
  vi.spyOn(console, 'log').mockImplementation(() => {});
  instance = await createLogtoInstance();
  emulator = await startEmulator();
  const tarball = await packConnector(instance.root);
  // What an operator runs: `logto connector add <tarball or package>`; the official connector is
  // there first, as in Logto's images.
  await add.handler({ packages: [officialConnectorDirectory(), tarball], path: instance.root });
}, 120_000);

afterAll(async () => {
  await emulator?.stop();
  await instance?.remove();
});

// The classes of the connector kit and zod that Logto runs with, taken from @logto/cli's code.
const logtoClasses = () => {
  let connectorError: unknown;
  try {
    notImplemented();
  } catch (error) {
    connectorError = error;
  }
  return {
    ConnectorError: (connectorError as object).constructor,
    ZodError: (npmPackResultGuard.safeParse(null).error as object).constructor,
  };
};

const loadFactories = async () =>
  loadConnectorFactories(
    await getConnectorPackagesFromDirectory(instance.connectorsDirectory),
    false,
  );

// Loading a 2 MB bundle and running npm take seconds on a busy machine.
describe('a Logto instance with this connector added', { timeout: 30_000 }, () => {
  it('holds the package under its name, next to the official one', async () => {
    const packages = await getConnectorPackagesFromDirectory(instance.connectorsDirectory);
    expect(packages.map(({ name }) => name).sort()).toEqual([
      '@logto/connector-aliyun-sms',
      '@smskit/connector-aliyun-sms',
    ]);
  });

  it('has two connectors with one id while the official one stays, which Logto refuses', async () => {
    // Logto's core throws connector.more_than_one_connector_factory for this at start-up.
    const packages = await getConnectorPackagesFromDirectory(instance.connectorsDirectory);
    const ids = await Promise.all(
      packages.map(async ({ path }) => {
        const createConnector = await loadConnector(path, false);
        return (await createConnector({ getConfig: notImplemented })).metadata.id;
      }),
    );
    expect(ids).toEqual(['aliyun-short-message-service', 'aliyun-short-message-service']);
  });

  describe('after `logto connector remove @logto/connector-aliyun-sms`', () => {
    beforeAll(async () => {
      await remove.handler({ packages: ['@logto/connector-aliyun-sms'], path: instance.root });
    });

    it("passes the loader's version check, module validation and metadata parsing", async () => {
      const factories = await loadFactories();
      expect(factories).toHaveLength(1);
      const [factory] = factories;
      expect(factory?.type).toBe('Sms');
      expect(factory?.metadata.id).toBe('aliyun-short-message-service');
      expect(factory?.metadata.target).toBe('aliyun-sms');
      // The loader inlines the logo and the README.
      const logo = await readFile(join(packageRoot, 'logo.svg'));
      expect(factory?.metadata.logo).toBe(`data:image/svg+xml;base64,${logo.toString('base64')}`);
      expect(factory?.metadata.readme).toBe(await readFile(join(packageRoot, 'README.md'), 'utf8'));
      expect(factory?.configGuard.safeParse(demoConnectorConfig).success).toBe(true);
    });

    it('sends a message that arrives in the emulator inbox', async () => {
      const [factory] = await loadFactories();
      if (factory === undefined) throw new Error('the connector did not load');
      const config = { ...demoConnectorConfig, endpoint: emulator.url };
      const { rawConnector } = await buildRawConnector(factory, async () => config);
      const arrived = emulator.inbox.waitForMessage({ phone: '+8613800138000', timeoutMs: 10_000 });
      const response = await (rawConnector as SmsConnector).sendMessage({
        to: '13800138000',
        type: 'SignIn' as Parameters<SmsConnector['sendMessage']>[0]['type'],
        payload: { code: '482913', locale: 'zh-CN', uiLocales: 'zh-CN' },
        ip: '203.0.113.7',
      });
      const message = await arrived;
      expect(message).toMatchObject({
        signName: 'smskit',
        templateCode: 'SMS_CN_SIGN_IN',
        params: { code: '482913' },
        route: 'china',
      });
      expect(response).toEqual({
        Code: 'OK',
        Message: 'OK',
        BizId: message.bizId,
        RequestId: message.requestId,
      });
    });

    it("throws the ConnectorError class of Logto's own connector kit", async () => {
      const [factory] = await loadFactories();
      if (factory === undefined) throw new Error('the connector did not load');
      const { rawConnector } = await buildRawConnector(factory, async () => ({}));
      const error = await (rawConnector as SmsConnector)
        .sendMessage({
          to: '13800138000',
          type: 'SignIn' as Parameters<SmsConnector['sendMessage']>[0]['type'],
          payload: { code: '482913' },
        })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(logtoClasses().ConnectorError);
      expect(error).toMatchObject({ code: 'invalid_config' });
      // Logto reports the failing keys (RequestError's `details`) only for its own ZodError.
      expect((error as ConnectorError).data).toBeInstanceOf(logtoClasses().ZodError);
    });
  });
});
