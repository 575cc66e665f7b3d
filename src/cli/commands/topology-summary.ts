// Short descriptions of a topology for listings: counts, and cluster lines for `topology show`, in the reader's language.
import { EN, type I18n } from '../../i18n/i18n.js';
import { topologySummary as S } from '../../i18n/messages/topology-summary.js';
import { namesById, objectLabel } from '../../names/labels.js';
import type { Topology } from '../../topology/schema.js';

/** "3 clusters, 5 resources, 2 VPCs". */
export function summarize(topology: Topology, text: I18n = EN): string {
  return text.t(S['summary.counts'], {
    clusters: topology.clusters?.length ?? 0,
    resources: topology.resources?.length ?? 0,
    vpcs: topology.vpcs?.length ?? 0,
  });
}

/** What `topology show` prints: clusters, resources, VPCs and peerings, one line each. */
export function describeTopology(topology: Topology, text: I18n = EN): string[] {
  const names = namesById(topology);
  const label = (id: string) => objectLabel(id, names.get(id));
  const labels = (ids: readonly string[] | undefined) => (ids ?? []).map(label).join(', ');
  const lines: string[] = [];
  if (topology.description) lines.push(topology.description, '');
  lines.push(text.t(S['summary.clusters']));
  for (const c of topology.clusters ?? []) {
    lines.push(
      text.t(S['summary.cluster'], {
        name: c.name,
        model: c.networkModel,
        vpc: label(c.vpc),
        nodeSubnets: labels(c.nodeSubnets),
        ...(c.networkModel === 'eni'
          ? { podSubnets: labels(c.containerSubnets) }
          : { podCidrs: (c.containerCidrs ?? []).join(', ') }),
        workloads: (c.workloads ?? []).map((w) => w.name),
      }),
    );
    const kubernetes = {
      ...(c.namespaces ? { namespaces: c.namespaces.length } : {}),
      ...(c.networkPolicies ? { policies: c.networkPolicies.length } : {}),
      ...(c.securityGroupResources ? { groups: c.securityGroupResources.length } : {}),
      ...(c.dataPlaneV2 !== undefined ? { dataPlaneV2: c.dataPlaneV2 } : {}),
    };
    if (Object.keys(kubernetes).length) lines.push(text.t(S['summary.kubernetes'], kubernetes));
  }
  if (!topology.clusters?.length) lines.push(text.t(S['summary.none']));
  lines.push(text.t(S['summary.resources']));
  for (const r of topology.resources ?? []) {
    lines.push(
      text.t(S['summary.resource'], {
        name: r.name,
        type: r.type ?? 'other',
        addresses: r.addresses,
        subnet: label(r.subnet),
        vpc: label(r.vpc),
        ports: (r.ports ?? []).map((p) => `${p.protocol}/${p.port}`),
      }),
    );
  }
  if (!topology.resources?.length) lines.push(text.t(S['summary.none']));
  lines.push(text.t(S['summary.vpcs']));
  for (const v of topology.vpcs ?? []) {
    lines.push(
      text.t(S['summary.vpc'], {
        vpc: label(v.id),
        cidrs: [v.cidr, ...(v.secondaryCidrs ?? [])],
        subnets: v.subnets?.length ?? 0,
      }),
    );
  }
  if (!topology.vpcs?.length) lines.push(text.t(S['summary.none']));
  if (topology.peerings?.length) {
    lines.push(text.t(S['summary.peerings']));
    for (const p of topology.peerings) {
      lines.push(
        text.t(S['summary.peering'], {
          peering: label(p.id),
          requester: label(p.requesterVpc),
          accepter: label(p.accepterVpc),
          status: p.status ?? 'ACTIVE',
        }),
      );
    }
  }
  return lines;
}
