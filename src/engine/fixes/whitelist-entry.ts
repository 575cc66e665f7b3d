// Fix kind `whitelist-entry`: the seen source CIDR added to the service's IP whitelist (reference §5),
// into its first group, or a new group named after the cluster.
import type { Resource } from '../../topology/schema.js';
import type { PlannedFix } from '../context.js';

/** Whitelist entries for each CIDR the destination sees. */
export function whitelistFixes(resource: Resource, cluster: string, addresses: readonly string[], purpose: string) {
  const group = resource.whitelist?.groups?.[0]?.name ?? `cce-${cluster}`;
  return addresses.map(
    (address): PlannedFix => ({ spec: { kind: 'whitelist-entry', resource: resource.name, group, address }, purpose }),
  );
}
