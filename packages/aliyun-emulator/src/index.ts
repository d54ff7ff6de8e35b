export {
  demoConfig,
  demoConnectorConfig,
  demoCredentials,
  demoStsCredentials,
} from './config/demo-config.js';
export { EmulatorConfigError, type EmulatorConfigIssue } from './config/emulator-config-error.js';
export {
  type AccessKeyConfig,
  type EmulatorConfig,
  type EmulatorConfigInput,
  emulatorConfigSchema,
  type SignConfig,
  type TemplateConfig,
} from './config/emulator-config-schema.js';
export { readEmulatorConfig } from './config/read-emulator-config.js';
export type { Faults } from './faults/fault-controller.js';
export { type Fault, faultSchema, type ResolvedFault } from './faults/fault-schema.js';
export type { Inbox, InboxMessage } from './inbox/inbox.js';
export { type Emulator, type EmulatorOptions, startEmulator } from './start-emulator.js';
