import type { z } from 'zod';

/**
 * `templates[0].usageType` for the path `['templates', 0, 'usageType']`; with `nested`, a path
 * that continues another (`[0].usageType`, `.china`).
 */
export function formatIssuePath(
  path: readonly PropertyKey[],
  { nested = false }: { nested?: boolean } = {},
): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number'
        ? `[${segment}]`
        : `${index === 0 && !nested ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

/**
 * Parses `value` with `schema`, or throws a `RangeError` whose message names the argument and,
 * for each problem, the path to the offending value.
 */
export function parseOptions<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  argumentName: string,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${argumentName}${formatIssuePath(issue.path, { nested: true })}: ${issue.message}`,
  );
  throw new RangeError(problems.join('\n'));
}
