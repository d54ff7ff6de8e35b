import { parsePhoneNumber, SmsError } from '@smskit/core';
import type * as z from 'zod/mini';
import type { ResolvedAliyunSmsSenderOptions } from '../options/parse-aliyun-sms-sender-options.js';
import {
  querySendDetailsSuccessSchema,
  type smsSendDetailSchema,
} from '../responses/aliyun-response-schemas.js';
import { formatPhoneNumber } from '../routing/resolve-destination.js';
import { callAliyun } from '../transport/call-aliyun.js';
import type { HttpExchange } from '../transport/http-exchange.js';

/** What {@link AliyunSmsSender.querySendDetails} looks up. */
export interface SendDetailsQuery {
  /** The number the messages went to, in any form `parsePhoneNumber` reads. */
  readonly phone: string;
  /** The `messageId` (`BizId`) of one message; default all messages of the day. */
  readonly bizId?: string | undefined;
  /**
   * The day the messages were sent, within the last 30 days: a `Date` (its day in China
   * Standard Time, UTC+8, as Aliyun counts days) or `yyyyMMdd`.
   */
  readonly sendDate: Date | string;
  /** Results per page, 1 to 50. Default 10. */
  readonly pageSize?: number | undefined;
  /** The page, from 1. Default 1. */
  readonly currentPage?: number | undefined;
}

/** Where a message is: Aliyun's `SendStatus` 1, 2 and 3. */
export type DeliveryStatus = 'waiting' | 'failed' | 'delivered' | 'unknown';

/** One message of a {@link SendDetails} page. */
export interface SendDetail {
  /** The number, as Aliyun reports it. */
  readonly phone: string;
  readonly status: DeliveryStatus;
  /** Aliyun's `SendStatus`: 1 waiting for a receipt, 2 failed, 3 delivered. */
  readonly sendStatus: number;
  /** The carrier's or Aliyun's code (`DELIVERED` on success). */
  readonly errorCode: string | undefined;
  readonly templateCode: string | undefined;
  /** The text as sent. It holds the verification code: treat it as a secret. */
  readonly content: string | undefined;
  readonly outId: string | undefined;
  /** When Aliyun sent it. */
  readonly sentAt: Date | undefined;
  /** When the handset's receipt came. */
  readonly receivedAt: Date | undefined;
}

/** A page of QuerySendDetails. */
export interface SendDetails {
  readonly requestId: string | undefined;
  /** All messages matching the query, across pages. */
  readonly totalCount: number;
  readonly details: readonly SendDetail[];
}

const statuses: Record<number, DeliveryStatus> = { 1: 'waiting', 2: 'failed', 3: 'delivered' };
const chinaOffsetMs = 8 * 60 * 60 * 1_000;
const compactDate = /^\d{8}$/;

const invalid = (field: string, problem: string) =>
  new SmsError('INVALID_PARAMS', `${field} ${problem}`, { provider: 'aliyun', field });

/** `yyyyMMdd` of `date` in China Standard Time (UTC+8, no daylight saving). */
export function formatSendDate(date: Date): string {
  return new Date(date.getTime() + chinaOffsetMs).toISOString().slice(0, 10).replaceAll('-', '');
}

// Aliyun's times are `yyyy-MM-dd HH:mm:ss` in China Standard Time.
const parseAliyunTime = (value: string | undefined): Date | undefined => {
  if (value === undefined) return undefined;
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(value);
  const date = new Date(local === null ? value : `${local[1]}T${local[2]}+08:00`);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

const toDetail = (dto: z.output<typeof smsSendDetailSchema>): SendDetail => ({
  phone: dto.PhoneNum,
  status: statuses[dto.SendStatus] ?? 'unknown',
  sendStatus: dto.SendStatus,
  errorCode: dto.ErrCode,
  templateCode: dto.TemplateCode,
  content: dto.Content,
  outId: dto.OutId,
  sentAt: parseAliyunTime(dto.SendDate),
  receivedAt: parseAliyunTime(dto.ReceiveDate),
});

const pageNumber = (value: number | undefined, field: string, fallback: number, max: number) => {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw invalid(field, `must be a whole number from 1 to ${max}`);
  }
  return value;
};

/** QuerySendDetails: the delivery status of the messages sent to a number on a day. */
export async function querySendDetails(
  http: HttpExchange,
  options: ResolvedAliyunSmsSenderOptions,
  query: SendDetailsQuery,
  signal: AbortSignal | undefined,
): Promise<SendDetails> {
  signal?.throwIfAborted();
  if (typeof query !== 'object' || query === null) throw invalid('query', 'must be an object');
  const phone = parsePhoneNumber(query.phone, {
    strictRegion: options.strictRegion,
    field: 'phone',
  });
  let sendDate: string;
  if (query.sendDate instanceof Date && !Number.isNaN(query.sendDate.getTime())) {
    sendDate = formatSendDate(query.sendDate);
  } else if (typeof query.sendDate === 'string' && compactDate.test(query.sendDate)) {
    sendDate = query.sendDate;
  } else {
    throw invalid('sendDate', 'must be a Date or a yyyyMMdd string');
  }
  if (query.bizId !== undefined && (typeof query.bizId !== 'string' || query.bizId === '')) {
    throw invalid('bizId', 'must be a non-empty string');
  }
  const { route } = phone;
  const answer = await callAliyun(
    http,
    options,
    {
      action: 'QuerySendDetails',
      params: {
        PhoneNumber: formatPhoneNumber(phone, route),
        BizId: query.bizId,
        SendDate: sendDate,
        PageSize: String(pageNumber(query.pageSize, 'pageSize', 10, 50)),
        CurrentPage: String(
          pageNumber(query.currentPage, 'currentPage', 1, Number.MAX_SAFE_INTEGER),
        ),
      },
      endpoint: options.endpoint[route],
      regionId: options.regionId[route],
      success: querySendDetailsSuccessSchema,
      idempotent: true,
    },
    signal,
  );
  return {
    requestId: answer.RequestId,
    totalCount: answer.TotalCount,
    details: (answer.SmsSendDetailDTOs?.SmsSendDetailDTO ?? []).map(toDetail),
  };
}
