import { inspect } from 'node:util';
import type { AliyunCredentials } from '../options/aliyun-sms-sender-options.js';

const redacted = '[redacted]';

/**
 * Gives `credentials` `toJSON` and `util.inspect` views without the secret and the STS token (the
 * AccessKey id stays, to tell keys apart), so that logging them, or an object holding them,
 * shows no secret. The properties themselves are unchanged.
 */
export function redactCredentials<T extends AliyunCredentials>(credentials: T): T {
  const view = () => ({
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: redacted,
    ...(credentials.securityToken === undefined ? {} : { securityToken: redacted }),
  });
  Object.defineProperties(credentials, {
    toJSON: { value: view },
    [inspect.custom]: { value: () => `AliyunCredentials ${inspect(view())}` },
  });
  return credentials;
}
