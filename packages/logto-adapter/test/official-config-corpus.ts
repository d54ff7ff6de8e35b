// Connector configs for judging a config guard against the official connector's.

export const requiredTemplates = [
  { type: 2, usageType: 'SignIn', templateCode: 'SMS_SIGN_IN' },
  { usageType: 'Register', templateCode: { china: 'SMS_REG_CN', overseas: 'SMS_REG_INTL' } },
  { type: 6, usageType: 'ForgotPassword', templateCode: 'SMS_FORGOT' },
  { type: 2, usageType: 'Generic', templateCode: 'SMS_GENERIC' },
];
export const officialConfig = {
  accessKeyId: 'LTAI5tExampleKeyId',
  accessKeySecret: 'example-secret',
  signName: '阿里云短信测试',
  templates: requiredTemplates,
};

// Configs around the edges of the official guard, each judged by it and by ours.
export const corpus: [string, unknown][] = [
  ['the minimal config', officialConfig],
  ['strict check on', { ...officialConfig, strictPhoneRegionNumberCheck: true }],
  ['strict check off', { ...officialConfig, strictPhoneRegionNumberCheck: false }],
  ['strict check as a string', { ...officialConfig, strictPhoneRegionNumberCheck: 'true' }],
  ['strict check null', { ...officialConfig, strictPhoneRegionNumberCheck: null }],
  ['unknown keys', { ...officialConfig, region: 'cn-hangzhou', note: { any: 1 } }],
  ['an empty sign name', { ...officialConfig, signName: '' }],
  ['a numeric sign name', { ...officialConfig, signName: 1 }],
  ['no accessKeyId', { ...officialConfig, accessKeyId: undefined }],
  ['a numeric accessKeySecret', { ...officialConfig, accessKeySecret: 123 }],
  ['no templates', { ...officialConfig, templates: undefined }],
  ['empty templates', { ...officialConfig, templates: [] }],
  ['templates as an object', { ...officialConfig, templates: { SignIn: 'SMS_1' } }],
  ['only SignIn', { ...officialConfig, templates: [requiredTemplates[0]] }],
  [
    'all nine usage types and an unknown one',
    {
      ...officialConfig,
      templates: [
        ...requiredTemplates,
        ...['OrganizationInvitation', 'UserPermissionValidation', 'BindNewIdentifier'].map(
          (usageType) => ({ usageType, templateCode: 'SMS_X' }),
        ),
        { usageType: 'MfaVerification', templateCode: 'SMS_MFA' },
        { usageType: 'BindMfa', templateCode: 'SMS_MFA' },
        { usageType: 'Test', templateCode: 'SMS_TEST' },
      ],
    },
  ],
  ...[0, 1, 2, 6, 7, 3, 5, -1, 2.5, '2', null, 'VerificationCode'].map(
    (type): [string, unknown] => [
      `template type ${JSON.stringify(type)}`,
      {
        ...officialConfig,
        templates: [...requiredTemplates, { type, usageType: 'X', templateCode: 'S' }],
      },
    ],
  ),
  ...[
    'SMS_1',
    '',
    { china: 'A', overseas: 'B' },
    { china: 'A' },
    { overseas: 'B' },
    { china: 'A', overseas: 'B', other: 'C' },
    { china: 1, overseas: 'B' },
    1,
    null,
    ['SMS_1'],
  ].map((templateCode): [string, unknown] => [
    `templateCode ${JSON.stringify(templateCode)}`,
    { ...officialConfig, templates: [...requiredTemplates, { usageType: 'X', templateCode }] },
  ]),
  [
    'a template without usageType',
    { ...officialConfig, templates: [...requiredTemplates, { templateCode: 'S' }] },
  ],
  [
    'a numeric usageType',
    { ...officialConfig, templates: [...requiredTemplates, { usageType: 1, templateCode: 'S' }] },
  ],
  ['a template that is a string', { ...officialConfig, templates: [...requiredTemplates, 'S'] }],
  ['null', null],
  ['a string', 'config'],
  ['an array', [officialConfig]],
  ['an empty object', {}],
];
