import {
  type CountryCode,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/mobile';
import type { Route } from './route.js';
import { SmsError } from './sms-error.js';

/** A phone number read by {@link parsePhoneNumber}. */
export interface PhoneNumber {
  /** E.164 form, such as `+8613812345678`. */
  readonly e164: string;
  /** Country calling code without `+`, such as `86`. */
  readonly countryCallingCode: string;
  /** The number without its country calling code, such as `13812345678`. */
  readonly nationalNumber: string;
  /** ISO 3166-1 alpha-2 country, when the number tells it (`+1` may be several). */
  readonly country: CountryCode | undefined;
  /** `china` for mainland China (+86), `overseas` for everything else. */
  readonly route: Route;
}

/** How {@link parsePhoneNumber} reads numbers written without `+`. */
export interface ParsePhoneNumberOptions {
  /**
   * Logto's `strictPhoneRegionNumberCheck`. When false (the default), a bare 11-digit number
   * starting with 1 (`13812345678`) is a mainland China mobile number, as in Logto's official
   * connector. When true, only numbers that carry +86, 0086 or 86 are mainland China, and every
   * bare number is read as starting with its country calling code (`14155552671` is +1).
   */
  strictRegion?: boolean | undefined;
  /** The input's name in error messages and in `SmsError.field`. Default `to`. */
  field?: string | undefined;
}

// Separators people and forms put between digits; once they are gone, only digits and a
// leading + may remain.
const separators = /[\s().-]/g;
const compactNumber = /^\+?\d+$/;
const bareMainlandMobile = /^1\d{10}$/;
// Longer than any way of writing a 15-digit E.164 number needs.
const maxInputLength = 40;

const lengthProblems: Record<string, string> = {
  NOT_A_NUMBER: 'it has no digits',
  INVALID_COUNTRY:
    'it does not start with a known country calling code (write it as +<country code><number>)',
  TOO_SHORT: 'it is too short',
  TOO_LONG: 'it is too long',
  INVALID_LENGTH: 'its length is not used by its country',
};

/**
 * Reads a mobile phone number as users type it and as Logto stores it (`+86 138 1234 5678`,
 * `008613812345678`, `8613812345678`, `13812345678`, `+1 (415) 555-2671`, `85268326366`), and
 * says whether it is a mainland China number. Numbers without `+` or `00` are read as starting
 * with their country calling code, except the bare mainland rule of
 * {@link ParsePhoneNumberOptions.strictRegion}.
 *
 * @throws {SmsError} `INVALID_PHONE_NUMBER`, naming what is wrong.
 */
export function parsePhoneNumber(
  input: unknown,
  options: ParsePhoneNumberOptions = {},
): PhoneNumber {
  const field = options.field ?? 'to';
  const invalid = (reason: string) =>
    new SmsError('INVALID_PHONE_NUMBER', `${field} is not a valid phone number: ${reason}`, {
      field,
    });

  if (typeof input !== 'string') {
    throw invalid(`expected a string, got ${input === null ? 'null' : typeof input}`);
  }
  const text = input.trim();
  if (text === '') throw invalid('it is empty');
  if (text.length > maxInputLength) throw invalid('it is too long');
  const compact = text.replace(separators, '');
  if (!/\d/.test(compact)) throw invalid('it has no digits');
  if (!compactNumber.test(compact)) {
    throw invalid(
      'it may contain only digits, spaces, "-", "." and parentheses, after an optional leading "+"',
    );
  }

  const digits = compact.replace('+', '');
  const readAsMainland =
    !compact.startsWith('+') && !options.strictRegion && bareMainlandMobile.test(digits);
  let international: string;
  if (compact.startsWith('+')) international = digits;
  else if (digits.startsWith('00')) international = digits.slice(2);
  else if (readAsMainland) international = `86${digits}`;
  else international = digits;

  const candidate = `+${international}`;
  // Not `extract`: the input is already one number in E.164 form, nothing to search for.
  const parsed = parsePhoneNumberFromString(candidate, { extract: false });
  // A valid number has a valid length, so the length check (which parses the number again) runs
  // only to say why a number is not valid: half the work for the numbers that are.
  if (parsed === undefined || !parsed.isValid()) {
    const lengthProblem = validatePhoneNumberLength(candidate);
    if (lengthProblem !== undefined) {
      throw invalid(lengthProblems[lengthProblem] ?? 'its length is wrong');
    }
    if (readAsMainland) {
      throw invalid(
        'a bare 11-digit number starting with 1 is read as a mainland China mobile number, and this is none; ' +
          'write another country\'s number with "+" and its country code, or turn on the strict region check',
      );
    }
    throw invalid(
      parsed?.country === undefined
        ? 'it is not a mobile number in use'
        : `it is not a mobile number in use in ${parsed.country}`,
    );
  }
  return {
    e164: parsed.number,
    countryCallingCode: parsed.countryCallingCode,
    nationalNumber: parsed.nationalNumber,
    country: parsed.country,
    route: parsed.countryCallingCode === '86' ? 'china' : 'overseas',
  };
}
