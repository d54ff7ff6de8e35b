import type { BusinessError } from './business-error.js';
import type { GatewayError } from './gateway-error.js';

/** The host Aliyun names in `HostId` for Dysmsapi. */
export const dysmsapiHost = 'dysmsapi.aliyuncs.com';

/** The gateway's error body, keys in the order Aliyun writes them. */
export const gatewayErrorBody = (error: GatewayError, requestId: string) => ({
  RequestId: requestId,
  Message: error.message,
  Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=Dysmsapi&requestId=${requestId}`,
  HostId: dysmsapiHost,
  Code: error.code,
});

/** A business refusal's body (HTTP 200). */
export const businessErrorBody = (error: BusinessError, requestId: string) => ({
  RequestId: requestId,
  Message: error.message,
  Code: error.code,
});
