import { templatesSchema } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { buildLogtoConnectorConfig } from './logto-connector-config.js';

describe('buildLogtoConnectorConfig', () => {
  it("writes the connector's config JSON, fields in the order of Logto's form", () => {
    const templates = templatesSchema.parse([
      { usageType: 'Register', templateCode: 'SMS_1' },
      { usageType: 'SignIn', templateCode: 'SMS_2' },
      { usageType: 'ForgotPassword', templateCode: 'SMS_3' },
      { usageType: 'Generic', templateCode: { china: 'SMS_4', overseas: 'SMS_5' } },
    ]);
    const json = buildLogtoConnectorConfig({
      accessKeyId: 'LTAI5tExample',
      accessKeySecret: 'example-secret',
      signName: 'Example',
      templates,
      strictPhoneRegionNumberCheck: true,
    });
    expect(Object.keys(JSON.parse(json))).toEqual([
      'accessKeyId',
      'accessKeySecret',
      'signName',
      'templates',
      'strictPhoneRegionNumberCheck',
    ]);
    expect(JSON.parse(json)).toEqual({
      accessKeyId: 'LTAI5tExample',
      accessKeySecret: 'example-secret',
      signName: 'Example',
      templates: [
        { type: 2, usageType: 'Register', templateCode: 'SMS_1' },
        { type: 2, usageType: 'SignIn', templateCode: 'SMS_2' },
        { type: 2, usageType: 'ForgotPassword', templateCode: 'SMS_3' },
        { type: 2, usageType: 'Generic', templateCode: { china: 'SMS_4', overseas: 'SMS_5' } },
      ],
      strictPhoneRegionNumberCheck: true,
    });
  });
});
