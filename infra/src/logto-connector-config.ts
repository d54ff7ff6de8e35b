import type { Template } from '@smskit/core';

/** What goes into the config of Logto's Aliyun SMS connector. */
export interface LogtoConnectorConfigInput {
  accessKeyId: string;
  accessKeySecret: string;
  /** A sign name, or one per route (`{ china, overseas }`, @smskit/connector-aliyun-sms only). */
  signName: string | { china: string; overseas: string };
  templates: readonly Template[];
  strictPhoneRegionNumberCheck: boolean;
}

/**
 * The connector config JSON to paste into Logto's Aliyun SMS connector (the official
 * `@logto/connector-aliyun-sms` or the drop-in `@smskit/connector-aliyun-sms`), in the order
 * Logto's form shows the fields.
 */
export function buildLogtoConnectorConfig(input: LogtoConnectorConfigInput): string {
  const { accessKeyId, accessKeySecret, signName, templates, strictPhoneRegionNumberCheck } = input;
  return JSON.stringify(
    { accessKeyId, accessKeySecret, signName, templates, strictPhoneRegionNumberCheck },
    null,
    2,
  );
}
