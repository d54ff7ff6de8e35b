// Aliyun's percent-encoding for both signature versions: RFC 3986 over UTF-8, where only
// `A-Z a-z 0-9 - _ . ~` stay as they are and hex digits are uppercase. `encodeURIComponent`
// leaves `! ' ( ) *` alone, so those are escaped after it.
// https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature
const leftAlone = /[!'()*]/g;
const toPercentEscape = (character: string) =>
  `%${character.charCodeAt(0).toString(16).toUpperCase()}`;

/**
 * Percent-encodes `value` as Aliyun's signatures require (space is `%20`, `*` is `%2A`, `~`
 * stays).
 *
 * @throws {URIError} when `value` holds a lone UTF-16 surrogate, which has no UTF-8 form.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(leftAlone, toPercentEscape);
}

/**
 * The canonical query string of both signature versions: parameters sorted by name (UTF-16 code
 * units, as the official SDKs and Aliyun's Java servers sort), then `name=value` encoded and
 * joined with `&`.
 */
export function canonicalQueryString(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] as string)}`)
    .join('&');
}
