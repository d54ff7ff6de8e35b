import * as z from 'zod/mini';
import type { Route } from './route.js';
import { SmsError } from './sms-error.js';
import { requiredUsageTypes } from './usage-types.js';

/**
 * Aliyun's template kinds, as Logto's connector stores them in `type`: 0 notification,
 * 1 promotion, 2 verification code (the default), 6 international, 7 pure number.
 */
export const templateKinds = [0, 1, 2, 6, 7] as const;

/** A template code for both routes, or one per route (mainland China templates are separate). */
export const templateCodeSchema = z.union([
  z.string(),
  z.object({ china: z.string(), overseas: z.string() }),
]);

/** One entry of a template list: which template to use for a usage type. */
export const templateSchema = z.object({
  type: z._default(z.literal(templateKinds), 2),
  // Any name: Logto accepts usage types it does not know yet, and so must a drop-in.
  usageType: z.string(),
  templateCode: templateCodeSchema,
});

/** A parsed template list entry. */
export type Template = z.output<typeof templateSchema>;
/** A template list entry as written in config (`type` may be left out). */
export type TemplateInput = z.input<typeof templateSchema>;
/** A template code as written in config. */
export type TemplateCode = z.output<typeof templateCodeSchema>;

/**
 * The `templates` config of Logto's official Aliyun connector, unchanged: it accepts exactly
 * what that connector accepts and reports every missing required usage type in one message.
 */
export const templatesSchema = z.array(templateSchema).check(
  z.superRefine((templates, context) => {
    const present = new Set(templates.map((template) => template.usageType));
    const missing = requiredUsageTypes.filter((usageType) => !present.has(usageType));
    if (missing.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `UsageType (${missing.join(', ')}) should be provided in templates.`,
      });
    }
  }),
);

/**
 * The template code to send a message of `usageType` to a number on `route`, falling back to
 * the `Generic` template as Logto does.
 *
 * @throws {SmsError} `TEMPLATE_NOT_FOUND` when neither the usage type nor `Generic` has one.
 */
export function resolveTemplate(
  templates: readonly Pick<Template, 'usageType' | 'templateCode'>[],
  usageType: string,
  route: Route,
): string {
  const template =
    templates.find((candidate) => candidate.usageType === usageType) ??
    templates.find((candidate) => candidate.usageType === 'Generic');
  if (template === undefined) {
    throw new SmsError(
      'TEMPLATE_NOT_FOUND',
      `No template for usage type ${usageType} and no Generic template to fall back to`,
      { field: 'templates' },
    );
  }
  const { templateCode } = template;
  return typeof templateCode === 'string' ? templateCode : templateCode[route];
}
