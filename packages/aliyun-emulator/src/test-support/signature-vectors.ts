// The signature test vectors of ../../../../shared/aliyun/vectors.json (computed with the
// official Aliyun SDK), copied into the package so that its tests run from a clean clone.
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
  canonicalRequest: string;
  stringToSign: string;
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
  canonicalRequest: string;
  stringToSign: string;
  expectedAuthorization: string;
}

export const vectors = JSON.parse(
  readFileSync(new URL('./signature-vectors.json', import.meta.url), 'utf8'),
) as {
  percentEncodeExamples: Record<string, string>;
  v1: V1Vector[];
  v3: V3Vector[];
  v3EndToEnd: V3EndToEndVector[];
};
