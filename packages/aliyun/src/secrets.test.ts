// No secret in any view of anything the package returns or throws: String, JSON.stringify,
// util.inspect (with hidden properties, deep) and util.format('%o').
import { format, inspect } from 'node:util';
import { demoConnectorConfig, demoStsCredentials } from '@smskit/aliyun-emulator';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../test/use-emulator.js';
import { createAliyunSmsSender } from './create-aliyun-sms-sender.js';
import { resolveCredentials } from './credentials/resolve-credentials.js';
import type { AliyunSmsSenderOptions } from './options/aliyun-sms-sender-options.js';
import { parseAliyunSmsSenderOptions } from './options/parse-aliyun-sms-sender-options.js';

const emulator = useEmulator();
const { accessKeySecret: secret, securityToken: token } = demoStsCredentials;
const message = { to: '+8613800138000', usageType: 'SignIn', params: { code: '123456' } } as const;

const views = (value: unknown) => [
  String(value),
  JSON.stringify(value) ?? '',
  inspect(value, { showHidden: true, depth: 20, getters: true }),
  format('%o', value),
];

const expectNoSecret = (value: unknown) => {
  for (const view of views(value)) {
    expect(view).not.toContain(secret);
    expect(view).not.toContain(token);
  }
};

const sender = (options: Partial<AliyunSmsSenderOptions> = {}) =>
  createAliyunSmsSender({
    ...demoConnectorConfig,
    ...demoStsCredentials,
    endpoint: emulator().url,
    retry: 0,
    ...options,
  });

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

describe.each(['v3', 'v1'] as const)('secrets (%s)', (signatureVersion) => {
  it('are in no view of the sender, its results and its delivery details', async () => {
    const aliyun = sender({ signatureVersion });
    expectNoSecret(aliyun);
    const result = await aliyun.send(message);
    expectNoSecret(result);
    expectNoSecret(await aliyun.querySendDetails({ phone: message.to, sendDate: new Date() }));
  });

  it.each([
    ['a wrong secret (SignatureDoesNotMatch)', { accessKeySecret: `${secret}-x` }, undefined],
    ['a wrong token', { securityToken: `${token}-x` }, undefined],
    ['a 503', {}, { type: 'status', status: 503 }],
    ['a malformed body', {}, { type: 'malformed' }],
    ['a reset connection', {}, { type: 'drop' }],
    ['a timeout', { timeout: 50 }, { type: 'delay', ms: 300 }],
    ['throttling', {}, { type: 'throttle', retryAfterMs: 10 }],
  ] as const)(
    'are in no view of the error for %s, its cause included',
    async (_, options, fault) => {
      if (fault !== undefined) emulator().faults.inject(fault, { times: 1 });
      const error = await caught(sender({ signatureVersion, ...options }).send(message));
      expectNoSecret(error);
      expectNoSecret((error as Error).cause);
    },
  );

  it('are in no view of the error for a refused connection', async () => {
    const error = await caught(
      sender({ signatureVersion, endpoint: 'http://127.0.0.1:9' }).send(message),
    );
    expect(error).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
    expectNoSecret(error);
  });

  it('are in no view of the parsed options or of resolved credentials', async () => {
    const parsed = parseAliyunSmsSenderOptions({
      ...demoConnectorConfig,
      ...demoStsCredentials,
      signatureVersion,
    });
    expect(parsed.staticCredentials).toMatchObject({
      accessKeySecret: secret,
      securityToken: token,
    });
    expectNoSecret(parsed);
    expect(JSON.parse(JSON.stringify(parsed))).toMatchObject({
      staticCredentials: {
        accessKeyId: demoStsCredentials.accessKeyId,
        accessKeySecret: '[redacted]',
        securityToken: '[redacted]',
      },
    });
    expectNoSecret(await resolveCredentials(parsed));
    expectNoSecret(
      await resolveCredentials({
        credentials: () => demoStsCredentials,
        staticCredentials: undefined,
      }),
    );
    expectNoSecret(
      await resolveCredentials(
        { credentials: undefined, staticCredentials: undefined },
        {
          ALIBABA_CLOUD_ACCESS_KEY_ID: 'id',
          ALIBABA_CLOUD_ACCESS_KEY_SECRET: secret,
          ALIBABA_CLOUD_SECURITY_TOKEN: token,
        },
      ),
    );
  });

  it('are in no view of an options error', () => {
    let error: unknown;
    try {
      sender({ signatureVersion, endpoint: token, timeout: secret as never });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({ code: 'INVALID_CONFIG' });
    expectNoSecret(error);
  });
});
