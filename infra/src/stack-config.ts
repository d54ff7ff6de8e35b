import * as pulumi from '@pulumi/pulumi';
import { templatesSchema } from '@smskit/core';
import { z } from 'zod';
import { accessKeyGenerationsSchema } from './access-key-generations.js';
import { ipRangesSchema } from './ip-range.js';
import { formatIssuePath } from './parse-options.js';
import {
  ramPolicyNameSchema,
  ramRoleNameSchema,
  ramUserNameSchema,
  toRamPolicyName,
  toRamRoleName,
} from './ram-names.js';
import {
  nobodyTrustedMessage,
  trustedPrincipalsShape,
  trustsSomeone,
} from './trust-policy-document.js';

/** The config namespace of this program: its project name in `Pulumi.yaml`. */
export const configNamespace = 'smskit-sms';

/** A sign name for both routes, or one per route (mainland China signs are applied for separately). */
const signNameSchema = z.union(
  [z.string().min(1), z.object({ china: z.string().min(1), overseas: z.string().min(1) }).strict()],
  { error: 'expected a sign name, or { china, overseas } with one for each route' },
);

const stackConfigSchema = z
  .object({
    userName: ramUserNameSchema.optional(),
    policyName: ramPolicyNameSchema.optional(),
    accessKeyGenerations: accessKeyGenerationsSchema.shape.accessKeyGenerations,
    inactiveAccessKeyGenerations: accessKeyGenerationsSchema.shape.inactiveAccessKeyGenerations,
    pgpKey: z.string().min(1).optional(),
    accessKeyAllowedIps: ipRangesSchema.optional(),
    sourceIps: ipRangesSchema.optional(),
    httpsOnly: z.boolean().default(true),
    allowBatchSend: z.boolean().default(false),
    allowQuerySendDetails: z.boolean().default(false),
    signName: signNameSchema.optional(),
    // A zod/mini schema (from @smskit/core) nests in this classic one; it has no `.optional()`.
    templates: z.optional(templatesSchema),
    strictPhoneRegionNumberCheck: z.boolean().default(false),
    role: z
      .object({
        roleName: ramRoleNameSchema.optional(),
        maxSessionDuration: z
          .int()
          .min(3600, { error: 'at least 3600 seconds' })
          .max(43200, { error: 'at most 43200 seconds' })
          .optional(),
        ...trustedPrincipalsShape,
      })
      .strict()
      .refine(trustsSomeone, { error: nobodyTrustedMessage })
      .optional(),
  })
  .strict()
  .superRefine((config, context) => {
    // The same cross-checks as the component's, reported under the stack config keys.
    const generations = accessKeyGenerationsSchema.safeParse(config);
    for (const issue of generations.success ? [] : generations.error.issues) {
      if (issue.path[0] === 'inactiveAccessKeyGenerations') {
        context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
    }
    if (config.accessKeyGenerations.length === 0 && config.role === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['accessKeyGenerations'],
        message:
          'is empty and there is no role: list a generation label, or set role for the key-less variant',
      });
    }
    if ((config.signName === undefined) !== (config.templates === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [config.signName === undefined ? 'signName' : 'templates'],
        message: 'is needed too: the Logto connector config needs both signName and templates',
      });
    }
  });

/** The keys this program reads, each under the `smskit-sms:` namespace. */
export const stackConfigKeys = Object.keys(stackConfigSchema.shape) as readonly string[];

// Keys whose value is a string even when it looks like JSON (a user name "1234" stays a string).
const stringKeys = new Set(['userName', 'policyName', 'pgpKey']);

type ParsedStackConfig = z.output<typeof stackConfigSchema>;

/** The validated stack config, with defaults applied. */
export interface StackConfig extends Omit<ParsedStackConfig, 'userName' | 'policyName' | 'role'> {
  userName: string;
  policyName: string;
  role?: NonNullable<ParsedStackConfig['role']> & { roleName: string };
}

/** One problem with the stack config. */
export interface StackConfigProblem {
  /** The config key at fault, such as `smskit-sms:templates`. */
  key: string;
  /** Where under the key, such as `[0].usageType`; empty for the key itself. */
  path: string;
  message: string;
}

/**
 * The stack config is wrong. The message lists every problem with its key and path, as
 * `pulumi config set --path` takes them (`smskit-sms:templates[0].usageType: …`). A `RunError`,
 * so Pulumi prints the message without a stack trace.
 */
export class StackConfigError extends pulumi.RunError {
  override readonly name = 'StackConfigError';
  readonly problems: readonly StackConfigProblem[];

  constructor(problems: readonly StackConfigProblem[]) {
    super(
      `Invalid stack config (fix it with \`pulumi config set\` or in Pulumi.<stack>.yaml):\n${problems
        .map(({ key, path, message }) => `  ${key}${path}: ${message}`)
        .join('\n')}`,
    );
    this.problems = problems;
  }

  /** The keys at fault, once each. */
  get keys(): readonly string[] {
    return [...new Set(this.problems.map(({ key }) => key))];
  }
}

function readValue(key: string, text: string): unknown {
  if (stringKeys.has(key) || (key === 'signName' && !text.trimStart().startsWith('{'))) return text;
  // Pulumi hands over lists, maps, booleans and numbers as JSON text. Anything else is left as
  // written, for the schema to report against its key.
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Validates this program's stack config.
 *
 * @param allConfig Every config value of the stack, keyed `namespace:key`, as
 *   `pulumi.runtime.allConfig()` returns it. Keys of other namespaces (`alicloud:region`) are
 *   ignored; an unknown key of this namespace is an error, so that a typo does not go unnoticed.
 * @param stack The stack's name, for the default resource names.
 * @throws {StackConfigError} naming each key at fault.
 */
export function parseStackConfig(
  allConfig: Readonly<Record<string, string>>,
  stack: string,
): StackConfig {
  const prefix = `${configNamespace}:`;
  const values: Record<string, unknown> = {};
  for (const [fullKey, text] of Object.entries(allConfig)) {
    if (!fullKey.startsWith(prefix)) continue;
    const key = fullKey.slice(prefix.length);
    values[key] = readValue(key, text);
  }

  const result = stackConfigSchema.safeParse(values);
  if (!result.success) {
    const problemAt = (path: readonly PropertyKey[], message: string): StackConfigProblem => ({
      key: `${prefix}${String(path[0])}`,
      path: formatIssuePath(path.slice(1), { nested: true }),
      message,
    });
    throw new StackConfigError(
      result.error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) =>
              problemAt(
                [...issue.path, key],
                issue.path.length === 0
                  ? `not a setting of this program; the settings are ${stackConfigKeys.join(', ')}`
                  : 'not a setting here',
              ),
            )
          : [problemAt(issue.path, issue.message)],
      ),
    );
  }
  const { userName = `smskit-sms-${stack}`, policyName, role, ...config } = result.data;
  if (!ramUserNameSchema.safeParse(userName).success) {
    throw new StackConfigError([
      {
        key: `${prefix}userName`,
        path: '',
        message: `is not set, and the default ${JSON.stringify(userName)} (from the stack name) is not a RAM user name: set one of 1 to 64 letters, digits, ".", "_" or "-"`,
      },
    ]);
  }
  return {
    ...config,
    userName,
    policyName: policyName ?? toRamPolicyName(`${userName}-send-sms`),
    ...(role === undefined
      ? {}
      : { role: { ...role, roleName: role.roleName ?? toRamRoleName(userName) } }),
  };
}
