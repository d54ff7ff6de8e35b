import * as z from 'zod/mini';

// Every Dysmsapi answer, success, business failure (HTTP 200) or gateway failure (4xx/5xx),
// carries Code and usually RequestId and Message; gateway failures add HostId and Recommend.
// https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms
const answerFields = {
  Code: z.string().check(z.minLength(1)),
  Message: z.optional(z.string()),
  RequestId: z.optional(z.string()),
  Recommend: z.optional(z.string()),
  HostId: z.optional(z.string()),
};

/** Any Dysmsapi answer, enough to tell success from failure and map the failure. */
export const aliyunAnswerSchema = z.looseObject(answerFields);
export type AliyunAnswer = z.output<typeof aliyunAnswerSchema>;

/** SendSms's success: `{ Code: 'OK', BizId, RequestId, Message: 'OK' }`. */
export const sendSmsSuccessSchema = z.looseObject({
  ...answerFields,
  Code: z.literal('OK'),
  BizId: z.string().check(z.minLength(1)),
  RequestId: z.string().check(z.minLength(1)),
});

// Aliyun sends numbers, but older gateways and XML-to-JSON converters send strings.
const integer = z.union([
  z.number().check(z.int()),
  z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number)),
]);
const optionalText = z.pipe(
  z.nullish(z.string()),
  z.transform((value) => (value === null || value === '' ? undefined : value)),
);

/** One entry of QuerySendDetails' `SmsSendDetailDTOs.SmsSendDetailDTO`. */
export const smsSendDetailSchema = z.looseObject({
  PhoneNum: z.string(),
  SendStatus: integer,
  ErrCode: optionalText,
  TemplateCode: optionalText,
  Content: optionalText,
  SendDate: optionalText,
  ReceiveDate: optionalText,
  OutId: optionalText,
});

/** QuerySendDetails' success. */
export const querySendDetailsSuccessSchema = z.looseObject({
  ...answerFields,
  Code: z.literal('OK'),
  TotalCount: integer,
  SmsSendDetailDTOs: z.optional(
    z.looseObject({ SmsSendDetailDTO: z._default(z.array(smsSendDetailSchema), []) }),
  ),
});
