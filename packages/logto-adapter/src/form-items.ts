import { type ConnectorConfigFormItem, ConnectorConfigFormItemType } from '@logto/connector-kit';
import { requiredUsageTypes } from './config-guard.js';

// Logto's template types, in the order the official connector lists them.
const usageTypes = [
  'SignIn',
  'Register',
  'ForgotPassword',
  'OrganizationInvitation',
  'Generic',
  'UserPermissionValidation',
  'BindNewIdentifier',
  'MfaVerification',
  'BindMfa',
];

/**
 * The form Logto's console shows for the connector. The console saves only keys that have a form
 * item, so every config option has one. The first five are the official connector's.
 */
export const formItems: ConnectorConfigFormItem[] = [
  {
    key: 'accessKeyId',
    label: 'Access Key ID',
    type: ConnectorConfigFormItemType.Text,
    required: true,
    placeholder: '<access-key-id>',
  },
  {
    key: 'accessKeySecret',
    label: 'Access Key Secret',
    type: ConnectorConfigFormItemType.Text,
    required: true,
    isConfidential: true,
    placeholder: '<access-key-secret>',
  },
  {
    key: 'signName',
    label: 'Signature Name',
    // JSON, so that both forms round-trip through the console: a string, or one per route.
    type: ConnectorConfigFormItemType.Json,
    required: true,
    defaultValue: '<signature-name>',
    description:
      'Your approved SMS signature (签名名称), as a JSON string: "MySign". Mainland China and ' +
      'international signatures are approved separately; when yours differ, give both: ' +
      '{ "china": "MySign", "overseas": "MySign Intl" }.',
  },
  {
    key: 'templates',
    label: 'Templates',
    type: ConnectorConfigFormItemType.Json,
    required: true,
    defaultValue: usageTypes.map((usageType) => ({ usageType, templateCode: '<template-code>' })),
    description:
      `One template per usage type; ${requiredUsageTypes.join(', ')} are required and the ` +
      'others fall back to Generic. templateCode is a template code (SMS_...) or, when mainland ' +
      'China and international templates differ, { "china": "SMS_...", "overseas": "SMS_..." }.',
  },
  {
    key: 'strictPhoneRegionNumberCheck',
    label: 'Strict Phone Region Number Check',
    type: ConnectorConfigFormItemType.Switch,
    defaultValue: false,
    description:
      'When on, only numbers written with a region code (+86, 0086 or 86) count as mainland ' +
      'China, and every number is read as starting with its region code. When off, a bare ' +
      '11-digit number starting with 1 is a mainland China number. Turn it on only if all your ' +
      "users' numbers carry a region code.",
  },
  {
    key: 'templateVariables',
    label: 'Template Variables',
    type: ConnectorConfigFormItemType.Text,
    placeholder: 'code',
    description:
      'The message values sent to Aliyun as template variables, separated by commas. Aliyun ' +
      'rejects a variable its template does not declare, so only these go out. Default: code.',
  },
  {
    key: 'endpoint',
    label: 'Endpoint',
    type: ConnectorConfigFormItemType.Json,
    defaultValue: {},
    description:
      'Leave {} for Aliyun (https://dysmsapi.aliyuncs.com). Otherwise a JSON string with the ' +
      'Dysmsapi base URL, such as "http://127.0.0.1:4010" for a local emulator, or one per ' +
      'route: { "china": "https://...", "overseas": "https://..." }.',
  },
  {
    key: 'signatureVersion',
    label: 'Signature Version',
    type: ConnectorConfigFormItemType.Select,
    selectItems: [
      { value: 'v3', title: 'V3 (ACS3-HMAC-SHA256), recommended' },
      { value: 'v1', title: 'V1 (HMAC-SHA1), as the official connector' },
    ],
    defaultValue: 'v3',
    description: 'How requests are signed. Both are accepted by Aliyun; V3 is the current one.',
  },
  {
    key: 'timeout',
    label: 'Timeout (milliseconds)',
    type: ConnectorConfigFormItemType.Number,
    placeholder: '10000',
    description:
      'How long to wait for Aliyun before giving up. A message that timed out may still arrive, ' +
      'so it is not sent again.',
  },
];
