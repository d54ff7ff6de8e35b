import { demoConnectorConfig } from '@smskit/aliyun-emulator';
import { Agent } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { recordRequests } from '../../test/record-requests.js';
import { useEmulator } from '../../test/use-emulator.js';
import { createAliyunSmsSender } from '../create-aliyun-sms-sender.js';
import { createUndiciFetch } from './undici-fetch.js';

const emulator = useEmulator();
const agent = new Agent({ keepAliveTimeout: 1_000 });
afterAll(() => agent.close());

describe('createUndiciFetch', () => {
  it('answers with a Response whose every reading method works, clone included', async () => {
    const fetch = createUndiciFetch(agent);
    // Not signed: the emulator answers a gateway error, a JSON document like any other.
    const response = await fetch(`${emulator().url}/?Action=SendSms&Version=2017-05-25`, {
      method: 'POST',
    });
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.clone().text();
    expect(JSON.parse(text)).toMatchObject({
      Code: expect.any(String),
      RequestId: expect.any(String),
    });
    expect(await response.json()).toEqual(JSON.parse(text));
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe(text);
    expect(await (await response.blob()).text()).toBe(text);
  });

  it('sends the request body and headers given', async () => {
    const recorder = recordRequests(emulator().url);
    try {
      const fetch = createUndiciFetch(agent);
      const post = (body: string | undefined) =>
        fetch(`${emulator().url}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-custom': 'yes' },
          ...(body === undefined ? {} : { body }),
        }).then((response) => response.json() as Promise<{ Code: string }>);
      // The emulator reads Action and Version from a form body: without the body it misses them.
      expect(await post(undefined)).toMatchObject({ Code: 'MissingVersion' });
      expect(await post('Action=SendSms&Version=2017-05-25')).not.toMatchObject({
        Code: 'MissingVersion',
      });
      expect(recorder.sent.map((request) => request.headers['x-custom'])).toEqual(['yes', 'yes']);
    } finally {
      recorder.stop();
    }
  });

  it('lets a sender use a dispatcher of its own', async () => {
    const sender = createAliyunSmsSender({
      ...demoConnectorConfig,
      endpoint: emulator().url,
      fetch: createUndiciFetch(agent),
    });
    await expect(
      sender.send({ to: '+8613800138000', usageType: 'SignIn', params: { code: '1234' } }),
    ).resolves.toMatchObject({ route: 'china' });
  });

  it('rejects with the reason of an aborted signal', async () => {
    const reason = new Error('stop');
    await expect(
      createUndiciFetch(agent)(`${emulator().url}/`, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
  });
});
