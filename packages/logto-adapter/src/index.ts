import { createConnector } from './create-connector.js';

export {
  type AliyunSmsConfig,
  type AliyunSmsConfigInput,
  aliyunSmsConfigGuard,
} from './config-guard.js';
export { createConnector } from './create-connector.js';
export { metadata } from './metadata.js';
export type { SendMessageResponse } from './send-message.js';

export default createConnector;
