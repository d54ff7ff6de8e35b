import { createHmac, hash } from 'node:crypto';
import { canonicalQueryString } from './percent-encode.js';

/** The input of {@link signV3}. */
export interface SignV3Input {
  /** The HTTP method the request is sent with, such as `POST`. */
  readonly method: string;
  /** The request path as sent, already percent-encoded; `/` for Dysmsapi. */
  readonly pathname: string;
  /** The query parameters, not encoded. */
  readonly query: Readonly<Record<string, string>>;
  /**
   * The headers as sent, including `host` (with `:port` when it is not the scheme's default),
   * `x-acs-date`, `x-acs-signature-nonce` and `x-acs-content-sha256`. Only `host`,
   * `content-type` and `x-acs-*` are signed; names may be in any case.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** The request body as sent; `''` for none. */
  readonly body: string | Uint8Array;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
}

/** The result of {@link signV3}. */
export interface SignV3Result {
  /** Hex HMAC-SHA256 of the string to sign. */
  readonly signature: string;
  /** The signed header names, lowercase, sorted, joined by `;`. */
  readonly signedHeaders: string;
  /** The `Authorization` header value. */
  readonly authorization: string;
}

const algorithm = 'ACS3-HMAC-SHA256';

const isSigned = (name: string) =>
  name === 'host' || name === 'content-type' || name.startsWith('x-acs-');

const emptyPayloadHash = hash('sha256', '', 'hex');

/** Hex SHA-256 of a request body: the value of `x-acs-content-sha256`. */
export function hashPayload(body: string | Uint8Array): string {
  // crypto.hash is the one-shot form, cheaper than createHash for small inputs.
  return body.length === 0 ? emptyPayloadHash : hash('sha256', body, 'hex');
}

/**
 * Aliyun's V3 request signature (`ACS3-HMAC-SHA256`), the official SDKs' default. Pure: the
 * clock and nonce are the `x-acs-date` and `x-acs-signature-nonce` headers given.
 *
 * @see https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature
 */
export function signV3(input: SignV3Input): SignV3Result {
  return signV3WithCanonicalQuery(input, canonicalQueryString(input.query));
}

/**
 * {@link signV3} given the canonical query string too, for a caller that puts the same string
 * in the URL: encoding the query once rather than twice is a tenth of a send's CPU time.
 */
export function signV3WithCanonicalQuery(
  input: Omit<SignV3Input, 'query'>,
  canonicalQuery: string,
): SignV3Result {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(input.headers)) {
    const lower = name.toLowerCase();
    if (isSigned(lower)) headers.set(lower, value.trim());
  }
  const names = [...headers.keys()].sort();
  const signedHeaders = names.join(';');
  const canonicalHeaders = names.map((name) => `${name}:${headers.get(name)}\n`).join('');
  const canonicalRequest = [
    input.method.toUpperCase(),
    input.pathname,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    hashPayload(input.body),
  ].join('\n');
  const stringToSign = `${algorithm}\n${hash('sha256', canonicalRequest, 'hex')}`;
  const signature = createHmac('sha256', input.accessKeySecret)
    .update(stringToSign, 'utf8')
    .digest('hex');
  return {
    signature,
    signedHeaders,
    authorization: `${algorithm} Credential=${input.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`,
  };
}
