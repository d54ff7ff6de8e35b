import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';

/** `china` for mainland China (+86) templates, `overseas` for international / HK-Macau-Taiwan ones. */
export type Route = 'china' | 'overseas';

/** A number Dysmsapi accepted, or why it did not. */
export type PhoneReading =
  | { readonly ok: true; readonly e164: string }
  | {
      readonly ok: false;
      readonly code: 'isv.MOBILE_NUMBER_ILLEGAL' | 'isv.DOMESTIC_NUMBER_NOT_SUPPORTED';
      readonly reason: string;
    };

// A mainland mobile number with or without +86 / 0086 / 86 in front.
const mainlandForm = /^(?:\+86|0086|86)?(1\d{10})$/;
// Country calling code + number, as Aliyun wants international numbers (a + is tolerated).
const internationalForm = /^\+?([1-9]\d{5,14})$/;

/** The E.164 form of a mainland China mobile number written as Aliyun accepts it. */
export function readMainlandNumber(raw: string): string | undefined {
  const national = mainlandForm.exec(raw)?.[1];
  if (national === undefined) return undefined;
  const parsed = parsePhoneNumberFromString(`+86${national}`);
  return parsed?.isValid() ? parsed.number : undefined;
}

/** The E.164 form of a number written as country calling code + number (any country). */
export function readInternationalNumber(raw: string): string | undefined {
  const digits = internationalForm.exec(raw)?.[1];
  if (digits === undefined) return undefined;
  const parsed = parsePhoneNumberFromString(`+${digits}`);
  return parsed?.isValid() ? parsed.number : undefined;
}

/**
 * Reads one entry of `PhoneNumbers` the way the template's route says (see PROTOCOL.md): a
 * mainland template takes mainland mobile numbers with or without +86 / 0086 / 86; an
 * international template takes country code + number (`85261234567`, `14155552671`), and a
 * number that is a mainland one in any reading gets `isv.DOMESTIC_NUMBER_NOT_SUPPORTED`.
 * Validity comes from libphonenumber-js's mobile metadata: a landline cannot receive an SMS.
 * https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms
 */
export function readPhoneNumber(raw: string, route: Route): PhoneReading {
  if (route === 'china') {
    const e164 = readMainlandNumber(raw);
    return e164 === undefined
      ? {
          ok: false,
          code: 'isv.MOBILE_NUMBER_ILLEGAL',
          reason: `${JSON.stringify(raw)} is not a mainland China mobile number (a mainland template reaches +86 numbers only)`,
        }
      : { ok: true, e164 };
  }
  const international = readInternationalNumber(raw);
  if (international !== undefined && !international.startsWith('+86')) {
    return { ok: true, e164: international };
  }
  if (international !== undefined || readMainlandNumber(raw) !== undefined) {
    return {
      ok: false,
      code: 'isv.DOMESTIC_NUMBER_NOT_SUPPORTED',
      reason: `${JSON.stringify(raw)} is a mainland China number; send it with a mainland template`,
    };
  }
  return {
    ok: false,
    code: 'isv.MOBILE_NUMBER_ILLEGAL',
    reason: `${JSON.stringify(raw)} is not a mobile number in the international format (country code + number without "+", e.g. 85261234567)`,
  };
}

const separators = /[\s().-]/g;

/**
 * Every E.164 number a number written in any accepted format may mean, for looking messages up:
 * `13800138000`, `+86 138 0013 8000`, `8613800138000`, `+1 (415) 555-2671`, `0085261234567`.
 */
export function phoneCandidates(input: string): Set<string> {
  const compact = input.replace(separators, '').replace(/^00/, '+');
  const candidates = new Set<string>();
  for (const reading of [readMainlandNumber(compact), readInternationalNumber(compact)]) {
    if (reading !== undefined) candidates.add(reading);
  }
  return candidates;
}
