import {
  type AliyunSmsSenderOptions,
  buildSignedRequest,
  mapAliyunError,
  parseAliyunSmsSenderOptions,
  resolveCredentials,
} from '@smskit/aliyun';
import type { Route } from '@smskit/core';
import { SmsError } from '@smskit/core';

/** A SendSms call whose route, number format and template were decided by the caller. */
export interface RoutedSms {
  readonly route: Route;
  /** `PhoneNumbers`, sent as it is. */
  readonly phoneNumbers: string;
  readonly templateCode: string;
  readonly params: Readonly<Record<string, string>>;
}

/** What Aliyun answered when it accepted the message. */
export interface SendSmsAnswer {
  readonly BizId: string;
  readonly RequestId: string;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Sends one SendSms exactly as routed by the caller, with the sign name, endpoint, region,
 * credentials, signature version and timeout of `options` for that route: one attempt, no
 * retry. This is the path for what `@smskit/aliyun`'s sender refuses before sending (a number
 * that libphonenumber-js cannot read), which Logto's official connector sends and lets Aliyun
 * judge.
 *
 * @throws {SmsError} as `@smskit/aliyun`'s sender does, Aliyun's answers mapped by its
 *   `mapAliyunError`.
 */
export async function sendRoutedSms(
  options: AliyunSmsSenderOptions,
  sms: RoutedSms,
): Promise<SendSmsAnswer> {
  const resolved = parseAliyunSmsSenderOptions(options);
  const credentials = await resolveCredentials(resolved);
  const request = buildSignedRequest({
    action: 'SendSms',
    params: {
      PhoneNumbers: sms.phoneNumbers,
      SignName: resolved.signName[sms.route],
      TemplateCode: sms.templateCode,
      TemplateParam: Object.keys(sms.params).length === 0 ? undefined : JSON.stringify(sms.params),
    },
    endpoint: resolved.endpoint[sms.route],
    regionId: resolved.regionId[sms.route],
    credentials,
    signatureVersion: resolved.signatureVersion,
    userAgent: resolved.userAgent,
  });

  let response: Response;
  let body: string;
  try {
    response = await (resolved.fetch ?? fetch)(request.url, {
      method: request.method,
      headers: request.headers,
      signal: AbortSignal.timeout(resolved.timeout),
    });
    body = await response.text();
  } catch (error) {
    // Neither message may carry the request: its URL holds the signature and the code.
    const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
    throw new SmsError(
      timedOut ? 'TIMEOUT' : 'PROVIDER_UNAVAILABLE',
      timedOut
        ? `Aliyun did not answer SendSms within ${resolved.timeout} ms; the message may have been sent`
        : 'The connection to Aliyun failed during SendSms; the message may have been sent',
      { provider: 'aliyun' },
    );
  }

  let answer: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null) answer = parsed as Record<string, unknown>;
  } catch {}
  const code = text(answer?.Code);
  const requestId =
    text(answer?.RequestId) ?? response.headers.get('x-acs-request-id') ?? undefined;
  const bizId = text(answer?.BizId);
  if (code === 'OK' && response.status === 200 && bizId !== undefined && requestId !== undefined) {
    return { BizId: bizId, RequestId: requestId };
  }
  if (code === undefined || code === 'OK') {
    throw new SmsError(
      response.status >= 500 ? 'PROVIDER_UNAVAILABLE' : 'INVALID_RESPONSE',
      `Aliyun answered SendSms with a body that is not a Dysmsapi answer (HTTP ${response.status}); the message may have been sent`,
      { provider: 'aliyun', ...(requestId === undefined ? {} : { requestId }) },
    );
  }
  // Milliseconds, as the official SDKs read it.
  const retryAfterMs = Number.parseInt(response.headers.get('x-acs-retry-after') ?? '', 10);
  throw mapAliyunError({
    code,
    message: text(answer?.Message),
    requestId,
    status: response.status,
    retryAfterSeconds: Number.isFinite(retryAfterMs) ? Math.ceil(retryAfterMs / 1000) : undefined,
  });
}
