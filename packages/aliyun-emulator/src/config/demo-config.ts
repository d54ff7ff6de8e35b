import { demoCredentials, demoTemplateCodes } from './demo-config-input.js';
import { type EmulatorConfig, emulatorConfigSchema } from './emulator-config-schema.js';

export { demoCredentials, demoStsCredentials } from './demo-config-input.js';

/**
 * The config an emulator starts with when given none: the demo AccessKey and STS key, the signs
 * `smskit` (both routes), `smskit-cn` (china) and `smskit-intl` (overseas), a verification
 * template per Logto usage type and route, Aliyun's default flow control, no faults.
 */
export const demoConfig: EmulatorConfig = emulatorConfigSchema.parse({});

/**
 * A ready config for an Aliyun SMS sender or Logto's Aliyun SMS connector (Logto's JSON shape)
 * that sends through an emulator running the demo config.
 */
export const demoConnectorConfig = {
  accessKeyId: demoCredentials.accessKeyId,
  accessKeySecret: demoCredentials.accessKeySecret,
  signName: 'smskit',
  templates: demoTemplateCodes,
} as const;
