// Starts an @smskit/aliyun-emulator on port 0 for a test file, with a clean inbox and no faults
// before each test.
import { type Emulator, type EmulatorOptions, startEmulator } from '@smskit/aliyun-emulator';
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
