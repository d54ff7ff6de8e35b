import { inspect } from 'node:util';
import { ConnectorError, ConnectorErrorCodes, type SendMessageData } from '@logto/connector-kit';
import {
  demoConnectorConfig,
  demoCredentials,
  type Emulator,
  startEmulator,
} from '@smskit/aliyun-emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRecordingProxy } from '../test/recording-proxy.js';
import { createConnector } from './create-connector.js';

const china = '13800138000';
const hongKong = '85261234567';

let emulator: Emulator;

beforeAll(async () => {
  // No per-number flow control, except where a test turns it on.
  emulator = await startEmulator({ rateLimits: false });
});

afterAll(async () => {
  await emulator?.stop();
});

afterEach(() => {
  emulator.inbox.clear();
  emulator.faults.clear();
});

const message = (
  to: string,
  type: string,
  payload: SendMessageData['payload'] = { code: '482913' },
) => ({ to, type, payload }) as SendMessageData;

const connectorWith = (config: Record<string, unknown> = {}, target = emulator) =>
  createConnector({
    getConfig: async () => ({ ...demoConnectorConfig, endpoint: target.url, ...config }),
  });

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => {
      throw new Error('expected the send to fail');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
};

describe('sendMessage', () => {
  it("returns Aliyun's answer as the official connector does", async () => {
    const connector = await connectorWith();
    const response = await connector.sendMessage(message(china, 'SignIn'));
    const received = emulator.inbox.last(china);
    expect(response).toEqual({
      Code: 'OK',
      Message: 'OK',
      RequestId: received?.requestId,
      BizId: received?.bizId,
    });
  });

  it("reads the config with getConfig and the official connector's id", async () => {
    const getConfig = vi.fn(async () => ({ ...demoConnectorConfig, endpoint: emulator.url }));
    const connector = await createConnector({ getConfig });
    await connector.sendMessage(message(china, 'SignIn'));
    expect(getConfig).toHaveBeenCalledWith('aliyun-short-message-service');
  });

  it('uses the config passed in instead, as the console test message does', async () => {
    const getConfig = vi.fn(async () => ({}));
    const connector = await createConnector({ getConfig });
    await connector.sendMessage(message(china, 'Register'), {
      ...demoConnectorConfig,
      endpoint: emulator.url,
    });
    expect(getConfig).not.toHaveBeenCalled();
    expect(emulator.inbox.last(china)?.templateCode).toBe('SMS_CN_REGISTER');
  });

  it.each([
    ['Register', 'SMS_CN_REGISTER', 'SMS_INTL_REGISTER'],
    ['MfaVerification', 'SMS_CN_MFA_VERIFICATION', 'SMS_INTL_MFA_VERIFICATION'],
  ])('sends %s with its template for each route', async (type, chinaCode, overseasCode) => {
    const connector = await connectorWith();
    await connector.sendMessage(message(china, type));
    await connector.sendMessage(message(hongKong, type));
    expect(emulator.inbox.last(china)).toMatchObject({ templateCode: chinaCode, route: 'china' });
    expect(emulator.inbox.last(hongKong)).toMatchObject({
      templateCode: overseasCode,
      route: 'overseas',
    });
  });

  it('falls back to the Generic template for a usage type without one', async () => {
    const templates = demoConnectorConfig.templates.filter(({ usageType }) =>
      ['Register', 'SignIn', 'ForgotPassword', 'Generic'].includes(usageType),
    );
    const connector = await connectorWith({ templates });
    await connector.sendMessage(message(china, 'BindMfa'));
    expect(emulator.inbox.last(china)?.templateCode).toBe('SMS_CN_GENERIC');
  });

  it("sends a usage type @smskit/core does not know with the template Logto's kit picks", async () => {
    const templates = [
      ...demoConnectorConfig.templates,
      { usageType: 'FutureUsage', templateCode: { china: 'SMS_CN_BIND_MFA', overseas: 'x' } },
    ];
    const connector = await connectorWith({ templates });
    await connector.sendMessage(message(china, 'FutureUsage'));
    await connector.sendMessage(message(hongKong, 'AnotherFutureUsage'));
    expect(emulator.inbox.last(china)).toMatchObject({
      templateCode: 'SMS_CN_BIND_MFA',
      phoneNumbers: china,
    });
    expect(emulator.inbox.last(hongKong)).toMatchObject({
      templateCode: 'SMS_INTL_GENERIC',
      phoneNumbers: hongKong,
    });
  });
});

describe('fixes over the official connector', () => {
  it('sends only the code: never locale, uiLocales or the rest of the payload', async () => {
    // Aliyun refuses a variable its template does not declare (isv.INVALID_JSON_PARAM), and Logto
    // puts uiLocales and more in the payload.
    const proxy = await startRecordingProxy(emulator.url);
    try {
      const connector = await connectorWith({ endpoint: proxy.url });
      await connector.sendMessage(
        message(china, 'SignIn', {
          code: '482913',
          locale: 'zh-CN',
          uiLocales: 'zh-CN en',
          application: { name: 'Demo' },
        }),
      );
      expect(proxy.last().params.TemplateParam).toBe('{"code":"482913"}');
      expect(emulator.inbox.last(china)?.params).toEqual({ code: '482913' });
    } finally {
      await proxy.stop();
    }
  });

  it('sends the template variables the config names', async () => {
    const withProduct = await startEmulator({
      ...demoCredentialsConfig(),
      templates: [
        {
          code: 'SMS_PRODUCT',
          route: 'china',
          // biome-ignore lint/suspicious/noTemplateCurlyInString: Aliyun's placeholders
          text: '您正在登录${product}，验证码是${code}。',
        },
      ],
    });
    try {
      const connector = await connectorWith(
        {
          templates: ['Register', 'SignIn', 'ForgotPassword', 'Generic'].map((usageType) => ({
            usageType,
            templateCode: 'SMS_PRODUCT',
          })),
          templateVariables: 'code, product',
        },
        withProduct,
      );
      await connector.sendMessage(
        message(china, 'SignIn', { code: '482913', product: 'Demo', uiLocales: 'en' }),
      );
      expect(withProduct.inbox.last(china)).toMatchObject({
        params: { code: '482913', product: 'Demo' },
        text: '【smskit】您正在登录Demo，验证码是482913。',
      });
    } finally {
      await withProduct.stop();
    }
  });

  it('signs mainland and overseas messages with their own sign names', async () => {
    const connector = await connectorWith({
      signName: { china: 'smskit-cn', overseas: 'smskit-intl' },
    });
    await connector.sendMessage(message(china, 'SignIn'));
    await connector.sendMessage(message(hongKong, 'SignIn'));
    expect(emulator.inbox.last(china)?.signName).toBe('smskit-cn');
    expect(emulator.inbox.last(hongKong)?.signName).toBe('smskit-intl');
  });

  it('cannot reach overseas numbers with a mainland-only sign, which one sign name forces', async () => {
    const connector = await connectorWith({ signName: 'smskit-cn' });
    const error = await failure(connector.sendMessage(message(hongKong, 'SignIn')));
    expect(error.code).toBe(ConnectorErrorCodes.General);
    expect(error.data).toMatchObject({ Code: expect.stringMatching(/^isv\.SMS?_?SIGN/) });
  });

  it('sends to the configured endpoint, per route if asked', async () => {
    const overseas = await startEmulator({ rateLimits: false });
    try {
      const connector = await connectorWith({
        endpoint: { china: emulator.url, overseas: overseas.url },
      });
      await connector.sendMessage(message(china, 'SignIn'));
      await connector.sendMessage(message(hongKong, 'SignIn'));
      expect(emulator.inbox.list().map(({ phoneNumbers }) => phoneNumbers)).toEqual([china]);
      expect(overseas.inbox.list().map(({ phoneNumbers }) => phoneNumbers)).toEqual([hongKong]);
    } finally {
      await overseas.stop();
    }
  });
});

function demoCredentialsConfig() {
  return {
    accessKeys: [{ id: demoCredentials.accessKeyId, secret: demoCredentials.accessKeySecret }],
    rateLimits: false as const,
  };
}

describe('errors, as Logto ConnectorErrors', () => {
  it('refuses an invalid config with InvalidConfig, naming the missing usage types', async () => {
    const connector = await connectorWith({ templates: [demoConnectorConfig.templates[0]] });
    const error = await failure(connector.sendMessage(message(china, 'SignIn')));
    expect(error.code).toBe(ConnectorErrorCodes.InvalidConfig);
    expect(error.message).toContain(
      'UsageType (SignIn, ForgotPassword, Generic) should be provided in templates.',
    );
    expect(emulator.inbox.list()).toEqual([]);
    for (const view of [String(error), JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(view).not.toContain(demoConnectorConfig.accessKeySecret);
    }
  });

  it('refuses a config the official connector accepts but Aliyun cannot, with InvalidConfig', async () => {
    const connector = await connectorWith({ signName: '' });
    const error = await failure(connector.sendMessage(message(china, 'SignIn')));
    expect(error).toMatchObject({
      code: ConnectorErrorCodes.InvalidConfig,
      data: { field: 'signName' },
    });
  });

  it("turns Aliyun's per-number flow control into RateLimitExceeded", async () => {
    const limited = await startEmulator();
    try {
      const connector = await connectorWith({}, limited);
      await connector.sendMessage(message(china, 'SignIn'));
      const error = await failure(connector.sendMessage(message(china, 'SignIn')));
      expect(error).toMatchObject({
        code: ConnectorErrorCodes.RateLimitExceeded,
        data: {
          Code: 'isv.BUSINESS_LIMIT_CONTROL',
          RequestId: expect.any(String),
          retryAfterSeconds: 60,
        },
      });
    } finally {
      await limited.stop();
    }
  });

  it("turns Aliyun's API throttling into RateLimitExceeded once retries are spent", async () => {
    emulator.faults.inject({ type: 'throttle' }, { times: 3 });
    const connector = await connectorWith();
    const error = await failure(connector.sendMessage(message(china, 'SignIn')));
    expect(error).toMatchObject({
      code: ConnectorErrorCodes.RateLimitExceeded,
      data: { Code: 'Throttling.User' },
    });
  });

  it('turns a malformed answer into InvalidResponse', async () => {
    emulator.faults.inject({ type: 'malformed' }, { times: 1 });
    const connector = await connectorWith();
    const error = await failure(connector.sendMessage(message(china, 'SignIn')));
    expect(error.code).toBe(ConnectorErrorCodes.InvalidResponse);
  });

  it.each([
    ['a server failure', { type: 'status', status: 503 } as const, 'ServiceUnavailable'],
    ['a dropped connection', { type: 'drop' } as const, undefined],
  ])('turns %s into General', async (_, fault, code) => {
    emulator.faults.inject(fault, { times: 1 });
    const connector = await connectorWith();
    const error = await failure(connector.sendMessage(message(china, 'SignIn')));
    expect(error.code).toBe(ConnectorErrorCodes.General);
    expect((error.data as { Code?: string }).Code).toBe(code);
  });

  it('gives up after the configured timeout', async () => {
    emulator.faults.inject({ type: 'delay', ms: 2_000 }, { times: 1 });
    const connector = await connectorWith({ timeout: 200 });
    const error = await failure(connector.sendMessage(message(china, 'SignIn')));
    expect(error.code).toBe(ConnectorErrorCodes.General);
    expect((error.data as { errorDescription: string }).errorDescription).toMatch(/200 ms/);
  });

  it('turns an unknown AccessKey into General with Aliyun code and request id', async () => {
    const connector = await connectorWith({ accessKeyId: 'LTAI5tUnknownKey' });
    const error = await failure(connector.sendMessage(message(china, 'SignIn')));
    expect(error).toMatchObject({
      code: ConnectorErrorCodes.General,
      data: { Code: 'InvalidAccessKeyId.NotFound', RequestId: expect.any(String) },
    });
  });

  // The unreadable number goes the connector's own way to Aliyun; both ways must hide the same.
  it.each([
    ['a readable number', china],
    ['a number only Aliyun can judge', '+1123123123'],
  ])(
    'never shows the secret, the code or the string to sign of a refused signature (%s)',
    async (_, to) => {
      const secret = 'wrong-secret-4f9c2e';
      const connector = await connectorWith({ accessKeySecret: secret });
      const error = await failure(connector.sendMessage(message(to, 'SignIn', { code: '482913' })));
      expect(error).toMatchObject({
        code: ConnectorErrorCodes.General,
        data: { Code: 'SignatureDoesNotMatch', RequestId: expect.any(String) },
      });
      for (const view of [
        String(error),
        error.message,
        JSON.stringify(error),
        JSON.stringify(error.data),
        inspect(error, { depth: 10, showHidden: true }),
      ]) {
        expect(view).not.toContain(secret);
        expect(view).not.toContain('482913');
        expect(view).not.toContain(demoCredentials.accessKeyId);
        expect(view).not.toMatch(/string to sign|StringToSign/i);
      }
    },
  );

  it('maps the answers to a number only Aliyun can judge as for any other', async () => {
    const connector = await connectorWith();
    emulator.faults.inject({ type: 'malformed' }, { times: 1 });
    expect((await failure(connector.sendMessage(message('+1123123123', 'SignIn')))).code).toBe(
      ConnectorErrorCodes.InvalidResponse,
    );
    emulator.faults.inject({ type: 'delay', ms: 2_000 }, { times: 1 });
    const slow = await connectorWith({ timeout: 200 });
    const timedOut = await failure(slow.sendMessage(message('+1123123123', 'SignIn')));
    expect(timedOut.code).toBe(ConnectorErrorCodes.General);
    expect((timedOut.data as { errorDescription: string }).errorDescription).toMatch(/200 ms/);
  });

  it('refuses a template variable that is not text before sending', async () => {
    const connector = await connectorWith({ templateVariables: ['code', 'application'] });
    const error = await failure(
      connector.sendMessage(message(china, 'SignIn', { code: '1', application: { name: 'x' } })),
    );
    expect(error.code).toBe(ConnectorErrorCodes.InvalidRequestParameters);
    expect(emulator.inbox.list()).toEqual([]);
  });
});
