/**
 * A refusal by Dysmsapi itself: HTTP 200 with `{ RequestId, Code, Message }` and a `Code`
 * other than `OK`. Aliyun's messages are Chinese; the emulator keeps them and adds, after a
 * `: `, what exactly was wrong, so that a failing test explains itself.
 */
export class BusinessError extends Error {
  override readonly name = 'BusinessError';
  constructor(
    readonly code: BusinessErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The business error codes the emulator answers, with the description Aliyun's docs give. */
export const businessErrorMessages = {
  'isv.SMS_SIGNATURE_ILLEGAL': '该账号下找不到对应签名',
  'isv.SMS_TEMPLATE_ILLEGAL': '该账号下找不到对应模板',
  'isv.DOMESTIC_NUMBER_NOT_SUPPORTED': '国际/港澳台消息模板不支持发送境内号码',
  'isv.TEMPLATE_MISSING_PARAMETERS': '模板变量中存在未赋值变量',
  'isv.INVALID_PARAMETERS': '参数格式不正确',
  'isv.INVALID_JSON_PARAM': '参数格式错误，请修改为字符串值',
  'isv.PARAM_LENGTH_LIMIT': '参数超过长度限制',
  'isv.MOBILE_NUMBER_ILLEGAL': '手机号码格式错误',
  'isv.MOBILE_COUNT_OVER_LIMIT': '手机号码数量超过限制',
  'isv.BUSINESS_LIMIT_CONTROL': '触发云通信流控限制',
} as const;

export type BusinessErrorCode = keyof typeof businessErrorMessages;

/** A business error whose message is Aliyun's description followed by the detail. */
export const businessError = (code: BusinessErrorCode, detail?: string): BusinessError =>
  new BusinessError(
    code,
    detail === undefined
      ? businessErrorMessages[code]
      : `${businessErrorMessages[code]}: ${detail}`,
  );
