import { type Route, type TemplateInput, templatesSchema } from '@smskit/core';
import * as z from 'zod/mini';
import type { NodeHttpAgents } from '../transport/node-http-exchange.js';
import type { UndiciDispatcher } from '../transport/undici-dispatcher.js';

/** An AccessKey pair, temporary (STS, with its security token) or long-lived. */
export interface AliyunCredentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** The STS security token that comes with a temporary (`STS.`) AccessKey. */
  readonly securityToken?: string | undefined;
}

/** Returns the credentials to sign the next request with; see {@link AliyunSmsSenderOptions.credentials}. */
export type AliyunCredentialsProvider = () => AliyunCredentials | Promise<AliyunCredentials>;

/** A value for both routes, or one per route. */
export type PerRoute<T> = T | { readonly [route in Route]?: T };

/** When and how often a send is tried again; see {@link AliyunSmsSenderOptions.retry}. */
export interface AliyunRetryOptions {
  /** How many times a request is tried again after the first attempt. Default 2. */
  readonly limit?: number;
  /** The base delay before the first retry in ms, doubled for each further one. Default 200. */
  readonly delay?: number;
  /**
   * The longest wait before a retry in ms. A throttling answer whose `x-acs-retry-after` asks for
   * longer is not retried: the error carries `retryAfterSeconds`. Default 2000.
   */
  readonly backoffLimit?: number;
}

/**
 * Options of `createAliyunSmsSender`. The first five are the config JSON of Logto's official
 * Aliyun SMS connector, unchanged; the rest are optional.
 */
export interface AliyunSmsSenderOptions {
  /**
   * The AccessKey id. Default: the `ALIBABA_CLOUD_ACCESS_KEY_ID` environment variable, read for
   * each request (with `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and `ALIBABA_CLOUD_SECURITY_TOKEN`).
   */
  readonly accessKeyId?: string | undefined;
  /** The AccessKey secret; given together with `accessKeyId`. */
  readonly accessKeySecret?: string | undefined;
  /**
   * The approved SMS signature (签名) to send with, or one per route: mainland China and
   * international signatures are approved separately.
   */
  readonly signName: string | { readonly china: string; readonly overseas: string };
  /**
   * Which template to use for each usage type, as in Logto's config: `templateCode` is one code
   * or `{ china, overseas }`. Must cover `Register`, `SignIn`, `ForgotPassword` and `Generic`.
   */
  readonly templates: readonly TemplateInput[];
  /**
   * Logto's strict region check: when true, only numbers that carry +86, 0086 or 86 go the
   * mainland China route, and a bare number is read as starting with its country code.
   * Default false: a bare 11-digit number starting with 1 is a mainland mobile number.
   */
  readonly strictPhoneRegionNumberCheck?: boolean | undefined;
  /** The STS security token of a temporary `accessKeyId`. Default none. */
  readonly securityToken?: string | undefined;
  /**
   * Called before every request for the credentials to sign it with, for rotating STS
   * credentials; cache them in the provider. Takes the place of `accessKeyId`,
   * `accessKeySecret` and `securityToken`. Default none.
   */
  readonly credentials?: AliyunCredentialsProvider | undefined;
  /**
   * The Dysmsapi base URL, for both routes or per route, such as `http://127.0.0.1:4010` for the
   * emulator. Default `https://dysmsapi.aliyuncs.com` (the China site's central endpoint, which
   * sends to mainland and overseas numbers).
   */
  readonly endpoint?: PerRoute<string> | undefined;
  /** The region id sent with V1 requests (`RegionId`), for both routes or per route. Default `cn-hangzhou`. */
  readonly regionId?: PerRoute<string> | undefined;
  /**
   * The request signature: `v3` (`ACS3-HMAC-SHA256`, what the official SDKs use today) or `v1`
   * (HMAC-SHA1, what Logto's connector and `@alicloud/pop-core` use). Default `v3`.
   */
  readonly signatureVersion?: 'v3' | 'v1' | undefined;
  /**
   * How long one attempt may take in ms. After a timeout the message may have gone out, so it
   * is never retried. Default 10000.
   */
  readonly timeout?: number | undefined;
  /**
   * Retries where Aliyun provably did not take the message: a throttling answer (`Throttling.*`,
   * after its `x-acs-retry-after` wait) and a refused connection. Never after a timeout, a reset
   * connection or a 5xx. A number is the `limit`; 0 turns retries off. Default
   * `{ limit: 2, delay: 200, backoffLimit: 2000 }`, with jitter.
   */
  readonly retry?: number | AliyunRetryOptions | undefined;
  /**
   * Sends through this undici dispatcher (an `Agent` with pool or TLS options, a `ProxyAgent`, a
   * test's `MockAgent`) instead of the default: the dispatcher of Node's global `fetch`, which
   * undici's `setGlobalDispatcher` replaces for this package too. Give at most one of
   * `dispatcher`, `agents` and `fetch`. See the README's "Transport".
   */
  readonly dispatcher?: UndiciDispatcher | undefined;
  /**
   * Sends through Node's `node:http` / `node:https` with these agents instead (for an
   * `https.Agent` of your own, such as `https-proxy-agent`'s); an agent left out is a keep-alive
   * agent shared by all senders. Give at most one of `dispatcher`, `agents` and `fetch`.
   */
  readonly agents?: NodeHttpAgents | undefined;
  /**
   * Sends through ky over this `fetch` instead: the global `fetch`, another runtime's, a test's.
   * Costs two to three times the CPU per request of the default. Give at most one of
   * `dispatcher`, `agents` and `fetch`.
   */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** The `User-Agent` header. Default `smskit-aliyun (Node.js <version>)`. */
  readonly userAgent?: string | undefined;
}

const nonEmpty = z.string().check(z.trim(), z.minLength(1, { error: 'must not be empty' }));

// A base URL: http(s), no path, query, fragment or user info (which would end up in logs).
const baseUrl = z
  .url({
    protocol: /^https?$/,
    error: 'must be an http(s) URL such as https://dysmsapi.aliyuncs.com',
  })
  .check(
    z.refine(
      (value) => {
        // Runs after a failed URL check too; that failure is reported already.
        if (!URL.canParse(value)) return true;
        const url = new URL(value);
        return (
          (url.pathname === '/' || url.pathname === '') &&
          url.search === '' &&
          url.hash === '' &&
          url.username === '' &&
          url.password === ''
        );
      },
      { error: 'must be a base URL without path, query, fragment or user info' },
    ),
  );

const perRoute = <T extends z.ZodMiniType>(schema: T, what: string) =>
  z.union([schema, z.strictObject({ china: z.optional(schema), overseas: z.optional(schema) })], {
    error: `must be ${what} or { china, overseas }`,
  });

const isFunction = (value: unknown) => typeof value === 'function';
// What node:http calls on an agent; checked by shape so that this module need not load node:http.
const isAgent = (value: unknown) =>
  typeof (value as { addRequest?: unknown } | null)?.addRequest === 'function';
const agentError = { error: 'must be an http.Agent or https.Agent' };
// Checked by shape too: any undici version's dispatchers, and Node's own, qualify.
const isDispatcher = (value: unknown) =>
  isFunction((value as { dispatch?: unknown } | null)?.dispatch);

const wholeNumber = (minimum: number, maximum: number) =>
  z.number().check(z.int(), z.minimum(minimum), z.maximum(maximum));

/**
 * The zod schema of {@link AliyunSmsSenderOptions}, built with `zod/mini` (a small bundle) as a
 * plain object schema, so that others can extend it: `z.extend(aliyunSmsSenderOptionsSchema,
 * { … })` with `zod/mini`, or `z.object({ ...aliyunSmsSenderOptionsSchema.shape, … })` with
 * classic zod 4 (both APIs share one core, so each nests in the other). Cross-field rules (an id
 * needs its secret) live in `parseAliyunSmsSenderOptions`, which also turns failures into
 * `SmsError`s.
 */
export const aliyunSmsSenderOptionsSchema = z.object({
  accessKeyId: z.optional(nonEmpty),
  accessKeySecret: z.optional(nonEmpty),
  signName: z.union([nonEmpty, z.object({ china: nonEmpty, overseas: nonEmpty })], {
    error: 'must be a sign name or { china, overseas }',
  }),
  templates: templatesSchema,
  strictPhoneRegionNumberCheck: z.optional(z.boolean()),
  securityToken: z.optional(nonEmpty),
  credentials: z.optional(
    z.custom<AliyunCredentialsProvider>(isFunction, { error: 'must be a function' }),
  ),
  endpoint: z.optional(perRoute(baseUrl, 'a base URL')),
  regionId: z.optional(
    perRoute(
      z
        .string()
        .check(z.regex(/^[a-z0-9-]+$/, { error: 'must be a region id such as cn-hangzhou' })),
      'a region id',
    ),
  ),
  signatureVersion: z.optional(z.enum(['v3', 'v1'])),
  timeout: z.optional(z.number().check(z.int(), z.positive(), z.maximum(2_147_483_647))),
  retry: z.optional(
    z.union([
      wholeNumber(0, 10),
      z.strictObject({
        limit: z.optional(wholeNumber(0, 10)),
        delay: z.optional(wholeNumber(0, 60_000)),
        backoffLimit: z.optional(wholeNumber(0, 600_000)),
      }),
    ]),
  ),
  agents: z.optional(
    z.strictObject({
      http: z.optional(z.custom<NonNullable<NodeHttpAgents['http']>>(isAgent, agentError)),
      https: z.optional(z.custom<NonNullable<NodeHttpAgents['https']>>(isAgent, agentError)),
    }),
  ),
  dispatcher: z.optional(
    z.custom<UndiciDispatcher>(isDispatcher, {
      error: 'must be an undici dispatcher (an object with a dispatch method)',
    }),
  ),
  fetch: z.optional(z.custom<typeof globalThis.fetch>(isFunction, { error: 'must be a function' })),
  userAgent: z.optional(nonEmpty),
});
