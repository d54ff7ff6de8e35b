import type { AliyunSmsSenderOptions } from '@smskit/aliyun';
import type { AliyunSmsConfig } from './config-guard.js';

// zod 3 types a missing key as `undefined`; the sender's options leave it out.
const perRoute = (value: AliyunSmsConfig['endpoint']): AliyunSmsSenderOptions['endpoint'] =>
  typeof value === 'object'
    ? {
        ...(value.china === undefined ? {} : { china: value.china }),
        ...(value.overseas === undefined ? {} : { overseas: value.overseas }),
      }
    : value;

/**
 * The `@smskit/aliyun` sender options of a connector config: the same names, unset ones left
 * to the sender's defaults.
 */
export function toSenderOptions(config: AliyunSmsConfig): AliyunSmsSenderOptions {
  const { accessKeyId, accessKeySecret, signName, templates, strictPhoneRegionNumberCheck } =
    config;
  return {
    accessKeyId,
    accessKeySecret,
    signName,
    templates,
    strictPhoneRegionNumberCheck,
    endpoint: perRoute(config.endpoint),
    signatureVersion: config.signatureVersion,
    timeout: config.timeout,
  };
}
