import { demoConnectorConfig, demoCredentials, startEmulator } from '@smskit/aliyun-emulator';
import { runSmsSenderConformance } from '@smskit/core/testing';
import { createAliyunSmsSender } from './create-aliyun-sms-sender.js';

const wrongSecret = 'not-the-demo-secret-4c1d';

runSmsSenderConformance('aliyun sender against the emulator', async () => {
  const emulator = await startEmulator({ rateLimits: false });
  const options = { ...demoConnectorConfig, endpoint: emulator.url };
  return {
    sender: createAliyunSmsSender(options),
    // Oldest first, as the suite expects; the inbox lists newest first.
    received: async () =>
      emulator.inbox
        .list()
        .reverse()
        .map((message) => ({ to: message.phone, params: message.params })),
    rejectedSender: createAliyunSmsSender({ ...options, accessKeySecret: wrongSecret }),
    secrets: [demoCredentials.accessKeySecret, wrongSecret, '123456'],
    close: () => emulator.stop(),
  };
});
