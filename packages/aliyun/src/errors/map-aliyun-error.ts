import { SmsError, type SmsErrorCode } from '@smskit/core';

/** A failure answer of Dysmsapi, business (HTTP 200) or gateway (4xx/5xx). */
export interface AliyunErrorAnswer {
  /** Aliyun's `Code`, such as `isv.BUSINESS_LIMIT_CONTROL` or `Throttling.User`. */
  readonly code: string;
  /** Aliyun's `Message`. Left out of the error for signature failures, which echo the string to sign. */
  readonly message?: string | undefined;
  readonly requestId?: string | undefined;
  /** The HTTP status; 200 for business failures. */
  readonly status?: number | undefined;
  /** How long Aliyun asked to wait (its `x-acs-retry-after` header is in milliseconds), in seconds. */
  readonly retryAfterSeconds?: number | undefined;
}

/** Where the answer came from; SendSms is not idempotent, QuerySendDetails is. */
export interface MapAliyunErrorContext {
  /** The API that answered. Default `SendSms`. */
  readonly action?: string | undefined;
}

interface Rule {
  readonly code: SmsErrorCode;
  /** Whether sending again may succeed (for SendSms). */
  readonly retryable?: boolean;
  readonly field?: string;
  /** What to do, added to the message. */
  readonly hint?: string;
  /** Aliyun's message is not repeated (it may hold the string to sign: AccessKeyId, number, code). */
  readonly withholdMessage?: boolean;
}

const signatureFailure: Rule = {
  code: 'AUTH_FAILED',
  withholdMessage: true,
  hint: 'check accessKeySecret (Aliyun echoes the string to sign, which is left out here)',
};
const signProblem: Rule = {
  code: 'INVALID_CONFIG',
  field: 'signName',
  hint: 'check that signName is an approved signature for this route',
};
const paramsProblem: Rule = { code: 'INVALID_PARAMS', field: 'params' };
const accountProblem: Rule = {
  code: 'PROVIDER_REJECTED',
  hint: 'the Aliyun account needs attention',
};

// Aliyun's codes and what they mean for a caller; ../shared/aliyun/PROTOCOL.md and
// https://help.aliyun.com/zh/sms/developer-reference/api-error-codes
const exactRules: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ['SignatureDoesNotMatch', signatureFailure],
  ['IncompleteSignature', signatureFailure],
  ['InvalidTimeStamp.Expired', { code: 'AUTH_FAILED', hint: "check this machine's clock" }],
  ['SignatureNonceUsed', { code: 'AUTH_FAILED' }],
  [
    'isp.RAM_PERMISSION_DENY',
    { code: 'AUTH_FAILED', hint: 'grant the RAM identity dysms:SendSms' },
  ],
  ['Forbidden.RAM', { code: 'AUTH_FAILED', hint: 'grant the RAM identity the Dysmsapi action' }],
  ['isv.BUSINESS_LIMIT_CONTROL', { code: 'RATE_LIMITED', field: 'to' }],
  ['isv.DAY_LIMIT_CONTROL', { code: 'RATE_LIMITED', hint: "the account's daily cap is reached" }],
  [
    'isv.MONTH_LIMIT_CONTROL',
    { code: 'RATE_LIMITED', hint: "the account's monthly cap is reached" },
  ],
  ['isv.MOBILE_NUMBER_ILLEGAL', { code: 'INVALID_PHONE_NUMBER', field: 'to' }],
  ['isv.MOBILE_COUNT_OVER_LIMIT', { code: 'INVALID_PHONE_NUMBER', field: 'to' }],
  [
    'isv.SMS_TEMPLATE_ILLEGAL',
    {
      code: 'TEMPLATE_NOT_FOUND',
      field: 'templates',
      hint: 'check that the template code exists, is approved and belongs to this route',
    },
  ],
  ['isv.SMS_SIGNATURE_ILLEGAL', signProblem],
  ['isv.SIGN_NAME_ILLEGAL', signProblem],
  ['isv.SMS_SIGNATURE_SCENE_ILLEGAL', signProblem],
  ['isv.SIGN_STATE_ILLEGAL', signProblem],
  ['isv.TEMPLATE_MISSING_PARAMETERS', paramsProblem],
  ['isv.INVALID_JSON_PARAM', paramsProblem],
  ['isv.INVALID_PARAMETERS', paramsProblem],
  ['isv.PARAM_LENGTH_LIMIT', paramsProblem],
  ['isv.TEMPLATE_PARAMS_ILLEGAL', paramsProblem],
  ['isv.PARAM_NOT_SUPPORT_URL', paramsProblem],
  [
    'isv.DOMESTIC_NUMBER_NOT_SUPPORTED',
    {
      code: 'PROVIDER_REJECTED',
      field: 'templates',
      hint: 'an international template was used for a mainland China number: check the china template codes',
    },
  ],
  [
    'isv.DENY_IP_RANGE',
    { code: 'PROVIDER_REJECTED', hint: 'mainland China messages must be sent from a mainland IP' },
  ],
  ['isv.AMOUNT_NOT_ENOUGH', accountProblem],
  ['isv.OUT_OF_SERVICE', accountProblem],
  ['isv.PRODUCT_UN_SUBSCRIPT', accountProblem],
  ['isv.PRODUCT_UNSUBSCRIBE', accountProblem],
  ['isv.ACCOUNT_NOT_EXISTS', accountProblem],
  ['isv.ACCOUNT_ABNORMAL', accountProblem],
  [
    'isp.SYSTEM_ERROR',
    {
      code: 'PROVIDER_UNAVAILABLE',
      hint: 'the message may have been accepted: check querySendDetails before sending again',
    },
  ],
]);

const prefixRules: readonly (readonly [string, Rule])[] = [
  ['InvalidAccessKeyId', { code: 'AUTH_FAILED', hint: 'check accessKeyId' }],
  ['InvalidSecurityToken', { code: 'AUTH_FAILED', hint: 'refresh the STS credentials' }],
  ['Throttling', { code: 'RATE_LIMITED', retryable: true }],
  ['Missing', { code: 'INVALID_PARAMS' }],
];

const ruleFor = (code: string, status: number | undefined): Rule => {
  const exact = exactRules.get(code);
  if (exact !== undefined) return exact;
  for (const [prefix, rule] of prefixRules) {
    if (
      code === prefix ||
      code.startsWith(`${prefix}.`) ||
      (prefix === 'Missing' && code.startsWith(prefix))
    ) {
      return rule;
    }
  }
  if (status !== undefined && status >= 500) return { code: 'PROVIDER_UNAVAILABLE' };
  return { code: 'PROVIDER_REJECTED' };
};

// isv.BUSINESS_LIMIT_CONTROL names its window: 触发分钟级流控 (minute), 小时级 (hour), 天级 (day).
const limitWindows: readonly (readonly [RegExp, number])[] = [
  [/分钟级|minute/i, 60],
  [/小时级|hour/i, 3_600],
  [/天级|day/i, 86_400],
];

const windowOf = (message: string | undefined) =>
  message === undefined ? undefined : limitWindows.find(([pattern]) => pattern.test(message))?.[1];

/**
 * The {@link SmsError} for a Dysmsapi failure answer: the code says what the caller can do
 * (see the README's error table), `providerCode`, `requestId` and Aliyun's message are kept
 * (except the message of a signature failure, which echoes the string to sign with the
 * AccessKeyId, the number and the code), and `retryAfterSeconds` is set where Aliyun tells it.
 *
 * `retryable` is true only where sending the same message again cannot send it twice:
 * throttling, and for idempotent actions (QuerySendDetails) also server failures.
 */
export function mapAliyunError(
  answer: AliyunErrorAnswer,
  context: MapAliyunErrorContext = {},
): SmsError {
  const action = context.action ?? 'SendSms';
  const rule = ruleFor(answer.code, answer.status);
  const idempotent = action !== 'SendSms';
  const retryable = rule.retryable ?? (idempotent && rule.code === 'PROVIDER_UNAVAILABLE');
  const retryAfterSeconds =
    answer.retryAfterSeconds ??
    (answer.code === 'isv.BUSINESS_LIMIT_CONTROL' ? windowOf(answer.message) : undefined);
  const said = rule.withholdMessage || !answer.message ? '' : `: ${answer.message}`;
  const hint =
    rule.hint !== undefined
      ? `; ${rule.hint}`
      : rule.code === 'PROVIDER_UNAVAILABLE' && !idempotent
        ? '; the message may have been sent: check querySendDetails before sending it again'
        : '';
  const status =
    answer.status === undefined || answer.status === 200 ? '' : `, HTTP ${answer.status}`;
  return new SmsError(
    rule.code,
    `Aliyun ${action} failed with ${answer.code}${status}${said}${hint}`,
    {
      provider: 'aliyun',
      providerCode: answer.code,
      retryable,
      ...(answer.requestId === undefined ? {} : { requestId: answer.requestId }),
      ...(rule.field === undefined ? {} : { field: rule.field }),
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    },
  );
}
