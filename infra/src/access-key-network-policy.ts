import { ipRangesSchema } from './ip-range.js';
import { parseOptions } from './parse-options.js';

/**
 * The network access restriction policy (JSON) of an AccessKey that may be used only from the
 * given public addresses or CIDR blocks, for every API it calls. Set with
 * `alicloud.ram.AccessKeyPolicy` (RAM's `SetAccessKeyPolicy`).
 *
 * @see https://www.alibabacloud.com/help/en/ram/developer-reference/api-ims-2019-08-15-setaccesskeypolicy
 * @throws {RangeError} when an entry is not an address or CIDR block.
 */
export function buildAccessKeyNetworkPolicy(allowedIps: readonly string[]): string {
  const ips = parseOptions(ipRangesSchema, allowedIps, 'allowedIps');
  return JSON.stringify({
    Version: 1,
    Status: 'Active',
    Statements: [{ Type: 'ClassicWhiteList', IPList: ips }],
  });
}
