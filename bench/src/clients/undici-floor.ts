// The floor: the least work a client can do. A hand-written V3 signature
// (ACS3-HMAC-SHA256) over undici's Pool.request, no validation, no retries, no timeouts.
import { createHmac, hash, randomUUID } from 'node:crypto';
import { Pool } from 'undici';
import type { CreateBenchClient } from './bench-client.js';

const encode = (value: string) =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
const emptyHash = hash('sha256', '', 'hex');

/** The query and headers of one V3-signed SendSms: a POST with the parameters in the query. */
export function signFloorV3(
  host: string,
  params: Readonly<Record<string, string>>,
  accessKeyId: string,
  accessKeySecret: string,
): { query: string; headers: Record<string, string> } {
  const query = Object.keys(params)
    .sort()
    .map((name) => `${encode(name)}=${encode(params[name] as string)}`)
    .join('&');
  const headers: Record<string, string> = {
    host,
    'x-acs-action': 'SendSms',
    'x-acs-content-sha256': emptyHash,
    'x-acs-date': `${new Date().toISOString().slice(0, 19)}Z`,
    'x-acs-signature-nonce': randomUUID(),
    'x-acs-version': '2017-05-25',
  };
  // The names above are already sorted, lowercase and all signed.
  const names = Object.keys(headers);
  const canonical = `POST\n/\n${query}\n${names.map((name) => `${name}:${headers[name]}\n`).join('')}\n${names.join(';')}\n${emptyHash}`;
  const signature = createHmac('sha256', accessKeySecret)
    .update(`ACS3-HMAC-SHA256\n${hash('sha256', canonical, 'hex')}`)
    .digest('hex');
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${accessKeyId},SignedHeaders=${names.join(';')},Signature=${signature}`;
  return { query, headers };
}

export const createClient: CreateBenchClient = async (target) => {
  const url = new URL(target.endpoint);
  const pool = new Pool(url.origin);
  return {
    async send() {
      const { query, headers } = signFloorV3(
        url.host,
        {
          PhoneNumbers: target.phoneNumber,
          SignName: target.signName,
          TemplateCode: target.templateCode,
          TemplateParam: JSON.stringify({ code: target.code }),
        },
        target.accessKeyId,
        target.accessKeySecret,
      );
      const answer = await pool.request({ path: `/?${query}`, method: 'POST', headers });
      const body = (await answer.body.json()) as { Code?: string };
      if (body.Code !== 'OK') throw new Error(`SendSms answered ${body.Code}`);
    },
    close: () => pool.close(),
  };
};
