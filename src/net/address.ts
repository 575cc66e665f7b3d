// Address and prefix arithmetic. Ranges are [start, end] as bigints so that IPv4, IPv6, CIDRs and
// address-group ranges ("a-b") share one representation and one containment test.

import ipaddr from 'ipaddr.js';
import { remembered } from '../bounds/remembered.js';
import { type Localized, localized, type Message } from '../i18n/message.js';
import { topologyIssues as T } from '../i18n/messages/topology-issues.js';

export type Family = 4 | 6;

/** An inclusive range of addresses of one family; a CIDR is a range with `bits` set. */
export interface AddressRange extends AddressSpan {
  /** Prefix length when the range is a CIDR (a single address is /32 or /128). */
  readonly bits?: number;
  /** Canonical text: "192.168.10.0/24", "10.0.0.1", "192.168.3.20-192.168.3.100". */
  readonly text: string;
}

/** The addresses of a range, without its text: all that a lookup compares. */
export interface AddressSpan {
  readonly family: Family;
  readonly start: bigint;
  readonly end: bigint;
}

export interface Cidr extends AddressRange {
  readonly bits: number;
}

const WIDTH: Record<Family, number> = { 4: 32, 6: 128 };

/** The number of bits in an address of a family (32 or 128): the prefix length of a single address. */
export function addressBits(family: Family): number {
  return WIDTH[family];
}

function toBigInt(addr: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  let value = 0n;
  if (addr.kind() === 'ipv4') {
    for (const octet of (addr as ipaddr.IPv4).octets) value = (value << 8n) | BigInt(octet);
  } else {
    for (const part of (addr as ipaddr.IPv6).parts) value = (value << 16n) | BigInt(part);
  }
  return value;
}

function fromBigInt(family: Family, value: bigint): string {
  if (family === 4) {
    // An IPv4 address fits a uint32: one conversion, then 32-bit shifts (no BigInt per octet, no array).
    const n = Number(value);
    return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
  }
  const parts: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) parts.push(Number((value >> shift) & 0xffffn));
  return new ipaddr.IPv6(parts).toString();
}

// Dotted-quad IPv4 without leading zeros, the common case, parsed without ipaddr.js (which tries several
// notations per call and dominated validation and diagnosis profiles, BENCHMARKS.md), and without a regular
// expression (its match array was most of what a large topology's 20,000 resource addresses cost). Anything else
// falls through to ipaddr.js, so the accepted set is exactly isValidFourPartDecimal's
// (test/net/ip-fast-path.test.ts holds the two to the same answers).
function parseDottedQuad(text: string): AddressRange | null {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e /* . */) {
      if (digits === 0 || ++dots > 3) return null;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      // "0" alone is an octet; a leading zero before other digits is not four-part decimal.
      if (digits === 1 && octet === 0) return null;
      octet = octet * 10 + (c - 0x30);
      if (++digits > 3 || octet > 255) return null;
    } else return null;
  }
  if (dots !== 3 || digits === 0) return null;
  const start = BigInt(value * 256 + octet);
  return { family: 4, start, end: start, bits: 32, text };
}

/** Parse one IP address strictly (IPv4 must be four-part decimal: "10.1" is not an address). */
export function parseIp(text: string): AddressRange | null {
  const trimmed = text.trim();
  const quad = parseDottedQuad(trimmed);
  if (quad) return quad;
  // Four-part decimal is digits and dots only: anything else (a name, an id) is refused before ipaddr.js, whose
  // refusal throws and catches (a reverse question rendering 20,000 fixes spent a second there on route ids).
  if (/^[\d.]+$/.test(trimmed) && ipaddr.IPv4.isValidFourPartDecimal(trimmed)) {
    const value = toBigInt(ipaddr.IPv4.parse(trimmed));
    return { family: 4, start: value, end: value, bits: 32, text: fromBigInt(4, value) };
  }
  // A zone index ("fe80::1%eth0") names a host's interface, not an address a cloud rule can hold.
  if (trimmed.includes(':') && !trimmed.includes('%') && ipaddr.IPv6.isValid(trimmed)) {
    const value = toBigInt(ipaddr.IPv6.parse(trimmed));
    return { family: 6, start: value, end: value, bits: 128, text: fromBigInt(6, value) };
  }
  return null;
}

/** A failure says what is wrong in English (`message`) and in every language (`text`). */
export type Failure = { ok: false; message: string; text: Localized };

export type CidrResult = { ok: true; cidr: Cidr } | Failure;

const failure = <P>(m: Message<P>, params: P): Failure => {
  const text = localized(m, params);
  return { ok: false, message: text.en, text };
};

/**
 * Parse a CIDR ("192.168.10.0/24") or, when `allowBareIp`, a single address (as /32 or /128).
 * Host bits are an error with a hint, since a typo there silently widens or narrows a rule.
 */
export function parseCidr(text: string, allowBareIp = true): CidrResult {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  if (slash < 0) {
    const ip = allowBareIp ? parseIp(trimmed) : null;
    if (!ip) return failure(T['topology.issue.not-cidr'], { value: text });
    const bits = WIDTH[ip.family];
    return { ok: true, cidr: { ...ip, bits, text: `${ip.text}/${bits}` } };
  }
  const ip = parseIp(trimmed.slice(0, slash));
  const bitsText = trimmed.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(bitsText)) return failure(T['topology.issue.not-cidr'], { value: text });
  const bits = Number(bitsText);
  const width = WIDTH[ip.family];
  if (bits > width) return failure(T['topology.issue.not-cidr'], { value: text });
  const hostBits = BigInt(width - bits);
  const mask = ((1n << BigInt(width)) - 1n) ^ ((1n << hostBits) - 1n);
  const start = ip.start & mask;
  const end = start | ((1n << hostBits) - 1n);
  // parseIp's text is canonical, so without host bits the input address is already the network's text.
  const canonical = `${start === ip.start ? ip.text : fromBigInt(ip.family, start)}/${bits}`;
  if (start !== ip.start) {
    return failure(T['topology.issue.host-bits'], { value: text, canonical, single: `${ip.text}/${width}` });
  }
  return { ok: true, cidr: { family: ip.family, start, end, bits, text: canonical } };
}

/** Parse an address-group entry: a CIDR, an address, or a range "a-b" of one family. */
export function parseAddressEntry(text: string): { ok: true; range: AddressRange } | Failure {
  const dash = text.indexOf('-');
  if (dash > 0 && !text.includes('/')) {
    const from = parseIp(text.slice(0, dash));
    const to = parseIp(text.slice(dash + 1));
    if (!from || !to || from.family !== to.family || from.start > to.start) {
      return failure(T['topology.issue.not-range'], { value: text });
    }
    return {
      ok: true,
      range: { family: from.family, start: from.start, end: to.start, text: `${from.text}-${to.text}` },
    };
  }
  const parsed = parseCidr(text);
  return parsed.ok ? { ok: true, range: parsed.cidr } : parsed;
}

/** Whether `outer` contains every address of `inner` (false across families). */
export function contains(outer: AddressRange, inner: AddressRange): boolean {
  return outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
}

/** Whether two ranges share at least one address (false across families). */
export function overlaps(a: AddressRange, b: AddressRange): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

/** The number of addresses in a range (for choosing the narrowest of several candidates). */
export function size(range: AddressRange): bigint {
  return range.end - range.start + 1n;
}

/** Format a CIDR from its family, start and prefix length. */
export function cidrText(family: Family, start: bigint, bits: number): string {
  return `${fromBigInt(family, start)}/${bits}`;
}

/** The address range from a family and numeric bounds, with canonical text. */
export function rangeOf(family: Family, start: bigint, end: bigint): AddressRange {
  return { family, start, end, text: `${fromBigInt(family, start)}-${fromBigInt(family, end)}` };
}

/** The text of a single address given its family and value. */
export function addressText(family: Family, value: bigint): string {
  return fromBigInt(family, value);
}

/** Strict parse that throws; for values already validated by the topology schema. */
export function mustCidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.cidr;
}

/**
 * A mustCidr with its own bounded memory (`remembered`): a large topology repeats a few hundred CIDRs thousands of
 * times (rules, routes), and each is parsed once while its memory holds (20,000 texts). A parsed CIDR is immutable,
 * so its users can share it. One per validation or compiled topology.
 */
export function memoizedCidrParser(): (text: string) => Cidr {
  return remembered(mustCidr);
}

/** IANA special-purpose classification used to tell "internet" from private space. */
export function isPublic(range: AddressRange): boolean {
  const first = addressText(range.family, range.start);
  const parsed = ipaddr.parse(first);
  return parsed.range() === 'unicast';
}

/** A special-purpose range (IANA registry) that is neither private nor ordinary internet space. */
export interface SpecialRange {
  readonly cidr: Cidr;
  /** What it is, in words: "TEST-NET-3, reserved for documentation (RFC 5737)". */
  readonly name: string;
  /** Documentation ranges, which examples use as stand-ins for public addresses. */
  readonly documentation: boolean;
}

const SPECIAL_RANGES: readonly SpecialRange[] = (
  [
    ['192.0.2.0/24', 'TEST-NET-1, reserved for documentation (RFC 5737)', true],
    ['198.51.100.0/24', 'TEST-NET-2, reserved for documentation (RFC 5737)', true],
    ['203.0.113.0/24', 'TEST-NET-3, reserved for documentation (RFC 5737)', true],
    ['2001:db8::/32', 'the IPv6 documentation prefix (RFC 3849)', true],
    ['198.18.0.0/15', 'reserved for network benchmark tests (RFC 2544)', false],
    ['192.0.0.0/24', 'reserved for IETF protocol assignments (RFC 6890)', false],
    ['192.88.99.0/24', 'the retired 6to4 relay anycast range (RFC 7526)', false],
    ['240.0.0.0/4', 'reserved for future use (RFC 1112)', false],
    ['0.0.0.0/8', '"this network" (RFC 791), never a destination', false],
    ['127.0.0.0/8', 'loopback: the pod itself', false],
    ['169.254.0.0/16', 'link-local', false],
    ['224.0.0.0/4', 'multicast', false],
    ['::1/128', 'loopback: the pod itself', false],
    ['fe80::/10', 'link-local', false],
    ['ff00::/8', 'multicast', false],
  ] as const
).map(([cidr, name, documentation]) => ({ cidr: mustCidr(cidr), name, documentation }));

/** The special-purpose range an address falls in, if any (private ranges are not listed: they are ordinary). */
export function specialRange(range: AddressRange): SpecialRange | undefined {
  return SPECIAL_RANGES.find((special) => special.cidr.family === range.family && contains(special.cidr, range));
}

/** RFC 1918 / RFC 6598 / unique-local space: what "a private address" means. */
export function isPrivate(range: AddressRange): boolean {
  const kind = ipaddr.parse(addressText(range.family, range.start)).range();
  return kind === 'private' || kind === 'uniqueLocal' || kind === 'carrierGradeNat';
}
