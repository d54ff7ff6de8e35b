// The HTTP layers under @smskit/aliyun, alone, to tell what each costs per request: node:http's
// `request` (the default transport's way), undici's `Pool.request` (the floor's), ky over a
// fetch that costs nothing, the `new Request` ky makes for every request, the fetch adapter and
// Node's global fetch against the stub, and ky over each (the `fetch` option's way). The requests carry the headers
// and query of a signed SendSms (fixed; the stub checks no signature). Variant `layer`.
import { Agent as HttpAgent, request } from 'node:http';
import { createUndiciFetch } from '@smskit/aliyun';
import ky from 'ky';
import { Agent, Pool } from 'undici';
import type { CreateBenchClient } from './bench-client.js';

const headers = {
  accept: 'application/json',
  authorization:
    'ACS3-HMAC-SHA256 Credential=LTAI5tSmskitBenchKey01,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=c015faae82c739d6064b5f810cb89d2b055270169b4e58fa3207296a70862bde',
  'user-agent': 'smskit-aliyun (Node.js bench)',
  'x-acs-action': 'SendSms',
  'x-acs-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'x-acs-date': '2025-01-02T03:04:05Z',
  'x-acs-signature-nonce': '3a9f0c2e-5b7d-4e1f-8a6c-0b2d4e6f8a1c',
  'x-acs-version': '2017-05-25',
};
const query =
  '?PhoneNumbers=13800138000&SignName=smskit&TemplateCode=SMS_CN_SIGN_IN&TemplateParam=%7B%22code%22%3A%22123456%22%7D';
// What @smskit/aliyun gives ky.
const kyOptions = { retry: 0, throwHttpErrors: false, timeout: 10_000 } as const;

const expectOk = (text: string) => {
  if (!text.includes('"Code":"OK"')) throw new Error(`the stub answered ${text}`);
};

export const createClient: CreateBenchClient = async (target, variant) => {
  const url = `${target.endpoint}/${query}`;
  const answer = JSON.stringify({ Code: 'OK' });
  // A fetch that does nothing: ky gets the same finished Response every time and reads no body.
  const prepared = new Response(answer, { headers: { 'content-type': 'application/json' } });
  const zeroCostFetch = async () => prepared;
  const closers: (() => Promise<unknown>)[] = [];
  const undici = () => {
    const agent = new Agent();
    closers.push(() => agent.close());
    return createUndiciFetch(agent);
  };
  const viaKy = (fetch: typeof globalThis.fetch, options: object = {}) => {
    const client = ky.create({ ...kyOptions, fetch, ...options });
    return async () => {
      const response = await client(url, { method: 'POST', headers });
      if (fetch !== zeroCostFetch) expectOk(await response.text());
    };
  };
  const alone = (fetch: typeof globalThis.fetch) => async () => {
    expectOk(await (await fetch(url, { method: 'POST', headers })).text());
  };
  const layers: Record<string, () => () => Promise<void>> = {
    'ky-zero-cost-fetch': () => viaKy(zeroCostFetch),
    'ky-zero-cost-fetch-no-timeout': () => viaKy(zeroCostFetch, { timeout: false }),
    'request-with-signal': () => async () => {
      new Request(url, { method: 'POST', headers, signal: new AbortController().signal });
    },
    'request-without-signal': () => async () => {
      new Request(url, { method: 'POST', headers });
    },
    'undici-pool-request': () => {
      const pool = new Pool(target.endpoint);
      closers.push(() => pool.close());
      return async () => {
        const response = await pool.request({ path: `/${query}`, method: 'POST', headers });
        expectOk(await response.body.text());
      };
    },
    'node-http-request': () => {
      // As @smskit/aliyun's default transport sends: a keep-alive agent, the body read whole.
      const agent = new HttpAgent({ keepAlive: true, scheduling: 'lifo', timeout: 5_000 });
      closers.push(async () => agent.destroy());
      return () =>
        new Promise<void>((resolve, reject) => {
          const outgoing = request(url, { method: 'POST', headers, agent }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              try {
                expectOk(Buffer.concat(chunks).toString('utf8'));
                resolve();
              } catch (error) {
                reject(error);
              }
            });
            response.on('error', reject);
          });
          outgoing.on('error', reject);
          outgoing.end();
        });
    },
    'undici-fetch': () => alone(undici()),
    'global-fetch': () => alone(globalThis.fetch),
    'ky-undici-fetch': () => viaKy(undici()),
    'ky-global-fetch': () => viaKy(globalThis.fetch),
  };
  const layer = layers[variant.layer ?? ''];
  if (layer === undefined) throw new Error(`no HTTP layer ${variant.layer}`);
  const send = layer();
  return {
    send,
    async close() {
      for (const close of closers) await close();
    },
  };
};
