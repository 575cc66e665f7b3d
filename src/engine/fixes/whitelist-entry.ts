// Fix kind `whitelist-entry`: the seen source CIDR added to the service's IP whitelist (CCE "Configuring Intra-VPC Access", cce_10_0399),
// into its first group, or a new group named after the cluster. The DCS whitelist API replaces the whole
// whitelist, so each fix carries what is there now: the group's entries and the other groups.
import type { Resource } from '../../topology/schema.js';
import type { PlannedFix } from '../context.js';

/** Whitelist entries for each CIDR the destination sees. */
export function whitelistFixes(resource: Resource, cluster: string, addresses: readonly string[], purpose: string) {
  const groups = resource.whitelist?.groups ?? [];
  const target = groups[0];
  const group = target?.name ?? `cce-${cluster}`;
  const existing = target?.addresses ?? [];
  const otherGroups = groups.slice(target ? 1 : 0).map((g) => ({ name: g.name, addresses: g.addresses }));
  // Each PUT overwrites, so fix i also resends the entries fixes 0..i-1 added: applied in order, none is lost.
  return addresses.map(
    (address, i): PlannedFix => ({
      spec: {
        kind: 'whitelist-entry',
        resource: resource.name,
        group,
        address,
        existing: [...existing, ...addresses.slice(0, i)],
        otherGroups,
      },
      purpose,
    }),
  );
}
