import { aliyunSignatureVectors as signatureVectors } from '@smskit/test-support';
import { describe, expect, it } from 'vitest';
import { signV1 } from './sign-v1.js';

describe('signV1', () => {
  it.each(signatureVectors.v1.map((vector) => [vector.id, vector] as const))(
    'matches vector %s',
    (_, vector) => {
      expect(
        signV1({
          method: vector.method,
          params: vector.params,
          accessKeySecret: vector.accessKeySecret,
        }),
      ).toBe(vector.expectedSignature);
    },
  );

  it('ignores a Signature parameter and the case of the method', () => {
    const [vector] = signatureVectors.v1;
    if (vector === undefined) throw new Error('no v1 vector');
    expect(
      signV1({
        method: vector.method.toLowerCase(),
        params: { ...vector.params, Signature: 'stale' },
        accessKeySecret: vector.accessKeySecret,
      }),
    ).toBe(vector.expectedSignature);
  });

  it('changes with the secret', () => {
    const [vector] = signatureVectors.v1;
    if (vector === undefined) throw new Error('no v1 vector');
    expect(signV1({ method: 'POST', params: vector.params, accessKeySecret: 'other' })).not.toBe(
      vector.expectedSignature,
    );
  });
});
