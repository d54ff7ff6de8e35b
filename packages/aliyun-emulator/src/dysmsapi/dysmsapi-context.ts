import type {
  EmulatorConfig,
  SignConfig,
  TemplateConfig,
} from '../config/emulator-config-schema.js';
import { gatewayErrors } from '../errors/gateway-error.js';
import type { EmulatorInbox } from '../inbox/inbox.js';
import type { FlowControl } from './flow-control.js';

/** What the Dysmsapi actions work with: one emulator's config and state. */
export interface DysmsapiContext {
  readonly config: EmulatorConfig;
  readonly signs: ReadonlyMap<string, SignConfig>;
  readonly templates: ReadonlyMap<string, TemplateConfig>;
  readonly inbox: EmulatorInbox;
  readonly flowControl: FlowControl;
  readonly now: () => Date;
}

/** One action's request: its parameters (query and form body together) and its request id. */
export interface ActionRequest {
  readonly params: ReadonlyMap<string, string>;
  readonly requestId: string;
}

/** A parameter the action needs; absent or empty gets the gateway's `Missing<Name>`. */
export function requiredParam(params: ReadonlyMap<string, string>, name: string): string {
  const value = params.get(name);
  if (value === undefined || value === '') throw gatewayErrors.missingParameter(name);
  return value;
}

/** An optional parameter; empty counts as absent. */
export function optionalParam(
  params: ReadonlyMap<string, string>,
  name: string,
): string | undefined {
  const value = params.get(name);
  return value === '' ? undefined : value;
}
