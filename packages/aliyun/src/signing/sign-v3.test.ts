import { aliyunSignatureVectors as signatureVectors } from '@smskit/test-support';
import { describe, expect, it } from 'vitest';
import { hashPayload, signV3 } from './sign-v3.js';

describe('signV3', () => {
  it.each(signatureVectors.v3.map((vector) => [vector.id, vector] as const))(
    'matches vector %s',
    (_, vector) => {
      expect(hashPayload(vector.body)).toBe(vector.hashedPayload);
      expect(
        signV3({
          method: vector.method,
          pathname: vector.pathname,
          query: vector.query,
          headers: vector.headers,
          body: vector.body,
          accessKeyId: vector.accessKeyId,
          accessKeySecret: vector.accessKeySecret,
        }),
      ).toEqual({
        signature: vector.expectedSignature,
        signedHeaders: vector.signedHeaders,
        authorization: vector.expectedAuthorization,
      });
    },
  );

  it.each(signatureVectors.v3EndToEnd.map((vector) => [vector.id, vector] as const))(
    'reproduces the Authorization the official client sent on the wire (%s)',
    (_, vector) => {
      const url = new URL(vector.wire.url, 'http://placeholder');
      const { authorization } = signV3({
        method: vector.wire.method,
        pathname: url.pathname,
        query: Object.fromEntries(url.searchParams),
        // Every header as sent, unsigned ones (user-agent, accept, connection) included.
        headers: vector.wire.headers,
        body: vector.wire.body,
        accessKeyId: vector.accessKeyId,
        accessKeySecret: vector.accessKeySecret,
      });
      expect(Object.fromEntries(url.searchParams)).toEqual(vector.decodedQuery);
      expect(authorization).toBe(vector.expectedAuthorization);
      expect(vector.wire.headers.authorization).toBe(vector.expectedAuthorization);
    },
  );

  it('signs header names in any case and trims values', () => {
    const [vector] = signatureVectors.v3;
    if (vector === undefined) throw new Error('no v3 vector');
    const shouting = Object.fromEntries(
      Object.entries(vector.headers).map(([name, value]) => [name.toUpperCase(), ` ${value} `]),
    );
    expect(signV3({ ...vector, headers: shouting }).signature).toBe(vector.expectedSignature);
  });

  it('hashes a Uint8Array body like the same string', () => {
    const vector = signatureVectors.v3.find((candidate) => candidate.body !== '');
    if (vector === undefined) throw new Error('no v3 vector with a body');
    const bytes = new TextEncoder().encode(vector.body);
    expect(signV3({ ...vector, body: bytes }).signature).toBe(vector.expectedSignature);
  });
});
