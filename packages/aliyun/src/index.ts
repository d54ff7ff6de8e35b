export {
  type AliyunSmsSender,
  createAliyunSmsSender,
  type RoutedSendResult,
  type RoutedSendSms,
} from './create-aliyun-sms-sender.js';
export { resolveCredentials } from './credentials/resolve-credentials.js';
export {
  type AliyunErrorAnswer,
  type MapAliyunErrorContext,
  mapAliyunError,
} from './errors/map-aliyun-error.js';
export {
  type AliyunCredentials,
  type AliyunCredentialsProvider,
  type AliyunRetryOptions,
  type AliyunSmsSenderOptions,
  aliyunSmsSenderOptionsSchema,
  type PerRoute,
} from './options/aliyun-sms-sender-options.js';
export {
  defaultEndpoint,
  defaultRegionId,
  parseAliyunSmsSenderOptions,
  type ResolvedAliyunSmsSenderOptions,
} from './options/parse-aliyun-sms-sender-options.js';
export {
  type DeliveryStatus,
  formatSendDate,
  type SendDetail,
  type SendDetails,
  type SendDetailsQuery,
} from './query/query-send-details.js';
export {
  apiVersion,
  type BuildSignedRequestInput,
  buildSignedRequest,
  type SignedRequest,
} from './request/build-signed-request.js';
export { canonicalQueryString, percentEncode } from './signing/percent-encode.js';
export { type SignV1Input, signV1 } from './signing/sign-v1.js';
export { hashPayload, type SignV3Input, type SignV3Result, signV3 } from './signing/sign-v3.js';
export type { NodeHttpAgents } from './transport/node-http-exchange.js';
export type {
  UndiciDispatchController,
  UndiciDispatcher,
  UndiciDispatchHandler,
  UndiciDispatchOptions,
  UndiciV1DispatchHandler,
  UndiciV2DispatchHandler,
} from './transport/undici-dispatcher.js';
