// Which IP addresses a link check may connect to: special-purpose ranges (RFC 6890 and friends) are refused unless
// an explicit allowlist (GOVSITE_LINKCHECK_ALLOW) names them. Pure: no DNS, no sockets. Parsing and prefix matching
// are ipaddr.js's; the table of ranges below is this system's policy (stricter than ipaddr.js's own range names).
import ipaddr, { type IPv4, type IPv6 } from 'ipaddr.js';

/** The range an address falls in; only `unicast` (globally routable) is reachable without the allowlist. */
export type IpRange =
  | 'unicast'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'carrierGradeNat'
  | 'linkLocal'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved'
  | 'uniqueLocal'
  | 'siteLocal';

export interface IpClass {
  family: 4 | 6;
  range: IpRange;
  /** The IPv4 address carried inside an IPv6 one (`::ffff:a.b.c.d`, NAT64, 6to4), which decided the range. */
  embeddedV4?: string;
}

/** An address and a prefix length, as ipaddr.js matches them. */
type Cidr = [IPv4 | IPv6, number];

interface RangeRule {
  cidr: Cidr;
  range: IpRange;
}

/** Dotted-quad IPv4 in canonical decimal form (as URL parsing and DNS produce it), else null. */
export function parseIpv4(text: string): IPv4 | null {
  return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : null;
}

/** IPv6 (brackets and a `%zone` suffix tolerated, embedded dotted IPv4 tail allowed), else null. */
export function parseIpv6(text: string): IPv6 | null {
  let s = text.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  return s.includes(':') && ipaddr.IPv6.isValid(s) ? ipaddr.IPv6.parse(s) : null;
}

/** `a.b.c.d/n` or an address alone (its own /32 or /128); only canonical addresses, as parseIpv4/parseIpv6. */
function parseCidr(text: string): Cidr | null {
  const [addr = '', bitsText] = text.trim().split('/');
  const ip = parseIpv4(addr) ?? parseIpv6(addr);
  if (ip === null) return null;
  const max = ip.kind() === 'ipv4' ? 32 : 128;
  if (bitsText === undefined) return [ip, max];
  if (!/^\d{1,3}$/.test(bitsText)) return null;
  const bits = Number(bitsText);
  return bits <= max ? [ip, bits] : null;
}

function inCidr(ip: IPv4 | IPv6, cidr: Cidr): boolean {
  return ip.kind() === cidr[0].kind() && ip.match(cidr);
}

function rules(table: [string, IpRange][]): RangeRule[] {
  return table.map(([cidr, range]) => {
    const parsed = parseCidr(cidr);
    if (parsed === null) throw new Error(`bad range ${cidr}`);
    return { cidr: parsed, range };
  });
}

// Most specific first: the first match wins.
const V4_RULES = rules([
  ['255.255.255.255/32', 'broadcast'],
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'carrierGradeNat'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'linkLocal'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
]);

const V6_RULES = rules([
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::/96', 'reserved'], // deprecated IPv4-compatible addresses
  ['64:ff9b:1::/48', 'reserved'],
  ['100::/64', 'reserved'],
  ['2001::/32', 'reserved'], // Teredo tunnels
  ['2001:db8::/32', 'documentation'],
  ['fc00::/7', 'uniqueLocal'],
  ['fe80::/10', 'linkLocal'],
  ['fec0::/10', 'siteLocal'],
  ['ff00::/8', 'multicast'],
]);

const V4_MAPPED = parseCidr('::ffff:0:0/96') as Cidr;
const NAT64 = parseCidr('64:ff9b::/96') as Cidr;
const SIX_TO_FOUR = parseCidr('2002::/16') as Cidr;
const GLOBAL_UNICAST_V6 = parseCidr('2000::/3') as Cidr;

/** The IPv4 address an IPv6 address stands for (mapped, NAT64 or 6to4), if any. */
function embeddedV4(ip: IPv6): IPv4 | null {
  const bytes = ip.toByteArray();
  if (inCidr(ip, V4_MAPPED) || inCidr(ip, NAT64)) return new ipaddr.IPv4(bytes.slice(12, 16));
  if (inCidr(ip, SIX_TO_FOUR)) return new ipaddr.IPv4(bytes.slice(2, 6));
  return null;
}

function classifyV4(ip: IPv4): IpRange {
  return V4_RULES.find((r) => inCidr(ip, r.cidr))?.range ?? 'unicast';
}

/** Classifies a literal IP address; null when `text` is not one (e.g. a host name). */
export function classifyIp(text: string): IpClass | null {
  const v4 = parseIpv4(text);
  if (v4 !== null) return { family: 4, range: classifyV4(v4) };
  const v6 = parseIpv6(text);
  if (v6 === null) return null;
  const inner = embeddedV4(v6);
  if (inner !== null) return { family: 6, range: classifyV4(inner), embeddedV4: inner.toString() };
  const special = V6_RULES.find((r) => inCidr(v6, r.cidr))?.range;
  if (special !== undefined) return { family: 6, range: special };
  return { family: 6, range: inCidr(v6, GLOBAL_UNICAST_V6) ? 'unicast' : 'reserved' };
}

/** A parsed allowlist: addresses and CIDR blocks a check may reach although their range is special. */
export class IpAllowlist {
  readonly #entries: Cidr[];

  constructor(entries: readonly string[]) {
    this.#entries = entries
      .map((e) => e.trim())
      .filter((e) => e !== '')
      .map((e) => {
        const cidr = parseCidr(e);
        if (cidr === null) throw new Error(`GOVSITE_LINKCHECK_ALLOW: “${e}” is not an IP address or CIDR block`);
        return cidr;
      });
  }

  get size(): number {
    return this.#entries.length;
  }

  has(ip: string): boolean {
    const parsed = parseIpv4(ip) ?? parseIpv6(ip);
    if (parsed === null) return false;
    const inner = parsed.kind() === 'ipv6' ? embeddedV4(parsed as IPv6) : null;
    return this.#entries.some((c) => inCidr(parsed, c) || (inner !== null && inCidr(inner, c)));
  }
}

export type IpVerdict = { allowed: true } | { allowed: false; range: IpRange | 'invalid' };

/** May a check connect to `ip`? Globally routable addresses yes; special ranges only when allowlisted. */
export function vetIp(ip: string, allow: IpAllowlist): IpVerdict {
  const cls = classifyIp(ip);
  if (cls === null) return { allowed: false, range: 'invalid' };
  if (cls.range === 'unicast' || allow.has(ip)) return { allowed: true };
  return { allowed: false, range: cls.range };
}
