/**
 * An error Aliyun's API gateway (POP) answers before the product sees the request: a 4xx/5xx
 * status with `{ RequestId, Message, Recommend, HostId, Code }`.
 * Codes and messages follow what Aliyun's gateway answers for RPC-style APIs; see the README's
 * error table for which of them are verified.
 */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers, such as `x-acs-retry-after` for throttling. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

// The messages are Aliyun's own, so that clients that match on them keep working.
export const gatewayErrors = {
  missingParameter: (name: string) =>
    new GatewayError(400, `Missing${name}`, `${name} is mandatory for this action.`),
  actionNotFound: () =>
    new GatewayError(
      404,
      'InvalidAction.NotFound',
      'Specified api is not found, please check your url and method.',
    ),
  invalidVersion: () =>
    new GatewayError(400, 'InvalidVersion', 'Specified parameter Version is not valid.'),
  accessKeyNotFound: () =>
    new GatewayError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.'),
  incompleteSignature: () =>
    new GatewayError(
      400,
      'IncompleteSignature',
      'The request signature does not conform to Aliyun standards.',
    ),
  // Aliyun echoes its string to sign, so that a developer can compare it with their own. It
  // holds the request's parameters (the phone number, the code), which is why clients must
  // never log this message verbatim.
  signatureDoesNotMatch: (serverStringToSign: string) =>
    new GatewayError(
      400,
      'SignatureDoesNotMatch',
      `Specified signature is not matched with our calculation. server string to sign is:${serverStringToSign}`,
    ),
  timestampMalformed: () =>
    new GatewayError(
      400,
      'InvalidTimeStamp.Format',
      'Specified time stamp or date value is not well formatted.',
    ),
  timestampExpired: () =>
    new GatewayError(
      400,
      'InvalidTimeStamp.Expired',
      'Specified time stamp or date value is expired.',
    ),
  nonceUsed: () =>
    new GatewayError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.'),
  securityTokenMismatch: () =>
    new GatewayError(
      400,
      'InvalidSecurityToken.MismatchWithAccessKey',
      'Specified SecurityToken mismatch with the AccessKey.',
    ),
  throttled: (status: number, retryAfterMs: number | undefined) =>
    new GatewayError(
      status,
      'Throttling.User',
      'Request was denied due to user flow control.',
      retryAfterMs === undefined ? {} : { 'x-acs-retry-after': String(retryAfterMs) },
    ),
  serviceUnavailable: (status: number) =>
    new GatewayError(
      status,
      'ServiceUnavailable',
      'The request has failed due to a temporary failure of the server.',
    ),
  internalError: () =>
    new GatewayError(
      500,
      'InternalError',
      'The request processing has failed due to some unknown error, exception or failure.',
    ),
  bodyTooLarge: (limit: number) =>
    new GatewayError(
      413,
      'RequestEntityTooLarge',
      `The request body is larger than the emulator's limit of ${limit} bytes.`,
    ),
};
