import { SmsError } from '@smskit/core';
import type { z } from 'zod';

const fieldName = (path: readonly PropertyKey[]) =>
  path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');

/**
 * Parses options with `schema`, or throws `SmsError` `INVALID_CONFIG` naming the first bad
 * field in `field` and every problem in the message. Messages come from `expectations` (what
 * each top-level option must be), never from the value: a secret given in the wrong shape must
 * not end up in an error.
 */
export function parseConfig<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  what: string,
  expectations: Readonly<Record<string, string>>,
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const field = fieldName([...issue.path, key]);
        return { field, message: `${field} is not an option of ${what}` };
      });
    }
    const top = issue.path[0];
    if (top === undefined)
      return [{ field: 'options', message: `${what} takes an options object` }];
    const field = fieldName(issue.path);
    const expectation = expectations[String(top)] ?? 'is not valid';
    return [{ field, message: `${field} ${expectation}` }];
  });
  const first = problems[0] ?? { field: 'options', message: 'invalid options' };
  throw new SmsError(
    'INVALID_CONFIG',
    `Invalid options of ${what}: ${problems.map((problem) => problem.message).join('; ')}`,
    { field: first.field },
  );
}
