/**
 * The keys the service uses in its store. Numbers are in E.164 form, so that every way of
 * writing a number counts as that number.
 */
export const storeKeys = {
  /** The pending code of a number for a usage type. */
  code: (phone: string, usageType: string) => `code:${usageType}:${phone}`,
  /** The resend interval of a number for a usage type: a counter whose window is the interval. */
  resend: (phone: string, usageType: string) => `resend:${usageType}:${phone}`,
  maxSendsPerNumberPerHour: (phone: string) => `sends:number:hour:${phone}`,
  maxSendsPerNumberPerDay: (phone: string) => `sends:number:day:${phone}`,
  maxSendsPerIpPerHour: (ipKey: string) => `sends:ip:hour:${ipKey}`,
} as const;
