// Longest-prefix-match in a compiled route table, for one address or for a whole set of addresses
// (the return path must cover every address the destination sees, not just one).
import { type AddressRange, type AddressSpan, addressBits, type Family } from '../net/address.js';
import type {
  CompiledRoute,
  CompiledRouteTable,
  CompiledSubnet,
  CompiledTopology,
  PrefixIndex,
} from '../topology/compile.js';
import { type Decided, firstMatch, type Span } from './spans.js';

/** The most specific route containing `address`. */
export function lookupRoute(table: CompiledRouteTable, address: AddressRange): CompiledRoute | undefined {
  return table.routes.containing(address)[0]?.value;
}

/** The route table governing a subnet's outbound traffic (its own, else its VPC's default). */
export function governingTable(compiled: CompiledTopology, subnet: CompiledSubnet): CompiledRouteTable | undefined {
  return compiled.vpcs.get(subnet.vpcId)?.tables.get(subnet.routeTableId);
}

/** The most specific route to `address` in the default table of a VPC (how a middle VPC routes on, VPC "VPC Peering Connection Overview", vpc_peering_0009). */
export function defaultTableRoute(
  compiled: CompiledTopology,
  vpcId: string,
  address: AddressRange,
): CompiledRoute | undefined {
  const vpc = compiled.vpcs.get(vpcId);
  const table = vpc?.tables.get(vpc.defaultTableId);
  return table ? lookupRoute(table, address) : undefined;
}

/** Split a span into the CIDR blocks that make it up (without their texts: only looked up). */
function spanCidrs(family: Family, span: Span): AddressSpan[] {
  const width = addressBits(family);
  const out: AddressSpan[] = [];
  let start = span.start;
  while (start <= span.end) {
    let bits = width;
    while (bits > 0) {
      const size = 1n << BigInt(width - bits + 1);
      if (start % size !== 0n || start + size - 1n > span.end) break;
      bits--;
    }
    const size = 1n << BigInt(width - bits);
    out.push({ family, start, end: start + size - 1n });
    start += size;
  }
  return out;
}

/** Which route decides each part of a set of addresses; `rest` has no route at all. */
export function routeCoverage(
  table: CompiledRouteTable,
  family: Family,
  spans: readonly Span[],
): { decided: Decided<CompiledRoute>[]; rest: Span[] } {
  return prefixCoverage(table.routes, family, spans);
}

/**
 * Longest-prefix coverage over any prefix index of routes (VPC or ER tables). At an equal prefix the entry added
 * first decides (ER tables add static routes before propagated ones).
 */
export function prefixCoverage<R extends { readonly destination: AddressRange }>(
  routes: PrefixIndex<R>,
  family: Family,
  spans: readonly Span[],
): { decided: Decided<R>[]; rest: Span[] } {
  const candidates = new Map<R, number>();
  for (const span of spans) {
    for (const block of spanCidrs(family, span)) {
      for (const e of routes.containing(block)) if (!candidates.has(e.value)) candidates.set(e.value, e.cidr.bits);
      for (const e of routes.within(block)) if (!candidates.has(e.value)) candidates.set(e.value, e.cidr.bits);
    }
  }
  const ordered = [...candidates.entries()].sort((a, b) => b[1] - a[1]).map(([route]) => route);
  return firstMatch(spans, ordered, (route) => [{ start: route.destination.start, end: route.destination.end }]);
}
