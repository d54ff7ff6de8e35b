import { randomUUID } from 'node:crypto';
import type { AliyunCredentials } from '../options/aliyun-sms-sender-options.js';
import { canonicalQueryString, percentEncode } from '../signing/percent-encode.js';
import { signV1WithCanonicalQuery } from '../signing/sign-v1.js';
import { hashPayload, signV3WithCanonicalQuery } from '../signing/sign-v3.js';

/** Dysmsapi's API version, the China site's. */
export const apiVersion = '2017-05-25';

const emptyPayloadHash = hashPayload('');

/** A request ready to send: every parameter in the query of a POST with no body. */
export interface SignedRequest {
  readonly method: 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** What {@link buildSignedRequest} signs. */
export interface BuildSignedRequestInput {
  /** The API, such as `SendSms`. */
  readonly action: string;
  /** The API's parameters; undefined ones are left out, as Aliyun wants. */
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly endpoint: string;
  readonly regionId: string;
  readonly credentials: AliyunCredentials;
  readonly signatureVersion: 'v3' | 'v1';
  readonly userAgent: string;
  /** The signing time. Default now. */
  readonly date?: Date;
  /** The signature nonce, unique per request. Default a random UUID. */
  readonly nonce?: string;
}

// Aliyun's timestamps: UTC, whole seconds (`2025-01-02T03:04:05Z`).
const timestamp = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

// The current second's timestamp, formatted once per second rather than once per message.
let lastSecond = Number.NaN;
let lastTimestamp = '';
const timestampNow = () => {
  const second = Math.floor(Date.now() / 1_000);
  if (second !== lastSecond) {
    lastTimestamp = timestamp(new Date(second * 1_000));
    lastSecond = second;
  }
  return lastTimestamp;
};

// A sender has one or two endpoints: each is parsed once.
const endpoints = new Map<string, { origin: string; host: string }>();
const endpointOf = (endpoint: string) => {
  let parsed = endpoints.get(endpoint);
  if (parsed === undefined) {
    const url = new URL(endpoint);
    parsed = { origin: url.origin, host: url.host };
    if (endpoints.size < 64) endpoints.set(endpoint, parsed);
  }
  return parsed;
};

const defined = (params: Readonly<Record<string, string | undefined>>) => {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) if (value !== undefined) result[name] = value;
  return result;
};

/**
 * Builds and signs one Dysmsapi request, the way the official client sends it: a POST with
 * every parameter in the query and an empty body, signed with V3 (`ACS3-HMAC-SHA256`) or V1
 * (HMAC-SHA1). A fresh nonce and timestamp each time: call it again for every attempt.
 */
export function buildSignedRequest(input: BuildSignedRequestInput): SignedRequest {
  const date = input.date === undefined ? timestampNow() : timestamp(input.date);
  const nonce = input.nonce ?? randomUUID();
  const base = endpointOf(input.endpoint);
  const { accessKeyId, accessKeySecret, securityToken } = input.credentials;
  const common = { accept: 'application/json', 'user-agent': input.userAgent };

  if (input.signatureVersion === 'v1') {
    // https://help.aliyun.com/zh/sdk/product-overview/rpc-mechanism
    const params = defined({
      ...input.params,
      Action: input.action,
      Version: apiVersion,
      Format: 'JSON',
      AccessKeyId: accessKeyId,
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: nonce,
      Timestamp: date,
      RegionId: input.regionId,
      SecurityToken: securityToken,
    });
    const search = canonicalQueryString(params);
    const signature = signV1WithCanonicalQuery('POST', search, accessKeySecret);
    return {
      method: 'POST',
      url: `${base.origin}/?${search}&Signature=${percentEncode(signature)}`,
      headers: common,
    };
  }

  // https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature
  const query = defined(input.params);
  const signed: Record<string, string> = {
    host: base.host,
    'x-acs-action': input.action,
    'x-acs-version': apiVersion,
    'x-acs-date': date,
    'x-acs-signature-nonce': nonce,
    'x-acs-content-sha256': emptyPayloadHash,
  };
  if (securityToken !== undefined) signed['x-acs-security-token'] = securityToken;
  const search = canonicalQueryString(query);
  const { authorization } = signV3WithCanonicalQuery(
    { method: 'POST', pathname: '/', headers: signed, body: '', accessKeyId, accessKeySecret },
    search,
  );
  // `host` is signed but not set here: the HTTP client sends it from the URL, identically.
  const { host: _host, ...headers } = signed;
  return {
    method: 'POST',
    url: `${base.origin}/${search === '' ? '' : `?${search}`}`,
    headers: { ...headers, ...common, authorization },
  };
}
