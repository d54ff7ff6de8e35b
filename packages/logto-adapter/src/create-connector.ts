import { ConnectorType, type CreateConnector, type SmsConnector } from '@logto/connector-kit';
import { aliyunSmsConfigGuard } from './config-guard.js';
import { metadata } from './metadata.js';
import { createSendMessage } from './send-message.js';

/**
 * Logto's entry point for the connector: what `lib/index.js` default-exports. Logto calls it with
 * `getConfig`, which returns the config stored for the connector.
 */
export const createConnector: CreateConnector<SmsConnector> = async ({ getConfig }) => ({
  metadata,
  type: ConnectorType.Sms,
  configGuard: aliyunSmsConfigGuard,
  sendMessage: createSendMessage(getConfig),
});
