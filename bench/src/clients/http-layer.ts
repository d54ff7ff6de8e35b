// The HTTP layers under @smskit/aliyun, alone, to tell what each costs per request: a
// dispatcher's `dispatch` with the answer read whole (the default transport's way, over the
// dispatcher of Node's fetch, and the `dispatcher` option's), undici's `Pool.request` (the
// floor's), node:http's `request` (the `agents` option's), ky over a fetch that costs nothing,
// the `new Request` ky makes for every request, and Node's global fetch against the stub, alone
// and under ky (the `fetch` option's way). The requests carry the headers and query of a signed
// SendSms (fixed; the stub checks no signature). Variant `layer`.
import { Agent as HttpAgent, request } from 'node:http';
import ky from 'ky';
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

interface Dispatcher {
  dispatch(options: object, handler: object): boolean;
}

// As @smskit/aliyun's dispatcher transport reads an answer: chunks kept, joined at the end.
const dispatchVia = (dispatcher: Dispatcher, origin: string) => () =>
  new Promise<void>((resolve, reject) => {
    const chunks: Buffer[] = [];
    dispatcher.dispatch(
      { origin, path: `/${query}`, method: 'POST', headers },
      {
        onConnect() {},
        onHeaders() {
          return true;
        },
        onData(chunk: Buffer) {
          chunks.push(chunk);
          return true;
        },
        onComplete() {
          try {
            expectOk(Buffer.concat(chunks).toString('utf8'));
            resolve();
          } catch (error) {
            reject(error);
          }
        },
        onError: reject,
      },
    );
  });

export const createClient: CreateBenchClient = async (target, variant) => {
  const url = `${target.endpoint}/${query}`;
  const answer = JSON.stringify({ Code: 'OK' });
  // A fetch that does nothing: ky gets the same finished Response every time and reads no body.
  const prepared = new Response(answer, { headers: { 'content-type': 'application/json' } });
  const zeroCostFetch = async () => prepared;
  const closers: (() => Promise<unknown>)[] = [];
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
  // Loaded only by the layers that use it: importing undici makes its Agent the global dispatcher
  // (where none is set yet), in place of the one inside Node.
  const undici = () => import('undici');
  const layers: Record<string, () => Promise<() => Promise<void>> | (() => Promise<void>)> = {
    'ky-zero-cost-fetch': () => viaKy(zeroCostFetch),
    'ky-zero-cost-fetch-no-timeout': () => viaKy(zeroCostFetch, { timeout: false }),
    'request-with-signal': () => async () => {
      new Request(url, { method: 'POST', headers, signal: new AbortController().signal });
    },
    'request-without-signal': () => async () => {
      new Request(url, { method: 'POST', headers });
    },
    'undici-pool-request': async () => {
      const pool = new (await undici()).Pool(target.endpoint);
      closers.push(() => pool.close());
      return async () => {
        const response = await pool.request({ path: `/${query}`, method: 'POST', headers });
        expectOk(await response.body.text());
      };
    },
    'node-http-request': () => {
      // As @smskit/aliyun's `agents` transport sends: a keep-alive agent, the body read whole.
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
    'undici-agent-dispatch': async () => {
      const agent = new (await undici()).Agent();
      closers.push(() => agent.close());
      return dispatchVia(agent, target.endpoint);
    },
    // Where @smskit/aliyun finds it: Node sets it on the first use of its fetch classes.
    'node-global-dispatch': () => {
      void globalThis.Response;
      const dispatcher = Reflect.get(globalThis, Symbol.for('undici.globalDispatcher.1'));
      return dispatchVia(dispatcher as Dispatcher, target.endpoint);
    },
    'global-fetch': () => alone(globalThis.fetch),
    'ky-global-fetch': () => viaKy(globalThis.fetch),
  };
  const layer = layers[variant.layer ?? ''];
  if (layer === undefined) throw new Error(`no HTTP layer ${variant.layer}`);
  const send = await layer();
  return {
    send,
    async close() {
      for (const close of closers) await close();
    },
  };
};
