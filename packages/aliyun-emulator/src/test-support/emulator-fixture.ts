// Shared set-up for the emulator's HTTP tests: start an emulator, sign and send requests.
import { demoCredentials } from '../config/demo-config.js';
import { type Emulator, type EmulatorOptions, startEmulator } from '../start-emulator.js';
import {
  type Answer,
  type SignV1Options,
  type SignV3Options,
  send,
  signV1,
  signV3,
} from './sign-request.js';

export const demoKey = {
  accessKeyId: demoCredentials.accessKeyId,
  accessKeySecret: demoCredentials.accessKeySecret,
};

/** A valid SendSms to a mainland number with the demo config. */
export const chinaSend = {
  PhoneNumbers: '13800138000',
  SignName: 'smskit',
  TemplateCode: 'SMS_CN_SIGN_IN',
  TemplateParam: '{"code":"123456"}',
};

/** A valid SendSms to a US number with the demo config. */
export const overseasSend = {
  PhoneNumbers: '14155552671',
  SignName: 'smskit',
  TemplateCode: 'SMS_INTL_SIGN_IN',
  TemplateParam: '{"code":"654321"}',
};

/** Starts an emulator (no flow control unless given) and stops it with `await using`. */
export const emulatorFor = (options: EmulatorOptions = {}): Promise<Emulator> =>
  startEmulator({ rateLimits: false, ...options });

/** Signs with V1 (demo key unless given) and sends. */
export const sendV1 = (
  emulator: Emulator,
  action: string,
  params: Record<string, string>,
  options: Partial<SignV1Options> = {},
): Promise<Answer> => send(emulator.url, signV1({ ...demoKey, action, params, ...options }));

/** Signs with V3 (demo key unless given) and sends. */
export const sendV3 = (
  emulator: Emulator,
  action: string,
  query: Record<string, string>,
  options: Partial<SignV3Options> = {},
): Promise<Answer> =>
  send(
    emulator.url,
    signV3({ ...demoKey, host: new URL(emulator.url).host, action, query, ...options }),
  );
