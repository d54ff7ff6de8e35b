// Shared set-up for the emulator's HTTP tests: start an emulator, sign and send requests.
import { demoCredentials } from '../config/demo-config.js';
import { type Emulator, type EmulatorOptions, startEmulator } from '../start-emulator.js';
import {
  type Answer,
  type SignedRequest,
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

/** A V1-signed request with the demo key unless given. */
export const signV1For = (
  action: string,
  params: Record<string, string>,
  options: Partial<SignV1Options> = {},
): SignedRequest => signV1({ ...demoKey, action, params, ...options });

/** Signs with V1 (demo key unless given) and sends. */
export const sendV1 = (
  emulator: Emulator,
  action: string,
  params: Record<string, string>,
  options: Partial<SignV1Options> = {},
): Promise<Answer> => send(emulator.url, signV1For(action, params, options));

/** A V3-signed request for this emulator's host, with the demo key unless given. */
export const signV3For = (
  emulator: Emulator,
  action: string,
  query: Record<string, string>,
  options: Partial<SignV3Options> = {},
): SignedRequest =>
  signV3({ ...demoKey, host: new URL(emulator.url).host, action, query, ...options });

/** Signs with V3 (demo key unless given) and sends. */
export const sendV3 = (
  emulator: Emulator,
  action: string,
  query: Record<string, string>,
  options: Partial<SignV3Options> = {},
): Promise<Answer> => send(emulator.url, signV3For(emulator, action, query, options));
