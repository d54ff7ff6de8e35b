import { parsePhoneNumber } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { validOptions } from '../../test/demo-options.js';
import { parseAliyunSmsSenderOptions } from '../options/parse-aliyun-sms-sender-options.js';
import { resolveDestination } from './resolve-destination.js';

const options = parseAliyunSmsSenderOptions({
  ...validOptions,
  signName: { china: 'smskit-cn', overseas: 'smskit-intl' },
  endpoint: { china: 'http://127.0.0.1:1', overseas: 'http://127.0.0.1:2' },
  regionId: { overseas: 'ap-southeast-1' },
});

describe('resolveDestination', () => {
  it.each([
    [
      '+8613800138000',
      'china',
      '13800138000',
      'smskit-cn',
      'SMS_CN_SignIn',
      'http://127.0.0.1:1',
      'cn-hangzhou',
    ],
    [
      '13800138000',
      'china',
      '13800138000',
      'smskit-cn',
      'SMS_CN_SignIn',
      'http://127.0.0.1:1',
      'cn-hangzhou',
    ],
    [
      '+85261234567',
      'overseas',
      '85261234567',
      'smskit-intl',
      'SMS_INTL_SignIn',
      'http://127.0.0.1:2',
      'ap-southeast-1',
    ],
    [
      '+1 415 555 2671',
      'overseas',
      '14155552671',
      'smskit-intl',
      'SMS_INTL_SignIn',
      'http://127.0.0.1:2',
      'ap-southeast-1',
    ],
    [
      '+886912345678',
      'overseas',
      '886912345678',
      'smskit-intl',
      'SMS_INTL_SignIn',
      'http://127.0.0.1:2',
      'ap-southeast-1',
    ],
  ])(
    'sends %s on the %s route as %s with its sign, template, endpoint and region',
    (to, route, phoneNumbers, signName, templateCode, endpoint, regionId) => {
      expect(resolveDestination(options, parsePhoneNumber(to), 'SignIn')).toEqual({
        route,
        phoneNumbers,
        signName,
        template: { type: 2, usageType: 'SignIn', templateCode },
        endpoint,
        regionId,
      });
    },
  );

  it('falls back to the Generic template and reports its kind', () => {
    const withNotification = parseAliyunSmsSenderOptions({
      ...validOptions,
      templates: [
        ...validOptions.templates.filter(
          (template) => template.usageType !== 'BindMfa' && template.usageType !== 'Generic',
        ),
        { usageType: 'Generic', templateCode: 'SMS_GENERIC', type: 0 },
      ],
    });
    expect(
      resolveDestination(withNotification, parsePhoneNumber('+8613800138000'), 'BindMfa').template,
    ).toEqual({
      type: 0,
      usageType: 'Generic',
      templateCode: 'SMS_GENERIC',
    });
  });
});
