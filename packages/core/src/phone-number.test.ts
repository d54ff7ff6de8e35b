import {
  getCountries,
  getExampleNumber,
  validatePhoneNumberLength,
} from 'libphonenumber-js/mobile';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import { parsePhoneNumber } from './phone-number.js';
import { isSmsError } from './sms-error.js';

describe('parsePhoneNumber', () => {
  it.each([
    ['+8613812345678'],
    ['008613812345678'],
    ['8613812345678'],
    ['13812345678'],
    ['+86 138 1234 5678'],
    ['+86-138-1234-5678'],
    ['(+86) 138.1234.5678'],
    ['  13812345678  '],
  ])('reads %j as the mainland China number +8613812345678', (input) => {
    expect(parsePhoneNumber(input)).toEqual({
      e164: '+8613812345678',
      countryCallingCode: '86',
      nationalNumber: '13812345678',
      country: 'CN',
      route: 'china',
    });
  });

  it.each([
    ['+1 (415) 555-2671', '+14155552671', '1', 'US'],
    ['85268326366', '+85268326366', '852', 'HK'],
    ['+853 6612 3456', '+85366123456', '853', 'MO'],
    ['+886 912 345 678', '+886912345678', '886', 'TW'],
    ['0044 7400 123456', '+447400123456', '44', 'GB'],
    ['6591234567', '+6591234567', '65', 'SG'],
  ])('reads %j as the overseas number %s', (input, e164, countryCallingCode, country) => {
    expect(parsePhoneNumber(input)).toMatchObject({
      e164,
      countryCallingCode,
      country,
      route: 'overseas',
    });
  });

  describe('bare 11-digit numbers starting with 1', () => {
    it('are mainland China by default, as in the official Logto connector', () => {
      expect(parsePhoneNumber('19912345678')).toMatchObject({
        e164: '+8619912345678',
        route: 'china',
      });
    });

    it('are refused by default when they are no mainland number, with a hint at the two ways out', () => {
      expect(() => parsePhoneNumber('14155552671')).toThrowError(
        /read as a mainland China mobile number.*strict region check/,
      );
      expect(parsePhoneNumber('+14155552671').route).toBe('overseas');
    });

    it('carry their country calling code under the strict check', () => {
      expect(parsePhoneNumber('14155552671', { strictRegion: true })).toMatchObject({
        e164: '+14155552671',
        country: 'US',
        route: 'overseas',
      });
    });

    it('are refused under the strict check when they are no number with a country code', () => {
      expect(() => parsePhoneNumber('13812345678', { strictRegion: true })).toThrowError(
        /not a valid phone number/,
      );
    });
  });

  it.each(['+8613812345678', '008613812345678', '8613812345678'])(
    'keeps %j mainland China under the strict check',
    (input) => {
      expect(parsePhoneNumber(input, { strictRegion: true }).route).toBe('china');
    },
  );

  it.each([
    [undefined, 'expected a string, got undefined'],
    [null, 'expected a string, got null'],
    [13812345678, 'expected a string, got number'],
    ['', 'it is empty'],
    ['   ', 'it is empty'],
    ['+86 138 CALL ME', 'may contain only digits'],
    ['13812345678 ext. 12', 'may contain only digits'],
    ['138/1234/5678', 'may contain only digits'],
    ['+86+13812345678', 'may contain only digits'],
    ['+86 138', 'too short'],
    ['1234', 'too short'],
    ['+8613812345678901234', 'too long'],
    ['1'.repeat(60), 'too long'],
    ['+999 1234 5678', 'known country calling code'],
    ['+86 999 1234 5678', 'not a mobile number in use in CN'],
    ['+86 10 1234 5678', 'not a mobile number in use in CN'],
    ['+852 2123 4567', 'not a mobile number in use in HK'],
    ['+', 'no digits'],
  ])('refuses %j: %s', (input, reason) => {
    let caught: unknown;
    try {
      parsePhoneNumber(input);
    } catch (error) {
      caught = error;
    }
    expect(isSmsError(caught)).toBe(true);
    expect(caught).toMatchObject({ code: 'INVALID_PHONE_NUMBER', field: 'to', retryable: false });
    expect((caught as Error).message).toContain(reason);
    expect((caught as Error).message).toMatch(/^to is not a valid phone number: /);
  });

  it('names the field it was given', () => {
    expect(() => parsePhoneNumber('', { field: 'phone' })).toThrowError(
      expect.objectContaining({
        field: 'phone',
        message: 'phone is not a valid phone number: it is empty',
      }),
    );
  });

  // parsePhoneNumber checks the length only of numbers that are not valid, to say why: sound as
  // long as every valid number has a valid length, which holds for every country's example.
  it("reads every country's example mobile number, whose length libphonenumber-js also accepts", () => {
    let read = 0;
    for (const country of getCountries()) {
      const example = getExampleNumber(country, examples);
      if (example === undefined) continue;
      expect(parsePhoneNumber(example.number).e164, country).toBe(example.number);
      expect(validatePhoneNumberLength(example.number), country).toBeUndefined();
      read += 1;
    }
    expect(read).toBeGreaterThan(200);
  });
});
