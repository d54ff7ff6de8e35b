import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { usageTypes } from '@smskit/core';
import type { AliyunSmsSenderOptions } from '../options/aliyun-sms-sender-options.js';

/** A problem with the CLI's arguments, config file or environment (exit code 2). */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** What the CLI's arguments say about the sender's options. */
export interface CliOptionOverrides {
  readonly config?: string | undefined;
  readonly endpoint?: string | undefined;
  readonly signatureVersion?: string | undefined;
  readonly timeout?: string | undefined;
}

/**
 * The sender options of the CLI: the Logto-style config JSON of `--config` (any
 * `AliyunSmsSenderOptions` key), else the environment (`SMSKIT_ALIYUN_SIGN_NAME`,
 * `SMSKIT_ALIYUN_TEMPLATE_CODE`, optionally `SMSKIT_ALIYUN_TEMPLATE_CODE_OVERSEAS` and
 * `SMSKIT_ALIYUN_ENDPOINT`); `--endpoint`, `--signature-version` and `--timeout` on top.
 * Credentials, when the config has none, come from `ALIBABA_CLOUD_ACCESS_KEY_ID`,
 * `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and `ALIBABA_CLOUD_SECURITY_TOKEN` at send time.
 */
export async function loadCliOptions(
  overrides: CliOptionOverrides,
  environment: NodeJS.ProcessEnv,
  cwd: string,
): Promise<AliyunSmsSenderOptions> {
  const base =
    overrides.config === undefined
      ? fromEnvironment(environment)
      : await fromFile(resolve(cwd, overrides.config));
  const endpoint =
    overrides.endpoint ??
    (overrides.config === undefined ? environment.SMSKIT_ALIYUN_ENDPOINT : undefined);
  let timeout: number | undefined;
  if (overrides.timeout !== undefined) {
    timeout = Number(overrides.timeout);
    if (!Number.isInteger(timeout) || timeout <= 0)
      throw new CliUsageError('--timeout must be a whole number of milliseconds');
  }
  return {
    ...base,
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(overrides.signatureVersion === undefined
      ? {}
      : {
          signatureVersion:
            overrides.signatureVersion as AliyunSmsSenderOptions['signatureVersion'],
        }),
    ...(timeout === undefined ? {} : { timeout }),
  };
}

async function fromFile(path: string): Promise<AliyunSmsSenderOptions> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new CliUsageError(
      `Cannot read the config file ${path}${typeof code === 'string' ? ` (${code})` : ''}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the error, which may be the secret.
    throw new CliUsageError(`The config file ${path} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CliUsageError(
      `The config file ${path} must hold a JSON object (Logto's Aliyun SMS connector config)`,
    );
  }
  return parsed as AliyunSmsSenderOptions;
}

function fromEnvironment(environment: NodeJS.ProcessEnv): AliyunSmsSenderOptions {
  const signName = environment.SMSKIT_ALIYUN_SIGN_NAME;
  const templateCode = environment.SMSKIT_ALIYUN_TEMPLATE_CODE;
  if (!signName || !templateCode) {
    throw new CliUsageError(
      'No config: pass --config <file.json> (a Logto Aliyun SMS connector config), or set SMSKIT_ALIYUN_SIGN_NAME and SMSKIT_ALIYUN_TEMPLATE_CODE (and ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET)',
    );
  }
  const overseas = environment.SMSKIT_ALIYUN_TEMPLATE_CODE_OVERSEAS || templateCode;
  return {
    signName,
    templates: usageTypes.map((usageType) => ({
      usageType,
      templateCode: { china: templateCode, overseas },
    })),
  };
}
