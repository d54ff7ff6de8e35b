// The harness end to end, small: one client in its own process, checked against the emulator,
// sends a few hundred requests to the stub. It proves the harness works, not how fast anything
// is (no figure is asserted beyond being measured). Runs the built files: `pnpm build` first,
// as `./run test` does.
import { existsSync } from 'node:fs';
import { demoCredentials, startEmulator } from '@smskit/aliyun-emulator';
import { describe, expect, it } from 'vitest';
import { clientCatalog } from '../clients/client-catalog.js';
import { builtFile } from '../paths.js';
import { startStubServer } from '../stub/start-stub-server.js';
import { measureThroughput } from './measure-throughput.js';

const message = {
  accessKeyId: demoCredentials.accessKeyId,
  accessKeySecret: demoCredentials.accessKeySecret,
  signName: 'smskit',
  templateCode: 'SMS_CN_SIGN_IN',
  phoneNumber: '13800138000',
  code: '123456',
};

describe('the throughput harness', () => {
  it('runs a client in its own process against the stub, after the emulator accepted its message', async () => {
    expect(existsSync(builtFile('throughput/client-process.js')), 'run pnpm build first').toBe(
      true,
    );
    const smskit = clientCatalog.filter((client) => client.id === 'smskit-v3');
    const stub = await startStubServer();
    const emulator = await startEmulator({ rateLimits: false });
    try {
      const [result] = await measureThroughput(
        smskit,
        { ...message, endpoint: stub.url },
        { warmupRequests: 100, rounds: 2, requests: 200, concurrency: 8 },
        {
          check: {
            target: { ...message, endpoint: emulator.url },
            accepted: () => emulator.inbox.list().length,
          },
        },
      );
      expect(emulator.inbox.list()).toEqual([
        expect.objectContaining({ phone: '+8613800138000', params: { code: '123456' } }),
      ]);
      expect(result?.id).toBe('smskit-v3');
      for (const [batches, concurrency] of [
        [result?.concurrent, 8],
        [result?.sequential, 1],
      ] as const) {
        expect(batches).toHaveLength(2);
        for (const batch of batches ?? []) {
          expect(batch).toMatchObject({ count: 200, concurrency });
          expect(batch.elapsedMs).toBeGreaterThan(0);
          expect(batch.cpuUserMicros + batch.cpuSystemMicros).toBeGreaterThan(0);
        }
      }
      expect(result?.peakRssBytes).toBeGreaterThan(0);
    } finally {
      await stub.stop();
      await emulator.stop();
    }
  }, 60_000);

  it('fails a client whose requests the stub does not accept as success', async () => {
    const stub = await startStubServer();
    try {
      // A target whose endpoint refuses connections: the client's check send fails.
      await expect(
        measureThroughput(
          clientCatalog.filter((client) => client.id === 'floor'),
          { ...message, endpoint: stub.url },
          { warmupRequests: 10, rounds: 1, requests: 10, concurrency: 2 },
          { check: { target: { ...message, endpoint: 'http://127.0.0.1:9' }, accepted: () => 0 } },
        ),
      ).rejects.toThrow(/floor: /);
    } finally {
      await stub.stop();
    }
  }, 30_000);
});
