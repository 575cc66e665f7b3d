// Short descriptions of a topology for listings: counts, and cluster lines for `topology show`.
import { namesById, objectLabel } from '../../names/labels.js';
import type { Topology } from '../../topology/schema.js';

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** "3 clusters, 5 resources, 2 VPCs". */
export function summarize(topology: Topology): string {
  return [
    count(topology.clusters?.length ?? 0, 'cluster'),
    count(topology.resources?.length ?? 0, 'resource'),
    count(topology.vpcs?.length ?? 0, 'VPC'),
  ].join(', ');
}

/** What `topology show` prints: clusters, resources, VPCs and peerings, one line each. */
export function describeTopology(topology: Topology): string[] {
  const names = namesById(topology);
  const label = (id: string) => objectLabel(id, names.get(id));
  const labels = (ids: readonly string[] | undefined) => (ids ?? []).map(label).join(', ');
  const lines: string[] = [];
  if (topology.description) lines.push(topology.description, '');
  lines.push('Clusters:');
  for (const c of topology.clusters ?? []) {
    const pods =
      c.networkModel === 'eni'
        ? `pods from ${labels(c.containerSubnets)}`
        : `pods ${(c.containerCidrs ?? []).join(', ')}`;
    const workloads = c.workloads?.length ? `; workloads ${c.workloads.map((w) => w.name).join(', ')}` : '';
    lines.push(
      `  ${c.name}  ${c.networkModel} in ${label(c.vpc)}, nodes in ${labels(c.nodeSubnets)}, ${pods}${workloads}`,
    );
    const kubernetes = [
      c.namespaces && count(c.namespaces.length, 'namespace'),
      c.networkPolicies && count(c.networkPolicies.length, 'NetworkPolicy').replace(/ys$/, 'ies'),
      c.securityGroupResources && count(c.securityGroupResources.length, 'SecurityGroup resource'),
      c.dataPlaneV2 !== undefined && `DataPlane V2 ${c.dataPlaneV2 ? 'on' : 'off'}`,
    ].filter(Boolean);
    if (kubernetes.length) lines.push(`    Kubernetes: ${kubernetes.join(', ')}`);
  }
  if (!topology.clusters?.length) lines.push('  (none)');
  lines.push('Resources:');
  for (const r of topology.resources ?? []) {
    const ports = r.ports?.length ? ` ports ${r.ports.map((p) => `${p.protocol}/${p.port}`).join(', ')}` : '';
    lines.push(
      `  ${r.name}  ${r.type ?? 'other'} ${r.addresses.join(', ')} in ${label(r.subnet)} (${label(r.vpc)})${ports}`,
    );
  }
  if (!topology.resources?.length) lines.push('  (none)');
  lines.push('VPCs:');
  for (const v of topology.vpcs ?? []) {
    lines.push(
      `  ${label(v.id)}  ${[v.cidr, ...(v.secondaryCidrs ?? [])].join(', ')}, ${count(v.subnets?.length ?? 0, 'subnet')}`,
    );
  }
  if (!topology.vpcs?.length) lines.push('  (none)');
  if (topology.peerings?.length) {
    lines.push('Peerings:');
    for (const p of topology.peerings) {
      lines.push(`  ${label(p.id)}  ${label(p.requesterVpc)} <-> ${label(p.accepterVpc)}, ${p.status ?? 'ACTIVE'}`);
    }
  }
  return lines;
}
