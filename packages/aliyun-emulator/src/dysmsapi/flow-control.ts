import type { EmulatorConfig } from '../config/emulator-config-schema.js';
import { BusinessError } from '../errors/business-error.js';

const windows = [
  { limit: 'perMinute', ms: 60_000, name: '分钟级' },
  { limit: 'perHour', ms: 3_600_000, name: '小时级' },
  { limit: 'perDay', ms: 86_400_000, name: '天级' },
] as const;

// Enough numbers for any test run or development session; beyond it the longest-idle go.
const maxTrackedNumbers = 100_000;

/** Per-number flow control with admission for a batch of sign+number keys at once. */
export interface FlowControl {
  /**
   * Admits one message for each key (`sign`, `e164`), or throws Aliyun's
   * `isv.BUSINESS_LIMIT_CONTROL` naming the window (`触发分钟级流控Permits:1`) and admits none.
   */
  admit(keys: ReadonlyArray<readonly [signName: string, e164: string]>): void;
}

/**
 * Aliyun's default flow control for verification templates: per sign and number, 1 message a
 * minute, 5 an hour, 10 a day (rolling windows here), configurable.
 * https://help.aliyun.com/zh/sms/user-guide/set-throttling-for-sms-verification-codes
 */
export function createFlowControl(
  limits: EmulatorConfig['rateLimits'],
  now: () => Date,
): FlowControl {
  // Send times per key, oldest first; a Map keeps keys in order of their last send.
  const sent = new Map<string, number[]>();
  return {
    admit(keys) {
      if (limits === false) return;
      const time = now().getTime();
      const unique = [...new Set(keys.map(([sign, e164]) => `${sign}\n${e164}`))];
      for (const key of unique) {
        const recent = (sent.get(key) ?? []).filter((at) => time - at < 86_400_000);
        for (const window of windows) {
          const limit = limits[window.limit];
          if (limit === false) continue;
          const count = recent.filter((at) => time - at < window.ms).length;
          if (count >= limit) {
            throw new BusinessError(
              'isv.BUSINESS_LIMIT_CONTROL',
              `触发${window.name}流控Permits:${limit}`,
            );
          }
        }
      }
      for (const key of unique) {
        const recent = (sent.get(key) ?? []).filter((at) => time - at < 86_400_000);
        sent.delete(key);
        sent.set(key, [...recent, time]);
      }
      while (sent.size > maxTrackedNumbers) {
        const oldest = sent.keys().next().value;
        if (oldest === undefined) break;
        sent.delete(oldest);
      }
    },
  };
}
