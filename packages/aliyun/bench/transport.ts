// CPU per request of the HTTP stacks @smskit/aliyun could send with, 32 requests in flight
// against a local keep-alive server running in a child process (so that only the client's CPU
// is counted). Run after `pnpm build`: node packages/aliyun/bench/transport.ts
// It chose the transport: see src/transport/undici-fetch.ts and the README's "Transport".
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import ky from 'ky';
import { Agent } from 'undici';
import { createAliyunSmsSender } from '../dist/index.js';
import { createUndiciFetch } from '../dist/transport/undici-fetch.js';

const inFlight = 32;
const warmUp = 3_000;
const measured = Number(process.env.BENCH_REQUESTS ?? 20_000);

const serverSource = `
const http = require('node:http');
const body = JSON.stringify({ RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990', Message: 'OK', BizId: '900619746936498440^0', Code: 'OK' });
const server = http.createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

const query =
  'PhoneNumbers=13800138000&SignName=smskit&TemplateCode=SMS_CN_SIGN_IN&TemplateParam=%7B%22code%22%3A%22123456%22%7D';
const headers = {
  'x-acs-action': 'SendSms',
  'x-acs-version': '2017-05-25',
  'x-acs-date': '2025-01-02T03:04:05Z',
  'x-acs-signature-nonce': '3a9f0c2e5b7d4e1f8a6c0b2d4e6f8a1c',
  'x-acs-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  authorization:
    'ACS3-HMAC-SHA256 Credential=LTAI5tTestKeyId0001,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=c015faae82c739d6064b5f810cb89d2b055270169b4e58fa3207296a70862bde',
  accept: 'application/json',
};

type Send = (url: string) => Promise<unknown>;

const templates = ['Register', 'SignIn', 'ForgotPassword', 'Generic'].map((usageType) => ({
  usageType,
  templateCode: 'SMS_CN_SIGN_IN',
}));
let sender: ReturnType<typeof createAliyunSmsSender> | undefined;

async function cpuPerRequest(send: Send, url: string): Promise<number> {
  const run = async (total: number) => {
    let started = 0;
    const worker = async () => {
      while (started < total) {
        started += 1;
        await send(url);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
  };
  await run(warmUp);
  const before = process.cpuUsage();
  await run(measured);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / measured;
}

const agent = new Agent({ keepAliveTimeout: 10_000 });
const nodeAgent = new http.Agent({ keepAlive: true });
const adapter = createUndiciFetch(agent);
const kyOptions = { headers, timeout: 10_000, retry: 0 } as const;

const variants: [string, Send][] = [
  [
    'undici Agent.request (floor)',
    async (url) => {
      const { origin, pathname, search } = new URL(url);
      const answer = await agent.request({
        origin,
        path: `${pathname}${search}`,
        method: 'POST',
        headers,
      });
      return JSON.parse(await answer.body.text());
    },
  ],
  [
    'node:http keep-alive agent',
    (url) =>
      new Promise((resolve, reject) => {
        const request = http.request(
          url,
          { method: 'POST', agent: nodeAgent, headers },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
            response.on('error', reject);
          },
        );
        request.on('error', reject);
        request.end();
      }),
  ],
  ['global fetch', async (url) => (await fetch(url, { method: 'POST', headers })).json()],
  ['ky over global fetch', (url) => ky.post(url, kyOptions).json()],
  [
    'ky over undici request adapter',
    (url) => ky.post(url, { ...kyOptions, fetch: adapter }).json(),
  ],
  [
    'undici request adapter without ky',
    async (url) => (await adapter(new Request(url, { method: 'POST', headers }))).json(),
  ],
  [
    // Everything a send does: validation, routing, signing (V3), ky, undici, zod.
    '@smskit/aliyun sender.send (whole path)',
    (url) => {
      sender ??= createAliyunSmsSender({
        accessKeyId: 'LTAI5tTestKeyId0001',
        accessKeySecret: 'TestSecret0123456789abcdefghij',
        signName: 'smskit',
        templates,
        endpoint: new URL(url).origin,
      });
      return sender.send({ to: '+8613800138000', usageType: 'SignIn', params: { code: '123456' } });
    },
  ],
];

const server = spawn(process.execPath, ['-e', serverSource], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [port] = (await once(server.stdout, 'data')) as [Buffer];
const url = `http://127.0.0.1:${String(port).trim()}/?${query}`;
const only = process.env.BENCH_ONLY;
try {
  for (const [name, send] of variants) {
    if (only !== undefined && !name.includes(only)) continue;
    const micros = await cpuPerRequest(send, url);
    process.stdout.write(
      `${name.padEnd(34)} ${micros.toFixed(0).padStart(4)} µs CPU per request\n`,
    );
  }
} finally {
  server.kill();
  await agent.close();
  nodeAgent.destroy();
}
