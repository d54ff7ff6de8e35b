import { once } from 'node:events';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startRedisServer } from './start-redis-server.js';

describe('startRedisServer', () => {
  it('starts redis-server on a free loopback port and stops it', async () => {
    const server = await startRedisServer();
    try {
      expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
      const socket = connect(server.port, server.host);
      socket.end('PING\r\n');
      const [reply] = (await once(socket, 'data')) as [Buffer];
      expect(reply.toString()).toBe('+PONG\r\n');
    } finally {
      await server.stop();
    }
    const refused = connect(server.port, server.host);
    const [error] = (await once(refused, 'error')) as [NodeJS.ErrnoException];
    expect(error.code).toBe('ECONNREFUSED');
  }, 20_000);

  it('says how to get redis-server when it is missing', async () => {
    await expect(startRedisServer({ command: 'redis-server-not-installed' })).rejects.toThrow(
      /redis-server-not-installed is not installed.*apt-get install redis-server/,
    );
  });
});
