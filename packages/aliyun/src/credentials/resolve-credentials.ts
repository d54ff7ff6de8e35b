import { isSmsError, SmsError } from '@smskit/core';
import type { AliyunCredentials } from '../options/aliyun-sms-sender-options.js';
import type { ResolvedAliyunSmsSenderOptions } from '../options/parse-aliyun-sms-sender-options.js';
import { redactCredentials } from './redact-credentials.js';

const missing = (field: string, problem: string) =>
  new SmsError('INVALID_CONFIG', problem, { provider: 'aliyun', field });

const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

/**
 * The credentials to sign one request with: the `credentials` provider's, else the options',
 * else the standard environment variables' (read now, so that a process can set them after
 * importing and rotate them while running).
 *
 * @throws {SmsError} `INVALID_CONFIG` naming `accessKeyId` (or `accessKeySecret`, or
 *   `credentials` when the provider returned something unusable) when there are none.
 */
export async function resolveCredentials(
  options: Pick<ResolvedAliyunSmsSenderOptions, 'credentials' | 'staticCredentials'>,
  environment: NodeJS.ProcessEnv = process.env,
): Promise<AliyunCredentials> {
  if (options.credentials !== undefined) {
    let provided: unknown;
    try {
      provided = await options.credentials();
    } catch (error) {
      // A provider that already says what is wrong is passed through.
      if (isSmsError(error)) throw error;
      throw new SmsError('INVALID_CONFIG', 'The credentials provider failed', {
        provider: 'aliyun',
        field: 'credentials',
        cause: error,
      });
    }
    const candidate = (provided ?? {}) as Partial<Record<keyof AliyunCredentials, unknown>>;
    if (!isNonEmptyString(candidate.accessKeyId) || !isNonEmptyString(candidate.accessKeySecret)) {
      throw missing(
        'credentials',
        'The credentials provider must return { accessKeyId, accessKeySecret, securityToken? } with non-empty strings',
      );
    }
    if (candidate.securityToken !== undefined && !isNonEmptyString(candidate.securityToken)) {
      throw missing(
        'credentials',
        'The credentials provider returned a securityToken that is not a non-empty string',
      );
    }
    return redactCredentials({
      accessKeyId: candidate.accessKeyId,
      accessKeySecret: candidate.accessKeySecret,
      securityToken: candidate.securityToken,
    });
  }
  if (options.staticCredentials !== undefined) return options.staticCredentials;

  const accessKeyId = environment.ALIBABA_CLOUD_ACCESS_KEY_ID;
  const accessKeySecret = environment.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  const securityToken = environment.ALIBABA_CLOUD_SECURITY_TOKEN;
  if (!isNonEmptyString(accessKeyId)) {
    throw missing(
      'accessKeyId',
      'No Aliyun AccessKey: set accessKeyId and accessKeySecret in the options, pass a credentials provider, or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    );
  }
  if (!isNonEmptyString(accessKeySecret)) {
    throw missing(
      'accessKeySecret',
      'ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not',
    );
  }
  return redactCredentials({
    accessKeyId,
    accessKeySecret,
    securityToken: isNonEmptyString(securityToken) ? securityToken : undefined,
  });
}
