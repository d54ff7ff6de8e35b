import { existsSync } from 'node:fs';
import { join } from 'node:path';
import createOfficialConnector from '@logto/connector-aliyun-sms';
import {
  type ConnectorConfigFormItem,
  ConnectorConfigFormItemType,
  connectorMetadataGuard,
} from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';
import { aliyunSmsConfigGuard } from './config-guard.js';
import { metadata } from './metadata.js';

const official = await createOfficialConnector({
  getConfig: async () => {
    throw new Error('not used');
  },
});
const packageRoot = join(import.meta.dirname, '..');

describe('metadata', () => {
  it("passes Logto's metadata guard", () => {
    expect(connectorMetadataGuard.safeParse(metadata).error).toBeUndefined();
  });

  it("keeps the official connector's id, target and platform, so stored connectors find it", () => {
    expect(metadata).toMatchObject({
      id: official.metadata.id,
      target: official.metadata.target,
      platform: official.metadata.platform,
    });
    expect(metadata.id).toBe('aliyun-short-message-service');
    expect(metadata.target).toBe('aliyun-sms');
  });

  it('has a name and description in English, Chinese and every language the official has', () => {
    const languages = ['en', 'zh-CN', 'zh-TW', ...Object.keys(official.metadata.name)];
    for (const phrases of [metadata.name, metadata.description]) {
      for (const language of languages) {
        expect((phrases as Record<string, string>)[language]).toMatch(/\S/);
      }
    }
  });

  it('points logo and readme at files that ship in the package', () => {
    expect(metadata.logo).toBe('./logo.svg');
    expect(metadata.readme).toBe('./README.md');
    expect(existsSync(join(packageRoot, metadata.logo))).toBe(true);
    expect(existsSync(join(packageRoot, metadata.readme))).toBe(true);
  });
});

describe('form items', () => {
  const items = metadata.formItems ?? [];
  const byKey = new Map(items.map((item) => [item.key, item]));

  it('has one item per config key, so that the console saves every option', () => {
    expect(items.map(({ key }) => key).sort()).toEqual(
      Object.keys(aliyunSmsConfigGuard.shape).sort(),
    );
  });

  it("keeps the official connector's items, with the same keys, labels and requiredness", () => {
    for (const item of official.metadata.formItems ?? []) {
      const ours = byKey.get(item.key);
      expect(ours?.label).toBe(item.label);
      expect(Boolean(ours?.required)).toBe(Boolean(item.required));
    }
  });

  it('describes every new option', () => {
    const officialKeys = new Set((official.metadata.formItems ?? []).map(({ key }) => key));
    for (const item of items.filter(({ key }) => !officialKeys.has(key))) {
      expect(item.description, item.key).toMatch(/\w.{20,}/);
      expect(item.required, item.key).toBeFalsy();
    }
  });

  it('offers exactly the signature versions the guard accepts', () => {
    const item = byKey.get('signatureVersion');
    expect(item?.type).toBe(ConnectorConfigFormItemType.Select);
    const values = item?.type === ConnectorConfigFormItemType.Select ? item.selectItems : [];
    expect(values.map(({ value }) => value)).toEqual(
      aliyunSmsConfigGuard.shape.signatureVersion.unwrap().options,
    );
  });

  // What Logto's console does with a form (packages/console/src/utils/connector-form.ts): it fills
  // each item from the stored config (JSON items as text, `{}` when absent), and saves only the
  // items' keys, dropping empty text and parsing JSON items.
  const roundTripThroughConsole = (config: Record<string, unknown> | undefined) => {
    const form = Object.fromEntries(
      items.map((item: ConnectorConfigFormItem) => {
        const value = config
          ? (config[item.key] ?? (item.type === ConnectorConfigFormItemType.Json ? {} : undefined))
          : item.defaultValue;
        return [
          item.key,
          item.type === ConnectorConfigFormItemType.Json ? JSON.stringify(value ?? {}) : value,
        ];
      }),
    );
    return Object.fromEntries(
      Object.entries(form)
        .filter(([, value]) => value !== '' && value !== undefined)
        .map(([key, value]) =>
          byKey.get(key)?.type === ConnectorConfigFormItemType.Json
            ? [key, JSON.parse(String(value))]
            : [key, value],
        ),
    );
  };

  it("keeps an official connector's stored config through the console form", () => {
    const stored = {
      accessKeyId: 'LTAI5tExampleKeyId',
      accessKeySecret: 'example-secret',
      signName: '阿里云短信测试',
      templates: ['Register', 'SignIn', 'ForgotPassword', 'Generic'].map((usageType) => ({
        usageType,
        templateCode: 'SMS_1',
      })),
      strictPhoneRegionNumberCheck: true,
    };
    const saved = roundTripThroughConsole(stored);
    const parsed = aliyunSmsConfigGuard.parse(saved);
    expect(parsed).toMatchObject(stored);
    expect(parsed.endpoint).toEqual({});
  });

  it('keeps per-route sign names and endpoints through the console form', () => {
    const stored = {
      accessKeyId: 'id',
      accessKeySecret: 'secret',
      signName: { china: 'A', overseas: 'B' },
      templates: ['Register', 'SignIn', 'ForgotPassword', 'Generic'].map((usageType) => ({
        usageType,
        templateCode: 'SMS_1',
      })),
      endpoint: { overseas: 'https://dysmsapi.ap-southeast-1.aliyuncs.com' },
      signatureVersion: 'v1',
      timeout: 5000,
      templateVariables: 'code, link',
    };
    expect(aliyunSmsConfigGuard.parse(roundTripThroughConsole(stored))).toMatchObject({
      ...stored,
      templateVariables: ['code', 'link'],
    });
  });

  it('gives a new connector defaults that only need real keys, sign and templates', () => {
    const saved = roundTripThroughConsole(undefined);
    expect(aliyunSmsConfigGuard.safeParse(saved).success).toBe(false);
    const filled = { ...saved, accessKeyId: 'id', accessKeySecret: 'secret' };
    expect(aliyunSmsConfigGuard.safeParse(filled).error).toBeUndefined();
  });
});
