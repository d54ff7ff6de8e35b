import { businessError } from '../errors/business-error.js';
import type { InboxMessage } from '../inbox/inbox.js';
import {
  type ActionRequest,
  type DysmsapiContext,
  optionalParam,
  requiredParam,
} from './dysmsapi-context.js';
import { phoneCandidates } from './read-phone-number.js';

// Dysmsapi reports dates in Beijing time (UTC+8, no daylight saving).
const beijingOffsetMs = 8 * 3_600_000;

/** `yyyy-MM-dd HH:mm:ss` in Beijing time, as QuerySendDetails shows dates. */
export function beijingDateTime(iso: string): string {
  return new Date(Date.parse(iso) + beijingOffsetMs).toISOString().slice(0, 19).replace('T', ' ');
}

const positiveInteger = (name: string, raw: string, max: number): number => {
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= 1 && value <= max)) {
    throw businessError(
      'isv.INVALID_PARAMETERS',
      `${name} must be a whole number from 1 to ${max}`,
    );
  }
  return value;
};

/** How a delivered message shows in QuerySendDetails: the number as Aliyun writes it. */
const phoneNum = (message: InboxMessage) =>
  message.route === 'china' ? message.phone.replace(/^\+86/, '') : message.phone.slice(1);

/**
 * QuerySendDetails, answered from the inbox: every message the emulator accepted counts as
 * delivered at once (`SendStatus` 3, `ErrCode` `DELIVERED`).
 * https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-querysenddetails
 */
export function querySendDetails(context: DysmsapiContext, request: ActionRequest) {
  const { params } = request;
  const phoneNumber = requiredParam(params, 'PhoneNumber');
  const sendDate = requiredParam(params, 'SendDate');
  const pageSize = positiveInteger('PageSize', requiredParam(params, 'PageSize'), 50);
  const currentPage = positiveInteger(
    'CurrentPage',
    requiredParam(params, 'CurrentPage'),
    1_000_000,
  );
  const bizId = optionalParam(params, 'BizId');
  if (!/^\d{8}$/.test(sendDate)) {
    throw businessError('isv.INVALID_PARAMETERS', 'SendDate must be yyyyMMdd');
  }
  const candidates = phoneCandidates(phoneNumber);
  if (candidates.size === 0) {
    throw businessError(
      'isv.MOBILE_NUMBER_ILLEGAL',
      `${JSON.stringify(phoneNumber)} is not a phone number`,
    );
  }
  const matches = context.inbox
    .list()
    .filter(
      (message) =>
        candidates.has(message.phone) &&
        (bizId === undefined || message.bizId === bizId) &&
        beijingDateTime(message.receivedAt).slice(0, 10).replaceAll('-', '') === sendDate,
    );
  const page = matches.slice((currentPage - 1) * pageSize, currentPage * pageSize);
  return {
    TotalCount: String(matches.length),
    Message: 'OK',
    Code: 'OK',
    SmsSendDetailDTOs: {
      SmsSendDetailDTO: page.map((message) => ({
        PhoneNum: phoneNum(message),
        SendStatus: 3,
        ErrCode: 'DELIVERED',
        TemplateCode: message.templateCode,
        Content: message.text,
        SendDate: beijingDateTime(message.receivedAt),
        ReceiveDate: beijingDateTime(message.receivedAt),
        OutId: message.outId ?? '',
      })),
    },
  };
}
