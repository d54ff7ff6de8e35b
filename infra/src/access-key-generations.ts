import { z } from 'zod';

/**
 * How many AccessKeys a RAM user can have at once. Two is what makes a rotation without
 * downtime possible: the key in use and its successor.
 *
 * @see https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createaccesskey
 */
export const maxAccessKeysPerUser = 2;

/**
 * A generation label: letters, digits, `.`, `_` and `-`, such as `2025-01` or `v2`. A whole
 * number is taken as its digits, since YAML reads an unquoted `- 2` as one.
 */
export const accessKeyGenerationSchema = z.preprocess(
  (label) => (Number.isSafeInteger(label) && (label as number) >= 0 ? String(label) : label),
  z
    .string({ error: (issue) => notALabel(issue.input) })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { error: (issue) => notALabel(issue.input) }),
);

function notALabel(input: unknown): string {
  return `${JSON.stringify(input)} is not a generation label: use 1 to 40 letters, digits, ".", "_" or "-", starting with a letter or digit (for example "2025-01")`;
}

/**
 * Which AccessKey generations exist and which of them are switched off. The last generation
 * listed is the active one: the one whose secret the outputs carry.
 */
export const accessKeyGenerationsSchema = z
  .object({
    /** One or two labels, oldest first; the last is active. Empty for no AccessKeys at all. */
    accessKeyGenerations: z
      .array(accessKeyGenerationSchema, {
        error: (issue) =>
          issue.input === undefined
            ? 'is required: list one or two AccessKey generation labels, such as ["2025-01"] (or [] with a role)'
            : 'expected a list of one or two generation labels, such as ["2025-01"]',
      })
      .superRefine((generations, context) => {
        if (generations.length > maxAccessKeysPerUser) {
          context.addIssue({
            code: 'custom',
            message:
              `lists ${generations.length} generations, but Aliyun allows at most ${maxAccessKeysPerUser} AccessKeys per RAM user. ` +
              'Rotate one step at a time: once the app uses the newest key, remove the oldest generation (the first listed) and deploy, then add the next one.',
          });
        }
        const seen = new Set<string>();
        for (const generation of generations) {
          if (seen.has(generation)) {
            context.addIssue({
              code: 'custom',
              message: `lists ${JSON.stringify(generation)} twice: each generation is one AccessKey`,
            });
          }
          seen.add(generation);
        }
      }),
    /**
     * Generations whose key is disabled (status `Inactive`) but kept, so that switching an old
     * key off can be undone before it is deleted. Never the active generation.
     */
    inactiveAccessKeyGenerations: z.array(accessKeyGenerationSchema).default([]),
  })
  .superRefine(({ accessKeyGenerations, inactiveAccessKeyGenerations }, context) => {
    inactiveAccessKeyGenerations.forEach((generation, index) => {
      if (!accessKeyGenerations.includes(generation)) {
        context.addIssue({
          code: 'custom',
          path: ['inactiveAccessKeyGenerations', index],
          message: `${JSON.stringify(generation)} is not one of accessKeyGenerations`,
        });
      } else if (generation === accessKeyGenerations.at(-1)) {
        context.addIssue({
          code: 'custom',
          path: ['inactiveAccessKeyGenerations', index],
          message: `${JSON.stringify(generation)} is the active generation (the last in accessKeyGenerations): the app would lose its key. Disable only an older generation.`,
        });
      }
    });
  });

/** The generations, as written. */
export type AccessKeyGenerationsInput = z.input<typeof accessKeyGenerationsSchema>;
