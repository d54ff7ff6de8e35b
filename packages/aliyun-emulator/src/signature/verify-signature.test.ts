import { aliyunSignatureVectors as vectors } from '@smskit/test-support';
import { describe, expect, it } from 'vitest';
import { percentEncode } from './percent-encode.js';
import { v1Signature, v1StringToSign, verifyV1 } from './verify-v1.js';
import {
  hashPayload,
  parseV3Authorization,
  v3CanonicalRequest,
  v3Signature,
  v3StringToSign,
  verifyV3,
} from './verify-v3.js';

describe('percentEncode', () => {
  it.each(Object.entries(vectors.percentEncodeExamples))('encodes %j as %s', (raw, encoded) => {
    expect(percentEncode(raw)).toBe(encoded);
  });

  it('encodes a lone surrogate as the replacement character instead of throwing', () => {
    expect(percentEncode('a\uD800b')).toBe('a%EF%BF%BDb');
  });
});

describe('V1 verification', () => {
  it.each(vectors.v1.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    const stringToSign = v1StringToSign(vector.method, vector.params);
    expect(stringToSign).toBe(vector.stringToSign);
    expect(v1Signature(stringToSign, vector.accessKeySecret)).toBe(vector.expectedSignature);
    expect(verifyV1(stringToSign, vector.expectedSignature, vector.accessKeySecret)).toBe(true);
    expect(verifyV1(stringToSign, vector.expectedSignature, `${vector.accessKeySecret}x`)).toBe(
      false,
    );
    // Signature itself is never signed.
    expect(
      v1StringToSign(vector.method, { ...vector.params, Signature: vector.expectedSignature }),
    ).toBe(vector.stringToSign);
  });

  it('signs the real method: the same parameters under GET do not verify a POST signature', () => {
    const [vector] = vectors.v1.filter((candidate) => candidate.method === 'POST');
    if (vector === undefined) throw new Error('no POST vector');
    const asGet = v1StringToSign('GET', vector.params);
    expect(verifyV1(asGet, vector.expectedSignature, vector.accessKeySecret)).toBe(false);
  });
});

describe('V3 verification', () => {
  it.each(vectors.v3.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    const authorization = parseV3Authorization(vector.expectedAuthorization);
    expect(authorization).toEqual({
      algorithm: 'ACS3-HMAC-SHA256',
      accessKeyId: vector.accessKeyId,
      signedHeaders: vector.signedHeaders.split(';'),
      signature: vector.expectedSignature,
    });
    const body = Buffer.from(vector.body, 'utf8');
    expect(hashPayload(body)).toBe(vector.hashedPayload);
    const canonicalRequest = v3CanonicalRequest({
      method: vector.method,
      pathname: vector.pathname,
      query: Object.entries(vector.query),
      headers: vector.headers,
      signedHeaders: authorization?.signedHeaders ?? [],
      body,
    });
    expect(canonicalRequest).toBe(vector.canonicalRequest);
    const stringToSign = v3StringToSign(canonicalRequest);
    expect(stringToSign).toBe(vector.stringToSign);
    expect(v3Signature(stringToSign, vector.accessKeySecret)).toBe(vector.expectedSignature);
    expect(verifyV3(stringToSign, vector.expectedSignature, vector.accessKeySecret)).toBe(true);
    expect(verifyV3(stringToSign, vector.expectedSignature, 'wrong')).toBe(false);
  });

  it.each(vectors.v3EndToEnd.map((vector) => [vector.id, vector] as const))(
    'the captured official-client request %s',
    (_id, vector) => {
      const authorization = parseV3Authorization(vector.wire.headers.authorization ?? '');
      if (authorization === undefined) throw new Error('unparsable authorization');
      const query = [...new URL(vector.wire.url, 'http://x').searchParams.entries()];
      const canonicalRequest = v3CanonicalRequest({
        method: vector.wire.method,
        pathname: '/',
        query,
        headers: vector.wire.headers,
        signedHeaders: authorization.signedHeaders,
        body: Buffer.from(vector.wire.body),
      });
      expect(canonicalRequest).toBe(vector.canonicalRequest);
      const stringToSign = v3StringToSign(canonicalRequest);
      expect(stringToSign).toBe(vector.stringToSign);
      expect(verifyV3(stringToSign, authorization.signature, vector.accessKeySecret)).toBe(true);
    },
  );

  it('refuses Authorization headers of another shape', () => {
    for (const header of [
      '',
      'ACS3-HMAC-SHA256',
      'ACS3-HMAC-SHA256 Credential=a',
      'ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host',
      'ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=00',
      'ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=00,Extra=1',
      'ACS3-HMAC-SHA256 Credential=a;SignedHeaders=host;Signature=00',
    ]) {
      expect(parseV3Authorization(header), header).toBeUndefined();
    }
  });
});
