import type { AccessKeyConfig } from '../config/emulator-config-schema.js';
import { GatewayError, gatewayErrors } from '../errors/gateway-error.js';
import type { NonceRegistry } from './nonce-registry.js';
import { readTimestamp } from './read-timestamp.js';
import { v1StringToSign, verifyV1 } from './verify-v1.js';
import {
  parseV3Authorization,
  v3Algorithm,
  v3CanonicalRequest,
  v3StringToSign,
  verifyV3,
} from './verify-v3.js';

/** A request as the gateway reads it for authentication. */
export interface RequestToAuthenticate {
  readonly method: string;
  readonly pathname: string;
  /** Every decoded query pair, in order. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Query and form body parameters together (V1 signs them all). */
  readonly params: ReadonlyMap<string, string>;
  /** Header values by lowercase name. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Uint8Array;
}

export interface AuthenticationContext {
  readonly accessKeys: ReadonlyMap<string, AccessKeyConfig>;
  readonly nonces: NonceRegistry;
  readonly now: () => Date;
}

/** Whether a request is signed with V3 (an `ACS3-…` Authorization header) rather than V1. */
export const isV3Request = (headers: Readonly<Record<string, string | undefined>>): boolean =>
  headers.authorization?.trimStart().startsWith('ACS3-') ?? false;

const missing = (value: string | undefined) => value === undefined || value === '';

function findKey(context: AuthenticationContext, accessKeyId: string): AccessKeyConfig {
  const key = context.accessKeys.get(accessKeyId);
  if (key === undefined) throw gatewayErrors.accessKeyNotFound();
  return key;
}

function checkSecurityToken(key: AccessKeyConfig, sent: string | undefined, name: string) {
  if (key.securityToken === undefined) return;
  if (missing(sent)) throw gatewayErrors.missingParameter(name);
  if (sent !== key.securityToken) throw gatewayErrors.securityTokenMismatch();
}

function useNonce(
  context: AuthenticationContext,
  key: AccessKeyConfig,
  nonce: string,
  signedAt: number,
) {
  if (!context.nonces.use(key.id, nonce, signedAt, context.now().getTime())) {
    throw gatewayErrors.nonceUsed();
  }
}

/**
 * V1 (HMAC-SHA1): common parameters, key, clock, signature over every parameter, STS token,
 * nonce, in that order.
 * https://www.alibabacloud.com/help/en/sdk/product-overview/rpc-mechanism
 */
function authenticateV1(request: RequestToAuthenticate, context: AuthenticationContext) {
  const { params } = request;
  for (const name of [
    'AccessKeyId',
    'Signature',
    'SignatureMethod',
    'SignatureVersion',
    'SignatureNonce',
    'Timestamp',
  ]) {
    if (missing(params.get(name))) throw gatewayErrors.missingParameter(name);
  }
  if (params.get('SignatureMethod') !== 'HMAC-SHA1' || params.get('SignatureVersion') !== '1.0') {
    throw gatewayErrors.incompleteSignature();
  }
  const key = findKey(context, params.get('AccessKeyId') as string);
  const signedAt = readTimestamp(params.get('Timestamp') as string, context.now());
  const stringToSign = v1StringToSign(request.method, params);
  if (!verifyV1(stringToSign, params.get('Signature') as string, key.secret)) {
    throw gatewayErrors.signatureDoesNotMatch(stringToSign);
  }
  checkSecurityToken(key, params.get('SecurityToken'), 'SecurityToken');
  useNonce(context, key, params.get('SignatureNonce') as string, signedAt);
}

/**
 * V3 (ACS3-HMAC-SHA256): Authorization header, the signed header list (host and every x-acs-*
 * header sent must be in it), key, clock, signature, STS token, nonce.
 * https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
 */
function authenticateV3(request: RequestToAuthenticate, context: AuthenticationContext) {
  const { headers } = request;
  const authorization = parseV3Authorization(headers.authorization ?? '');
  if (authorization === undefined || authorization.algorithm !== v3Algorithm) {
    throw gatewayErrors.incompleteSignature();
  }
  if (missing(headers['x-acs-date'])) {
    throw new GatewayError(400, 'MissingTimestamp', 'x-acs-date is mandatory for this action.');
  }
  if (missing(headers['x-acs-signature-nonce'])) {
    throw new GatewayError(
      400,
      'MissingSignatureNonce',
      'x-acs-signature-nonce is mandatory for this action.',
    );
  }
  const signed = new Set(authorization.signedHeaders);
  const mustSign = Object.keys(headers).filter(
    (name) => name === 'host' || name.startsWith('x-acs-'),
  );
  if (
    missing(headers['x-acs-content-sha256']) ||
    !signed.has('host') ||
    mustSign.some((name) => !signed.has(name))
  ) {
    throw gatewayErrors.incompleteSignature();
  }
  const key = findKey(context, authorization.accessKeyId);
  const signedAt = readTimestamp(headers['x-acs-date'] as string, context.now());
  const stringToSign = v3StringToSign(
    v3CanonicalRequest({ ...request, signedHeaders: authorization.signedHeaders }),
  );
  if (!verifyV3(stringToSign, authorization.signature, key.secret)) {
    throw gatewayErrors.signatureDoesNotMatch(stringToSign);
  }
  checkSecurityToken(key, headers['x-acs-security-token'], 'SecurityToken');
  useNonce(context, key, headers['x-acs-signature-nonce'] as string, signedAt);
}

/** Authenticates a Dysmsapi request as Aliyun's gateway does, or throws the gateway's error. */
export function authenticateRequest(
  request: RequestToAuthenticate,
  context: AuthenticationContext,
): void {
  if (isV3Request(request.headers)) authenticateV3(request, context);
  else authenticateV1(request, context);
}
