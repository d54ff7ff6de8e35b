import * as z from 'zod/mini';

/**
 * Why a message is sent. The names are Logto's template types, so that a Logto template list
 * is also a smskit template list.
 */
export const usageTypes = [
  'Register',
  'SignIn',
  'ForgotPassword',
  'Generic',
  'OrganizationInvitation',
  'UserPermissionValidation',
  'BindNewIdentifier',
  'MfaVerification',
  'BindMfa',
] as const;

/** One of {@link usageTypes}. */
export type UsageType = (typeof usageTypes)[number];

/**
 * The usage types a template list must cover: the four a full user flow needs. Any other
 * usage type falls back to the `Generic` template when it has none of its own.
 */
export const requiredUsageTypes = [
  'Register',
  'SignIn',
  'ForgotPassword',
  'Generic',
] as const satisfies readonly UsageType[];

/** Validates a usage type name. */
export const usageTypeSchema = z.enum(usageTypes);

/** True when `value` is one of {@link usageTypes}. */
export const isUsageType = (value: unknown): value is UsageType =>
  typeof value === 'string' && (usageTypes as readonly string[]).includes(value);
