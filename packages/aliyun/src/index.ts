export { canonicalQueryString, percentEncode } from './signing/percent-encode.js';
export { type SignV1Input, signV1 } from './signing/sign-v1.js';
export { hashPayload, type SignV3Input, type SignV3Result, signV3 } from './signing/sign-v3.js';
