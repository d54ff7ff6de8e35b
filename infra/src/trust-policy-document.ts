import { z } from 'zod';
import { parseOptions } from './parse-options.js';

const noWildcard = (what: string) =>
  z.string().refine((value) => !/[*?]/.test(value), {
    error: (issue) =>
      `${JSON.stringify(issue.input)} contains a wildcard: a trust policy names the exact ${what}`,
  });

/** An OIDC identity provider that may assume the role, and which of its tokens count. */
export const oidcTrustSchema = z
  .object({
    /** The provider's ARN, `acs:ram::<account id>:oidc-provider/<name>`. */
    providerArn: z.string().regex(/^acs:ram::\d+:oidc-provider\/[A-Za-z0-9._-]+$/, {
      error: 'expected acs:ram::<account id>:oidc-provider/<name>',
    }),
    /** The token issuer (`iss`), exactly as the provider in RAM has it. */
    issuer: z.url({ protocol: /^https$/, error: 'expected the issuer URL, https://…' }),
    /** The audience (`aud`) the tokens carry, one of the provider's client ids. Default: `sts.aliyuncs.com`. */
    audience: noWildcard('audience').min(1).default('sts.aliyuncs.com'),
    /**
     * The token subjects (`sub`) that may assume the role, such as
     * `system:serviceaccount:<namespace>:<service account>` for an ACK cluster (RRSA). Required:
     * without it, every workload the issuer vouches for could send SMS.
     */
    subjects: z
      .array(noWildcard('subject').min(1))
      .min(1, { error: 'list the token subjects (sub) that may assume the role' }),
  })
  .strict();

/** Who may assume the role: ECS, one OIDC provider, or both. */
export const trustedPrincipalsShape = {
  /** ECS instances the role is attached to may assume it (the instance RAM role). */
  ecs: z.boolean().default(false),
  /** Tokens of this OIDC provider may assume the role (ACK RRSA, CI systems, other clouds). */
  oidc: oidcTrustSchema.optional(),
};

/** True when at least one principal is trusted; a role nobody may assume is a mistake. */
export const trustsSomeone = (trust: { ecs: boolean; oidc?: unknown }): boolean =>
  trust.ecs || trust.oidc !== undefined;

/** The message when {@link trustsSomeone} is false. */
export const nobodyTrustedMessage = 'trust ECS (ecs: true), an OIDC provider (oidc), or both';

/** Options of {@link buildTrustPolicyDocument}. */
export const trustPolicyDocumentOptionsSchema = z
  .object(trustedPrincipalsShape)
  .refine(trustsSomeone, { error: nobodyTrustedMessage });

/** Options of {@link buildTrustPolicyDocument}, as written. */
export type TrustPolicyDocumentOptions = z.input<typeof trustPolicyDocumentOptionsSchema>;

/**
 * The trust policy (JSON) of a RAM role that ECS instances and/or one OIDC provider's tokens may
 * assume. OIDC tokens must match the issuer, the audience and one of the subjects exactly.
 *
 * @see https://www.alibabacloud.com/help/en/ram/user-guide/create-a-ram-role-for-a-trusted-idp
 * @see https://help.aliyun.com/en/ram/user-guide/edit-the-trust-policy-of-a-ram-role
 * @throws {RangeError} naming the option at fault.
 */
export function buildTrustPolicyDocument(options: TrustPolicyDocumentOptions): string {
  const { ecs, oidc } = parseOptions(trustPolicyDocumentOptionsSchema, options, 'options');
  const statements: object[] = [];
  if (ecs) {
    statements.push({
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Principal: { Service: ['ecs.aliyuncs.com'] },
    });
  }
  if (oidc !== undefined) {
    statements.push({
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Principal: { Federated: [oidc.providerArn] },
      Condition: {
        StringEquals: {
          'oidc:iss': oidc.issuer,
          'oidc:aud': oidc.audience,
          'oidc:sub': [...new Set(oidc.subjects)],
        },
      },
    });
  }
  return JSON.stringify({ Version: '1', Statement: statements }, null, 2);
}
