// Starts an @smskit/aliyun-emulator on port 0 for a test file, with a clean inbox and no faults
// before each test.
import {
  demoConfig,
  type Emulator,
  type EmulatorOptions,
  startEmulator,
} from '@smskit/aliyun-emulator';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export function useEmulator(options: EmulatorOptions = { rateLimits: false }): () => Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator(options);
  });
  afterAll(async () => {
    await emulator?.stop();
  });
  beforeEach(() => {
    emulator?.inbox.clear();
    emulator?.faults.clear();
  });
  return () => {
    if (emulator === undefined) throw new Error('the emulator is not running');
    return emulator;
  };
}

/**
 * The demo config with no rate limits and one more template: `SMS_NOTICE`, a mainland
 * notification template with a `name` variable (up to 35 characters of any text).
 */
export const withNoticeTemplate: EmulatorOptions = {
  rateLimits: false,
  templates: [
    ...demoConfig.templates,
    {
      code: 'SMS_NOTICE',
      route: 'china',
      type: 'notification',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an Aliyun template text.
      text: '您好${name}，您的订单已发货。',
    },
  ],
};
