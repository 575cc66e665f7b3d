// Sets of addresses as sorted, disjoint [start, end] spans of one family. The engine asks "does this rule
// decide for ALL of the source the destination sees?", which is set arithmetic over these spans.
import { type AddressRange, addressBits, addressText, cidrText, type Family, parseCidr } from '../net/address.js';

export interface Span {
  readonly start: bigint;
  readonly end: bigint;
}

/** Whether `spans` is already sorted, disjoint and without adjacent neighbours (what `normalize` returns). */
function isNormalized(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i]!.start <= spans[i - 1]!.end + 1n) return false;
  return true;
}

/** Sorted, merged copy of `spans`. */
export function normalize(spans: readonly Span[]): Span[] {
  // Most sets on the hot path are normalized already: copying the array is enough (spans are immutable).
  if (isNormalized(spans)) return spans.slice();
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

/** The spans of CIDR texts of one family (texts that are not CIDRs are ignored). */
export function spansOfTexts(texts: readonly string[], family: Family): Span[] {
  return spansOf(
    texts.map((t) => parseCidr(t)).flatMap((p) => (p.ok ? [p.cidr] : [])),
    family,
  );
}

// Compiled rules keep their address lists for the life of the compiled topology: their spans are computed once.
const spansCache = new WeakMap<readonly AddressRange[], { 4?: readonly Span[]; 6?: readonly Span[] }>();

/** `spansOf` for an address list that is never mutated (a compiled rule's), memoized; do not modify the result. */
export function fixedSpansOf(ranges: readonly AddressRange[], family: Family): readonly Span[] {
  let entry = spansCache.get(ranges);
  if (!entry) {
    entry = {};
    spansCache.set(ranges, entry);
  }
  entry[family] ??= spansOf(ranges, family);
  return entry[family];
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
    const bits = addressBits(family) - (count.toString(2).length - 1);
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
 * First-match evaluation over a set of addresses: each decider, in order, takes the addresses it matches
 * (`spansFor`: a set, or 'all') among those not yet decided; what remains undecided is returned as `rest`.
 * `spansFor` is called only while some addresses are undecided.
 */
export function firstMatch<T>(
  universe: readonly Span[],
  deciders: Iterable<T>,
  spansFor: (decider: T) => readonly Span[] | 'all',
): { decided: Decided<T>[]; rest: Span[] } {
  let rest: Span[] = [...universe];
  const decided: Decided<T>[] = [];
  for (const d of deciders) {
    if (rest.length === 0) break;
    const spans = spansFor(d);
    if (spans !== 'all' && spans.length === 0) continue;
    const taken = spans === 'all' ? rest : intersect(rest, isNormalized(spans) ? spans : normalize(spans));
    if (taken.length === 0) continue;
    decided.push({ spans: taken, by: d });
    rest = spans === 'all' ? [] : subtract(rest, taken);
  }
  return { decided, rest };
}
