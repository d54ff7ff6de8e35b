import {
  ConnectorError,
  ConnectorErrorCodes,
  type GetConnectorConfig,
  getConfigTemplateByType,
  type SendMessageFunction,
  validateConfig,
} from '@logto/connector-kit';
import { createAliyunSmsSender } from '@smskit/aliyun';
import { isSmsError, isUsageType, type PhoneNumber, parsePhoneNumber } from '@smskit/core';
import { type AliyunSmsConfig, aliyunSmsConfigGuard } from './config-guard.js';
import { metadata } from './metadata.js';
import { officialRoute } from './official-route.js';
import { toSenderOptions } from './sender-options.js';
import { templateParams } from './template-params.js';
import { toConnectorError } from './to-connector-error.js';

/** What `sendMessage` resolves with: Aliyun's SendSms answer, as the official connector returns it. */
export interface SendMessageResponse {
  readonly Code: 'OK';
  readonly Message: 'OK';
  readonly RequestId: string;
  readonly BizId: string;
}

function readConfig(config: unknown): AliyunSmsConfig {
  // The kit's check: a ConnectorError(InvalidConfig) with the ZodError, as Logto expects.
  validateConfig(config, aliyunSmsConfigGuard);
  return aliyunSmsConfigGuard.parse(config);
}

const readable = (to: string, strictRegion: boolean): PhoneNumber | undefined => {
  try {
    return parsePhoneNumber(to, { strictRegion });
  } catch (error) {
    if (isSmsError(error)) return undefined;
    throw error;
  }
};

/**
 * Logto's `sendMessage` for a connector whose config comes from `getConfig` (or is passed in,
 * as the console's "send a test message" does).
 */
export const createSendMessage =
  (getConfig: GetConnectorConfig): SendMessageFunction =>
  async ({ to, type, payload, ip }, inputConfig): Promise<SendMessageResponse> => {
    const config = readConfig(inputConfig ?? (await getConfig(metadata.id)));
    const template = getConfigTemplateByType(type, config);
    if (template === undefined) {
      throw new ConnectorError(
        ConnectorErrorCodes.TemplateNotFound,
        `Cannot find template for type: ${type}`,
      );
    }
    const params = templateParams(payload, config.templateVariables);
    const options = toSenderOptions(config);
    const strictRegion = config.strictPhoneRegionNumberCheck ?? false;

    try {
      const sender = createAliyunSmsSender(options);
      const phone = readable(to, strictRegion);
      if (phone !== undefined && isUsageType(type)) {
        const result = await sender.send({
          to,
          usageType: type,
          params,
          locale: payload.locale,
          ip,
        });
        return {
          Code: 'OK',
          Message: 'OK',
          RequestId: result.requestId ?? '',
          BizId: result.messageId,
        };
      }
      // What the sender refuses but Logto's official connector sends: a number libphonenumber-js
      // cannot read goes as written on the route the official connector picks, and Aliyun judges
      // it; a usage type unknown to @smskit/core gets the template Logto's kit picks.
      const route = phone?.route ?? officialRoute(to, strictRegion);
      const { templateCode } = template;
      const result = await sender.sendRouted({
        route,
        phoneNumbers:
          phone === undefined
            ? to
            : route === 'china'
              ? phone.nationalNumber
              : `${phone.countryCallingCode}${phone.nationalNumber}`,
        templateCode: typeof templateCode === 'string' ? templateCode : templateCode[route],
        params,
      });
      return { Code: 'OK', Message: 'OK', RequestId: result.requestId, BizId: result.messageId };
    } catch (error) {
      throw toConnectorError(error);
    }
  };
