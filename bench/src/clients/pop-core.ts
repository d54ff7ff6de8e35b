// The older official client, @alicloud/pop-core (V1, HMAC-SHA1), POSTing a form as it does.
import PopCore from '@alicloud/pop-core';
import type { CreateBenchClient } from './bench-client.js';

// pop-core's types say the module is RPCClient; at run time it is { RPCClient, ROAClient }.
const { RPCClient } = PopCore as unknown as { RPCClient: typeof PopCore };

export const createClient: CreateBenchClient = async (target) => {
  const client = new RPCClient({
    endpoint: target.endpoint,
    apiVersion: '2017-05-25',
    accessKeyId: target.accessKeyId,
    accessKeySecret: target.accessKeySecret,
  });
  const templateParam = JSON.stringify({ code: target.code });
  return {
    async send() {
      // Rejects for any Code but OK.
      await client.request(
        'SendSms',
        {
          PhoneNumbers: target.phoneNumber,
          SignName: target.signName,
          TemplateCode: target.templateCode,
          TemplateParam: templateParam,
        },
        { method: 'POST' },
      );
    },
    async close() {},
  };
};
