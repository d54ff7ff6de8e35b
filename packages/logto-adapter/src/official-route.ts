import type { Route } from '@smskit/core';

const mainlandMobile = '1\\d{10}';
const mainlandNumber = new RegExp(`^(?:\\+86|0086|86)?${mainlandMobile}$`);
const strictMainlandNumber = new RegExp(`^(?:\\+86|0086|86)${mainlandMobile}$`);

/**
 * The route Logto's official Aliyun connector picks for `to`, written as it is: a mainland China
 * mobile number (11 digits starting with 1) with an optional +86, 0086 or 86 prefix is `china`,
 * the prefix being required under the strict check; anything else is `overseas`.
 *
 * Used only for numbers that libphonenumber-js cannot read, so that those still go out on the
 * route the official connector would pick and Aliyun judges them.
 */
export const officialRoute = (to: string, strictPhoneRegionNumberCheck: boolean): Route =>
  (strictPhoneRegionNumberCheck ? strictMainlandNumber : mainlandNumber).test(to)
    ? 'china'
    : 'overseas';
