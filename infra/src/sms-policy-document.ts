import { z } from 'zod';
import { ipRangesSchema } from './ip-range.js';
import { parseOptions } from './parse-options.js';

/**
 * The Dysmsapi actions an app that sends SMS may be allowed, in the order a policy lists them:
 * sending one message, sending a batch, and reading delivery reports. Nothing that manages signs,
 * templates or the account.
 *
 * @see https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-ram
 */
export const smsActions = [
  'dysms:SendSms',
  'dysms:SendBatchSms',
  'dysms:QuerySendDetails',
] as const;

/** One of {@link smsActions}. */
export type SmsAction = (typeof smsActions)[number];

const smsActionSchema = z.string().superRefine((action, context) => {
  if (/[*?]/.test(action)) {
    context.addIssue({
      code: 'custom',
      message: `${JSON.stringify(action)} is a wildcard: list the actions the app calls (${smsActions.join(', ')})`,
    });
  } else if (!(smsActions as readonly string[]).includes(action)) {
    context.addIssue({
      code: 'custom',
      message: `${JSON.stringify(action)} is not an action for sending SMS: use ${smsActions.join(', ')}`,
    });
  }
});

/** Options of {@link buildSmsPolicyDocument}. */
export const smsPolicyDocumentOptionsSchema = z.object({
  /** The actions to allow: one or more of {@link smsActions}. Wildcards are refused. */
  actions: z.array(smsActionSchema).min(1, { error: 'allow at least dysms:SendSms' }),
  /** Allow calls only from these public addresses or CIDR blocks (`acs:SourceIp`). */
  sourceIps: ipRangesSchema.optional(),
  /** Allow calls only over HTTPS (`acs:SecureTransport`). Default: true. */
  httpsOnly: z.boolean().default(true),
});

/** Options of {@link buildSmsPolicyDocument}, as written. */
export type SmsPolicyDocumentOptions = z.input<typeof smsPolicyDocumentOptionsSchema>;

/**
 * The RAM policy document (JSON) that lets an identity call exactly the given Dysmsapi actions,
 * optionally only from `sourceIps` and only over HTTPS.
 *
 * `Resource` is `*` because Dysmsapi authorises at service level only: its actions have no
 * resource type, and RAM matches them only against `*`. The actions and the conditions are what
 * narrow the grant, so a wildcard action is refused.
 *
 * @see https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-ram
 * @see https://www.alibabacloud.com/help/en/ram/access-alibaba-cloud-resources-by-using-a-specific-ip-address-or-cidr-block
 * @see https://www.alibabacloud.com/help/en/ram/access-alibaba-cloud-by-using-a-specified-method
 * @throws {RangeError} naming the option at fault.
 */
export function buildSmsPolicyDocument(options: SmsPolicyDocumentOptions): string {
  const { actions, sourceIps, httpsOnly } = parseOptions(
    smsPolicyDocumentOptionsSchema,
    options,
    'options',
  );
  const condition: Record<string, Record<string, string | string[]>> = {};
  if (sourceIps !== undefined) condition.IpAddress = { 'acs:SourceIp': sourceIps };
  if (httpsOnly) condition.Bool = { 'acs:SecureTransport': 'true' };
  const statement = {
    Effect: 'Allow',
    // In the order of smsActions, once each, so that the same grant is always the same document.
    Action: smsActions.filter((action) => actions.includes(action)),
    Resource: '*',
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  };
  return JSON.stringify({ Version: '1', Statement: [statement] }, null, 2);
}
