import type { TemplateConfig } from '../config/emulator-config-schema.js';
import { businessError } from '../errors/business-error.js';

// A verification code: 4 to 6 letters or digits.
// https://help.aliyun.com/zh/sms/user-guide/template-specifications
const verificationCode = /^[A-Za-z0-9]{4,6}$/;
// Aliyun limits template variables to 35 characters (verification templates aside).
const maxVariableLength = 35;

/** Parses `TemplateParam` (a JSON text), or fails with `isv.INVALID_JSON_PARAM`. */
export function parseTemplateParam(raw: string | undefined): unknown {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw businessError('isv.INVALID_JSON_PARAM', 'TemplateParam is not valid JSON');
  }
}

/**
 * Checks template parameters against the template, as Dysmsapi does: a JSON object with a
 * string value for each of the template's variables and nothing else.
 */
export function readTemplateParams(
  value: unknown,
  template: TemplateConfig,
  field = 'TemplateParam',
): Record<string, string> {
  if (value === undefined || value === null) {
    if (template.variables.length === 0) return {};
    throw businessError(
      'isv.TEMPLATE_MISSING_PARAMETERS',
      `${field} is missing; template ${template.code} needs ${template.variables.join(', ')}`,
    );
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw businessError('isv.INVALID_JSON_PARAM', `${field} must be a JSON object`);
  }
  const params: Record<string, string> = {};
  for (const [name, entry] of Object.entries(value)) {
    if (!template.variables.includes(name)) {
      throw businessError(
        'isv.INVALID_JSON_PARAM',
        `${field} has "${name}", which template ${template.code} does not have (its variables: ${template.variables.join(', ') || 'none'})`,
      );
    }
    if (typeof entry !== 'string') {
      throw businessError(
        'isv.INVALID_JSON_PARAM',
        `${field}.${name} must be a string, not ${entry === null ? 'null' : typeof entry}`,
      );
    }
    params[name] = entry;
  }
  for (const name of template.variables) {
    if (params[name] === undefined || params[name] === '') {
      throw businessError('isv.TEMPLATE_MISSING_PARAMETERS', `${field} has no value for "${name}"`);
    }
    const entry = params[name];
    if (template.type === 'verification' && !verificationCode.test(entry)) {
      throw businessError(
        'isv.INVALID_PARAMETERS',
        `${field}.${name} of verification template ${template.code} must be 4 to 6 letters or digits`,
      );
    }
    if (entry.length > maxVariableLength) {
      throw businessError(
        'isv.PARAM_LENGTH_LIMIT',
        `${field}.${name} is longer than ${maxVariableLength} characters`,
      );
    }
  }
  return params;
}
