// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Aliyun template texts use ${name} placeholders.
// The demo config's values, apart from the schema so that the schema can use them as defaults.

/** The demo AccessKey: accepted by an emulator started without `accessKeys`. */
export const demoCredentials = {
  accessKeyId: 'LTAI5tSmskitDemoKey001',
  accessKeySecret: 'smskit-emulator-demo-secret',
} as const;

/** The demo STS credentials: requests signed with them must carry the security token. */
export const demoStsCredentials = {
  accessKeyId: 'STS.SmskitDemoKey001',
  accessKeySecret: 'smskit-emulator-demo-sts-secret',
  securityToken: 'smskit-emulator-demo-security-token',
} as const;

/** Logto's usage types with the words of the demo templates. */
const demoTemplateTexts = [
  [
    'Register',
    'REGISTER',
    '您的注册验证码是${code}，5分钟内有效，请勿泄露给他人。',
    'Your sign-up code is ${code}. It expires in 5 minutes; do not share it.',
  ],
  [
    'SignIn',
    'SIGN_IN',
    '您的登录验证码是${code}，5分钟内有效，请勿泄露给他人。',
    'Your sign-in code is ${code}. It expires in 5 minutes; do not share it.',
  ],
  [
    'ForgotPassword',
    'FORGOT_PASSWORD',
    '您正在重置密码，验证码是${code}，5分钟内有效，请勿泄露给他人。',
    'Your password reset code is ${code}. It expires in 5 minutes; do not share it.',
  ],
  [
    'Generic',
    'GENERIC',
    '您的验证码是${code}，5分钟内有效，请勿泄露给他人。',
    'Your verification code is ${code}. It expires in 5 minutes; do not share it.',
  ],
  [
    'OrganizationInvitation',
    'ORGANIZATION_INVITATION',
    '您正在加入组织，验证码是${code}，5分钟内有效，请勿泄露给他人。',
    'Your code to join the organization is ${code}. It expires in 5 minutes.',
  ],
  [
    'UserPermissionValidation',
    'USER_PERMISSION_VALIDATION',
    '您正在进行身份验证，验证码是${code}，5分钟内有效，请勿泄露给他人。',
    'Your identity check code is ${code}. It expires in 5 minutes; do not share it.',
  ],
  [
    'BindNewIdentifier',
    'BIND_NEW_IDENTIFIER',
    '您正在绑定新的手机号，验证码是${code}，5分钟内有效，请勿泄露给他人。',
    'Your code to link this phone number is ${code}. It expires in 5 minutes.',
  ],
  [
    'MfaVerification',
    'MFA_VERIFICATION',
    '您的两步验证码是${code}，5分钟内有效，请勿泄露给他人。',
    'Your two-step verification code is ${code}. It expires in 5 minutes.',
  ],
  [
    'BindMfa',
    'BIND_MFA',
    '您正在开启两步验证，验证码是${code}，5分钟内有效，请勿泄露给他人。',
    'Your code to turn on two-step verification is ${code}. It expires in 5 minutes.',
  ],
] as const;

/** The demo templates by usage type: `SMS_CN_<USAGE>` (china) and `SMS_INTL_<USAGE>` (overseas). */
export const demoTemplateCodes = demoTemplateTexts.map(([usageType, upperSnake]) => ({
  usageType,
  templateCode: { china: `SMS_CN_${upperSnake}`, overseas: `SMS_INTL_${upperSnake}` },
}));

export const demoConfigInput = {
  accessKeys: [
    { id: demoCredentials.accessKeyId, secret: demoCredentials.accessKeySecret },
    {
      id: demoStsCredentials.accessKeyId,
      secret: demoStsCredentials.accessKeySecret,
      securityToken: demoStsCredentials.securityToken,
    },
  ],
  signs: [
    { name: 'smskit', routes: ['china', 'overseas'] },
    { name: 'smskit-cn', routes: ['china'] },
    { name: 'smskit-intl', routes: ['overseas'] },
  ],
  templates: demoTemplateTexts.flatMap(([, upperSnake, chinese, english]) => [
    {
      code: `SMS_CN_${upperSnake}`,
      route: 'china',
      type: 'verification',
      variables: ['code'],
      text: chinese,
    },
    {
      code: `SMS_INTL_${upperSnake}`,
      route: 'overseas',
      type: 'verification',
      variables: ['code'],
      text: english,
    },
  ]),
} satisfies {
  accessKeys: { id: string; secret: string; securityToken?: string }[];
  signs: { name: string; routes: ('china' | 'overseas')[] }[];
  templates: {
    code: string;
    route: 'china' | 'overseas';
    type: 'verification';
    variables: string[];
    text: string;
  }[];
};
