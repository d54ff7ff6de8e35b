import * as alicloud from '@pulumi/alicloud';
import * as pulumi from '@pulumi/pulumi';
import { accessKeyGenerationsSchema } from './access-key-generations.js';
import { buildAccessKeyNetworkPolicy } from './access-key-network-policy.js';
import { parseOptions } from './parse-options.js';
import { toRamPolicyName, toRamRoleName } from './ram-names.js';
import { buildSmsPolicyDocument } from './sms-policy-document.js';
import { buildTrustPolicyDocument } from './trust-policy-document.js';

/** An OIDC identity provider whose tokens may assume the role. */
export interface SmsSenderOidcTrustArgs {
  /** The provider's ARN, `acs:ram::<account id>:oidc-provider/<name>`. */
  providerArn: pulumi.Input<string>;
  /** The token issuer (`iss`), exactly as the provider in RAM has it. */
  issuer: pulumi.Input<string>;
  /** The audience (`aud`) of the tokens. Default: `sts.aliyuncs.com`. */
  audience?: pulumi.Input<string> | undefined;
  /** The token subjects (`sub`) that may assume the role; matched exactly. */
  subjects: pulumi.Input<pulumi.Input<string>[]>;
}

/** The key-less variant: a RAM role with the same policy, for apps that use STS. */
export interface SmsSenderRoleArgs {
  /** The role's name. Default: the component's name, with characters RAM refuses replaced by `-`. */
  roleName?: pulumi.Input<string> | undefined;
  /** How long an STS token of the role lasts, in seconds (3600 to 43200). Default: 3600. */
  maxSessionDuration?: pulumi.Input<number> | undefined;
  /** ECS instances the role is attached to may assume it. Default: false. */
  ecs?: pulumi.Input<boolean> | undefined;
  /** Tokens of this OIDC provider may assume it (ACK RRSA, CI, other clouds). */
  oidc?: pulumi.Input<SmsSenderOidcTrustArgs> | undefined;
}

/** Arguments of {@link SmsSenderIdentity}. */
export interface SmsSenderIdentityArgs {
  /** The RAM user's name. Default: the component's name. */
  userName?: pulumi.Input<string> | undefined;
  /**
   * The custom policy's name. Default: the component's name, with characters RAM refuses
   * replaced by `-`.
   */
  policyName?: pulumi.Input<string> | undefined;
  /**
   * The Dysmsapi actions to allow: `dysms:SendSms`, `dysms:SendBatchSms`,
   * `dysms:QuerySendDetails`. Wildcards are refused. Default: `['dysms:SendSms']`.
   */
  actions?: pulumi.Input<pulumi.Input<string>[]> | undefined;
  /** Allow SMS calls only from these public addresses or CIDR blocks (`acs:SourceIp`). Default: any. */
  sourceIps?: pulumi.Input<pulumi.Input<string>[]> | undefined;
  /** Allow SMS calls only over HTTPS (`acs:SecureTransport`). Default: true. */
  httpsOnly?: pulumi.Input<boolean> | undefined;
  /**
   * AccessKey generation labels, oldest first, at most two; the last is the active one. Adding a
   * label creates a key, removing one deletes its key. Default: none (then `role` is required).
   *
   * A plain list, not an `Input`: it decides which resources exist.
   */
  accessKeyGenerations?: readonly string[] | undefined;
  /** Generations whose key is kept but disabled. Never the active one. Plain, like `accessKeyGenerations`. */
  inactiveAccessKeyGenerations?: readonly string[] | undefined;
  /**
   * A base64-encoded PGP public key (or `keybase:<user>`) to encrypt new AccessKey secrets with,
   * so that the secret is never stored in clear: the component then exposes
   * `accessKeyEncryptedSecret` instead of `accessKeySecret`. Changing it never replaces an
   * existing key (that would cut off the app); it applies to generations added afterwards.
   */
  pgpKey?: pulumi.Input<string> | undefined;
  /**
   * Make each AccessKey usable only from these public addresses or CIDR blocks, for every API
   * (an AccessKey network policy, `alicloud.ram.AccessKeyPolicy`). Default: no network policy.
   */
  accessKeyAllowedIps?: pulumi.Input<pulumi.Input<string>[]> | undefined;
  /** Also create a RAM role with the same policy (the key-less variant). Default: no role. */
  role?: SmsSenderRoleArgs | undefined;
}

/** One AccessKey generation of a {@link SmsSenderIdentity}. */
export interface SmsSenderAccessKey {
  /** The generation's label. */
  readonly generation: string;
  /** Whether this is the active generation (the last listed). */
  readonly active: boolean;
  readonly accessKey: alicloud.ram.AccessKey;
  /** The key's network policy, when `accessKeyAllowedIps` is set. */
  readonly networkPolicy: alicloud.ram.AccessKeyPolicy | undefined;
}

/**
 * The least-privilege Aliyun identity of an app that sends SMS: a custom RAM policy that allows
 * only the Dysmsapi actions the app calls, a RAM user with API access only (no console login)
 * and one or two AccessKeys for rotation without downtime, and optionally a RAM role with the
 * same policy for apps that use STS instead of long-lived keys.
 */
export class SmsSenderIdentity extends pulumi.ComponentResource {
  /** The custom policy. */
  readonly policy: alicloud.ram.Policy;
  /** The policy's name. */
  readonly policyName: pulumi.Output<string>;
  /** The RAM user, when there are AccessKeys. */
  readonly user: alicloud.ram.User | undefined;
  /** The RAM user's name, when there are AccessKeys. */
  readonly userName: pulumi.Output<string> | undefined;
  /** The AccessKeys, oldest generation first. */
  readonly accessKeys: readonly SmsSenderAccessKey[];
  /** The active AccessKey's id. */
  readonly accessKeyId: pulumi.Output<string> | undefined;
  /** The active AccessKey's secret, a Pulumi secret; unset when `pgpKey` is set. */
  readonly accessKeySecret: pulumi.Output<string> | undefined;
  /** The active AccessKey's secret, PGP-encrypted and base64-encoded; set when `pgpKey` is set. */
  readonly accessKeyEncryptedSecret: pulumi.Output<string> | undefined;
  /** The RAM role of the key-less variant. */
  readonly role: alicloud.ram.Role | undefined;
  /** The role's ARN, for `AssumeRole` and the credential chain's `ALIBABA_CLOUD_ROLE_ARN`. */
  readonly roleArn: pulumi.Output<string> | undefined;

  constructor(name: string, args: SmsSenderIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
    super('smskit:aliyun:SmsSenderIdentity', name, {}, opts);

    let generations: { accessKeyGenerations: string[]; inactiveAccessKeyGenerations: string[] };
    try {
      generations = parseOptions(
        accessKeyGenerationsSchema,
        {
          accessKeyGenerations: args.accessKeyGenerations ?? [],
          inactiveAccessKeyGenerations: args.inactiveAccessKeyGenerations ?? [],
        },
        'args',
      );
    } catch (error) {
      throw new pulumi.ResourceError((error as Error).message, this, true);
    }
    const { accessKeyGenerations, inactiveAccessKeyGenerations } = generations;
    if (accessKeyGenerations.length === 0 && args.role === undefined) {
      throw new pulumi.ResourceError(
        'args: nothing to create: list an AccessKey generation (accessKeyGenerations) or ask for a role (role)',
        this,
        true,
      );
    }

    this.policy = new alicloud.ram.Policy(
      `${name}-policy`,
      {
        policyName: args.policyName ?? toRamPolicyName(name),
        description: 'Send SMS through Dysmsapi, nothing else (smskit).',
        policyDocument: pulumi
          .all([args.actions ?? ['dysms:SendSms'], args.sourceIps, args.httpsOnly])
          .apply(([actions, sourceIps, httpsOnly]) =>
            buildSmsPolicyDocument({ actions, sourceIps, httpsOnly }),
          ),
        // Every change of the document is a new policy version and RAM keeps at most five, so
        // let it drop the oldest instead of failing the sixth update.
        rotateStrategy: 'DeleteOldestNonDefaultVersionWhenLimitExceeded',
      },
      { parent: this },
    );
    this.policyName = this.policy.policyName;

    const accessKeys: SmsSenderAccessKey[] = [];
    if (accessKeyGenerations.length > 0) {
      // No alicloud.ram.LoginProfile: the user can call APIs and cannot sign in to the console.
      const user = new alicloud.ram.User(
        `${name}-user`,
        {
          name: args.userName ?? name,
          comments: 'Sends SMS verification codes (smskit). API access only. Managed by Pulumi.',
        },
        { parent: this },
      );
      new alicloud.ram.UserPolicyAttachment(
        `${name}-user-policy`,
        { userName: user.name, policyName: this.policy.policyName, policyType: 'Custom' },
        { parent: this },
      );

      const accountId =
        args.accessKeyAllowedIps === undefined
          ? undefined
          : alicloud.getAccountOutput({ parent: this }).id;
      for (const generation of accessKeyGenerations) {
        const accessKey = new alicloud.ram.AccessKey(
          `${name}-key-${generation}`,
          {
            userName: user.name,
            status: inactiveAccessKeyGenerations.includes(generation) ? 'Inactive' : 'Active',
            ...(args.pgpKey === undefined ? {} : { pgpKey: args.pgpKey }),
          },
          // A new pgpKey would replace (delete) the key the app is using; apply it to new
          // generations only.
          { parent: this, ignoreChanges: ['pgpKey'] },
        );
        const networkPolicy =
          args.accessKeyAllowedIps === undefined || accountId === undefined
            ? undefined
            : new alicloud.ram.AccessKeyPolicy(
                `${name}-key-${generation}-network-policy`,
                {
                  userAccessKeyId: accessKey.id,
                  userPrincipalName: pulumi.interpolate`${user.name}@${accountId}.onaliyun.com`,
                  accessKeyPolicy: pulumi
                    .output(args.accessKeyAllowedIps)
                    .apply((allowedIps) => buildAccessKeyNetworkPolicy(allowedIps)),
                },
                { parent: this },
              );
        accessKeys.push({
          generation,
          active: generation === accessKeyGenerations.at(-1),
          accessKey,
          networkPolicy,
        });
      }
      this.user = user;
      this.userName = user.name;
    } else {
      this.user = undefined;
      this.userName = undefined;
    }
    this.accessKeys = accessKeys;

    const active = accessKeys.at(-1)?.accessKey;
    this.accessKeyId = active?.id;
    const encrypted = args.pgpKey !== undefined;
    this.accessKeySecret =
      active === undefined || encrypted ? undefined : pulumi.secret(active.secret);
    this.accessKeyEncryptedSecret =
      active === undefined || !encrypted ? undefined : active.encryptedSecret;

    if (args.role === undefined) {
      this.role = undefined;
      this.roleArn = undefined;
    } else {
      const { roleName, maxSessionDuration, ecs, oidc } = args.role;
      this.role = new alicloud.ram.Role(
        `${name}-role`,
        {
          roleName: roleName ?? toRamRoleName(name),
          description: 'Sends SMS verification codes with STS tokens (smskit). Managed by Pulumi.',
          assumeRolePolicyDocument: pulumi
            .output({ ecs, oidc })
            .apply((trust) => buildTrustPolicyDocument(trust)),
          ...(maxSessionDuration === undefined ? {} : { maxSessionDuration }),
        },
        { parent: this },
      );
      new alicloud.ram.RolePolicyAttachment(
        `${name}-role-policy`,
        { roleName: this.role.roleName, policyName: this.policy.policyName, policyType: 'Custom' },
        { parent: this },
      );
      this.roleArn = this.role.arn;
    }

    this.registerOutputs({
      policyName: this.policyName,
      userName: this.userName,
      accessKeyId: this.accessKeyId,
      accessKeySecret: this.accessKeySecret,
      accessKeyEncryptedSecret: this.accessKeyEncryptedSecret,
      roleArn: this.roleArn,
    });
  }
}
