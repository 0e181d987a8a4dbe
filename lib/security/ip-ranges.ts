import { isIP } from 'node:net';

/**
 * Which addresses the server may fetch from (lib/server/fetch/safe-fetch.ts): only public unicast
 * ones. Loopback, private, link-local, shared (CGNAT), documentation, benchmarking, multicast and
 * reserved ranges are refused, and so are IPv6 forms that carry an IPv4 address inside
 * (IPv4-mapped, NAT64, 6to4, IPv4-compatible) when the embedded address is not public.
 * Pure: no DNS, no environment.
 */

/** A parsed CIDR block: the address as bytes (4 or 16) and the prefix length. */
export interface Cidr {
  family: 4 | 6;
  bytes: Uint8Array;
  prefix: number;
}

function parseIPv4(text: string): Uint8Array | null {
  if (isIP(text) !== 4) return null;
  return Uint8Array.from(text.split('.').map(Number));
}

function parseIPv6(text: string): Uint8Array | null {
  if (isIP(text) !== 6) return null;
  let head = text;
  // An IPv4 tail (::ffff:1.2.3.4) is the last two groups.
  const lastColon = head.lastIndexOf(':');
  if (head.slice(lastColon + 1).includes('.')) {
    const tail = parseIPv4(head.slice(lastColon + 1));
    if (!tail) return null;
    const hex = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
    head = `${head.slice(0, lastColon + 1)}${hex(tail[0] ?? 0, tail[1] ?? 0)}:${hex(tail[2] ?? 0, tail[3] ?? 0)}`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(halves[0]);
  const right = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? left.length !== 8 : missing < 0) return null;
  const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  const bytes = new Uint8Array(16);
  all.forEach((g, i) => {
    const n = parseInt(g, 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  });
  return bytes;
}

/**
 * The address as bytes, or null when it is not an IP address. Accepts the forms node:net accepts,
 * IPv6 in brackets (as URL hosts are written) and an IPv6 zone id (fe80::1%eth0, ignored).
 */
export function parseAddress(ip: string): { family: 4 | 6; bytes: Uint8Array } | null {
  if (typeof ip !== 'string') return null;
  let text = ip.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const v4 = parseIPv4(text);
  if (v4) return { family: 4, bytes: v4 };
  const zone = text.indexOf('%');
  if (zone > 0) text = text.slice(0, zone);
  const v6 = parseIPv6(text);
  return v6 ? { family: 6, bytes: v6 } : null;
}

function inBlock(bytes: Uint8Array, block: Cidr): boolean {
  if (bytes.length !== block.bytes.length) return false;
  let bits = block.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((block.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`ip-ranges: bad built-in block ${text}`);
  return parsed;
}

/** IPv4 blocks that are not public unicast (IANA special-purpose registry, RFC 6890 and later). */
const REFUSED_V4 = [
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8', // private
  '100.64.0.0/10', // shared address space (carrier-grade NAT)
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local (cloud metadata services live here)
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation (TEST-NET-1)
  '192.88.99.0/24', // 6to4 relay anycast (deprecated)
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation (TEST-NET-2)
  '203.0.113.0/24', // documentation (TEST-NET-3)
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, includes 255.255.255.255 (broadcast)
].map(cidr);

/** IPv6 blocks refused outright. */
const REFUSED_V6 = [
  '::/128', // unspecified
  '::1/128', // loopback
  '100::/64', // discard-only
  '2001::/32', // Teredo (tunnels to an IPv4 address we cannot check)
  '2001:2::/48', // benchmarking
  '2001:db8::/32', // documentation
  '3fff::/20', // documentation (RFC 9637)
  '64:ff9b:1::/48', // local-use NAT64
  'fc00::/7', // unique local
  'fe80::/10', // link-local
  'fec0::/10', // site-local (deprecated)
  'ff00::/8', // multicast
].map(cidr);

/** IPv6 blocks that carry an IPv4 address: public only when that address is. */
const EMBEDDING_V6: { block: Cidr; v4At: number }[] = [
  { block: cidr('::ffff:0:0/96'), v4At: 12 }, // IPv4-mapped
  { block: cidr('::/96'), v4At: 12 }, // IPv4-compatible (deprecated)
  { block: cidr('::ffff:0:0:0/96'), v4At: 12 }, // IPv4-translated
  { block: cidr('64:ff9b::/96'), v4At: 12 }, // NAT64
  { block: cidr('2002::/16'), v4At: 2 }, // 6to4
];

function isPublicV4(bytes: Uint8Array): boolean {
  return !REFUSED_V4.some((b) => inBlock(bytes, b));
}

/**
 * The IPv4 address an IPv6 address stands for (IPv4-mapped, -compatible, -translated, NAT64,
 * 6to4), or null. Used so an allow list written for IPv4 (127.0.0.0/8) also covers ::ffff:127.0.0.1.
 */
export function embeddedIPv4(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length !== 16) return null;
  for (const { block, v4At } of EMBEDDING_V6) if (inBlock(bytes, block)) return bytes.slice(v4At, v4At + 4);
  return null;
}

/** True only for a valid IP address in public unicast space; anything else (bad input included) is false. */
export function isPublicAddress(ip: string): boolean {
  const parsed = parseAddress(ip);
  if (!parsed) return false;
  if (parsed.family === 4) return isPublicV4(parsed.bytes);
  if (REFUSED_V6.some((b) => inBlock(parsed.bytes, b))) return false;
  const v4 = embeddedIPv4(parsed.bytes);
  if (v4) return isPublicV4(v4);
  // Only global unicast (2000::/3) is public; everything else is unassigned or special.
  return ((parsed.bytes[0] ?? 0) & 0xe0) === 0x20;
}

/** `10.0.0.0/8`, `::1/128`, or a bare address (a single-address block); null when malformed. */
export function parseCidr(text: string): Cidr | null {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const addressText = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const parsed = parseAddress(addressText);
  if (!parsed || addressText.includes('%')) return null;
  const max = parsed.family === 4 ? 32 : 128;
  let prefix = max;
  if (slash !== -1) {
    const prefixText = trimmed.slice(slash + 1);
    if (!/^\d{1,3}$/.test(prefixText)) return null;
    prefix = Number(prefixText);
    if (prefix > max) return null;
  }
  return { family: parsed.family, bytes: parsed.bytes, prefix };
}

/**
 * A comma (or whitespace) separated list of CIDR blocks, as in CLAIMDESK_FETCH_ALLOW_ADDRESSES.
 * Empty or unset gives []. A malformed entry throws: a mistyped allow list must not silently allow
 * nothing (or everything).
 */
export function parseCidrList(env: string | undefined | null): Cidr[] {
  if (!env) return [];
  return env
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      const parsed = parseCidr(entry);
      if (!parsed) throw new Error(`"${entry}" is not an address block (expected e.g. 127.0.0.0/8 or ::1/128).`);
      return parsed;
    });
}

/** Whether `ip` is inside one of `blocks`; an IPv4-mapped IPv6 address also matches IPv4 blocks. */
export function isInCidrList(ip: string, blocks: readonly Cidr[]): boolean {
  const parsed = parseAddress(ip);
  if (!parsed) return false;
  const v4 = parsed.family === 6 ? embeddedIPv4(parsed.bytes) : null;
  return blocks.some((b) => inBlock(parsed.bytes, b) || (v4 !== null && inBlock(v4, b)));
}
