import { SmsError, type Template } from '@smskit/core';

// Aliyun's rule for the variable of a verification-code template: 4 to 6 digits or letters.
// https://help.aliyun.com/zh/sms/user-guide/specifications-for-message-templates
const verificationCode = /^[0-9A-Za-z]{4,6}$/;
const verificationTemplateKind = 2;

/**
 * The `TemplateParam` JSON of a message. For a verification-code template (kind 2, the
 * default) the `code` must be 4 to 6 digits or letters, which Aliyun checks too; refusing it
 * here costs no request and names the field. Other variables are passed as they are.
 *
 * @throws {SmsError} `INVALID_PARAMS` with `field` `params.code`.
 */
export function buildTemplateParam(
  params: Readonly<Record<string, string>>,
  template: Pick<Template, 'type'>,
): string | undefined {
  const code = params.code;
  if (
    template.type === verificationTemplateKind &&
    code !== undefined &&
    !verificationCode.test(code)
  ) {
    throw new SmsError(
      'INVALID_PARAMS',
      `params.code must be 4 to 6 digits or letters for an Aliyun verification-code template (got ${code.length} characters${/^[0-9A-Za-z]*$/.test(code) ? '' : ', not all digits or letters'})`,
      { provider: 'aliyun', field: 'params.code' },
    );
  }
  return Object.keys(params).length === 0 ? undefined : JSON.stringify(params);
}
