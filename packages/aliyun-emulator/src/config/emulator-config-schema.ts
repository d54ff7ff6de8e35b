import { z } from 'zod';
import { faultSchema } from '../faults/fault-schema.js';
import { demoConfigInput } from './demo-config-input.js';

const route = z.enum(['china', 'overseas']);

const accessKeySchema = z.strictObject({
  /** The AccessKey ID clients send. */
  id: z.string().min(1),
  /** The AccessKey secret clients sign with. */
  secret: z.string().min(1),
  /** Set for an STS key: requests must then carry this token. */
  securityToken: z.string().min(1).optional(),
});

const signSchema = z.strictObject({
  /** The sign name (签名) as sent in `SignName`. */
  name: z.string().min(1),
  /** The routes this sign is approved for; both unless given. */
  routes: z.array(route).min(1).default(['china', 'overseas']),
});

const placeholder = /\$\{([^}]*)\}/g;

const templateSchema = z
  .strictObject({
    /** The template code as sent in `TemplateCode`, such as `SMS_123456789`. */
    code: z.string().min(1),
    /** `china` for a mainland template, `overseas` for an international / HK-Macau-Taiwan one. */
    route,
    /** `verification` templates take 4–6 letters or digits and get per-number flow control. */
    type: z.enum(['verification', 'notification']).default('verification'),
    /** The template's variables; read from `text` unless given. */
    variables: z
      .array(z.string().regex(/^\w+$/, 'a variable name is letters, digits and _'))
      .optional(),
    /** The template text with `${name}` placeholders, as approved in the console. */
    text: z.string().min(1),
  })
  .transform((template, context) => {
    const used = [...template.text.matchAll(placeholder)].map((match) => match[1] ?? '');
    const variables = template.variables ?? [...new Set(used)];
    for (const name of used) {
      if (!variables.includes(name)) {
        context.addIssue({
          code: 'custom',
          path: ['text'],
          message: `uses \${${name}}, which is not among the variables`,
        });
      }
    }
    return { ...template, variables };
  });

const windowLimit = z.union([z.number().int().positive(), z.literal(false)]);

const rateLimitsSchema = z.union([
  z.literal(false),
  z.strictObject({
    /** Messages per sign and number in any 60 seconds (Aliyun's default: 1). */
    perMinute: windowLimit.default(1),
    /** Messages per sign and number in any hour (Aliyun's default: 5). */
    perHour: windowLimit.default(5),
    /** Messages per sign and number in any 24 hours (Aliyun's default: 10). */
    perDay: windowLimit.default(10),
  }),
]);

const unique =
  <T>(key: (item: T) => string, what: string) =>
  (items: T[], context: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = key(item);
      if (seen.has(value)) {
        context.addIssue({ code: 'custom', path: [index], message: `duplicate ${what}` });
      }
      seen.add(value);
    });
  };

/**
 * The emulator's configuration: the same JSON for `startEmulator(options)` and the CLI's
 * `--config` file. Every field is optional; a missing one takes the demo config's value.
 */
export const emulatorConfigSchema = z.strictObject({
  accessKeys: z
    .array(accessKeySchema)
    .min(1)
    .superRefine(unique((key) => key.id, 'AccessKey ID'))
    .prefault(demoConfigInput.accessKeys),
  signs: z
    .array(signSchema)
    .superRefine(unique((sign) => sign.name, 'sign name'))
    .prefault(demoConfigInput.signs),
  templates: z
    .array(templateSchema)
    .superRefine(unique((template) => template.code, 'template code'))
    .prefault(demoConfigInput.templates),
  /** Per-number flow control for verification templates, or `false` for none. */
  rateLimits: rateLimitsSchema.prefault({}),
  /** Faults played on every Dysmsapi request, in order. */
  faults: z.array(faultSchema).default([]),
  /** How many messages the inbox keeps; the oldest go first. */
  inboxLimit: z.number().int().positive().default(1000),
  /** The largest request body accepted; larger ones get 413. */
  maxBodyBytes: z
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
});

/** A config as written: every field optional. */
export type EmulatorConfigInput = z.input<typeof emulatorConfigSchema>;

/** A config with every default filled in. */
export type EmulatorConfig = z.output<typeof emulatorConfigSchema>;

/** One template of a resolved config. */
export type TemplateConfig = EmulatorConfig['templates'][number];

/** One sign of a resolved config. */
export type SignConfig = EmulatorConfig['signs'][number];

/** One access key of a resolved config. */
export type AccessKeyConfig = EmulatorConfig['accessKeys'][number];
