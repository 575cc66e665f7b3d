// Step `planning`: CIDR conflicts that no rule can fix (CCE best practice "Planning CIDR Blocks for a Cluster", cce_bestpractice_00004, VPC "VPC Peering Connection Overview", vpc_peering_0009): a destination inside the
// cluster's own container or Service CIDR, overlapping peered VPCs, container CIDRs overlapping VPCs.
import { type Cidr, overlaps } from '../../net/address.js';
import { CLOUD_SERVICE_RANGE, CLOUD_SYSTEM_RANGES } from '../../topology/cloud-ranges.js';
import { type CheckResult, type FlowContext, result } from '../context.js';
import { replanFix } from '../fixes/replan.js';

const SYSTEM_RANGES = [...CLOUD_SYSTEM_RANGES, CLOUD_SERVICE_RANGE];

function firstOverlap(a: readonly Cidr[], b: readonly Cidr[]): [Cidr, Cidr] | undefined {
  for (const x of a) for (const y of b) if (overlaps(x, y)) return [x, y];
  return undefined;
}

/** Planning conflicts on this path. */
export function planningCheck(ctx: FlowContext): CheckResult {
  const out = result();
  const { cluster, target, compiled, purpose } = ctx;
  const name = cluster.cluster.name;
  const fails: string[] = [];
  const warns: string[] = [];
  const external = !target.special && target.info.kind !== 'internet';
  const addr = target.address;
  if (external) {
    const inPods = cluster.containerCidrs.find((c) => overlaps(c, addr));
    if (inPods) {
      const reason = `${addr.text} is inside the container CIDR ${inPods.text} of ${name}: pods treat it as a pod address, so traffic never leaves the cluster; move the destination out of ${inPods.text} (a container CIDR cannot be changed after the cluster is created)`;
      fails.push(reason);
      out.fixes.push(replanFix(reason, purpose));
    }
    if (cluster.serviceCidr && overlaps(cluster.serviceCidr, addr)) {
      const reason = `${addr.text} is inside the Service CIDR ${cluster.serviceCidr.text} of ${name}: kube-proxy captures it as a ClusterIP; move the destination out of it`;
      fails.push(reason);
      out.fixes.push(replanFix(reason, purpose));
    }
  }
  const own = compiled.vpcs.get(cluster.vpcId);
  const ownBlocks = own?.blocks ?? [];
  const selfOverlap = firstOverlap(cluster.containerCidrs, ownBlocks);
  if (selfOverlap)
    warns.push(
      `container CIDR ${selfOverlap[0].text} overlaps the cluster VPC CIDR ${selfOverlap[1].text} (CCE best practice "Planning CIDR Blocks for a Cluster", cce_bestpractice_00004)`,
    );
  const system = firstOverlap(cluster.containerCidrs, SYSTEM_RANGES);
  if (system)
    warns.push(
      `container CIDR ${system[0].text} overlaps the VPC system range ${system[1].text} (CCE best practice "Planning CIDR Blocks for a Cluster", cce_bestpractice_00004)`,
    );
  if (cluster.model === 'vpc-router') {
    // VPC-network clusters write their pod routes into the VPC route table they share: CCE refuses a container
    // CIDR that overlaps another such cluster's in the same VPC, and if both exist, routes go to the wrong nodes.
    for (const otherName of compiled.clusterNames) {
      const other = compiled.clusters.get(otherName.toLowerCase());
      if (!other || other === cluster || other.model !== 'vpc-router' || other.vpcId !== cluster.vpcId) continue;
      const clash = firstOverlap(cluster.containerCidrs, other.containerCidrs);
      if (!clash) continue;
      const reason = `container CIDR ${clash[0].text} of ${name} overlaps ${clash[1].text} of ${other.cluster.name}, another VPC-network cluster in ${cluster.vpcId}: both write pod routes into the same VPC route table, so replies go to the wrong cluster's nodes (CCE best practice "Planning CIDR Blocks for a Cluster", cce_bestpractice_00004); re-create one cluster with a container CIDR that overlaps neither`;
      fails.push(reason);
      out.fixes.push(replanFix(reason, purpose));
    }
  }
  const peer = target.vpc;
  if (external && peer && own && peer.vpc.id !== own.vpc.id) {
    const vpcOverlap = firstOverlap(ownBlocks, peer.blocks);
    if (vpcOverlap) {
      const subnetOverlap = firstOverlap(
        own.subnets.map((s) => s.cidr),
        peer.subnets.map((s) => s.cidr),
      );
      if (subnetOverlap) {
        const reason = `subnets ${subnetOverlap[0].text} (${own.vpc.id}) and ${subnetOverlap[1].text} (${peer.vpc.id}) overlap: a peering between the VPCs does not take effect (VPC "VPC Peering Connection Overview", vpc_peering_0009); re-address one side`;
        fails.push(reason);
        out.fixes.push(replanFix(reason, purpose));
      } else
        warns.push(
          `VPC CIDRs ${vpcOverlap[0].text} and ${vpcOverlap[1].text} overlap: only subnet-specific routes can connect them (VPC "VPC Peering Connection Overview", vpc_peering_0009)`,
        );
    }
    if (cluster.model === 'vpc-router' && ctx.source.kind === 'pod-cidr') {
      const podOverlap = firstOverlap(cluster.containerCidrs, peer.blocks);
      if (podOverlap) {
        const reason = `container CIDR ${podOverlap[0].text} of ${name} overlaps ${peer.vpc.id} (${podOverlap[1].text}): that VPC cannot route replies to the pods (CCE best practice "Planning CIDR Blocks for a Cluster", cce_bestpractice_00004)`;
        fails.push(reason);
        out.fixes.push(replanFix(reason, purpose));
      }
    }
  }
  if (fails.length) out.steps.push({ check: 'planning', status: 'fail', summary: fails.join('; ') });
  else if (warns.length) out.steps.push({ check: 'planning', status: 'warn', summary: warns.join('; ') });
  else out.steps.push({ check: 'planning', status: 'pass', summary: 'no CIDR conflict on this path' });
  if (!fails.length) out.assumptions.push(...warns);
  return out;
}
