// Options that pass validation, for the tests that need a valid base to vary.
import { usageTypes } from '@smskit/core';
import type { AliyunSmsSenderOptions } from '../src/options/aliyun-sms-sender-options.js';

export const demoSecret = 'test-secret-9f8e7d6c5b4a';

export const validOptions = {
  accessKeyId: 'LTAI5tTestKey',
  accessKeySecret: demoSecret,
  signName: 'smskit',
  templates: usageTypes.map((usageType) => ({
    usageType,
    templateCode: { china: `SMS_CN_${usageType}`, overseas: `SMS_INTL_${usageType}` },
  })),
} satisfies AliyunSmsSenderOptions;
