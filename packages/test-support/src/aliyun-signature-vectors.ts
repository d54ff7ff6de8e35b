// Aliyun's signature test vectors, ../../../../shared/aliyun/vectors.json copied in, so that the
// tests of the client (@smskit/aliyun) and of the emulator run from a clean clone. Every expected
// value was computed with the official Aliyun SDKs and, for the doc vectors, printed in Aliyun's
// documentation.
import vectors from './aliyun-signature-vectors.json' with { type: 'json' };

/** An HMAC-SHA1 (SignatureVersion 1.0) vector. */
export interface V1Vector {
  id: string;
  method: string;
  accessKeySecret: string;
  params: Record<string, string>;
  stringToSign: string;
  expectedSignature: string;
}

/** An ACS3-HMAC-SHA256 vector. */
export interface V3Vector {
  id: string;
  method: string;
  pathname: string;
  accessKeyId: string;
  accessKeySecret: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  hashedPayload: string;
  canonicalRequest: string;
  stringToSign: string;
  signedHeaders: string;
  expectedSignature: string;
  expectedAuthorization: string;
}

/** A request the official client sent, as captured on the wire. */
export interface V3EndToEndVector {
  id: string;
  accessKeyId: string;
  accessKeySecret: string;
  wire: { method: string; url: string; headers: Record<string, string>; body: string };
  decodedQuery: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  expectedAuthorization: string;
}

export interface AliyunSignatureVectors {
  percentEncodeExamples: Record<string, string>;
  v1: V1Vector[];
  v3: V3Vector[];
  v3EndToEnd: V3EndToEndVector[];
}

export const aliyunSignatureVectors: AliyunSignatureVectors = vectors as AliyunSignatureVectors;
