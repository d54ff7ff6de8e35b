// Send and verify from many simulated numbers, through two Express servers sharing one Redis
// store (two processes of one app), on loopback for a few seconds. Afterwards: no code lost,
// none accepted twice, every limit held. Correctness only; the throughput the driver measures
// belongs to `pnpm bench`.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createMemorySender } from '@smskit/core';
import {
  driveVerificationLoad,
  type LoadRequest,
  type RedisServer,
  startRedisServer,
  type VerificationLoadResult,
} from '@smskit/test-support';
import express from 'express';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsVerification, RedisStore } from './index.js';

const limits = {
  resendIntervalSeconds: 60,
  maxSendsPerNumberPerHour: 3,
  maxSendsPerNumberPerDay: 10,
  maxSendsPerIpPerHour: 15,
};
const numbers = Array.from({ length: 20 }, (_, index) => `+86138${String(index).padStart(8, '0')}`);
// Half of the flows come from the first address, so that it reaches its limit while the
// numbers reach theirs.
const clientIps = ['198.51.100.1', '2001:db8:7::1', '198.51.100.1', '198.51.100.2'];
const usageTypes = ['SignIn', 'Register', 'ForgotPassword', 'Generic', 'BindMfa'];

const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

describe('load through the Express router on a shared Redis store', () => {
  let redis: RedisServer;
  const clients: Redis[] = [];
  const servers: ReturnType<express.Express['listen']>[] = [];
  const sender = createMemorySender();
  let result: VerificationLoadResult;
  let accepted: LoadRequest[];

  beforeAll(async () => {
    redis = await startRedisServer();
    const prefix = `load:${Date.now()}:`;
    const baseUrls: string[] = [];
    for (let process = 0; process < 2; process += 1) {
      const client = new Redis(redis.url);
      clients.push(client);
      const { router } = createSmsVerification({
        sender,
        store: new RedisStore({ client, prefix }),
        hashSecret: 'load-test-hash-secret-of-32-bytes!',
        ...limits,
      });
      const app = express();
      app.set('trust proxy', 'loopback');
      app.use('/sms', router);
      const server = app.listen(0, '127.0.0.1');
      await once(server, 'listening');
      servers.push(server);
      baseUrls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`);
    }
    result = await driveVerificationLoad({
      baseUrls,
      readCode: (phone) => sender.lastMessageTo(phone)?.params.code,
      numbers,
      usageTypes,
      clientIps,
      concurrency: 10,
      durationMs: 4_000,
    });
    accepted = result.requests.filter(
      (request) => request.kind === 'send' && request.status === 202,
    );
  }, 60_000);

  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    for (const client of clients) client.disconnect();
    await redis?.stop();
  });

  it('answered every request with a status a client can act on', () => {
    expect(result.requests.length).toBeGreaterThan(100);
    const statuses = new Set(result.requests.map((request) => request.status));
    expect([...statuses].filter((status) => ![200, 202, 400, 429].includes(status))).toEqual([]);
  });

  it('reached every kind of refusal, so that the limits were tested', () => {
    const refusals = new Set(result.requests.map((request) => request.errorCode));
    for (const code of ['TOO_SOON', 'LIMIT_REACHED', 'INVALID_CODE', 'CODE_EXPIRED']) {
      expect(refusals).toContain(code);
    }
  });

  it('sent exactly one SMS per accepted send, and lost no code', () => {
    expect(sender.messages).toHaveLength(accepted.length);
    for (const send of accepted) expect(send.code).toMatch(/^[0-9]{6}$/);
    const sentPerNumber = countBy(sender.messages, (message) => message.to);
    expect(countBy(accepted, (send) => send.phone)).toEqual(sentPerNumber);
  });

  it('accepted every code exactly once: one of two concurrent verifies, no replay', () => {
    for (const send of accepted) {
      const verifies = result.requests.filter(
        (request) => request.flow === send.flow && request.kind !== 'send',
      );
      const statuses = (kind: LoadRequest['kind']) =>
        verifies
          .filter((request) => request.kind === kind)
          .map((request) => `${request.status} ${request.errorCode}`);
      expect(statuses('verify').sort()).toEqual(['200 undefined', '400 CODE_EXPIRED']);
      expect(statuses('verify-replay')).toEqual(['400 CODE_EXPIRED']);
      expect(statuses('verify-wrong')).toEqual(
        verifies.some((request) => request.kind === 'verify-wrong') ? ['400 INVALID_CODE'] : [],
      );
    }
    const verified = result.requests.filter((request) => request.status === 200);
    expect(verified).toHaveLength(accepted.length);
  });

  it('held the resend interval, the per-number limit and the per-IP limit', () => {
    // The run is shorter than the resend interval: one code per number and usage type.
    for (const count of countBy(accepted, (send) => `${send.phone} ${send.usageType}`).values()) {
      expect(count).toBe(1);
    }
    // Reached, and never passed.
    const perNumber = [...countBy(sender.messages, (message) => message.to).values()];
    expect(Math.max(...perNumber)).toBe(limits.maxSendsPerNumberPerHour);
    const perIp = countBy(sender.messages, (message) => message.ip ?? 'none');
    expect([...perIp.keys()].sort()).toEqual([...new Set(clientIps)].sort());
    expect(Math.max(...perIp.values())).toBe(limits.maxSendsPerIpPerHour);
  });
});
