import { randomInt, randomUUID } from 'node:crypto';

/** A request id shaped like Aliyun's: an uppercase UUID. */
export const createRequestId = (): string => randomUUID().toUpperCase();

/** A send receipt id shaped like Aliyun's `BizId`: 18 digits and `^0`. */
export const createBizId = (now: Date): string =>
  `${String(now.getTime() % 1e13).padStart(13, '0')}${String(randomInt(100_000)).padStart(5, '0')}^0`;
