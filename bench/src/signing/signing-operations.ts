import { buildSignedRequest, signV1, signV3 } from '@smskit/aliyun';
import { signFloorV3 } from '../clients/undici-floor.js';

/** One signing operation, timed alone. */
export interface SigningOperation {
  readonly id: string;
  readonly label: string;
  /** Signs one request; returns something derived from it, so that nothing is optimised away. */
  run(): string;
}

const credentials = {
  accessKeyId: 'LTAI5tSmskitBenchKey01',
  accessKeySecret: 'smskit-bench-secret-0123456789',
};
const params = {
  PhoneNumbers: '13800138000',
  SignName: 'smskit',
  TemplateCode: 'SMS_CN_SIGN_IN',
  TemplateParam: '{"code":"123456"}',
};
const date = '2025-01-02T03:04:05Z';
const nonce = '3a9f0c2e-5b7d-4e1f-8a6c-0b2d4e6f8a1c';

/**
 * The signing step alone, for a SendSms of a verification code: @smskit/aliyun's pure signers
 * (the inputs fixed), its `buildSignedRequest` as a send calls it (fresh date and nonce, the
 * URL and headers built), and the floor's hand-written V3 signer.
 */
export const signingOperations: readonly SigningOperation[] = [
  {
    id: 'signV3',
    label: 'signV3 (pure)',
    run: () =>
      signV3({
        method: 'POST',
        pathname: '/',
        query: params,
        headers: {
          host: 'dysmsapi.aliyuncs.com',
          'x-acs-action': 'SendSms',
          'x-acs-version': '2017-05-25',
          'x-acs-date': date,
          'x-acs-signature-nonce': nonce,
          'x-acs-content-sha256':
            'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        },
        body: '',
        ...credentials,
      }).signature,
  },
  {
    id: 'signV1',
    label: 'signV1 (pure)',
    run: () =>
      signV1({
        method: 'POST',
        params: {
          ...params,
          Action: 'SendSms',
          Version: '2017-05-25',
          Format: 'JSON',
          AccessKeyId: credentials.accessKeyId,
          SignatureMethod: 'HMAC-SHA1',
          SignatureVersion: '1.0',
          SignatureNonce: nonce,
          Timestamp: date,
          RegionId: 'cn-hangzhou',
        },
        accessKeySecret: credentials.accessKeySecret,
      }),
  },
  ...(['v3', 'v1'] as const).map((signatureVersion) => ({
    id: `buildSignedRequest-${signatureVersion}`,
    label: `buildSignedRequest ${signatureVersion.toUpperCase()} (as a send does)`,
    run: () =>
      buildSignedRequest({
        action: 'SendSms',
        params,
        endpoint: 'https://dysmsapi.aliyuncs.com',
        regionId: 'cn-hangzhou',
        credentials,
        signatureVersion,
        userAgent: 'smskit-bench',
      }).url,
  })),
  {
    id: 'floor-v3',
    label: 'floor V3 signer',
    run: () =>
      signFloorV3(
        'dysmsapi.aliyuncs.com',
        params,
        credentials.accessKeyId,
        credentials.accessKeySecret,
      ).query,
  },
];
