// A compiled topology with fixes applied, recompiling only the objects the fixes touch, so that verifying
// the fixes of a diagnosis costs about as much as the diagnosis itself (no full recompile, no copy of a
// large topology). The patched `topology` is built only if someone reads it.
import { parseIp } from '../../net/address.js';
import {
  type CompiledAcl,
  type CompiledCluster,
  type CompiledSecurityGroup,
  type CompiledTopology,
  type CompiledVpc,
  compileAcl,
  compileVpc,
  extendSecurityGroup,
  type Lookup,
  pairKey,
} from '../../topology/compile.js';
import { type CompiledEr, compileEr } from '../../topology/compile-er.js';
import type { Peering, Resource, Topology } from '../../topology/schema.js';
import type { Fix, FixSpec } from '../diagnosis.js';
import {
  applyFixes,
  applyFixesToAcl,
  applyFixesToCluster,
  applyFixesToEr,
  applyFixesToGroup,
  applyFixesToResource,
  applyFixesToVpc,
} from './apply.js';

function overlay<V>(base: Lookup<V>, patch: Map<string, V>): Lookup<V> {
  if (patch.size === 0) return base;
  return { get: (key) => (patch.has(key) ? patch.get(key) : base.get(key)) };
}

/** Equivalent to `compileTopology(applyFixes(compiled.topology, fixes))`, computed incrementally. */
export function patchCompiled(compiled: CompiledTopology, fixes: readonly (Fix | FixSpec)[]): CompiledTopology {
  const groups = new Map<string, CompiledSecurityGroup>();
  const vpcs = new Map<string, CompiledVpc>();
  const acls = new Map<string, CompiledAcl>();
  const peerings = new Map<string, Peering>();
  const pairs = new Map<string, Peering[]>();
  const resources = new Map<string, Resource>();
  const ers = new Map<string, CompiledEr>();
  const byAddress = new Map<string, Resource[]>();
  const clusters = compiled.topology.clusters ?? [];
  const patchedClusters = new Map<string, CompiledCluster>();
  for (const fix of fixes) {
    if (fix.kind === 'network-policy' && !patchedClusters.has(fix.cluster.toLowerCase())) {
      // The engine reads NetworkPolicies from the cluster document itself: swapping the document is enough.
      const current = compiled.clusters.get(fix.cluster.toLowerCase());
      if (current)
        patchedClusters.set(fix.cluster.toLowerCase(), {
          ...current,
          cluster: applyFixesToCluster(current.cluster, fixes),
        });
      continue;
    }
    if (fix.kind === 'security-group-rule' && !groups.has(fix.securityGroup)) {
      const current = compiled.securityGroups.get(fix.securityGroup);
      if (current)
        groups.set(
          current.group.id,
          extendSecurityGroup(current, applyFixesToGroup(current.group, fixes), compiled.addressGroups),
        );
    } else if ((fix.kind === 'route' || fix.kind === 'snat-rule' || fix.kind === 'nat-gateway') && !vpcs.has(fix.vpc)) {
      const vpc = compiled.vpcs.get(fix.vpc)?.vpc;
      if (vpc) vpcs.set(vpc.id, compileVpc(applyFixesToVpc(vpc, fixes), clusters));
    } else if (fix.kind === 'peering') {
      for (const id of new Set(fix.routes.map((r) => r.vpc))) {
        const vpc = vpcs.has(id) ? undefined : compiled.vpcs.get(id)?.vpc;
        if (vpc) vpcs.set(vpc.id, compileVpc(applyFixesToVpc(vpc, fixes), clusters));
      }
      const created: Peering = {
        id: fix.peering,
        requesterVpc: fix.requesterVpc,
        accepterVpc: fix.accepterVpc,
        status: 'ACTIVE',
      };
      peerings.set(created.id, created);
      const key = pairKey(fix.requesterVpc, fix.accepterVpc);
      const list = pairs.get(key) ?? [...(compiled.peeringsByPair.get(key) ?? [])];
      pairs.set(key, [...list.filter((p) => p.id !== created.id), created]);
    } else if (fix.kind === 'network-acl-rule' && !acls.has(fix.networkAcl)) {
      const acl = compiled.networkAcls.get(fix.networkAcl)?.acl;
      if (acl) acls.set(acl.id, compileAcl(applyFixesToAcl(acl, fixes), compiled.addressGroups));
    } else if (
      (fix.kind === 'er-route' || fix.kind === 'er-association' || fix.kind === 'er-propagation') &&
      !ers.has(fix.enterpriseRouter)
    ) {
      const er = compiled.enterpriseRouters.get(fix.enterpriseRouter)?.er;
      if (er) ers.set(er.id, compileEr(applyFixesToEr(er, fixes), compiled.vpcs));
    } else if (fix.kind === 'peering-accept') {
      const peering = compiled.peerings.get(fix.peering);
      if (!peering) continue;
      const accepted = { ...peering, status: 'ACTIVE' as const };
      peerings.set(peering.id, accepted);
      const key = pairKey(peering.requesterVpc, peering.accepterVpc);
      const list = pairs.get(key) ?? [...(compiled.peeringsByPair.get(key) ?? [])];
      pairs.set(
        key,
        list.map((p) => (p.id === peering.id ? accepted : p)),
      );
    } else if (
      (fix.kind === 'whitelist-entry' || fix.kind === 'host-bridge') &&
      !resources.has(fix.resource.toLowerCase())
    ) {
      const resource = compiled.resources.get(fix.resource.toLowerCase());
      if (!resource) continue;
      const next = applyFixesToResource(resource, fixes);
      resources.set(resource.name.toLowerCase(), next);
      for (const address of next.addresses) {
        const text = parseIp(address)?.text ?? address;
        const list = byAddress.get(text) ?? [...(compiled.resourcesByAddress.get(text) ?? [])];
        byAddress.set(
          text,
          list.map((r) => (r.name === next.name ? next : r)),
        );
      }
    }
  }
  let topology: Topology | undefined;
  return {
    ...compiled,
    get topology() {
      topology ??= applyFixes(compiled.topology, fixes);
      return topology;
    },
    clusters: overlay(compiled.clusters, patchedClusters),
    securityGroups: overlay(compiled.securityGroups, groups),
    vpcs: overlay(compiled.vpcs, vpcs),
    networkAcls: overlay(compiled.networkAcls, acls),
    peerings: overlay(compiled.peerings, peerings),
    peeringsByPair: overlay<readonly Peering[]>(compiled.peeringsByPair, pairs),
    resources: overlay(compiled.resources, resources),
    resourcesByAddress: overlay<readonly Resource[]>(compiled.resourcesByAddress, byAddress),
    enterpriseRouters: overlay(compiled.enterpriseRouters, ers),
  };
}
