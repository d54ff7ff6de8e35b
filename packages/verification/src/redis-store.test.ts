import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { createMemorySender } from '@smskit/core';
import { type RedisServer, startRedisServer } from '@smskit/test-support';
import { Redis } from 'ioredis';
import { Redis as Redis5 } from 'ioredis5';
import { createClient } from 'redis';
import { createClient as createClient4 } from 'redis4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerificationService } from './create-verification-service.js';
import { RedisStore, type RedisStoreOptions } from './redis-store.js';
import { runVerificationStoreConformance } from './testing/run-verification-store-conformance.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedisServer();
}, 20_000);
afterAll(async () => {
  await server?.stop();
});

// Every subject gets its own prefix: the tests share one server and must not see each other.
const freshPrefix = () => `test:${randomUUID()}:`;

runVerificationStoreConformance('RedisStore with ioredis 6', () => {
  const client = new Redis(server.url);
  return {
    store: new RedisStore({ client, prefix: freshPrefix() }),
    close: async () => client.disconnect(),
  };
});

runVerificationStoreConformance('RedisStore with ioredis 5', () => {
  const client = new Redis5(server.url);
  return {
    store: new RedisStore({ client, prefix: freshPrefix() }),
    close: async () => client.disconnect(),
  };
});

runVerificationStoreConformance('RedisStore with node-redis 6', async () => {
  const client = await createClient({ url: server.url }).connect();
  return {
    store: new RedisStore({ client, prefix: freshPrefix() }),
    close: async () => client.destroy(),
  };
});

runVerificationStoreConformance('RedisStore with node-redis 4', async () => {
  const client = createClient4({ url: server.url });
  await client.connect();
  return {
    store: new RedisStore({ client, prefix: freshPrefix() }),
    close: async () => client.disconnect(),
  };
});

describe('RedisStore', () => {
  it.each([
    ['no client', {}, 'client'],
    ['a client of another kind', { client: { get: () => undefined } }, 'client'],
    ['a prefix that is no string', { client: { call: async () => null }, prefix: 1 }, 'prefix'],
  ])('refuses %s, naming the field', (_, options, field) => {
    expect(() => new RedisStore(options as unknown as RedisStoreOptions)).toThrowError(
      expect.objectContaining({ code: 'INVALID_CONFIG', field }),
    );
  });

  it('keeps only hashes in Redis, under its prefix, every key expiring', async () => {
    const client = new Redis(server.url);
    try {
      const prefix = freshPrefix();
      const sender = createMemorySender();
      const service = createVerificationService({
        sender,
        store: new RedisStore({ client, prefix }),
        hashSecret: 'redis-test-secret-of-at-least-32-bytes',
      });
      await service.send('+8613800138000', 'SignIn', { ip: '203.0.113.9' });
      const code = sender.lastMessageTo('+8613800138000')?.params.code as string;

      const keys = (await client.keys(`${prefix}*`)).sort();
      expect(keys.map((key) => key.slice(prefix.length))).toEqual([
        'code:SignIn:+8613800138000',
        'resend:SignIn:+8613800138000',
        'sends:ip:hour:203.0.113.9',
        'sends:number:day:+8613800138000',
        'sends:number:hour:+8613800138000',
      ]);
      for (const key of keys) {
        expect(await client.pttl(key)).toBeGreaterThan(0);
      }
      const stored = await client.hgetall(`${prefix}code:SignIn:+8613800138000`);
      expect(stored).toEqual({
        id: expect.any(String),
        hash: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        sentAt: expect.stringMatching(/^[0-9]+$/),
        attempts: '0',
      });
      expect(JSON.stringify(stored)).not.toMatch(new RegExp(`(?<![0-9])${code}(?![0-9])`));
    } finally {
      client.disconnect();
    }
  });

  it('loads its scripts again when Redis forgot them', async () => {
    const client = await createClient({ url: server.url }).connect();
    try {
      const store = new RedisStore({ client, prefix: freshPrefix() });
      expect(await store.increment('counter', 60_000)).toMatchObject({ count: 1 });
      await client.scriptFlush();
      expect(await store.increment('counter', 60_000)).toMatchObject({ count: 2 });
    } finally {
      client.destroy();
    }
  });

  it('shows neither its client nor its password when inspected', () => {
    const client = new Redis({
      host: '127.0.0.1',
      port: server.port,
      password: 'redis-password',
      lazyConnect: true,
    });
    const store = new RedisStore({ client });
    expect(store.prefix).toBe('smskit:verification:');
    for (const view of [inspect(store, { depth: 10, showHidden: true }), JSON.stringify(store)]) {
      expect(view).not.toContain('redis-password');
    }
    client.disconnect();
  });

  it("rejects with the client's error when Redis is unreachable", async () => {
    const client = await createClient({ url: server.url }).connect();
    client.destroy();
    const store = new RedisStore({ client, prefix: freshPrefix() });
    await expect(store.increment('counter', 1_000)).rejects.toThrow();
  });
});
