// The official connector ships no types; it is Logto's CreateConnector like every connector.
declare module '@logto/connector-aliyun-sms' {
  import type { CreateConnector, SmsConnector } from '@logto/connector-kit';

  const createAliyunSmsConnector: CreateConnector<SmsConnector>;
  export default createAliyunSmsConnector;
}
