import type { SignConfig, TemplateConfig } from '../config/emulator-config-schema.js';
import { businessError } from '../errors/business-error.js';
import type { DysmsapiContext } from './dysmsapi-context.js';

/** The template a `TemplateCode` names, or `isv.SMS_TEMPLATE_ILLEGAL`. */
export function findTemplate(context: DysmsapiContext, code: string): TemplateConfig {
  const template = context.templates.get(code);
  if (template === undefined) {
    throw businessError('isv.SMS_TEMPLATE_ILLEGAL', `no template ${JSON.stringify(code)}`);
  }
  return template;
}

/**
 * The sign a `SignName` names, approved for the template's route, or
 * `isv.SMS_SIGNATURE_ILLEGAL`: mainland and international signs are applied for separately.
 */
export function findSign(
  context: DysmsapiContext,
  name: string,
  template: TemplateConfig,
): SignConfig {
  const sign = context.signs.get(name);
  if (sign === undefined) {
    throw businessError('isv.SMS_SIGNATURE_ILLEGAL', `no sign ${JSON.stringify(name)}`);
  }
  if (!sign.routes.includes(template.route)) {
    throw businessError(
      'isv.SMS_SIGNATURE_ILLEGAL',
      `sign ${JSON.stringify(name)} is not approved for ${template.route === 'china' ? 'mainland China' : 'international'} messages (template ${template.code})`,
    );
  }
  return sign;
}
