import { describe, expect, it } from 'vitest';
import { buildSmsPolicyDocument, smsActions } from './sms-policy-document.js';

describe('buildSmsPolicyDocument', () => {
  it('allows only SendSms, over HTTPS, by default', () => {
    expect(buildSmsPolicyDocument({ actions: ['dysms:SendSms'] })).toBe(
      [
        '{',
        '  "Version": "1",',
        '  "Statement": [',
        '    {',
        '      "Effect": "Allow",',
        '      "Action": [',
        '        "dysms:SendSms"',
        '      ],',
        '      "Resource": "*",',
        '      "Condition": {',
        '        "Bool": {',
        '          "acs:SecureTransport": "true"',
        '        }',
        '      }',
        '    }',
        '  ]',
        '}',
      ].join('\n'),
    );
  });

  it('limits the source addresses with an IpAddress condition on acs:SourceIp', () => {
    const document = buildSmsPolicyDocument({
      actions: ['dysms:SendSms'],
      sourceIps: ['203.0.113.0/24', '198.51.100.7', '2001:db8::/32'],
    });
    expect(JSON.parse(document)).toEqual({
      Version: '1',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['dysms:SendSms'],
          Resource: '*',
          Condition: {
            IpAddress: { 'acs:SourceIp': ['203.0.113.0/24', '198.51.100.7', '2001:db8::/32'] },
            Bool: { 'acs:SecureTransport': 'true' },
          },
        },
      ],
    });
  });

  it('drops the condition entirely when neither limit applies', () => {
    expect(
      JSON.parse(buildSmsPolicyDocument({ actions: ['dysms:SendSms'], httpsOnly: false })),
    ).toEqual({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: ['dysms:SendSms'], Resource: '*' }],
    });
  });

  it('lists the actions once each, in a fixed order, whatever order they come in', () => {
    const document = buildSmsPolicyDocument({
      actions: ['dysms:QuerySendDetails', 'dysms:SendSms', 'dysms:SendBatchSms', 'dysms:SendSms'],
      httpsOnly: false,
    });
    expect(JSON.parse(document).Statement[0].Action).toEqual([...smsActions]);
  });

  it.each(['dysms:*', '*', 'dysms:Send*', 'dysms:SendSm?'])('refuses the wildcard %s', (action) => {
    expect(() => buildSmsPolicyDocument({ actions: ['dysms:SendSms', action] })).toThrow(
      new RangeError(
        `options.actions[1]: ${JSON.stringify(action)} is a wildcard: list the actions the app calls (dysms:SendSms, dysms:SendBatchSms, dysms:QuerySendDetails)`,
      ),
    );
  });

  it('refuses actions that do more than send SMS', () => {
    expect(() => buildSmsPolicyDocument({ actions: ['dysms:AddSmsSign'] })).toThrow(
      /options\.actions\[0\]: "dysms:AddSmsSign" is not an action for sending SMS/,
    );
    expect(() => buildSmsPolicyDocument({ actions: ['ram:CreateUser'] })).toThrow(RangeError);
  });

  it('refuses an empty grant', () => {
    expect(() => buildSmsPolicyDocument({ actions: [] })).toThrow(
      'options.actions: allow at least dysms:SendSms',
    );
  });

  it('refuses source addresses that are not addresses, or that allow everything', () => {
    expect(() =>
      buildSmsPolicyDocument({ actions: ['dysms:SendSms'], sourceIps: ['203.0.113.0/33'] }),
    ).toThrow(/options\.sourceIps\[0\]: "203\.0\.113\.0\/33" is not an IPv4 or IPv6 address/);
    expect(() =>
      buildSmsPolicyDocument({ actions: ['dysms:SendSms'], sourceIps: ['0.0.0.0/0'] }),
    ).toThrow(/options\.sourceIps\[0\]: "0\.0\.0\.0\/0" allows every address/);
    expect(() => buildSmsPolicyDocument({ actions: ['dysms:SendSms'], sourceIps: [] })).toThrow(
      /options\.sourceIps: list at least one address/,
    );
  });
});
