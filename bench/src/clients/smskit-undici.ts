// @smskit/aliyun sending through an undici Agent of its own, the option its README's "Transport"
// shows: `dispatcher: new Agent()`, with undici installed next to it.
import { createAliyunSmsSender } from '@smskit/aliyun';
import { Agent } from 'undici';
import type { CreateBenchClient } from './bench-client.js';

export const createClient: CreateBenchClient = async (target, variant) => {
  const agent = new Agent();
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
    dispatcher: agent,
  });
  const message = {
    to: `+86${target.phoneNumber}`,
    usageType: 'SignIn',
    params: { code: target.code },
  } as const;
  return {
    async send() {
      await sender.send(message);
    },
    close: () => agent.close(),
  };
};
