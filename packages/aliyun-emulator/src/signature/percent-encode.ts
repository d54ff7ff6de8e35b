const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Aliyun's percent-encoding for signatures (both schemes): RFC 3986 over UTF-8, where only
 * `A-Z a-z 0-9 - _ . ~` stay as they are. `encodeURIComponent` leaves `! ' ( ) *` too, so
 * those are escaped on top.
 * https://www.alibabacloud.com/help/en/sdk/product-overview/rpc-mechanism
 */
export function percentEncode(value: string): string {
  // A lone surrogate cannot be encoded as UTF-8; encode the replacement character instead, as a
  // UTF-8 decoder of the raw request would have produced.
  return encodeURIComponent(value.replace(loneSurrogate, '\uFFFD')).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
