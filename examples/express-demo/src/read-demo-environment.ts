import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AliyunSmsSenderOptions } from '@smskit/aliyun';
import { usageTypes } from '@smskit/core';
import type { DemoOptions } from './start-demo.js';

/** An environment variable or config file the demo cannot use; the message says which and why. */
export class DemoConfigError extends Error {
  override readonly name = 'DemoConfigError';
}

function readPort(environment: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = environment[name];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw new DemoConfigError(`${name} must be a port number from 0 to 65535 (0 picks a free one)`);
  }
  return port;
}

async function readConfigFile(path: string): Promise<AliyunSmsSenderOptions> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new DemoConfigError(
      `SMSKIT_ALIYUN_CONFIG: cannot read ${path}${typeof code === 'string' ? ` (${code})` : ''}`,
    );
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    // JSON.parse quotes the text near the error, which may be the secret: no details.
    throw new DemoConfigError(`SMSKIT_ALIYUN_CONFIG: ${path} is not valid JSON`);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new DemoConfigError(
      `SMSKIT_ALIYUN_CONFIG: ${path} must hold a JSON object, a Logto Aliyun SMS connector config`,
    );
  }
  return config as AliyunSmsSenderOptions;
}

/** One template code (or a china and an overseas one) for every usage type. */
function readTemplateVariables(
  environment: NodeJS.ProcessEnv,
  signName: string,
): AliyunSmsSenderOptions {
  const china = environment.SMSKIT_ALIYUN_TEMPLATE_CODE;
  if (!china) {
    throw new DemoConfigError(
      'SMSKIT_ALIYUN_SIGN_NAME is set but SMSKIT_ALIYUN_TEMPLATE_CODE is not: set the code of an approved verification-code template',
    );
  }
  const overseas = environment.SMSKIT_ALIYUN_TEMPLATE_CODE_OVERSEAS || china;
  return {
    signName,
    templates: usageTypes.map((usageType) => ({ usageType, templateCode: { china, overseas } })),
  };
}

/**
 * Reads the demo's options from the environment. Without any `SMSKIT_ALIYUN_*` variable, the
 * demo sends to an emulator it starts itself; with `SMSKIT_ALIYUN_CONFIG` (a Logto Aliyun SMS
 * connector config file) or `SMSKIT_ALIYUN_SIGN_NAME` and `SMSKIT_ALIYUN_TEMPLATE_CODE`, it
 * sends real SMS through Aliyun, or through `SMSKIT_ALIYUN_ENDPOINT`.
 *
 * @param cwd resolves a relative `SMSKIT_ALIYUN_CONFIG`.
 * @throws {DemoConfigError} naming the variable at fault.
 */
export async function readDemoEnvironment(
  environment: NodeJS.ProcessEnv,
  cwd: string,
): Promise<DemoOptions> {
  const common = {
    port: readPort(environment, 'PORT', 3000),
    emulatorPort: readPort(environment, 'EMULATOR_PORT', 4010),
    host: environment.HOST || '127.0.0.1',
  };
  const configFile = environment.SMSKIT_ALIYUN_CONFIG;
  const signName = environment.SMSKIT_ALIYUN_SIGN_NAME;
  const endpoint = environment.SMSKIT_ALIYUN_ENDPOINT;
  let aliyun: AliyunSmsSenderOptions;
  if (configFile) {
    aliyun = await readConfigFile(resolve(cwd, configFile));
  } else if (signName) {
    aliyun = readTemplateVariables(environment, signName);
  } else if (endpoint) {
    throw new DemoConfigError(
      'SMSKIT_ALIYUN_ENDPOINT is set, but no sign and template to send with: set SMSKIT_ALIYUN_CONFIG, or SMSKIT_ALIYUN_SIGN_NAME and SMSKIT_ALIYUN_TEMPLATE_CODE',
    );
  } else {
    return common;
  }

  const hasKey =
    Boolean(aliyun.accessKeyId || aliyun.credentials) ||
    Boolean(environment.ALIBABA_CLOUD_ACCESS_KEY_ID && environment.ALIBABA_CLOUD_ACCESS_KEY_SECRET);
  if (!hasKey) {
    throw new DemoConfigError(
      `No AccessKey to sign with: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET${configFile ? ', or accessKeyId and accessKeySecret in SMSKIT_ALIYUN_CONFIG' : ''}`,
    );
  }
  return { ...common, aliyun: endpoint ? { ...aliyun, endpoint } : aliyun };
}
