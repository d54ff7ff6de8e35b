import { type Route, SmsError, type Template } from '@smskit/core';
import type * as z from 'zod/mini';
import english from 'zod/v4/locales/en.js';
import { redactCredentials } from '../credentials/redact-credentials.js';
import type { NodeHttpAgents } from '../transport/node-http-exchange.js';
import type { UndiciDispatcher } from '../transport/undici-dispatcher.js';
import {
  type AliyunCredentials,
  type AliyunCredentialsProvider,
  type AliyunSmsSenderOptions,
  aliyunSmsSenderOptionsSchema,
} from './aliyun-sms-sender-options.js';

/** The default Dysmsapi endpoint: the China site's central host, serving both routes. */
export const defaultEndpoint = 'https://dysmsapi.aliyuncs.com';
/** The default region id, as the official SDKs and Logto's connector send it. */
export const defaultRegionId = 'cn-hangzhou';

/** {@link AliyunSmsSenderOptions} checked, with every default applied. */
export interface ResolvedAliyunSmsSenderOptions {
  /** Credentials given in the options; undefined when a provider or the environment gives them. */
  readonly staticCredentials: AliyunCredentials | undefined;
  readonly credentials: AliyunCredentialsProvider | undefined;
  readonly signName: Readonly<Record<Route, string>>;
  readonly templates: readonly Template[];
  readonly strictRegion: boolean;
  /** Per route, without a trailing slash. */
  readonly endpoint: Readonly<Record<Route, string>>;
  readonly regionId: Readonly<Record<Route, string>>;
  readonly signatureVersion: 'v3' | 'v1';
  readonly timeout: number;
  readonly retry: { readonly limit: number; readonly delay: number; readonly backoffLimit: number };
  /** At most one of the three transport options is set. */
  readonly dispatcher: UndiciDispatcher | undefined;
  readonly agents: NodeHttpAgents | undefined;
  readonly fetch: typeof globalThis.fetch | undefined;
  readonly userAgent: string;
}

const byRoute = (
  value: string | { china?: string | undefined; overseas?: string | undefined } | undefined,
  fallback: string,
) =>
  typeof value === 'object'
    ? { china: value.china ?? fallback, overseas: value.overseas ?? fallback }
    : { china: value ?? fallback, overseas: value ?? fallback };

const invalidConfig = (field: string, problem: string) =>
  new SmsError('INVALID_CONFIG', `Invalid Aliyun SMS options: ${field} ${problem}`, {
    provider: 'aliyun',
    field,
  });

let englishErrors: z.core.$ZodErrorMap | undefined;

/**
 * Checks `input` against {@link aliyunSmsSenderOptionsSchema} and the rules between options, and
 * applies the defaults.
 *
 * @throws {SmsError} `INVALID_CONFIG` whose `field` names the first bad option (such as
 *   `templates` or `signName.overseas`) and whose message lists every problem. No option value
 *   is ever quoted, so no secret can end up in it.
 */
export function parseAliyunSmsSenderOptions(input: unknown): ResolvedAliyunSmsSenderOptions {
  if (typeof input !== 'object' || input === null) {
    throw new SmsError('INVALID_CONFIG', 'Invalid Aliyun SMS options: expected an object', {
      provider: 'aliyun',
    });
  }
  // zod/mini loads no language: the English messages are asked for here, for this parse only.
  englishErrors ??= english().localeError;
  const result = aliyunSmsSenderOptionsSchema.safeParse(input, { error: englishErrors });
  if (!result.success) throw toSmsError(result.error);
  const options = result.data;

  const { accessKeyId, accessKeySecret, securityToken, credentials } = options;
  if (
    credentials !== undefined &&
    (accessKeyId ?? accessKeySecret ?? securityToken) !== undefined
  ) {
    throw invalidConfig(
      'credentials',
      'replaces accessKeyId, accessKeySecret and securityToken: give either the provider or the keys',
    );
  }
  if (accessKeyId !== undefined && accessKeySecret === undefined) {
    throw invalidConfig('accessKeySecret', 'is required when accessKeyId is given');
  }
  if (accessKeySecret !== undefined && accessKeyId === undefined) {
    throw invalidConfig('accessKeyId', 'is required when accessKeySecret is given');
  }
  if (securityToken !== undefined && accessKeyId === undefined) {
    throw invalidConfig('accessKeyId', 'is required when securityToken is given');
  }

  const transports = (['dispatcher', 'agents', 'fetch'] as const).filter(
    (name) => options[name] !== undefined,
  );
  if (transports.length > 1) {
    throw invalidConfig(
      transports[1] ?? 'fetch',
      `cannot be given with ${transports[0]}: each picks the transport, give one`,
    );
  }

  const retry = typeof options.retry === 'number' ? { limit: options.retry } : options.retry;
  return {
    staticCredentials:
      accessKeyId !== undefined && accessKeySecret !== undefined
        ? redactCredentials({ accessKeyId, accessKeySecret, securityToken })
        : undefined,
    credentials,
    signName: byRoute(options.signName, ''),
    templates: options.templates,
    strictRegion: options.strictPhoneRegionNumberCheck ?? false,
    endpoint: byRoute(options.endpoint, defaultEndpoint),
    regionId: byRoute(options.regionId, defaultRegionId),
    signatureVersion: options.signatureVersion ?? 'v3',
    timeout: options.timeout ?? 10_000,
    retry: {
      limit: retry?.limit ?? 2,
      delay: retry?.delay ?? 200,
      backoffLimit: retry?.backoffLimit ?? 2_000,
    },
    dispatcher: options.dispatcher,
    agents: options.agents,
    fetch: options.fetch,
    userAgent: options.userAgent ?? `smskit-aliyun (Node.js ${process.version})`,
  };
}

type Issue = z.core.$ZodIssue;

// A union reports "Invalid input" at its own path; when all but one branch failed only because
// the value has another type, the remaining branch's issue says what is wrong, and where
// (`signName.overseas` rather than `signName`).
function innermost(issue: Issue): Issue {
  if (issue.code !== 'invalid_union') return issue;
  const candidates = issue.errors.filter(
    (branch) =>
      !(branch.length === 1 && branch[0]?.code === 'invalid_type' && branch[0].path.length === 0),
  );
  const [only] = candidates;
  if (candidates.length !== 1 || only === undefined || only[0] === undefined) return issue;
  return innermost({ ...only[0], path: [...issue.path, ...only[0].path] } as Issue);
}

const describeIssue = (issue: Issue) => {
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    return 'is required';
  }
  // zod's messages name types and limits, never the value given.
  return issue.message.replace(/^Invalid input: /, '');
};

const fieldOf = (issue: Issue) => issue.path.map(String).join('.');

function toSmsError(error: z.core.$ZodError): SmsError {
  const issues = error.issues.map(innermost);
  const [first] = issues;
  const field = first === undefined ? undefined : fieldOf(first);
  const problems = issues.map((issue) => `${fieldOf(issue) || 'options'}: ${describeIssue(issue)}`);
  return new SmsError('INVALID_CONFIG', `Invalid Aliyun SMS options: ${problems.join('; ')}`, {
    provider: 'aliyun',
    ...(field ? { field } : {}),
  });
}

// The hand-written interface (with its doc comments) and the schema must take the same input
// (the interface's template list may be readonly).
type SchemaInput = z.input<typeof aliyunSmsSenderOptionsSchema>;
type Fits<A, B> = [A] extends [B] ? true : false;
type InterfaceFitsSchema = {
  [K in keyof SchemaInput & keyof AliyunSmsSenderOptions]-?: K extends 'templates'
    ? Fits<AliyunSmsSenderOptions[K][number], SchemaInput[K][number]>
    : Fits<AliyunSmsSenderOptions[K], SchemaInput[K]>;
};
type SameKeys =
  Fits<keyof SchemaInput, keyof AliyunSmsSenderOptions> extends true
    ? Fits<keyof AliyunSmsSenderOptions, keyof SchemaInput>
    : false;
type AllTrue<T> = false extends T[keyof T] ? false : true;
type Assert<T extends true> = T;
// Compile-time checks only: they fail to type-check when the two drift apart.
export type OptionsInterfaceMatchesSchema = [
  Assert<AllTrue<InterfaceFitsSchema>>,
  Assert<SameKeys>,
];
