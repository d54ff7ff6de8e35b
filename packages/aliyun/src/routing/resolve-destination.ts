import { type PhoneNumber, type Route, resolveTemplate, type Template } from '@smskit/core';
import type { ResolvedAliyunSmsSenderOptions } from '../options/parse-aliyun-sms-sender-options.js';

/** Where and how one message goes, decided by its destination's route. */
export interface Destination {
  readonly route: Route;
  /** `PhoneNumbers` as Aliyun expects it on this route. */
  readonly phoneNumbers: string;
  readonly signName: string;
  readonly template: Pick<Template, 'type' | 'usageType'> & { readonly templateCode: string };
  readonly endpoint: string;
  readonly regionId: string;
}

/**
 * The number as Aliyun reads it with a template of `route`: mainland templates take the
 * 11-digit national number, international ones the country code and number without `+`
 * (`85261234567`). Aliyun reads a number by the template's kind, so the two must agree.
 * https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms
 */
export function formatPhoneNumber(
  phone: Pick<PhoneNumber, 'countryCallingCode' | 'nationalNumber'>,
  route: Route,
): string {
  return route === 'china'
    ? phone.nationalNumber
    : `${phone.countryCallingCode}${phone.nationalNumber}`;
}

/**
 * Picks template, sign name, endpoint, region and number format for a message of `usageType`
 * to `phone`, whose route (mainland China or not) core's `parsePhoneNumber` decided.
 *
 * @throws {SmsError} `TEMPLATE_NOT_FOUND` when no template serves the usage type.
 */
export function resolveDestination(
  options: Pick<ResolvedAliyunSmsSenderOptions, 'signName' | 'templates' | 'endpoint' | 'regionId'>,
  phone: PhoneNumber,
  usageType: string,
): Destination {
  const { route } = phone;
  const templateCode = resolveTemplate(options.templates, usageType, route);
  // The entry resolveTemplate chose (the usage type's own, else Generic), for its kind.
  const entry =
    options.templates.find((template) => template.usageType === usageType) ??
    options.templates.find((template) => template.usageType === 'Generic');
  return {
    route,
    phoneNumbers: formatPhoneNumber(phone, route),
    signName: options.signName[route],
    template: { type: entry?.type ?? 2, usageType: entry?.usageType ?? usageType, templateCode },
    endpoint: options.endpoint[route],
    regionId: options.regionId[route],
  };
}
