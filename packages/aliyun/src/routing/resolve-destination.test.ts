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

const expectedByRoute = {
  china: {
    signName: 'smskit-cn',
    templateCode: 'SMS_CN_SignIn',
    endpoint: 'http://127.0.0.1:1',
    regionId: 'cn-hangzhou',
  },
  overseas: {
    signName: 'smskit-intl',
    templateCode: 'SMS_INTL_SignIn',
    endpoint: 'http://127.0.0.1:2',
    regionId: 'ap-southeast-1',
  },
} as const;

describe('resolveDestination', () => {
  it.each([
    ['+8613800138000', 'china', '13800138000'],
    ['13800138000', 'china', '13800138000'],
    ['+85261234567', 'overseas', '85261234567'],
    ['+1 415 555 2671', 'overseas', '14155552671'],
    ['+886912345678', 'overseas', '886912345678'],
  ] as const)(
    'sends %s on the %s route as %s, with the sign, template, endpoint and region of the route',
    (to, route, phoneNumbers) => {
      const { templateCode, ...rest } = expectedByRoute[route];
      expect(resolveDestination(options, parsePhoneNumber(to), 'SignIn')).toEqual({
        route,
        phoneNumbers,
        template: { type: 2, usageType: 'SignIn', templateCode },
        ...rest,
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
