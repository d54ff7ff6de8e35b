import type { EmulatorConfig } from '../config/emulator-config-schema.js';
import { createFlowControl } from '../dysmsapi/flow-control.js';
import { createFaultController } from '../faults/fault-controller.js';
import { createInbox } from '../inbox/inbox.js';
import { createNonceRegistry } from '../signature/nonce-registry.js';
import { timestampWindowMs } from '../signature/read-timestamp.js';
import type { EmulatorContext } from './handle-request.js';

/** The state of one emulator: nothing here is shared with another. */
export function createEmulatorContext(
  config: EmulatorConfig,
  now: () => Date,
  stopped: AbortSignal,
): EmulatorContext {
  return {
    config,
    accessKeys: new Map(config.accessKeys.map((key) => [key.id, key])),
    signs: new Map(config.signs.map((sign) => [sign.name, sign])),
    templates: new Map(config.templates.map((template) => [template.code, template])),
    inbox: createInbox(config.inboxLimit),
    faults: createFaultController(config.faults),
    flowControl: createFlowControl(config.rateLimits, now),
    nonces: createNonceRegistry(timestampWindowMs),
    now,
    stopped,
  };
}
