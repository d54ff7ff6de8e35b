// The config guard is built with the zod that Logto gives its connectors, zod 3 today. It uses
// only what zod 4 has too, so that it keeps working if Logto moves to zod 4: here it is built
// with zod 4 and judged against the official connector's guard again.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import createOfficialConnector from '@logto/connector-aliyun-sms';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { corpus, officialConfig, requiredTemplates } from '../test/official-config-corpus.js';
import type { aliyunSmsConfigGuard as Guard } from './config-guard.js';

// The zod 4 of @smskit/core.
const zod4 = pathToFileURL(
  createRequire(join(import.meta.dirname, '../../core/package.json')).resolve('zod'),
).href;

let guard: typeof Guard;
const officialGuard = (
  await createOfficialConnector({
    getConfig: async () => {
      throw new Error('not used');
    },
  })
).configGuard;

beforeAll(async () => {
  vi.doMock('zod', () => import(zod4));
  ({ aliyunSmsConfigGuard: guard } = await import('./config-guard.js'));
});

describe('aliyunSmsConfigGuard built with zod 4', () => {
  it('is a zod 4 schema', () => {
    expect(guard).toHaveProperty('_zod');
  });

  it.each(corpus)('judges %s as the official connector does', (_, config) => {
    expect(guard.safeParse(config).success).toBe(officialGuard.safeParse(config).success);
  });

  it('names the missing usage types', () => {
    const result = guard.safeParse({ ...officialConfig, templates: [requiredTemplates[0]] });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['templates'],
        message: 'UsageType (Register, ForgotPassword, Generic) should be provided in templates.',
      }),
    ]);
  });

  it('reads the new options', () => {
    const result = guard.safeParse({
      ...officialConfig,
      signName: { china: 'A', overseas: 'B' },
      endpoint: { overseas: 'http://127.0.0.1:4010' },
      signatureVersion: 'v1',
      timeout: 5000,
      templateVariables: 'code, link',
    });
    expect(result.data).toMatchObject({
      signName: { china: 'A', overseas: 'B' },
      endpoint: { overseas: 'http://127.0.0.1:4010' },
      templateVariables: ['code', 'link'],
    });
    expect(guard.safeParse({ ...officialConfig, endpoint: 'https://x.example/path' }).success).toBe(
      false,
    );
    expect(guard.safeParse({ ...officialConfig, templateVariables: [] }).success).toBe(false);
  });
});
