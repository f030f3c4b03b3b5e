// What the collector keeps of the client that sent a receipt: never the raw IP address and never
// the raw User-Agent string (docs/collector.md, "Privacy").
import { parse as parseUserAgent } from 'bowser';
import ipaddr from 'ipaddr.js';

/** How much of the client's IP address is stored: its network prefix, or nothing. */
export type IpMode = 'truncate' | 'none';

/**
 * The network an address belongs to, as CIDR: IPv4 to its /24 (`203.0.113.0/24`), IPv6 to its
 * /48 (`2001:db8:abcd::/48`); an IPv4-mapped IPv6 address counts as IPv4. `null` with mode
 * `'none'` or for anything that is not an address.
 */
export function truncateIp(ip: string | undefined, mode: IpMode): string | null {
  if (mode === 'none' || !ip || !ipaddr.isValid(ip)) return null;
  const address = ipaddr.process(ip);
  const bits = address.kind() === 'ipv4' ? 24 : 48;
  const cidr = `${address.toString()}/${bits}`;
  const network =
    address.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(cidr)
      : ipaddr.IPv6.networkAddressFromCIDR(cidr);
  return `${network.toString()}/${bits}`;
}

/** The User-Agent reduced to its family: browser name and kind of device. */
export interface UserAgentFamily {
  /** `'Chrome'`, `'Safari'`, `'Firefox'`, … or `null` when unknown. */
  family: string | null;
  /** `'desktop'`, `'mobile'`, `'tablet'`, `'tv'`, `'bot'` or `null`. */
  device: string | null;
}

// Visitors share a few hundred User-Agent strings: parse each once (bounded, emptied when full).
const parsedAgents = new Map<string, UserAgentFamily>();
const UNKNOWN: UserAgentFamily = { family: null, device: null };

/** Parses a User-Agent header (with bowser) into its family; the string itself is not kept. */
export function userAgentFamily(userAgent: string | undefined): UserAgentFamily {
  if (!userAgent) return UNKNOWN;
  const known = parsedAgents.get(userAgent);
  if (known) return known;
  let result = UNKNOWN;
  try {
    const parsed = parseUserAgent(userAgent.slice(0, 1024));
    result = { family: parsed.browser.name || null, device: parsed.platform.type || null };
  } catch {
    // An unparsable header is an unknown family.
  }
  if (parsedAgents.size >= 1000) parsedAgents.clear();
  parsedAgents.set(userAgent, result);
  return result;
}
