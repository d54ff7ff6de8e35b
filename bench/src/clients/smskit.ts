// @smskit/aliyun, as its README shows it. Variants: `signatureVersion` (v3, v1) and
// `fetch: 'global'` (Node's global fetch instead of the default transport). The undici transport
// is smskit-undici.ts, which needs undici installed.
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
    ...(variant.fetch === 'global' ? { fetch: globalThis.fetch } : {}),
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
