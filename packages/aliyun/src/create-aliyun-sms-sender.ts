import { inspect } from 'node:util';
import type { Route, SendOptions, SendResult, SmsMessage, SmsSender } from '@smskit/core';
import type { AliyunSmsSenderOptions } from './options/aliyun-sms-sender-options.js';
import { parseAliyunSmsSenderOptions } from './options/parse-aliyun-sms-sender-options.js';
import {
  querySendDetails,
  type SendDetails,
  type SendDetailsQuery,
} from './query/query-send-details.js';
import { sendSmsSuccessSchema } from './responses/aliyun-response-schemas.js';
import { prepareSendSms } from './routing/prepare-send-sms.js';
import { callAliyun } from './transport/call-aliyun.js';
import { createExchange } from './transport/create-exchange.js';

/** A SendSms whose route, number and template the caller decided; see `sendRouted`. */
export interface RoutedSendSms {
  /** The route whose sign name, endpoint and region to use. */
  readonly route: Route;
  /** `PhoneNumbers`, sent exactly as written. */
  readonly phoneNumbers: string;
  readonly templateCode: string;
  /** The template's variables; sent as `TemplateParam` JSON, left out when empty. */
  readonly params: Readonly<Record<string, string>>;
}

/** What Aliyun answered when it accepted a {@link RoutedSendSms}. */
export interface RoutedSendResult {
  readonly provider: 'aliyun';
  /** Aliyun's `BizId`. */
  readonly messageId: string;
  /** Aliyun's `RequestId`. */
  readonly requestId: string;
  readonly route: Route;
}

/** An {@link SmsSender} over Aliyun's Dysmsapi, with delivery status lookups. */
export interface AliyunSmsSender extends SmsSender {
  readonly name: 'aliyun';
  /**
   * Sends one message through SendSms on the route of its number.
   *
   * @throws {SmsError} for every failure (see the README's error table); an aborted send
   *   rejects with the signal's reason.
   */
  send(message: SmsMessage, options?: SendOptions): Promise<SendResult>;
  /**
   * Sends one SendSms exactly as the caller routed it, skipping the number, usage type and
   * parameter checks of `send`: `phoneNumbers` goes as written, with the sign name, endpoint and
   * region of `route`, and Aliyun judges it. For drop-ins that must send what `send` refuses
   * (Logto's official connector sends numbers libphonenumber-js cannot read). Same credentials,
   * retries, connection pool and error mapping as `send`.
   *
   * @throws {SmsError} as `send` does for Aliyun's answers.
   */
  sendRouted(sms: RoutedSendSms, options?: SendOptions): Promise<RoutedSendResult>;
  /** QuerySendDetails: the delivery status of messages sent to a number on a day. */
  querySendDetails(query: SendDetailsQuery, options?: SendOptions): Promise<SendDetails>;
}

/**
 * Creates an {@link SmsSender} that sends through Aliyun's Dysmsapi (2017-05-25). `options`
 * takes the config JSON of Logto's official Aliyun SMS connector unchanged, and more.
 *
 * @throws {SmsError} `INVALID_CONFIG` naming the bad option. Missing credentials are reported
 *   at send time, since they may come from the environment or a provider.
 */
export function createAliyunSmsSender(options: AliyunSmsSenderOptions): AliyunSmsSender {
  const resolved = parseAliyunSmsSenderOptions(options);
  const http = createExchange(resolved);
  // SendSms on a route's endpoint and region; never retried once it may have been taken.
  const callSendSms = (
    route: Route,
    params: Readonly<Record<string, string | undefined>>,
    signal: AbortSignal | undefined,
  ) =>
    callAliyun(
      http,
      resolved,
      {
        action: 'SendSms',
        params,
        endpoint: resolved.endpoint[route],
        regionId: resolved.regionId[route],
        success: sendSmsSuccessSchema,
        idempotent: false,
      },
      signal,
    );
  // What a log line may show: no credential, no option value that could hold one.
  const description = {
    name: 'aliyun',
    signatureVersion: resolved.signatureVersion,
    endpoint: resolved.endpoint,
    credentials:
      resolved.credentials !== undefined
        ? 'provider'
        : resolved.staticCredentials !== undefined
          ? 'options'
          : 'environment',
  };

  return {
    name: 'aliyun',
    async send(message, sendOptions = {}) {
      const { signal } = sendOptions;
      signal?.throwIfAborted();
      const { message: read, destination, params } = prepareSendSms(resolved, message);
      const answer = await callSendSms(destination.route, params, signal);
      return {
        provider: 'aliyun',
        messageId: answer.BizId,
        requestId: answer.RequestId,
        route: destination.route,
        to: read.phone.e164,
      };
    },
    async sendRouted(sms, sendOptions = {}) {
      const { signal } = sendOptions;
      signal?.throwIfAborted();
      const answer = await callSendSms(
        sms.route,
        {
          PhoneNumbers: sms.phoneNumbers,
          SignName: resolved.signName[sms.route],
          TemplateCode: sms.templateCode,
          TemplateParam:
            Object.keys(sms.params).length === 0 ? undefined : JSON.stringify(sms.params),
        },
        signal,
      );
      return {
        provider: 'aliyun',
        messageId: answer.BizId,
        requestId: answer.RequestId,
        route: sms.route,
      };
    },
    querySendDetails(query, queryOptions = {}) {
      return querySendDetails(http, resolved, query, queryOptions.signal);
    },
    toJSON() {
      return description;
    },
    [inspect.custom]() {
      return `AliyunSmsSender ${inspect(description)}`;
    },
  } as AliyunSmsSender;
}
