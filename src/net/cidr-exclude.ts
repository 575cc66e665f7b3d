// Taking one CIDR out of a list of CIDRs: the entries that cover it are split into the largest CIDR blocks that
// do not (10.0.0.0/8 minus 10.1.2.0/24 is 10.0.0.0/16, 10.1.0.0/23, 10.1.3.0/24, ... 10.128.0.0/9).
import { type Cidr, cidrText, overlaps } from './address.js';

function cidrOf(family: Cidr['family'], start: bigint, bits: number): Cidr {
  const width = family === 4 ? 32 : 128;
  const end = start + (1n << BigInt(width - bits)) - 1n;
  return { family, start, end, bits, text: cidrText(family, start, bits) };
}

/** `list` without the addresses of `hole`, as CIDRs in address order; entries not touching it are kept as they are. */
export function excludeCidr(list: readonly Cidr[], hole: Cidr): Cidr[] {
  const out: Cidr[] = [];
  for (const entry of list) {
    if (!overlaps(entry, hole)) {
      out.push(entry);
      continue;
    }
    // The hole inside the entry: halve the entry, keep the half without the hole, go on into the other.
    let current = entry;
    const pieces: Cidr[] = [];
    while (current.bits < hole.bits) {
      const bits = current.bits + 1;
      const low = cidrOf(current.family, current.start, bits);
      const high = cidrOf(current.family, low.end + 1n, bits);
      const [keep, into] = overlaps(low, hole) ? [high, low] : [low, high];
      pieces.push(keep);
      current = into;
    }
    // Here `current` is the hole itself or lies inside it: dropped.
    out.push(...pieces.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)));
  }
  return out;
}
