import { aliyunSignatureVectors as signatureVectors } from '@smskit/test-support';
import { describe, expect, it } from 'vitest';
import { canonicalQueryString, percentEncode } from './percent-encode.js';

describe('percentEncode', () => {
  it.each(Object.entries(signatureVectors.percentEncodeExamples))(
    'encodes %j as %j',
    (raw, encoded) => {
      expect(percentEncode(raw)).toBe(encoded);
    },
  );

  it('refuses a lone surrogate, which has no UTF-8 form', () => {
    expect(() => percentEncode('\uD800')).toThrow(URIError);
  });
});

describe('canonicalQueryString', () => {
  it('sorts by raw name before encoding, as the official SDKs do', () => {
    // Encoded, "a%C3%A9" would sort before "a~"; raw, "~" (U+007E) comes before "é" (U+00E9).
    expect(canonicalQueryString({ 'a\u00e9': '1', 'a~': '2', B: ' ' })).toBe(
      'B=%20&a~=2&a%C3%A9=1',
    );
  });

  it('is empty for no parameters', () => {
    expect(canonicalQueryString({})).toBe('');
  });
});
