// @logto/connector-aliyun-sms ships no types; what the bench uses of it.
declare module '@logto/connector-aliyun-sms' {
  interface SmsConnector {
    sendMessage(data: {
      to: string;
      type: string;
      payload: Record<string, string>;
    }): Promise<unknown>;
  }
  const createConnector: (options: {
    getConfig: (id: string) => Promise<unknown>;
  }) => Promise<SmsConnector>;
  export default createConnector;
}
