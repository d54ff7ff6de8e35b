import { createHmac } from 'node:crypto';
import { percentEncode } from './percent-encode.js';
import { safeEqual } from './safe-equal.js';

/**
 * The V1 (HMAC-SHA1, `SignatureVersion=1.0`) string to sign, as Aliyun's gateway computes it:
 * `METHOD&%2F&` + the percent-encoded canonical query of every parameter but `Signature`, from
 * query and form body together, sorted by name.
 * https://www.alibabacloud.com/help/en/sdk/product-overview/rpc-mechanism
 */
export function v1StringToSign(
  method: string,
  params: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
): string {
  const entries = params instanceof Map ? [...params.entries()] : Object.entries(params);
  const canonicalQuery = entries
    .filter(([name]) => name !== 'Signature')
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery)}`;
}

/** Base64 HMAC-SHA1 of the string to sign, keyed with the secret followed by `&`. */
export function v1Signature(stringToSign: string, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
}

/** Whether `signature` is the V1 signature of `stringToSign` under the secret. */
export function verifyV1(
  stringToSign: string,
  signature: string,
  accessKeySecret: string,
): boolean {
  return safeEqual(v1Signature(stringToSign, accessKeySecret), signature);
}
