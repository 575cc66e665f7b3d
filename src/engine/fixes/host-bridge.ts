// Fix kind `host-bridge`: move a container-engine bridge on the destination host away from the source
// it must answer (CCE "Configuring Intra-VPC Access", cce_10_0399), to a range that overlaps nothing the topology knows about.
import { type Cidr, mustCidr, overlaps } from '../../net/address.js';
import type { CompiledTopology } from '../../topology/compile.js';
import type { PlannedFix } from '../context.js';

function candidates(bits: number): string[] {
  const out: string[] = [];
  for (let second = 17; second <= 31; second++) out.push(`172.${second}.0.0/16`);
  for (let third = 0; third < 256; third += 16) out.push(`192.168.${third}.0/20`);
  for (let second = 200; second < 256; second++) out.push(`10.${second}.0.0/16`);
  return bits >= 20 ? out.filter((c) => c.endsWith('/20')).concat(out) : out;
}

/** A bridge range overlapping no VPC, container, Service CIDR, the source seen, or the host's other bridges. */
export function suggestBridge(compiled: CompiledTopology, avoid: readonly Cidr[], current: Cidr): string | null {
  const taken: Cidr[] = [
    ...avoid,
    ...compiled.vpcBlocks.entries().map((e) => e.cidr),
    ...compiled.containerIndex.entries().map((e) => e.cidr),
    ...compiled.serviceIndex.entries().map((e) => e.cidr),
  ];
  for (const text of candidates(current.bits)) {
    const cidr = mustCidr(text);
    if (!taken.some((t) => overlaps(t, cidr))) return text;
  }
  return null;
}

/** Replace `bridge` on `resource` with a free range. */
export function hostBridgeFix(resource: string, bridge: string, suggested: string, purpose: string): PlannedFix {
  return { spec: { kind: 'host-bridge', resource, bridge, suggested }, purpose };
}
