import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The key an IP address is counted under for the per-IP limit, or undefined when `ip` is no IP
 * address. IPv4 addresses (also written IPv4-mapped, `::ffff:203.0.113.9`) count alone; IPv6
 * addresses count by their /64 network, because one subscriber usually holds a whole /64 and
 * could otherwise take a fresh address for every request.
 */
export function ipLimitKey(ip: string): string | undefined {
  if (isIP(ip) === 0) return undefined;
  const address = ipaddr.process(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const network = (address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${network.join(':')}::/64`;
}
