// @smskit/aliyun, as its README shows it. Variants: `signatureVersion` (v3, v1) and `transport`:
// `global-fetch` (ky over Node's global fetch) or `node-http` (`agents: {}`) instead of the default
// transport. An undici Agent of one's own is smskit-undici.ts, which needs undici installed.
import { createAliyunSmsSender } from '@smskit/aliyun';
import type { CreateBenchClient } from './bench-client.js';

export const createClient: CreateBenchClient = async (target, variant) => {
  const sender = createAliyunSmsSender({
    accessKeyId: target.accessKeyId,
    accessKeySecret: target.accessKeySecret,
    signName: target.signName,
    templates: ['Register', 'SignIn', 'ForgotPassword', 'Generic'].map((usageType) => ({
      usageType,
      templateCode: target.templateCode,
    })),
    endpoint: target.endpoint,
    signatureVersion: variant.signatureVersion === 'v1' ? 'v1' : 'v3',
    ...(variant.transport === 'global-fetch' ? { fetch: globalThis.fetch } : {}),
    ...(variant.transport === 'node-http' ? { agents: {} } : {}),
  });
  const message = {
    to: `+86${target.phoneNumber}`,
    usageType: 'SignIn',
    params: { code: target.code },
  } as const;
  return {
    async send() {
      // Resolves only for Code OK; every failure rejects with an SmsError.
      await sender.send(message);
    },
    async close() {},
  };
};
