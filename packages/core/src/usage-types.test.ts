import { describe, expect, it } from 'vitest';
import { isUsageType, requiredUsageTypes, usageTypeSchema, usageTypes } from './usage-types.js';

describe('usage types', () => {
  it("are Logto's template types, the four of a full user flow required", () => {
    expect(usageTypes).toEqual([
      'Register',
      'SignIn',
      'ForgotPassword',
      'Generic',
      'OrganizationInvitation',
      'UserPermissionValidation',
      'BindNewIdentifier',
      'MfaVerification',
      'BindMfa',
    ]);
    expect(requiredUsageTypes).toEqual(['Register', 'SignIn', 'ForgotPassword', 'Generic']);
  });

  it.each([
    ['SignIn', true],
    ['BindMfa', true],
    ['signin', false],
    ['Test', false],
    [1, false],
    [undefined, false],
  ])('isUsageType(%j) is %s', (value, expected) => {
    expect(isUsageType(value)).toBe(expected);
    expect(usageTypeSchema.safeParse(value).success).toBe(expected);
  });
});
