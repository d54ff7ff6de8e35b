// Logto's official connector, @logto/connector-aliyun-sms, unchanged. Its endpoint is fixed
// (`https://dysmsapi.aliyuncs.com/`), so it is redirected below the HTTP layer; see
// RedirectingAgent.
import http from 'node:http';
import https from 'node:https';
import { connect } from 'node:net';
import createConnector from '@logto/connector-aliyun-sms';
import type { CreateBenchClient } from './bench-client.js';

/**
 * Takes the place of `https.globalAgent`, which got (the connector's HTTP client) sends through
 * when given no agent, and connects every request to the stub over plain TCP. The request is the
 * connector's own to the byte (method, path, `Host: dysmsapi.aliyuncs.com`, form body, V1
 * signature, which covers the parameters only); only the socket goes elsewhere, without TLS, as
 * every other client talks plain HTTP to the stub. Keep-alive like Node's own global agents.
 */
class RedirectingAgent extends http.Agent {
  readonly #target: URL;

  constructor(target: URL) {
    super({ keepAlive: true });
    this.#target = target;
    // https.request refuses an agent of another protocol; this one stands in for https.
    Object.assign(this, { protocol: 'https:', defaultPort: 443 });
  }

  override createConnection() {
    return connect(Number(this.#target.port), this.#target.hostname);
  }
}

export const createClient: CreateBenchClient = async (target) => {
  const agent = new RedirectingAgent(new URL(target.endpoint));
  const previousAgent = https.globalAgent;
  https.globalAgent = agent as unknown as https.Agent;
  const config = {
    accessKeyId: target.accessKeyId,
    accessKeySecret: target.accessKeySecret,
    signName: target.signName,
    templates: ['Register', 'SignIn', 'ForgotPassword', 'Generic'].map((usageType) => ({
      usageType,
      templateCode: target.templateCode,
    })),
  };
  const connector = await createConnector({ getConfig: async () => config });
  const data = { to: target.phoneNumber, type: 'SignIn', payload: { code: target.code } };
  return {
    async send() {
      // Rejects for any Code but OK. Given no config, the connector asks getConfig each time,
      // as Logto calls it.
      await connector.sendMessage(data);
    },
    async close() {
      https.globalAgent = previousAgent;
      agent.destroy();
    },
  };
};
