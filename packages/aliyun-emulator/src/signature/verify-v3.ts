import { createHash, createHmac } from 'node:crypto';
import { percentEncode } from './percent-encode.js';
import { safeEqual } from './safe-equal.js';

/** The only V3 algorithm the emulator verifies. */
export const v3Algorithm = 'ACS3-HMAC-SHA256';

/** The parts of a V3 `Authorization` header. */
export interface V3Authorization {
  readonly algorithm: string;
  readonly accessKeyId: string;
  /** Lowercase header names, in the order the client listed them. */
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/**
 * Reads `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,Signature=<hex>`, or returns
 * undefined when the header does not have that shape.
 * https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
 */
export function parseV3Authorization(header: string): V3Authorization | undefined {
  const match = /^(\S+) +(.*)$/s.exec(header.trim());
  if (match === null) return undefined;
  const [, algorithm = '', rest = ''] = match;
  const fields = new Map<string, string>();
  for (const part of rest.split(',')) {
    const separator = part.indexOf('=');
    if (separator <= 0) return undefined;
    fields.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature || fields.size !== 3) return undefined;
  return {
    algorithm,
    accessKeyId,
    signedHeaders: signedHeaders.split(';').map((name) => name.trim().toLowerCase()),
    signature,
  };
}

/** What the V3 canonical request is made of, as the server received it. */
export interface V3RequestParts {
  readonly method: string;
  /** The path as sent, `/` for RPC-style APIs. */
  readonly pathname: string;
  /** Decoded query parameters, in any order; a name may repeat. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Header values by lowercase name (missing ones count as empty). */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly signedHeaders: readonly string[];
  readonly body: Uint8Array;
}

/** Hex SHA-256 of the body, the last line of the canonical request. */
export const hashPayload = (body: Uint8Array): string =>
  createHash('sha256').update(body).digest('hex');

/**
 * The V3 canonical request: method, path, sorted encoded query, the signed headers as
 * `name:trimmed-value` lines, a blank line, the signed header names joined by `;`, and the hex
 * SHA-256 of the body, joined by `\n`. The server hashes the body it received, so a body changed
 * on the way fails even when `x-acs-content-sha256` was copied along.
 */
export function v3CanonicalRequest(parts: V3RequestParts): string {
  const canonicalQuery = parts.query
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const canonicalHeaders = parts.signedHeaders
    .map((name) => `${name}:${(parts.headers[name] ?? '').trim()}\n`)
    .join('');
  return [
    parts.method.toUpperCase(),
    parts.pathname,
    canonicalQuery,
    canonicalHeaders,
    parts.signedHeaders.join(';'),
    hashPayload(parts.body),
  ].join('\n');
}

/** `ACS3-HMAC-SHA256\n` + hex SHA-256 of the canonical request. */
export const v3StringToSign = (canonicalRequest: string): string =>
  `${v3Algorithm}\n${createHash('sha256').update(canonicalRequest, 'utf8').digest('hex')}`;

/** Hex HMAC-SHA256 of the string to sign, keyed with the raw secret. */
export const v3Signature = (stringToSign: string, accessKeySecret: string): string =>
  createHmac('sha256', accessKeySecret).update(stringToSign, 'utf8').digest('hex');

/** Whether `signature` (hex, any case) is the V3 signature of `stringToSign`. */
export const verifyV3 = (stringToSign: string, signature: string, accessKeySecret: string) =>
  safeEqual(v3Signature(stringToSign, accessKeySecret), signature.toLowerCase());
