import { createHmac } from 'node:crypto';
import { canonicalQueryString, percentEncode } from './percent-encode.js';

/** The input of {@link signV1}. */
export interface SignV1Input {
  /** The HTTP method the request is sent with, such as `POST`. */
  readonly method: string;
  /**
   * Every parameter of the request, from the query and a form body together, except `Signature`:
   * `Action`, `Version`, `Format`, `AccessKeyId`, `SignatureMethod`, `SignatureVersion`,
   * `SignatureNonce`, `Timestamp`, `SecurityToken` (STS) and the API's own parameters.
   */
  readonly params: Readonly<Record<string, string>>;
  readonly accessKeySecret: string;
}

/**
 * Aliyun's HMAC-SHA1 request signature (`SignatureMethod=HMAC-SHA1`, `SignatureVersion=1.0`;
 * Aliyun's documents call it "V2"), as Logto's connector and `@alicloud/pop-core` send it.
 * Pure: the clock and nonce are the `Timestamp` and `SignatureNonce` in `params`.
 *
 * @returns the Base64 value of the `Signature` parameter.
 * @see https://help.aliyun.com/zh/sdk/product-overview/rpc-mechanism
 */
export function signV1({ method, params, accessKeySecret }: SignV1Input): string {
  const { Signature: _ignored, ...signed } = params;
  return signV1WithCanonicalQuery(method, canonicalQueryString(signed), accessKeySecret);
}

/**
 * {@link signV1} given the canonical query string of the parameters to sign (`Signature` left
 * out), for a caller that puts the same string in the URL and so encodes it once.
 */
export function signV1WithCanonicalQuery(
  method: string,
  canonicalQuery: string,
  accessKeySecret: string,
): string {
  const stringToSign = `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery)}`;
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
}
