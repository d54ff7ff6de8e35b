import { randomUUID } from 'node:crypto';
import { businessError } from '../errors/business-error.js';
import type { InboxMessage } from '../inbox/inbox.js';
import { findSign, findTemplate } from './check-sign-and-template.js';
import { createBizId } from './create-ids.js';
import {
  type ActionRequest,
  type DysmsapiContext,
  optionalParam,
  requiredParam,
} from './dysmsapi-context.js';
import { readPhoneNumber } from './read-phone-number.js';
import { parseTemplateParam, readTemplateParams } from './read-template-params.js';
import { renderTemplate, withSign } from './render-template.js';

// https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms
const maxNumbers = 1000;
const maxOutIdLength = 255;

/** One accepted recipient of a send, before it becomes an inbox message. */
export interface Delivery {
  readonly phoneNumbers: string;
  readonly e164: string;
  readonly signName: string;
  readonly params: Readonly<Record<string, string>>;
}

/** Reads one recipient's number for the template's route, or fails with Aliyun's code. */
export function readRecipient(raw: string, route: 'china' | 'overseas'): string {
  const reading = readPhoneNumber(raw, route);
  if (!reading.ok) throw businessError(reading.code, reading.reason);
  return reading.e164;
}

/** `OutId`, at most 255 characters. */
export function readOutId(params: ReadonlyMap<string, string>): string | undefined {
  const outId = optionalParam(params, 'OutId');
  if (outId !== undefined && outId.length > maxOutIdLength) {
    throw businessError(
      'isv.INVALID_PARAMETERS',
      `OutId is longer than ${maxOutIdLength} characters`,
    );
  }
  return outId;
}

/** Admits the deliveries through flow control and puts them in the inbox under one BizId. */
export function deliver(
  context: DysmsapiContext,
  request: ActionRequest,
  templateCode: string,
  deliveries: readonly Delivery[],
  outId: string | undefined,
): { BizId: string } {
  const template = context.templates.get(templateCode);
  if (template === undefined) throw new Error(`template ${templateCode} vanished`);
  if (template.type === 'verification') {
    context.flowControl.admit(deliveries.map((delivery) => [delivery.signName, delivery.e164]));
  }
  const now = context.now();
  const bizId = createBizId(now);
  const messages = deliveries.map(
    (delivery): InboxMessage => ({
      id: randomUUID(),
      phone: delivery.e164,
      phoneNumbers: delivery.phoneNumbers,
      signName: delivery.signName,
      templateCode,
      params: delivery.params,
      text: withSign(
        renderTemplate(template.text, delivery.params),
        delivery.signName,
        template.route,
      ),
      route: template.route,
      bizId,
      requestId: request.requestId,
      ...(outId === undefined ? {} : { outId }),
      receivedAt: now.toISOString(),
    }),
  );
  context.inbox.add(messages);
  return { BizId: bizId };
}

/** SendSms: one template and sign, one or more comma-separated numbers. */
export function sendSms(context: DysmsapiContext, request: ActionRequest) {
  const { params } = request;
  const phoneNumbers = requiredParam(params, 'PhoneNumbers');
  const signName = requiredParam(params, 'SignName');
  const templateCode = requiredParam(params, 'TemplateCode');

  const template = findTemplate(context, templateCode);
  findSign(context, signName, template);
  const numbers = phoneNumbers.split(',');
  if (numbers.length > maxNumbers) {
    throw businessError('isv.MOBILE_COUNT_OVER_LIMIT', `at most ${maxNumbers} numbers`);
  }
  const recipients = numbers.map((raw) => ({
    raw,
    e164: readRecipient(raw.trim(), template.route),
  }));
  const templateParams = readTemplateParams(
    parseTemplateParam(optionalParam(params, 'TemplateParam')),
    template,
  );
  const outId = readOutId(params);
  const { BizId } = deliver(
    context,
    request,
    templateCode,
    recipients.map(({ raw, e164 }) => ({
      phoneNumbers: raw,
      e164,
      signName,
      params: templateParams,
    })),
    outId,
  );
  return { Message: 'OK', BizId, Code: 'OK' };
}
