// Step `planning`: CIDR conflicts that no rule can fix (CCE best practice "Planning CIDR Blocks for a Cluster", cce_bestpractice_00004, VPC "VPC Peering Connection Overview", vpc_peering_0009): a destination inside the
// cluster's own container or Service CIDR, overlapping peered VPCs, container CIDRs overlapping VPCs.
import { engineSource as TEXTS } from '../../i18n/messages/engine-source.js';
import { type Cidr, overlaps } from '../../net/address.js';
import { CLOUD_SERVICE_RANGE, CLOUD_SYSTEM_RANGES } from '../../topology/cloud-ranges.js';
import type { CompiledCluster, CompiledTopology } from '../../topology/compile.js';
import { type CheckResult, type FlowContext, result } from '../context.js';
import { replanFix } from '../fixes/replan.js';

const SYSTEM_RANGES = [...CLOUD_SYSTEM_RANGES, CLOUD_SERVICE_RANGE];

function firstOverlap(a: readonly Cidr[], b: readonly Cidr[]): [Cidr, Cidr] | undefined {
  for (const x of a) for (const y of b) if (overlaps(x, y)) return [x, y];
  return undefined;
}

interface Clash {
  readonly clash: [Cidr, Cidr];
  readonly other: CompiledCluster;
}

// Clashes depend on the clusters alone, not on the destination: found once per compiled topology, not for each of
// the 20,000 destinations of a reverse answer (a loop over every cluster each time).
const clashesByTopology = new WeakMap<CompiledTopology, ReadonlyMap<string, readonly Clash[]>>();

/**
 * VPC-network clusters write their pod routes into the VPC route table they share: CCE refuses a container CIDR
 * that overlaps another such cluster's in the same VPC, and if both exist, routes go to the wrong nodes.
 */
function vpcRouterClashes(compiled: CompiledTopology, cluster: CompiledCluster): readonly Clash[] {
  let clashes = clashesByTopology.get(compiled);
  if (!clashes) {
    clashes = findVpcRouterClashes(compiled);
    clashesByTopology.set(compiled, clashes);
  }
  return clashes.get(cluster.cluster.name.toLowerCase()) ?? [];
}

/** Every VPC-network cluster's clashes, by lowercased cluster name. */
function findVpcRouterClashes(compiled: CompiledTopology): Map<string, Clash[]> {
  const routed = compiled.clusterNames.flatMap((name) => {
    const cluster = compiled.clusters.get(name.toLowerCase());
    return cluster?.model === 'vpc-router' ? [cluster] : [];
  });
  const found = new Map<string, Clash[]>();
  for (const cluster of routed) {
    for (const other of routed) {
      if (other === cluster || other.vpcId !== cluster.vpcId) continue;
      const clash = firstOverlap(cluster.containerCidrs, other.containerCidrs);
      if (!clash) continue;
      const key = cluster.cluster.name.toLowerCase();
      found.set(key, [...(found.get(key) ?? []), { clash, other }]);
    }
  }
  return found;
}

/** Planning conflicts on this path. */
export function planningCheck(ctx: FlowContext): CheckResult {
  const out = result();
  const { cluster, target, compiled, purpose, i18n: text } = ctx;
  const name = cluster.cluster.name;
  const fails: string[] = [];
  const warns: string[] = [];
  const external = !target.special && target.info.kind !== 'internet';
  const addr = target.address;
  if (external) {
    const inPods = cluster.containerCidrs.find((c) => overlaps(c, addr));
    if (inPods) {
      const reason = text.t(TEXTS['planning.in-container-cidr'], {
        address: addr.text,
        cidr: inPods.text,
        cluster: name,
      });
      fails.push(reason);
      out.fixes.push(replanFix(reason, purpose));
    }
    if (cluster.serviceCidr && overlaps(cluster.serviceCidr, addr)) {
      const reason = text.t(TEXTS['planning.in-service-cidr'], {
        address: addr.text,
        cidr: cluster.serviceCidr.text,
        cluster: name,
      });
      fails.push(reason);
      out.fixes.push(replanFix(reason, purpose));
    }
  }
  const own = compiled.vpcs.get(cluster.vpcId);
  const ownBlocks = own?.blocks ?? [];
  const selfOverlap = firstOverlap(cluster.containerCidrs, ownBlocks);
  if (selfOverlap)
    warns.push(text.t(TEXTS['planning.self-overlap'], { container: selfOverlap[0].text, vpc: selfOverlap[1].text }));
  const system = firstOverlap(cluster.containerCidrs, SYSTEM_RANGES);
  if (system)
    warns.push(text.t(TEXTS['planning.system-overlap'], { container: system[0].text, system: system[1].text }));
  for (const { clash, other } of vpcRouterClashes(compiled, cluster)) {
    const reason = text.t(TEXTS['planning.vpc-router-clash'], {
      container: clash[0].text,
      cluster: name,
      other: clash[1].text,
      otherCluster: other.cluster.name,
      vpc: cluster.vpcId,
    });
    fails.push(reason);
    out.fixes.push(replanFix(reason, purpose));
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
        const reason = text.t(TEXTS['planning.subnet-overlap'], {
          own: subnetOverlap[0].text,
          ownVpc: own.vpc.id,
          peer: subnetOverlap[1].text,
          peerVpc: peer.vpc.id,
        });
        fails.push(reason);
        out.fixes.push(replanFix(reason, purpose));
      } else warns.push(text.t(TEXTS['planning.vpc-overlap'], { own: vpcOverlap[0].text, peer: vpcOverlap[1].text }));
    }
    if (cluster.model === 'vpc-router' && ctx.source.kind === 'pod-cidr') {
      const podOverlap = firstOverlap(cluster.containerCidrs, peer.blocks);
      if (podOverlap) {
        const reason = text.t(TEXTS['planning.pod-overlap'], {
          container: podOverlap[0].text,
          cluster: name,
          vpc: peer.vpc.id,
          block: podOverlap[1].text,
        });
        fails.push(reason);
        out.fixes.push(replanFix(reason, purpose));
      }
    }
  }
  const clauses = (parts: readonly string[]) => text.t(TEXTS['engine.clauses'], { parts });
  if (fails.length) out.steps.push({ check: 'planning', status: 'fail', summary: clauses(fails) });
  else if (warns.length) out.steps.push({ check: 'planning', status: 'warn', summary: clauses(warns) });
  else out.steps.push({ check: 'planning', status: 'pass', summary: text.t(TEXTS['planning.ok']) });
  if (!fails.length) out.assumptions.push(...warns);
  return out;
}
