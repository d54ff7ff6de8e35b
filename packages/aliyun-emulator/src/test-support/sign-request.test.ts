import { aliyunSignatureVectors as vectors } from '@smskit/test-support';
import { describe, expect, it } from 'vitest';
import {
  clientV1Signature,
  clientV1StringToSign,
  clientV3CanonicalRequest,
  clientV3Signature,
  clientV3StringToSign,
  rfc3986,
} from './sign-request.js';

// The tests' own signer must be right before any test may trust it.
describe('the test-only signer', () => {
  it.each(Object.entries(vectors.percentEncodeExamples))('encodes %j as %s', (raw, encoded) => {
    expect(rfc3986(raw)).toBe(encoded);
  });

  it.each(vectors.v1.map((vector) => [vector.id, vector] as const))(
    'signs V1 %s',
    (_id, vector) => {
      const stringToSign = clientV1StringToSign(vector.method, vector.params);
      expect(stringToSign).toBe(vector.stringToSign);
      expect(clientV1Signature(stringToSign, vector.accessKeySecret)).toBe(
        vector.expectedSignature,
      );
    },
  );

  it.each(vectors.v3.map((vector) => [vector.id, vector] as const))(
    'signs V3 %s',
    (_id, vector) => {
      const { canonicalRequest, signedHeaders } = clientV3CanonicalRequest(vector);
      expect(canonicalRequest).toBe(vector.canonicalRequest);
      expect(signedHeaders).toBe(vector.signedHeaders);
      const stringToSign = clientV3StringToSign(canonicalRequest);
      expect(stringToSign).toBe(vector.stringToSign);
      expect(clientV3Signature(stringToSign, vector.accessKeySecret)).toBe(
        vector.expectedSignature,
      );
    },
  );

  it.each(vectors.v3EndToEnd.map((vector) => [vector.id, vector] as const))(
    'signs the captured request %s',
    (_id, vector) => {
      const { authorization: _auth, ...headers } = vector.wire.headers;
      const { canonicalRequest, signedHeaders } = clientV3CanonicalRequest({
        method: vector.wire.method,
        pathname: '/',
        query: vector.decodedQuery,
        headers,
        body: vector.wire.body,
      });
      expect(canonicalRequest).toBe(vector.canonicalRequest);
      const signature = clientV3Signature(
        clientV3StringToSign(canonicalRequest),
        vector.accessKeySecret,
      );
      expect(
        `ACS3-HMAC-SHA256 Credential=${vector.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`,
      ).toBe(vector.expectedAuthorization);
    },
  );
});
