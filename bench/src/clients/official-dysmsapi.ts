// The official client, @alicloud/dysmsapi20170525 on @alicloud/openapi-core, with its defaults
// (V3 signing) and the local endpoint as its docs allow (`endpoint` without scheme,
// `protocol: 'http'`).
import Dysmsapi, { SendSmsRequest } from '@alicloud/dysmsapi20170525';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import type { CreateBenchClient } from './bench-client.js';

// A CommonJS module with `exports.default`: Node's ESM import hands the class over as `.default`.
const Client = (
  typeof Dysmsapi === 'function' ? Dysmsapi : Dysmsapi.default
) as typeof Dysmsapi.default;

export const createClient: CreateBenchClient = async (target) => {
  const client = new Client(
    new $OpenApiUtil.Config({
      accessKeyId: target.accessKeyId,
      accessKeySecret: target.accessKeySecret,
      endpoint: new URL(target.endpoint).host,
      protocol: 'http',
    }),
  );
  const templateParam = JSON.stringify({ code: target.code });
  return {
    async send() {
      const response = await client.sendSms(
        new SendSmsRequest({
          phoneNumbers: target.phoneNumber,
          signName: target.signName,
          templateCode: target.templateCode,
          templateParam,
        }),
      );
      // Business failures resolve: check the code.
      if (response.body?.code !== 'OK') throw new Error(`SendSms answered ${response.body?.code}`);
    },
    async close() {},
  };
};
