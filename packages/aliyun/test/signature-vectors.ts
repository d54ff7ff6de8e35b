// The signature test vectors of ../shared/aliyun/vectors.json (copied to signature-vectors.json),
// computed with the official Aliyun SDKs and, for the doc vectors, printed in Aliyun's docs.
import { readFileSync } from 'node:fs';

export interface V1Vector {
  id: string;
  method: string;
  accessKeySecret: string;
  params: Record<string, string>;
  stringToSign: string;
  expectedSignature: string;
}

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
  signedHeaders: string;
  expectedSignature: string;
  expectedAuthorization: string;
}

export interface V3EndToEndVector {
  id: string;
  accessKeyId: string;
  accessKeySecret: string;
  wire: { method: string; url: string; headers: Record<string, string>; body: string };
  decodedQuery: Record<string, string>;
  expectedAuthorization: string;
}

export interface SignatureVectors {
  percentEncodeExamples: Record<string, string>;
  v1: V1Vector[];
  v3: V3Vector[];
  v3EndToEnd: V3EndToEndVector[];
}

export const signatureVectors = JSON.parse(
  readFileSync(new URL('./signature-vectors.json', import.meta.url), 'utf8'),
) as SignatureVectors;
