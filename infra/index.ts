import * as pulumi from '@pulumi/pulumi';
import { buildLogtoConnectorConfig } from './src/logto-connector-config.js';
import type { SmsAction } from './src/sms-policy-document.js';
import { SmsSenderIdentity } from './src/sms-sender-identity.js';
import { buildSmskitAliyunEnv } from './src/smskit-aliyun-env.js';
import { parseStackConfig } from './src/stack-config.js';

// The whole stack config is checked before anything is created; a wrong value stops the program
// with a message that names its key.
const config = parseStackConfig(pulumi.runtime.allConfig(), pulumi.getStack());

const actions: SmsAction[] = [
  'dysms:SendSms',
  ...(config.allowBatchSend ? (['dysms:SendBatchSms'] as const) : []),
  ...(config.allowQuerySendDetails ? (['dysms:QuerySendDetails'] as const) : []),
];

const identity = new SmsSenderIdentity('sms-sender', {
  userName: config.userName,
  policyName: config.policyName,
  actions,
  sourceIps: config.sourceIps,
  httpsOnly: config.httpsOnly,
  accessKeyGenerations: config.accessKeyGenerations,
  inactiveAccessKeyGenerations: config.inactiveAccessKeyGenerations,
  pgpKey: config.pgpKey,
  accessKeyAllowedIps: config.accessKeyAllowedIps,
  role: config.role,
});

const { accessKeyId } = identity;
const { signName, templates } = config;
// With a PGP key only the encrypted secret is known: the app configs then say where to put it.
const secretForApps =
  identity.accessKeySecret ??
  (identity.accessKeyEncryptedSecret === undefined
    ? undefined
    : pulumi.output('<decrypted accessKeyEncryptedSecret>'));

export const ramUserName = identity.userName;
export const policyName = identity.policyName;
export const policyDocument = identity.policy.policyDocument;
/** Every AccessKey id by generation label. */
export const accessKeyIds = Object.fromEntries(
  identity.accessKeys.map(({ generation, accessKey }) => [generation, accessKey.id]),
);
/** The active generation: the last one listed. Its key is the one the outputs below carry. */
export const activeAccessKeyGeneration = config.accessKeyGenerations.at(-1);
export { accessKeyId };
export const accessKeySecret = identity.accessKeySecret;
export const accessKeyEncryptedSecret = identity.accessKeyEncryptedSecret;
export const roleName = identity.role?.roleName;
export const roleArn = identity.roleArn;

/** The config JSON for Logto's Aliyun SMS connector. Secret: it holds the AccessKey secret. */
export const logtoConnectorConfig =
  accessKeyId === undefined ||
  secretForApps === undefined ||
  signName === undefined ||
  templates === undefined
    ? undefined
    : pulumi.secret(
        pulumi.all([accessKeyId, secretForApps]).apply(([id, secret]) =>
          buildLogtoConnectorConfig({
            accessKeyId: id,
            accessKeySecret: secret,
            signName,
            templates,
            strictPhoneRegionNumberCheck: config.strictPhoneRegionNumberCheck,
          }),
        ),
      );

/** `.env` lines with the AccessKey for `@smskit/aliyun`. Secret. */
export const smskitAliyunEnv =
  accessKeyId === undefined || secretForApps === undefined
    ? undefined
    : pulumi.secret(
        pulumi
          .all([accessKeyId, secretForApps])
          .apply(([id, secret]) =>
            buildSmskitAliyunEnv({ accessKeyId: id, accessKeySecret: secret }),
          ),
      );
