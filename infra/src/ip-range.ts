import { z } from 'zod';

/**
 * One public IPv4 or IPv6 address or CIDR block, as RAM's `acs:SourceIp` condition and AccessKey
 * network policies take them. A `/0` block is refused: it allows every address, which is what
 * leaving the list out says honestly.
 */
export const ipRangeSchema = z
  .union([z.ipv4(), z.cidrv4(), z.ipv6(), z.cidrv6()], {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not an IPv4 or IPv6 address or CIDR block (for example 203.0.113.7 or 203.0.113.0/24)`,
  })
  .refine((range) => !range.endsWith('/0'), {
    error: (issue) =>
      `${JSON.stringify(issue.input)} allows every address: leave the list out instead of listing a /0 block`,
  });

/** A non-empty list of distinct {@link ipRangeSchema} entries. */
export const ipRangesSchema = z
  .array(ipRangeSchema)
  .min(1, { error: 'list at least one address or CIDR block, or leave the list out' })
  .refine((ranges) => new Set(ranges).size === ranges.length, {
    error: 'lists the same address or CIDR block more than once',
  });
