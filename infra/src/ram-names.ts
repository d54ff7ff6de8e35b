import { z } from 'zod';

/**
 * A RAM user name: 1 to 64 letters, digits, `.`, `_` or `-`, not starting with `-`.
 *
 * @see https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createuser
 */
export const ramUserNameSchema = z.string().regex(/^[A-Za-z0-9._][A-Za-z0-9._-]{0,63}$/, {
  error: (issue) =>
    `${JSON.stringify(issue.input)} is not a RAM user name: use 1 to 64 letters, digits, ".", "_" or "-", not starting with "-"`,
});

/**
 * A RAM policy name: 1 to 128 letters, digits or `-`.
 *
 * @see https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createpolicy
 */
export const ramPolicyNameSchema = z.string().regex(/^[A-Za-z0-9-]{1,128}$/, {
  error: (issue) =>
    `${JSON.stringify(issue.input)} is not a RAM policy name: use 1 to 128 letters, digits or "-"`,
});

/**
 * A RAM role name: 1 to 64 letters, digits, `.` or `-`.
 *
 * @see https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createrole
 */
export const ramRoleNameSchema = z.string().regex(/^[A-Za-z0-9.-]{1,64}$/, {
  error: (issue) =>
    `${JSON.stringify(issue.input)} is not a RAM role name: use 1 to 64 letters, digits, "." or "-"`,
});

/** `name` with every character a RAM policy name cannot hold replaced by `-`, cut to fit. */
export function toRamPolicyName(name: string): string {
  return name.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 128);
}

/** `name` with every character a RAM role name cannot hold replaced by `-`, cut to fit. */
export function toRamRoleName(name: string): string {
  return name.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 64);
}
