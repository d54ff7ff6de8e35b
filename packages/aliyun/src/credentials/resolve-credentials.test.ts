import { demoConnectorConfig, demoCredentials, demoStsCredentials } from '@smskit/aliyun-emulator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordRequests } from '../../test/record-requests.js';
import { useEmulator } from '../../test/use-emulator.js';
import { createAliyunSmsSender } from '../create-aliyun-sms-sender.js';
import type { AliyunCredentials } from '../options/aliyun-sms-sender-options.js';
import { resolveCredentials } from './resolve-credentials.js';

const emulator = useEmulator();
let stopRecording: (() => void) | undefined;
afterEach(() => stopRecording?.());

const { accessKeyId: _id, accessKeySecret: _secret, ...withoutKeys } = demoConnectorConfig;
const message = { to: '+8613800138000', usageType: 'SignIn', params: { code: '123456' } } as const;

const record = () => {
  const recorder = recordRequests(emulator().url);
  stopRecording = recorder.stop;
  return recorder.sent;
};

describe.each(['v3', 'v1'] as const)('STS credentials, signed with %s', (signatureVersion) => {
  it('sends and signs the security token given in the options', async () => {
    const sent = record();
    const sender = createAliyunSmsSender({
      ...withoutKeys,
      ...demoStsCredentials,
      endpoint: emulator().url,
      signatureVersion,
    });
    await sender.send(message);
    expect(emulator().inbox.list()).toHaveLength(1);
    const [request] = sent;
    if (signatureVersion === 'v3') {
      expect(request?.headers['x-acs-security-token']).toBe(demoStsCredentials.securityToken);
      expect(request?.headers.authorization).toContain('x-acs-security-token');
    } else {
      expect(request?.query.SecurityToken).toBe(demoStsCredentials.securityToken);
      expect(request?.query.AccessKeyId).toBe(demoStsCredentials.accessKeyId);
    }
  });

  it('asks the credentials provider before every request, so rotated keys take effect at once', async () => {
    const sent = record();
    const rotation: AliyunCredentials[] = [demoCredentials, demoStsCredentials, demoCredentials];
    const provider = vi.fn(async () => rotation.shift() ?? demoCredentials);
    const sender = createAliyunSmsSender({
      ...withoutKeys,
      credentials: provider,
      endpoint: emulator().url,
      signatureVersion,
    });
    for (const to of ['+8613800138000', '+8613800138001', '+8613800138002']) {
      await sender.send({ ...message, to });
    }
    expect(provider).toHaveBeenCalledTimes(3);
    expect(emulator().inbox.list()).toHaveLength(3);
    const keyIds = sent.map((request) =>
      signatureVersion === 'v3'
        ? /Credential=([^,]+)/.exec(request.headers.authorization ?? '')?.[1]
        : request.query.AccessKeyId,
    );
    expect(keyIds).toEqual([
      demoCredentials.accessKeyId,
      demoStsCredentials.accessKeyId,
      demoCredentials.accessKeyId,
    ]);
  });

  it('asks the provider again for a retry', async () => {
    emulator().faults.inject({ type: 'throttle' }, { times: 1 });
    const provider = vi.fn(() => demoStsCredentials);
    const sender = createAliyunSmsSender({
      ...withoutKeys,
      credentials: provider,
      endpoint: emulator().url,
      signatureVersion,
      retry: { delay: 10 },
    });
    await sender.send(message);
    expect(provider).toHaveBeenCalledTimes(2);
  });
});

describe('resolveCredentials', () => {
  const none = { credentials: undefined, staticCredentials: undefined };

  it('reads the standard environment variables when it is called', async () => {
    const environment = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: demoStsCredentials.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: demoStsCredentials.accessKeySecret,
      ALIBABA_CLOUD_SECURITY_TOKEN: demoStsCredentials.securityToken,
    };
    await expect(resolveCredentials(none, environment)).resolves.toEqual(demoStsCredentials);
    await expect(
      resolveCredentials(none, { ...environment, ALIBABA_CLOUD_SECURITY_TOKEN: '' }),
    ).resolves.toEqual({
      accessKeyId: demoStsCredentials.accessKeyId,
      accessKeySecret: demoStsCredentials.accessKeySecret,
      securityToken: undefined,
    });
  });

  it('names the missing variable', async () => {
    await expect(resolveCredentials(none, {})).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
      field: 'accessKeyId',
    });
    await expect(
      resolveCredentials(none, { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI' }),
    ).rejects.toMatchObject({ code: 'INVALID_CONFIG', field: 'accessKeySecret' });
  });

  it('prefers the options to the environment', async () => {
    await expect(
      resolveCredentials(
        { credentials: undefined, staticCredentials: demoCredentials },
        { ALIBABA_CLOUD_ACCESS_KEY_ID: 'other', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'other' },
      ),
    ).resolves.toEqual(demoCredentials);
  });

  it('refuses what a provider returns when it is not credentials, and wraps its failure', async () => {
    await expect(
      resolveCredentials({
        ...none,
        credentials: () => ({ accessKeyId: '', accessKeySecret: 'x' }),
      }),
    ).rejects.toMatchObject({ code: 'INVALID_CONFIG', field: 'credentials' });
    await expect(
      resolveCredentials({
        ...none,
        credentials: () => ({ ...demoCredentials, securityToken: 42 }) as never,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_CONFIG', field: 'credentials' });
    const failure = new Error('STS is down');
    await expect(
      resolveCredentials({ ...none, credentials: () => Promise.reject(failure) }),
    ).rejects.toMatchObject({ code: 'INVALID_CONFIG', field: 'credentials', cause: failure });
  });
});
