// `zod` stays outside the bundle: inside Logto it is Logto's own zod 3, so that the ZodError of a
// rejected config is the class Logto's error handler recognises (it reports the failing key paths
// as the response's `details` only for its own `instanceof ZodError`). Only API shared by zod 3 and
// zod 4 is used here, so the guard keeps working if Logto moves to zod 4.
import { z } from 'zod';

/** The usage types every template list must cover, as in Logto's official connector. */
export const requiredUsageTypes = ['Register', 'SignIn', 'ForgotPassword', 'Generic'] as const;

const nonEmpty = (name: string) => z.string().min(1, `${name} must not be empty`);

// A base URL, as @smskit/aliyun takes it: no path, query, fragment or user info.
const httpUrl = z.string().refine((value) => {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '' &&
    url.username === '' &&
    url.password === ''
  );
}, 'endpoint must be an http(s) base URL without a path, such as https://dysmsapi.aliyuncs.com');

/**
 * One entry of `templates`, exactly as the official connector reads it: Aliyun's template kind in
 * `type` (0 notification, 1 promotion, 2 verification code, 6 international, 7 pure number;
 * default 2), any `usageType` name, and a template code for both routes or one per route.
 */
export const templateGuard = z.object({
  type: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(6), z.literal(7)]).default(2),
  usageType: z.string(),
  templateCode: z.union([z.string(), z.object({ china: z.string(), overseas: z.string() })]),
});

/** The template list, naming every missing required usage type in one message. */
export const templatesGuard = z.array(templateGuard).superRefine((templates, context) => {
  const present = new Set(templates.map(({ usageType }) => usageType));
  const missing = requiredUsageTypes.filter((usageType) => !present.has(usageType));
  if (missing.length > 0) {
    context.addIssue({
      code: 'custom',
      message: `UsageType (${missing.join(', ')}) should be provided in templates.`,
    });
  }
});

// A comma- or space-separated list is what the console's text field gives; the API may send an array.
const templateVariablesGuard = z
  .union([z.array(nonEmpty('a template variable')), z.string()])
  .transform((value) =>
    typeof value === 'string' ? value.split(/[\s,]+/).filter((name) => name !== '') : value,
  )
  // A verification-code template always takes a variable; an empty list is a mistake.
  .pipe(z.array(z.string()).min(1, 'templateVariables must name at least one payload key'));

/**
 * The connector's config. Every config that Logto's official Aliyun SMS connector accepts is
 * accepted unchanged (unknown keys are ignored, as there); the options after
 * `strictPhoneRegionNumberCheck` are new and optional, named as in `@smskit/aliyun`.
 */
export const aliyunSmsConfigGuard = z.object({
  accessKeyId: z.string(),
  accessKeySecret: z.string(),
  /** One approved signature for both routes, or one per route. */
  signName: z.union([
    z.string(),
    z.object({ china: nonEmpty('signName.china'), overseas: nonEmpty('signName.overseas') }),
  ]),
  templates: templatesGuard,
  /** Only numbers written with +86, 0086 or 86 count as mainland China. Default false. */
  strictPhoneRegionNumberCheck: z.boolean().optional(),
  /** Dysmsapi base URL for both routes, or per route. Default `https://dysmsapi.aliyuncs.com`. */
  endpoint: z
    .union([httpUrl, z.object({ china: httpUrl.optional(), overseas: httpUrl.optional() })])
    .optional(),
  /** `v3` (ACS3-HMAC-SHA256, default) or `v1` (HMAC-SHA1, what the official connector signs). */
  signatureVersion: z.enum(['v3', 'v1']).optional(),
  /** Milliseconds to wait for Aliyun's answer. Default: `@smskit/aliyun`'s. */
  timeout: z.number().int().positive().max(600_000).optional(),
  /** The payload keys sent to Aliyun as template variables. Default `code`. */
  templateVariables: templateVariablesGuard.optional(),
});

/** A config as the connector reads it (after {@link aliyunSmsConfigGuard}). */
export type AliyunSmsConfig = z.output<typeof aliyunSmsConfigGuard>;

/** A config as it is stored in Logto. */
export type AliyunSmsConfigInput = z.input<typeof aliyunSmsConfigGuard>;
