import { z } from 'zod';
import { EmulatorConfigError } from '../config/emulator-config-error.js';
import { configIssues } from '../config/read-emulator-config.js';
import { type Fault, faultSchema, type ResolvedFault } from './fault-schema.js';

/** Faults as an emulator exposes them. */
export interface Faults {
  /**
   * Plays `fault` on the next `times` Dysmsapi requests (default 1; `Infinity` = every request
   * until `clear()`). Injected faults queue up: each request plays the first one still due,
   * so `inject(status 503)` then `inject(throttle)` fails the next request with 503 and the
   * one after with throttling. Faults from the config play on every request as well.
   *
   * @throws {EmulatorConfigError} for a fault or `times` that does not validate.
   */
  inject(fault: Fault, options?: { times?: number | undefined }): void;
  /** Removes every fault, the config's included. */
  clear(): void;
}

/** A snapshot of the faults an emulator plays. */
export interface FaultList {
  readonly always: readonly ResolvedFault[];
  readonly queued: ReadonlyArray<{ readonly fault: ResolvedFault; readonly remaining: number }>;
}

export interface FaultController extends Faults {
  /** The faults this request plays, in order (the queue's head first), counting it down. */
  take(): ResolvedFault[];
  list(): FaultList;
}

const timesSchema = z.union([z.number().int().positive(), z.literal(Number.POSITIVE_INFINITY)]);

function validate<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new EmulatorConfigError(
    configIssues(result.error).map((issue) => ({
      ...issue,
      field: issue.field === '(config)' ? field : `${field}.${issue.field}`,
    })),
  );
}

export function createFaultController(configured: readonly ResolvedFault[]): FaultController {
  let always = [...configured];
  let queue: Array<{ fault: ResolvedFault; remaining: number }> = [];
  return {
    inject(fault, options = {}) {
      const resolved = validate(faultSchema, fault, 'fault');
      const times = validate(timesSchema, options.times ?? 1, 'times');
      if (times === Number.POSITIVE_INFINITY) always.push(resolved);
      else queue.push({ fault: resolved, remaining: times });
    },
    clear() {
      always = [];
      queue = [];
    },
    take() {
      const head = queue[0];
      if (head !== undefined) {
        head.remaining -= 1;
        if (head.remaining === 0) queue.shift();
      }
      return head === undefined ? [...always] : [head.fault, ...always];
    },
    list() {
      return {
        always: [...always],
        queued: queue.map(({ fault, remaining }) => ({ fault, remaining })),
      };
    },
  };
}
