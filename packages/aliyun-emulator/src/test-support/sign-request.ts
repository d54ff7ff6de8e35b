// A small client-side signer for the emulator's own tests. It is written apart from the
// verifier in src/signature (no shared code), and checked against the vectors in
// sign-request.test.ts, so that a test which signs with it and passes the verifier shows two
// independent implementations agree. Not exported from the package.
import { createHash, createHmac, randomUUID } from 'node:crypto';

/** A request ready to send: path with query, headers, body. */
export interface SignedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** RFC 3986 encoding, byte by byte. */
export function rfc3986(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const character = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(character)
      ? character
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const sortedPairs = (params: Record<string, string>) =>
  Object.keys(params)
    .sort()
    .map((name) => `${rfc3986(name)}=${rfc3986(params[name] as string)}`)
    .join('&');

/** V1 string to sign for a method and every parameter (Signature excluded). */
export function clientV1StringToSign(method: string, params: Record<string, string>): string {
  const { Signature: _ignored, ...rest } = params;
  return [method, rfc3986('/'), rfc3986(sortedPairs(rest))].join('&');
}

export const clientV1Signature = (stringToSign: string, secret: string) =>
  createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export interface SignV1Options extends Credentials {
  method?: 'GET' | 'POST';
  action: string;
  params: Record<string, string>;
  version?: string;
  timestamp?: Date;
  nonce?: string;
  /** Where the parameters go: all in the query, all in a form body (POST), or API parameters in the body and the common ones in the query. */
  placement?: 'query' | 'body' | 'split';
}

const isoSeconds = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/** Signs a request the way pop-core (body) and the official client's `v2` mode (query) do. */
export function signV1(options: SignV1Options): SignedRequest {
  const method = options.method ?? 'POST';
  const placement = options.placement ?? (method === 'GET' ? 'query' : 'body');
  const common: Record<string, string> = {
    Action: options.action,
    Version: options.version ?? '2017-05-25',
    Format: 'JSON',
    AccessKeyId: options.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: options.nonce ?? randomUUID(),
    Timestamp: isoSeconds(options.timestamp ?? new Date()),
    ...(options.securityToken === undefined ? {} : { SecurityToken: options.securityToken }),
  };
  const all = { ...common, ...options.params };
  const signature = clientV1Signature(clientV1StringToSign(method, all), options.accessKeySecret);
  const form = (params: Record<string, string>) =>
    Object.entries(params)
      .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
      .join('&');
  const headers: Record<string, string> = {};
  if (placement === 'query') {
    return {
      method,
      path: `/?${form({ ...all, Signature: signature })}`,
      headers,
      body: '',
    };
  }
  headers['content-type'] = 'application/x-www-form-urlencoded';
  if (placement === 'body') {
    return { method, path: '/', headers, body: form({ ...all, Signature: signature }) };
  }
  return {
    method,
    path: `/?${form({ ...common, Signature: signature })}`,
    headers,
    body: form(options.params),
  };
}

export interface V3Parts {
  method: string;
  pathname: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
}

/** The canonical request and the signed header list of a request, as a client computes them. */
export function clientV3CanonicalRequest(parts: V3Parts): {
  canonicalRequest: string;
  signedHeaders: string;
} {
  const lower = Object.fromEntries(
    Object.entries(parts.headers).map(([name, value]) => [name.toLowerCase(), value.trim()]),
  );
  const names = Object.keys(lower)
    .filter((name) => name === 'host' || name === 'content-type' || name.startsWith('x-acs-'))
    .sort();
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    parts.method,
    parts.pathname,
    sortedPairs(parts.query),
    names.map((name) => `${name}:${lower[name]}\n`).join(''),
    signedHeaders,
    createHash('sha256').update(parts.body).digest('hex'),
  ].join('\n');
  return { canonicalRequest, signedHeaders };
}

export const clientV3StringToSign = (canonicalRequest: string) =>
  `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;

export const clientV3Signature = (stringToSign: string, secret: string) =>
  createHmac('sha256', secret).update(stringToSign).digest('hex');

export interface SignV3Options extends Credentials {
  host: string;
  action: string;
  version?: string;
  /** API parameters sent in the query. */
  query?: Record<string, string>;
  /** API parameters sent as a form body (SendBatchSms's *Json parameters). */
  form?: Record<string, string>;
  date?: Date;
  nonce?: string;
  /** More headers to send; x-acs-* ones are signed. */
  headers?: Record<string, string>;
}

/** Signs a request as the official `@alicloud/dysmsapi20170525` client does by default. */
export function signV3(options: SignV3Options): SignedRequest {
  const query = options.query ?? {};
  const body =
    options.form === undefined
      ? ''
      : Object.entries(options.form)
          .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
          .join('&');
  const headers: Record<string, string> = {
    host: options.host,
    'x-acs-action': options.action,
    'x-acs-version': options.version ?? '2017-05-25',
    'x-acs-date': isoSeconds(options.date ?? new Date()),
    'x-acs-signature-nonce': options.nonce ?? randomUUID().replaceAll('-', ''),
    'x-acs-content-sha256': createHash('sha256').update(body).digest('hex'),
    ...(options.form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
    ...(options.securityToken === undefined
      ? {}
      : { 'x-acs-security-token': options.securityToken }),
    ...options.headers,
  };
  const { canonicalRequest, signedHeaders } = clientV3CanonicalRequest({
    method: 'POST',
    pathname: '/',
    query,
    headers,
    body,
  });
  const signature = clientV3Signature(
    clientV3StringToSign(canonicalRequest),
    options.accessKeySecret,
  );
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${options.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
  const search = Object.entries(query)
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
    .join('&');
  return { method: 'POST', path: search === '' ? '/' : `/?${search}`, headers, body };
}

/** A response read whole, its body parsed as JSON when it is JSON. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

/** Sends a signed request to the emulator with fetch (which sets host itself). */
export async function send(baseUrl: string, request: SignedRequest): Promise<Answer> {
  const { host: _host, ...headers } = request.headers;
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers,
    ...(request.method === 'GET' ? {} : { body: request.body }),
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON: the malformed-body fault, or a page.
  }
  return { status: response.status, headers: response.headers, text, json };
}
