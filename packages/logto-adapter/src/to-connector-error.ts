import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';
import { isSmsError, type SmsError } from '@smskit/core';

// Account-wide caps set in Aliyun's console: they hold until the day or month is over.
// https://help.aliyun.com/zh/sms/developer-reference/api-error-codes
const usageLimitCodes = new Set(['isv.DAY_LIMIT_CONTROL', 'isv.MONTH_LIMIT_CONTROL']);

// Aliyun's message for these echoes the server's string to sign, which holds the AccessKeyId, the
// phone number and the verification code; it never leaves the connector.
const signatureCodes = new Set(['SignatureDoesNotMatch', 'IncompleteSignature']);

function connectorErrorCode(error: SmsError): ConnectorErrorCodes {
  if (error.code === 'RATE_LIMITED') {
    // UsageLimitExceeded came with @logto/connector-kit 5.1.1; older Logto has only the other.
    return usageLimitCodes.has(error.providerCode ?? '')
      ? (ConnectorErrorCodes.UsageLimitExceeded ?? ConnectorErrorCodes.RateLimitExceeded)
      : ConnectorErrorCodes.RateLimitExceeded;
  }
  // Whatever else Aliyun answered (an unknown template or sign, a refused number) is General, with
  // Aliyun's code, as in the official connector.
  if (error.providerCode !== undefined) return ConnectorErrorCodes.General;
  switch (error.code) {
    case 'INVALID_CONFIG':
      return ConnectorErrorCodes.InvalidConfig;
    case 'TEMPLATE_NOT_FOUND':
      return ConnectorErrorCodes.TemplateNotFound;
    case 'INVALID_RESPONSE':
      return ConnectorErrorCodes.InvalidResponse;
    case 'INVALID_PHONE_NUMBER':
    case 'INVALID_PARAMS':
      return ConnectorErrorCodes.InvalidRequestParameters;
    default:
      return ConnectorErrorCodes.General;
  }
}

/** The data of a converted error: Aliyun's fields under the names of its response body. */
export interface ConnectorErrorData {
  /** Shown by Logto as the error message. */
  errorDescription: string;
  /** Aliyun's error code, such as `isv.BUSINESS_LIMIT_CONTROL`. */
  Code?: string;
  /** Aliyun's request id, for support tickets. */
  RequestId?: string;
  /** The config or message field at fault. */
  field?: string;
  /** How long to wait before trying again, when Aliyun says. */
  retryAfterSeconds?: number;
}

/**
 * Converts what sending threw into the `ConnectorError` Logto expects: its code decides the HTTP
 * status Logto answers (429 for rate limits, 400 otherwise), its data what the console shows. The
 * data holds no secret: `SmsError` messages never do, and signature errors get a fixed message.
 * Anything that is not an `SmsError` (an abort, a bug) is returned unchanged.
 */
export function toConnectorError(error: unknown): unknown {
  if (error instanceof ConnectorError || !isSmsError(error)) return error;
  const data: ConnectorErrorData = {
    errorDescription: signatureCodes.has(error.providerCode ?? '')
      ? `Aliyun refused the request signature (${error.providerCode}): check accessKeyId and accessKeySecret.`
      : error.message,
  };
  if (error.providerCode !== undefined) data.Code = error.providerCode;
  if (error.requestId !== undefined) data.RequestId = error.requestId;
  if (error.field !== undefined) data.field = error.field;
  if (error.retryAfterSeconds !== undefined) data.retryAfterSeconds = error.retryAfterSeconds;
  return new ConnectorError(connectorErrorCode(error), data);
}
