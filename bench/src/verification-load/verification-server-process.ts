// A fresh Node process running the Express app as load.test.ts builds it: @smskit/express's
// router on a memory or Redis store, with a sender that delivers each code to the harness over
// IPC (so that the load driver can verify it). The limits are off and the resend interval 0, so
// that every flow is accepted and what is measured is the throughput of whole flows.
// Arguments: `memory`, or `redis <url>`.
import type { AddressInfo } from 'node:net';
import type { SmsSender } from '@smskit/core';
import { createSmsVerification, RedisStore } from '@smskit/express';
import express from 'express';
import { Redis } from 'ioredis';
import type { FromVerificationServer } from './verification-load-messages.js';

const [store = 'memory', redisUrl] = process.argv.slice(2);
const tell = (message: FromVerificationServer) => process.send?.(message);

let sent = 0;
const sender: SmsSender = {
  name: 'bench',
  async send(message) {
    sent += 1;
    tell({ type: 'code', phone: message.to, code: message.params.code ?? '' });
    return {
      provider: 'bench',
      messageId: String(sent),
      requestId: undefined,
      route: 'china',
      to: message.to,
    };
  },
};

const redis = store === 'redis' ? new Redis(redisUrl ?? '') : undefined;
const { router } = createSmsVerification({
  sender,
  ...(redis === undefined ? {} : { store: new RedisStore({ client: redis, prefix: 'bench:' }) }),
  hashSecret: 'bench-hash-secret-of-at-least-32-bytes',
  resendIntervalSeconds: 0,
  maxSendsPerNumberPerHour: false,
  maxSendsPerNumberPerDay: false,
  maxSendsPerIpPerHour: false,
});
const app = express();
app.set('trust proxy', 'loopback');
app.use('/sms', router);
const server = app.listen(0, '127.0.0.1', () => {
  tell({ type: 'listening', port: (server.address() as AddressInfo).port });
});
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close();
  redis?.disconnect();
});
