// Sets of addresses as sorted, disjoint [start, end] spans of one family. The engine asks "does this rule
// decide for ALL of the source the destination sees?", which is set arithmetic over these spans.
import { type AddressRange, addressText, cidrText, type Family } from '../net/address.js';

export interface Span {
  readonly start: bigint;
  readonly end: bigint;
}

/** Sorted, merged copy of `spans`. */
export function normalize(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end + 1n) {
      if (s.end > last.end) out[out.length - 1] = { start: last.start, end: s.end };
    } else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** The spans of the ranges of one family. */
export function spansOf(ranges: readonly AddressRange[], family: Family): Span[] {
  return normalize(ranges.filter((r) => r.family === family).map((r) => ({ start: r.start, end: r.end })));
}

/** Addresses in both sets. */
export function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    // biome-ignore lint/complexity/useMathMinMax: Math.max does not take bigints
    const start = x.start > y.start ? x.start : y.start;
    // biome-ignore lint/complexity/useMathMinMax: Math.min does not take bigints
    const end = x.end < y.end ? x.end : y.end;
    if (start <= end) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** Addresses of `a` not in `b`. */
export function subtract(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const x of a) {
    let start = x.start;
    for (const y of b) {
      if (y.end < start || y.start > x.end) continue;
      if (y.start > start) out.push({ start, end: y.start - 1n });
      start = y.end + 1n;
      if (start > x.end) break;
    }
    if (start <= x.end) out.push({ start, end: x.end });
  }
  return out;
}

/** Whether two normalized sets are equal. */
export function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  return a.length === b.length && a.every((s, i) => s.start === b[i]!.start && s.end === b[i]!.end);
}

/** The span as text: a CIDR when it is one, an address, or "first-last". */
export function spanText(family: Family, span: Span): string {
  if (span.start === span.end) return addressText(family, span.start);
  const count = span.end - span.start + 1n;
  if ((count & (count - 1n)) === 0n && span.start % count === 0n) {
    const bits = (family === 4 ? 32 : 128) - (count.toString(2).length - 1);
    return cidrText(family, span.start, bits);
  }
  return `${addressText(family, span.start)}-${addressText(family, span.end)}`;
}

/** A set as readable text. */
export function spansText(family: Family, spans: readonly Span[]): string {
  return spans.map((s) => spanText(family, s)).join(', ');
}

/** A decision over part of a set: which rule (or none, the implicit default) decided these addresses. */
export interface Decided<T> {
  readonly spans: Span[];
  readonly by: T;
}

/**
 * First-match evaluation over a set of addresses: each decider takes the addresses it matches among
 * those not yet decided; what remains undecided is returned as `rest`.
 */
export function firstMatch<T>(
  universe: readonly Span[],
  deciders: Iterable<{ readonly spans: readonly Span[] | 'all'; readonly by: T }>,
): { decided: Decided<T>[]; rest: Span[] } {
  let rest: Span[] = [...universe];
  const decided: Decided<T>[] = [];
  for (const d of deciders) {
    if (rest.length === 0) break;
    const taken = d.spans === 'all' ? rest : intersect(rest, normalize(d.spans));
    if (taken.length === 0) continue;
    decided.push({ spans: taken, by: d.by });
    rest = d.spans === 'all' ? [] : subtract(rest, taken);
  }
  return { decided, rest };
}
