import type { ClientProcessSpec } from '../throughput/start-client-process.js';

/**
 * What a row of the results is for: `smskit` rows (the defaults) are held to the targets,
 * `smskit-option` rows show another setting of the same package, `official` is the reference of
 * the ratios, `other` another client, `floor` the least work a client can do.
 */
export type ClientRole = 'smskit' | 'smskit-option' | 'official' | 'other' | 'floor';

/** One client of the benchmark. */
export interface ClientSpec extends ClientProcessSpec {
  /** A stable id: `smskit-v3`, `official`, … */
  readonly id: string;
  readonly label: string;
  readonly role: ClientRole;
  /**
   * The npm packages a user installs for it, at the version the workspace has; `@smskit/*` ones
   * are packed from the workspace with their `@smskit/*` dependencies.
   */
  readonly packages: readonly string[];
}

/** Every client, in the order of the tables. */
export const clientCatalog: readonly ClientSpec[] = [
  {
    id: 'smskit-v3',
    label: '@smskit/aliyun V3',
    role: 'smskit',
    module: 'smskit',
    variant: { signatureVersion: 'v3' },
    packages: ['@smskit/aliyun'],
  },
  {
    id: 'smskit-v1',
    label: '@smskit/aliyun V1',
    role: 'smskit',
    module: 'smskit',
    variant: { signatureVersion: 'v1' },
    packages: ['@smskit/aliyun'],
  },
  {
    id: 'smskit-v3-node-http',
    label: '@smskit/aliyun V3, node:http',
    role: 'smskit-option',
    module: 'smskit',
    variant: { signatureVersion: 'v3', transport: 'node-http' },
    packages: ['@smskit/aliyun'],
  },
  {
    id: 'smskit-v3-undici',
    label: '@smskit/aliyun V3, undici Agent',
    role: 'smskit-option',
    module: 'smskit-undici',
    variant: { signatureVersion: 'v3' },
    packages: ['@smskit/aliyun', 'undici'],
  },
  {
    id: 'smskit-v3-global-fetch',
    label: '@smskit/aliyun V3, global fetch',
    role: 'smskit-option',
    module: 'smskit',
    variant: { signatureVersion: 'v3', transport: 'global-fetch' },
    packages: ['@smskit/aliyun'],
  },
  {
    id: 'official',
    label: '@alicloud/dysmsapi20170525 V3',
    role: 'official',
    module: 'official-dysmsapi',
    variant: {},
    packages: ['@alicloud/dysmsapi20170525'],
  },
  {
    id: 'pop-core',
    label: '@alicloud/pop-core V1',
    role: 'other',
    module: 'pop-core',
    variant: {},
    packages: ['@alicloud/pop-core'],
  },
  {
    id: 'logto',
    label: '@logto/connector-aliyun-sms V1',
    role: 'other',
    module: 'logto-connector',
    variant: {},
    packages: ['@logto/connector-aliyun-sms'],
  },
  {
    id: 'floor',
    label: 'floor: V3 signer + undici Pool',
    role: 'floor',
    module: 'undici-floor',
    variant: {},
    packages: ['undici'],
  },
];
