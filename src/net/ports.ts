// Port lists as Huawei writes them ("3306", "3300-3310", "22,3306,8000-8080"), and IP protocols.
import { remembered } from '../bounds/remembered.js';
import { type Localized, localized } from '../i18n/message.js';
import { topologyIssues as T } from '../i18n/messages/topology-issues.js';

export type PortRange = readonly [number, number];

export type PortListResult = { ok: true; ranges: PortRange[] } | { ok: false; message: string; text: Localized };

const fail = (text: Localized) => ({ ok: false as const, message: text.en, text });

/** Parse a Huawei multiport string; each part is a port or an ascending range within 1..65535. */
export function parsePortList(text: string, min = 1, max = 65535): PortListResult {
  const ranges: PortRange[] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim();
    const match = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(part);
    if (!match) return fail(localized(T['topology.issue.not-port-list'], { value: text }));
    const lo = Number(match[1]);
    const hi = match[2] === undefined ? lo : Number(match[2]);
    if (lo < min || hi > max || lo > hi) {
      return fail(localized(T['topology.issue.port-out-of-range'], { part, value: text, min, max }));
    }
    ranges.push([lo, hi]);
  }
  return { ok: true, ranges };
}

/** A port list parsed once and shared by every caller that asks for the same text: its ranges are read-only. */
export type SharedPortListResult =
  | { readonly ok: true; readonly ranges: readonly PortRange[] }
  | Extract<PortListResult, { ok: false }>;

/**
 * A topology's port list (0..65535, as rules and ACLs write them) parsed, each distinct text once: a large topology
 * repeats a few lists ("3306", "1-65535") 100,000 times.
 */
export const parseTopologyPortList: (text: string) => SharedPortListResult = remembered((text) =>
  parsePortList(text, 0, 65535),
);

/** Whether a port list (absent = all) includes `port`. */
export function portListIncludes(ranges: readonly PortRange[] | undefined, port: number): boolean {
  if (!ranges) return true;
  for (const [lo, hi] of ranges) if (port >= lo && port <= hi) return true;
  return false;
}

export const PROTOCOL_NUMBERS = { icmp: 1, tcp: 6, udp: 17, icmpv6: 58 } as const;
export type NamedProtocol = keyof typeof PROTOCOL_NUMBERS;

/** A rule's protocol: a name, 'any', or an IP protocol number 0..255. */
export type RuleProtocol = NamedProtocol | 'any' | number;

/** The IP protocol number of a protocol name or number; null for 'any'. */
export function protocolNumber(protocol: RuleProtocol): number | null {
  if (protocol === 'any') return null;
  if (typeof protocol === 'number') return protocol;
  return PROTOCOL_NUMBERS[protocol];
}
