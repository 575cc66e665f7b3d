// Step `destination`: what the address is (CCE FAQ "How Do I Locate a Workload Networking Fault?", cce_faq_00202): a declared resource, a cluster node, a pod,
// a Service IP, an address of this or a peered VPC, the internet, or unknown.

import { EN, type I18n } from '../../i18n/i18n.js';
import { engineSource as TEXTS } from '../../i18n/messages/engine-source.js';
import { type AddressRange, contains, isPrivate, isPublic, specialRange } from '../../net/address.js';
import { CLOUD_SERVICE_RANGE, CLOUD_SYSTEM_RANGES, CLOUD_SYSTEM_ROUTES } from '../../topology/cloud-ranges.js';
import {
  type CompiledCluster,
  type CompiledTopology,
  type CompiledVpc,
  peeringsBetween,
} from '../../topology/compile.js';
import type { Resource } from '../../topology/schema.js';
import type { Complete, Target } from '../context.js';
import type { Step } from '../diagnosis.js';

// The bare id: diagnose labels every named id of a step ("name (id)") in one place (src/names/labels.ts).
function vpcLabel(vpc: CompiledVpc): string {
  return vpc.vpc.id;
}

/** How close a VPC is to the asking cluster: its own VPC, a peered VPC, any other. */
function vpcRank(compiled: CompiledTopology, cluster: CompiledCluster, vpcId: string): number {
  if (vpcId === cluster.vpcId) return 0;
  return peeringsBetween(compiled, vpcId, cluster.vpcId).length ? 1 : 2;
}

/** The VPCs containing an address, the asking cluster's first, then peered ones. */
function vpcsContaining(compiled: CompiledTopology, cluster: CompiledCluster, address: AddressRange): string[] {
  const ids = [...new Set(compiled.vpcBlocks.containing(address).map((e) => e.value))];
  return ids.sort((a, b) => vpcRank(compiled, cluster, a) - vpcRank(compiled, cluster, b));
}

/** Pick the resource at an address: in the asking VPC first, then a peered VPC. */
function pickResource(compiled: CompiledTopology, cluster: CompiledCluster, list: readonly Resource[]) {
  return [...list].sort((a, b) => vpcRank(compiled, cluster, a.vpc) - vpcRank(compiled, cluster, b.vpc))[0];
}

const NO_GROUPS: ReadonlySet<string> = new Set();

/** What a target is besides its address. */
type TargetParts = Omit<Target, 'address' | 'family' | 'memberOf'> & { readonly memberOf?: ReadonlySet<string> };

/**
 * A Target with every field in one order, absent ones undefined. Built by spreading a shared base and then
 * overriding fields, targets took 7 µs each (V8 gave each such object a slow shape), most of a 20,000-destination
 * reverse answer's classification.
 */
function targetOf(address: AddressRange, parts: TargetParts): Target {
  const target: Complete<Target> = {
    address,
    family: address.family,
    info: parts.info,
    resource: parts.resource,
    vpc: parts.vpc,
    subnet: parts.subnet,
    securityGroups: parts.securityGroups,
    memberOf: parts.memberOf ?? NO_GROUPS,
    special: parts.special,
    summary: parts.summary,
  };
  return target;
}

/** Classify the destination address (or the named resource at it). */
export function classifyDestination(
  compiled: CompiledTopology,
  cluster: CompiledCluster,
  address: AddressRange,
  named?: Resource,
  text: I18n = EN,
): Target {
  const own = cluster.cluster.name;
  const resource = named ?? pickResource(compiled, cluster, compiled.resourcesByAddress.get(address.text) ?? []);
  if (resource) {
    const vpc = compiled.vpcs.get(resource.vpc);
    const subnet = compiled.subnets.get(resource.subnet);
    const groups = resource.securityGroups ?? [];
    return targetOf(address, {
      info: {
        kind: 'resource',
        address: address.text,
        resource: resource.name,
        vpc: resource.vpc,
        subnet: resource.subnet,
      },
      resource,
      vpc,
      subnet,
      securityGroups: groups,
      memberOf: new Set(groups),
      summary: text.t(TEXTS['destination.resource'], {
        address: address.text,
        ...(resource.type ? { type: resource.type } : {}),
        name: resource.name,
        vpc: resource.vpc,
        subnet: resource.subnet,
      }),
    });
  }

  const service = compiled.serviceIndex.containing(address)[0]?.value;
  if (service) {
    const mine = service === own;
    return targetOf(address, {
      info: { kind: 'service', address: address.text, cluster: service },
      securityGroups: null,
      special: mine ? 'own-service' : 'other-service',
      summary: text.t(TEXTS[mine ? 'destination.own-service' : 'destination.other-service'], {
        address: address.text,
        cluster: service,
      }),
    });
  }

  const node = compiled.nodesByAddress.get(address.text);
  if (node) {
    const nodeCluster = compiled.clusters.get(node.cluster.toLowerCase());
    const groups = nodeCluster?.cluster.nodeSecurityGroups ?? [];
    const vpcId = nodeCluster?.vpcId;
    return targetOf(address, {
      info: {
        kind: 'node',
        address: address.text,
        cluster: node.cluster,
        node: node.node.node.name,
        vpc: vpcId,
        subnet: node.node.subnet?.subnet.id,
      },
      vpc: vpcId ? compiled.vpcs.get(vpcId) : undefined,
      subnet: node.node.subnet,
      securityGroups: groups,
      memberOf: new Set(groups),
      summary: text.t(TEXTS['destination.node'], {
        address: address.text,
        node: node.node.node.name,
        cluster: node.cluster,
      }),
    });
  }

  const podOf = compiled.containerIndex.containing(address)[0]?.value;
  if (podOf) {
    const podCluster = compiled.clusters.get(podOf.toLowerCase())!;
    if (podOf === own)
      return targetOf(address, {
        info: { kind: 'pod', address: address.text, cluster: podOf },
        securityGroups: null,
        special: 'own-pod',
        summary: text.t(TEXTS['destination.own-pod'], { address: address.text, cluster: podOf }),
      });
    if (podCluster.model === 'overlay_l2')
      return targetOf(address, {
        info: { kind: 'pod', address: address.text, cluster: podOf, vpc: podCluster.vpcId },
        securityGroups: null,
        special: 'overlay-pod',
        summary: text.t(TEXTS['destination.overlay-pod'], { address: address.text, cluster: podOf }),
      });
    const groups = podCluster.cluster.nodeSecurityGroups ?? [];
    const subnet = podCluster.nodeSubnets[0];
    return targetOf(address, {
      info: { kind: 'pod', address: address.text, cluster: podOf, vpc: podCluster.vpcId, subnet: subnet?.subnet.id },
      vpc: compiled.vpcs.get(podCluster.vpcId),
      subnet,
      securityGroups: groups,
      memberOf: new Set(groups),
      summary: text.t(TEXTS['destination.vpc-pod'], { address: address.text, cluster: podOf }),
    });
  }

  const vpcIds = vpcsContaining(compiled, cluster, address);
  const vpcId = vpcIds[0];
  if (vpcId) {
    const vpc = compiled.vpcs.get(vpcId)!;
    const subnet = compiled.subnetIndex.containing(address).find((e) => e.value.vpcId === vpcId)?.value;
    const kind = vpcRank(compiled, cluster, vpcId) === 1 ? 'peered-vpc' : 'vpc';
    if (!subnet)
      return targetOf(address, {
        info: { kind: 'unknown', address: address.text, vpc: vpcId },
        vpc,
        securityGroups: null,
        special: 'no-subnet',
        summary: text.t(TEXTS['destination.no-subnet'], { address: address.text, vpc: vpcLabel(vpc) }),
      });
    const eniCluster = compiled.eniSubnets.get(subnet.subnet.id);
    if (eniCluster && eniCluster !== own) {
      const groups = compiled.clusters.get(eniCluster.toLowerCase())?.cluster.podSecurityGroups ?? [];
      return targetOf(address, {
        info: { kind: 'pod', address: address.text, cluster: eniCluster, vpc: vpcId, subnet: subnet.subnet.id },
        vpc,
        subnet,
        securityGroups: groups,
        memberOf: new Set(groups),
        summary: text.t(TEXTS['destination.eni-pod'], {
          address: address.text,
          subnet: subnet.subnet.id,
          cluster: eniCluster,
        }),
      });
    }
    return targetOf(address, {
      info: { kind, address: address.text, vpc: vpcId, subnet: subnet.subnet.id },
      vpc,
      subnet,
      securityGroups: null,
      summary: text.t(TEXTS['destination.undeclared'], {
        address: address.text,
        vpc: vpcLabel(vpc),
        subnet: subnet.subnet.id,
        where: kind === 'peered-vpc' ? 'peered' : vpcId === cluster.vpcId ? 'own' : 'other',
      }),
    });
  }

  const special = specialRange(address);
  // Documentation ranges (TEST-NET, 2001:db8::/32) stand in for public addresses in examples: answer as such, and say so.
  if (isPublic(address) || special?.documentation)
    return targetOf(address, {
      info: { kind: 'internet', address: address.text },
      securityGroups: null,
      summary: special
        ? text.t(TEXTS['destination.documentation'], {
            address: address.text,
            cidr: special.cidr.text,
            name: special.name,
          })
        : text.t(TEXTS['destination.public'], { address: address.text }),
    });
  const cloudService = CLOUD_SYSTEM_RANGES.some((c) => contains(c, address));
  return targetOf(address, {
    info: { kind: 'unknown', address: address.text },
    securityGroups: null,
    special: 'unknown-private',
    summary: cloudService
      ? text.t(TEXTS['destination.cloud-service'], {
          address: address.text,
          services: CLOUD_SYSTEM_ROUTES[0],
          endpoints: CLOUD_SYSTEM_ROUTES[1],
          range: CLOUD_SERVICE_RANGE.text,
        })
      : special && !isPrivate(address)
        ? text.t(TEXTS['destination.special'], { address: address.text, cidr: special.cidr.text, name: special.name })
        : text.t(TEXTS['destination.unknown-private'], { address: address.text }),
  });
}

/** The `destination` step for a classified target: destinations nothing outside can reach fail here. */
export function destinationStep(target: Target): Step {
  const blocked =
    target.special === 'other-service' || target.special === 'overlay-pod' || target.special === 'no-subnet';
  const status = blocked ? 'fail' : target.special ? 'warn' : 'pass';
  return { check: 'destination', status, summary: target.summary, evidence: { ...target.info } };
}
