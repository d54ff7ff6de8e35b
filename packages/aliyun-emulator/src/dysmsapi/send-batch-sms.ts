import { businessError } from '../errors/business-error.js';
import { findSign, findTemplate } from './check-sign-and-template.js';
import {
  type ActionRequest,
  type DysmsapiContext,
  optionalParam,
  requiredParam,
} from './dysmsapi-context.js';
import { readTemplateParams } from './read-template-params.js';
import { type Delivery, deliver, readOutId, readRecipient } from './send-sms.js';

// https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-sendbatchsms
const maxNumbers = 100;

/** A `*Json` parameter: a JSON array, or `isv.INVALID_JSON_PARAM`. */
function readJsonArray(name: string, raw: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw businessError('isv.INVALID_JSON_PARAM', `${name} is not valid JSON`);
  }
  if (!Array.isArray(value)) {
    throw businessError('isv.INVALID_JSON_PARAM', `${name} must be a JSON array`);
  }
  return value;
}

function readStrings(name: string, raw: string): string[] {
  return readJsonArray(name, raw).map((entry, index) => {
    if (typeof entry !== 'string') {
      throw businessError('isv.INVALID_JSON_PARAM', `${name}[${index}] must be a string`);
    }
    return entry;
  });
}

/**
 * SendBatchSms: one template, and per number its own sign and parameters, given as JSON arrays
 * of the same length.
 */
export function sendBatchSms(context: DysmsapiContext, request: ActionRequest) {
  const { params } = request;
  const numbers = readStrings('PhoneNumberJson', requiredParam(params, 'PhoneNumberJson'));
  const signNames = readStrings('SignNameJson', requiredParam(params, 'SignNameJson'));
  const templateCode = requiredParam(params, 'TemplateCode');
  const templateParamJson = optionalParam(params, 'TemplateParamJson');
  const templateParams =
    templateParamJson === undefined
      ? undefined
      : readJsonArray('TemplateParamJson', templateParamJson);

  const template = findTemplate(context, templateCode);
  if (numbers.length === 0) {
    throw businessError('isv.INVALID_PARAMETERS', 'PhoneNumberJson is empty');
  }
  if (numbers.length > maxNumbers) {
    throw businessError('isv.MOBILE_COUNT_OVER_LIMIT', `at most ${maxNumbers} numbers`);
  }
  if (signNames.length !== numbers.length) {
    throw businessError(
      'isv.INVALID_PARAMETERS',
      'SignNameJson must have one sign per number of PhoneNumberJson',
    );
  }
  if (templateParams !== undefined && templateParams.length !== numbers.length) {
    throw businessError(
      'isv.INVALID_PARAMETERS',
      'TemplateParamJson must have one entry per number of PhoneNumberJson',
    );
  }
  const deliveries = numbers.map((raw, index): Delivery => {
    const signName = signNames[index] as string;
    findSign(context, signName, template);
    return {
      phoneNumbers: raw,
      e164: readRecipient(raw, template.route),
      signName,
      params: readTemplateParams(templateParams?.[index], template, `TemplateParamJson[${index}]`),
    };
  });
  const { BizId } = deliver(context, request, templateCode, deliveries, readOutId(params));
  return { Message: 'OK', BizId, Code: 'OK' };
}
