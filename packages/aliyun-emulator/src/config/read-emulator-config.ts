import type { z } from 'zod';
import { EmulatorConfigError } from './emulator-config-error.js';
import { type EmulatorConfig, emulatorConfigSchema } from './emulator-config-schema.js';

/** `templates[2].route` from zod's path. */
export const fieldPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (text, key) =>
      typeof key === 'number'
        ? `${text}[${key}]`
        : text === ''
          ? String(key)
          : `${text}.${String(key)}`,
    '',
  ) || '(config)';

/** Lists a zod error's issues with the field each one is about. */
export const configIssues = (error: z.ZodError) =>
  error.issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message }));

/**
 * Validates an emulator config (from code or a JSON file) and fills in the demo defaults.
 *
 * @throws {EmulatorConfigError} naming every wrong field.
 */
export function readEmulatorConfig(input: unknown): EmulatorConfig {
  const result = emulatorConfigSchema.safeParse(input ?? {});
  if (!result.success) throw new EmulatorConfigError(configIssues(result.error));
  return result.data;
}
