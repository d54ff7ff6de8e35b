// The official connector and this one, given the same config and message, send the same Aliyun
// parameters: both through a recording proxy to the emulator, which checks both V1 signatures.
import https from 'node:https';
import { connect } from 'node:net';
import createOfficialConnector from '@logto/connector-aliyun-sms';
import type { SendMessageData } from '@logto/connector-kit';
import { demoConnectorConfig, type Emulator, startEmulator } from '@smskit/aliyun-emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConnector } from '../src/create-connector.js';
import { type RecordingProxy, startRecordingProxy } from './recording-proxy.js';

let emulator: Emulator;
let proxy: RecordingProxy;
const originalAgent = https.globalAgent;

/**
 * The official connector's endpoint is fixed (`https://dysmsapi.aliyuncs.com/`). Its HTTP client
 * (got) uses Node's global HTTPS agent; this one opens plain connections to the proxy, so that the
 * request, signed parameters and `Host` header unchanged, reaches the emulator. V1 signs no host.
 */
class ToProxyAgent extends https.Agent {
  override createConnection() {
    return connect(proxy.port, '127.0.0.1');
  }
}

beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false });
  proxy = await startRecordingProxy(emulator.url);
  https.globalAgent = new ToProxyAgent();
});

afterAll(async () => {
  https.globalAgent = originalAgent;
  await proxy?.stop();
  await emulator?.stop();
});

beforeEach(() => {
  proxy.clear();
  emulator.inbox.clear();
});

const notUsed = async () => {
  throw new Error('not used');
};
const official = await createOfficialConnector({ getConfig: notUsed });
const ours = await createConnector({ getConfig: notUsed });
const oursInV1 = { ...demoConnectorConfig, endpoint: '', signatureVersion: 'v1' };

// Fresh for every request, or signature material.
const perRequest = new Set(['Signature', 'SignatureNonce', 'Timestamp']);
const aliyunParameters = ({ params }: { params: Readonly<Record<string, string>> }) =>
  Object.fromEntries(
    Object.entries(params)
      .filter(([name]) => !perRequest.has(name))
      // The official connector sends `json`, @smskit/aliyun `JSON`, Aliyun's documented value;
      // Aliyun reads both.
      .map(([name, value]) => [name, name === 'Format' ? value.toUpperCase() : value]),
  );

describe.each([
  ['a mainland number', '13800138000', 'SignIn'],
  ['a Hong Kong number', '85261234567', 'Register'],
  ['a mainland number with its country code', '8613800138000', 'ForgotPassword'],
])('for %s', (_, to, type) => {
  const data = { to, type, payload: { code: '482913', locale: 'zh-CN' } } as SendMessageData;

  it('both send the same Aliyun parameters, and the emulator accepts both', async () => {
    const officialResponse = await official.sendMessage(data, demoConnectorConfig);
    const officialRequest = proxy.last();
    const oursResponse = await ours.sendMessage(data, { ...oursInV1, endpoint: proxy.url });
    const ourRequest = proxy.last();

    expect(officialRequest.headers.host).toBe('dysmsapi.aliyuncs.com');
    // The official connector sends a mainland number with its country code as written; Aliyun
    // reads both forms the same way, and this connector sends the national number.
    const same = (params: Record<string, string>) =>
      to.startsWith('86') && params.PhoneNumbers === to
        ? { ...params, PhoneNumbers: to.slice(2) }
        : params;
    expect(aliyunParameters(ourRequest)).toEqual(same(aliyunParameters(officialRequest)));
    expect(Object.keys(aliyunParameters(ourRequest)).sort()).toEqual([
      'AccessKeyId',
      'Action',
      'Format',
      'PhoneNumbers',
      'RegionId',
      'SignName',
      'SignatureMethod',
      'SignatureVersion',
      'TemplateCode',
      'TemplateParam',
      'Version',
    ]);
    expect(oursResponse).toMatchObject({ Code: 'OK', Message: 'OK' });
    expect(officialResponse).toMatchObject({ Code: 'OK', Message: 'OK' });
    expect(emulator.inbox.list()).toHaveLength(2);
  });
});

it('differ where the official connector sends uiLocales, which Aliyun refuses', async () => {
  const data = {
    to: '13800138000',
    type: 'SignIn',
    payload: { code: '482913', locale: 'zh-CN', uiLocales: 'zh-CN' },
  } as SendMessageData;
  const officialError = await official
    .sendMessage(data, demoConnectorConfig)
    .catch((error: unknown) => error);
  expect(proxy.last().params.TemplateParam).toBe('{"code":"482913","uiLocales":"zh-CN"}');
  expect(officialError).toMatchObject({ data: { Code: 'isv.INVALID_JSON_PARAM' } });

  await ours.sendMessage(data, { ...oursInV1, endpoint: proxy.url });
  expect(proxy.last().params.TemplateParam).toBe('{"code":"482913"}');
  expect(emulator.inbox.list()).toHaveLength(1);
});
