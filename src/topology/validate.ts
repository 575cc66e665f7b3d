// Checks that need the whole document: unique ids, references that resolve, one default route
// table per VPC, subnets inside their VPC, and model-specific cluster fields.

import { noMeter, type WorkMeter } from '../bounds/meter.js';
import { type ReferenceKind, topologyIssues as T } from '../i18n/messages/topology-issues.js';
import { boundedHints } from '../names/closest.js';
import { type Cidr, contains, memoizedCidrParser, parseCidr, parseIp } from '../net/address.js';
import { PrefixIndex } from './compile.js';
import { issueOf, type TopologyIssue } from './errors.js';
import { checkKubernetesObjects } from './kubernetes-objects.js';
import type { Subnet, Topology } from './schema.js';

const VPC: ReferenceKind = { kind: 'vpc' };
const SECURITY_GROUP: ReferenceKind = { kind: 'securityGroup' };

/** Reference and consistency checks on a schema-valid topology; returns every issue found. */
export function checkReferences(topology: Topology, meter: WorkMeter = noMeter): TopologyIssue[] {
  const knownHint = boundedHints(undefined, meter);
  const parseCidrOnce = memoizedCidrParser();
  const mustCidr = (text: string): Cidr => {
    meter.tick();
    return parseCidrOnce(text);
  };
  const issues: TopologyIssue[] = [];
  const unique = (list: readonly { id?: string; name?: string }[] | undefined, key: 'id' | 'name', at: string) => {
    const seen = new Map<string, number>();
    (list ?? []).forEach((item, index) => {
      meter.tick();
      const value = item[key];
      if (value === undefined) return;
      const first = seen.get(value);
      if (first !== undefined)
        issues.push(
          issueOf(`${at}[${index}].${key}`, T['topology.issue.duplicate'], { value, first: `${at}[${first}]` }),
        );
      else seen.set(value, index);
    });
  };

  const vpcs = topology.vpcs ?? [];
  const vpcIds = vpcs.map((v) => v.id);
  const subnets = vpcs.flatMap((v) => (v.subnets ?? []).map((s) => ({ ...s, vpc: v.id })));
  const subnetIds = subnets.map((s) => s.id);
  const subnetById = new Map(subnets.map((s) => [s.id, s]));
  // The blocks of a subnet, parsed once for all the resources in it.
  const blocksOfSubnet = new Map<string, Cidr[]>();
  const subnetBlocks = (subnet: Subnet): Cidr[] => {
    let blocks = blocksOfSubnet.get(subnet.id);
    if (!blocks) {
      blocks = [subnet.cidr, subnet.ipv6Cidr].filter((b): b is string => !!b).map(mustCidr);
      blocksOfSubnet.set(subnet.id, blocks);
    }
    return blocks;
  };
  const subnetsOfVpc = new Map<string, string[]>();
  for (const s of subnets) {
    const list = subnetsOfVpc.get(s.vpc);
    if (list) list.push(s.id);
    else subnetsOfVpc.set(s.vpc, [s.id]);
  }
  // Membership tests run once per reference: sets keep large topologies linear.
  const sets = new WeakMap<readonly string[], Set<string>>();
  const setOf = (list: readonly string[]) => {
    const cached = sets.get(list);
    if (cached) return cached;
    const set = new Set(list);
    sets.set(list, set);
    return set;
  };
  const sgIds = (topology.securityGroups ?? []).map((g) => g.id);
  const agIds = (topology.addressGroups ?? []).map((g) => g.id);
  const aclIds = (topology.networkAcls ?? []).map((a) => a.id);
  const peeringIds = (topology.peerings ?? []).map((p) => p.id);
  const erIds = (topology.enterpriseRouters ?? []).map((e) => e.id);

  unique(vpcs, 'id', 'vpcs');
  unique(topology.peerings, 'id', 'peerings');
  unique(topology.securityGroups, 'id', 'securityGroups');
  unique(topology.addressGroups, 'id', 'addressGroups');
  unique(topology.networkAcls, 'id', 'networkAcls');
  unique(topology.clusters, 'name', 'clusters');
  unique(topology.resources, 'name', 'resources');

  const ref = (value: string, known: readonly string[], path: string, what: ReferenceKind) => {
    meter.tick();
    if (!setOf(known).has(value))
      issues.push(
        issueOf(path, T['topology.issue.unknown-reference'], { what, value, known: knownHint(value, known) }),
      );
  };

  const refs = (values: readonly string[] | undefined, known: readonly string[], path: string, what: ReferenceKind) => {
    (values ?? []).forEach((value, index) => {
      ref(value, known, `${path}[${index}]`, what);
    });
  };

  const subnetSeen = new Map<string, string>();
  vpcs.forEach((vpc, v) => {
    const at = `vpcs[${v}]`;
    const blocks = [vpc.cidr, ...(vpc.secondaryCidrs ?? [])].map(mustCidr);
    // A prefix index answers "inside one of the VPC's blocks" in one lookup per prefix length.
    const blockIndex = new PrefixIndex<true>();
    for (const block of blocks) blockIndex.add(block, true);
    // VPC CIDR blocks may not overlap one another (a duplicate would also make every lookup return it twice).
    for (const { index, other } of overlapping(blocks, meter)) {
      const name = (i: number) => (i === 0 ? 'cidr' : `secondaryCidrs[${i - 1}]`);
      issues.push(
        issueOf(`${at}.${name(index)}`, T['topology.issue.overlaps'], {
          cidr: blocks[index]!.text,
          other: `${at}.${name(other)}`,
          otherCidr: blocks[other]!.text,
        }),
      );
    }
    const tableIds = (vpc.routeTables ?? []).map((t) => t.id);
    unique(vpc.routeTables, 'id', `${at}.routeTables`);
    unique(vpc.natGateways, 'id', `${at}.natGateways`);
    const defaults = (vpc.routeTables ?? []).filter((t) => t.default).length;
    if ((vpc.routeTables ?? []).length > 0 && defaults !== 1) {
      issues.push(issueOf(`${at}.routeTables`, T['topology.issue.one-default-table'], { found: defaults }));
    }
    (vpc.subnets ?? []).forEach((subnet, s) => {
      const sat = `${at}.subnets[${s}]`;
      const other = subnetSeen.get(subnet.id);
      if (other) issues.push(issueOf(`${sat}.id`, T['topology.issue.duplicate'], { value: subnet.id, first: other }));
      else subnetSeen.set(subnet.id, sat);
      meter.tick();
      const block = mustCidr(subnet.cidr);
      if (blockIndex.containing(block).length === 0) {
        issues.push(
          issueOf(`${sat}.cidr`, T['topology.issue.outside-vpc'], {
            cidr: subnet.cidr,
            blocks: blocks.slice(0, 5).map((b) => b.text),
            more: Math.max(0, blocks.length - 5),
          }),
        );
      }
      if (subnet.routeTable)
        ref(subnet.routeTable, tableIds, `${sat}.routeTable`, { kind: 'routeTableOf', of: vpc.id });
      if (subnet.networkAcl) ref(subnet.networkAcl, aclIds, `${sat}.networkAcl`, { kind: 'networkAcl' });
    });
    for (const { index, other } of overlapping(
      (vpc.subnets ?? []).map((subnet) => mustCidr(subnet.cidr)),
      meter,
    )) {
      const subnets = vpc.subnets ?? [];
      issues.push(
        issueOf(`${at}.subnets[${index}].cidr`, T['topology.issue.overlaps'], {
          cidr: subnets[index]!.cidr,
          other: `${at}.subnets[${other}]`,
          otherCidr: subnets[other]!.cidr,
        }),
      );
    }
    (vpc.routeTables ?? []).forEach((table, t) => {
      // One route per destination in a table, as the VPC API enforces: two would leave the choice undefined.
      const destinations = new Map<string, number>();
      (table.routes ?? []).forEach((route, r) => {
        meter.tick();
        const key = mustCidr(route.destination).text;
        const first = destinations.get(key);
        if (first !== undefined)
          issues.push(
            issueOf(`${at}.routeTables[${t}].routes[${r}].destination`, T['topology.issue.duplicate-destination'], {
              destination: route.destination,
              first: `${at}.routeTables[${t}].routes[${first}]`,
            }),
          );
        else destinations.set(key, r);
        if (route.type === 'peering') {
          const path = `${at}.routeTables[${t}].routes[${r}].nextHop`;
          if (!route.nextHop) issues.push(issueOf(path, T['topology.issue.peering-next-hop'], undefined));
          else ref(route.nextHop, peeringIds, path, { kind: 'peering' });
        }
        // A route to an ER the file declares must name it; with no ERs declared, such routes stay opaque.
        if (route.type === 'er' && erIds.length > 0) {
          const path = `${at}.routeTables[${t}].routes[${r}].nextHop`;
          if (!route.nextHop) issues.push(issueOf(path, T['topology.issue.er-next-hop'], undefined));
          else ref(route.nextHop, erIds, path, { kind: 'enterpriseRouter' });
        }
      });
    });
    (vpc.natGateways ?? []).forEach((nat, n) => {
      (nat.snatRules ?? []).forEach((rule, r) => {
        const isSubnet = subnetById.has(rule.source);
        if (!isSubnet && !parseCidr(rule.source).ok) {
          issues.push(
            issueOf(`${at}.natGateways[${n}].snatRules[${r}].source`, T['topology.issue.snat-source'], {
              value: rule.source,
              known: knownHint(rule.source, subnetIds),
            }),
          );
        }
      });
    });
  });

  (topology.peerings ?? []).forEach((p, i) => {
    ref(p.requesterVpc, vpcIds, `peerings[${i}].requesterVpc`, VPC);
    ref(p.accepterVpc, vpcIds, `peerings[${i}].accepterVpc`, VPC);
    if (p.requesterVpc === p.accepterVpc)
      issues.push(issueOf(`peerings[${i}]`, T['topology.issue.peering-same-vpc'], undefined));
  });

  unique(topology.enterpriseRouters, 'id', 'enterpriseRouters');
  (topology.enterpriseRouters ?? []).forEach((er, e) => {
    const at = `enterpriseRouters[${e}]`;
    unique(er.routeTables, 'id', `${at}.routeTables`);
    unique(er.attachments, 'id', `${at}.attachments`);
    const attachmentIds = (er.attachments ?? []).map((a) => a.id);
    (er.attachments ?? []).forEach((attachment, a) => {
      const aat = `${at}.attachments[${a}]`;
      if ((attachment.type ?? 'vpc') === 'vpc') {
        if (!attachment.vpc) issues.push(issueOf(`${aat}.vpc`, T['topology.issue.attachment-vpc'], undefined));
        else ref(attachment.vpc, vpcIds, `${aat}.vpc`, VPC);
        if (!attachment.subnet) issues.push(issueOf(`${aat}.subnet`, T['topology.issue.attachment-subnet'], undefined));
        else if (attachment.vpc)
          ref(attachment.subnet, subnetsOfVpc.get(attachment.vpc) ?? [], `${aat}.subnet`, {
            kind: 'subnetOf',
            of: attachment.vpc,
          });
        if (attachment.cidrs?.length)
          issues.push(issueOf(`${aat}.cidrs`, T['topology.issue.attachment-cidrs'], undefined));
      } else if (attachment.vpc || attachment.subnet) {
        issues.push(
          issueOf(`${aat}.${attachment.vpc ? 'vpc' : 'subnet'}`, T['topology.issue.attachment-no-vpc'], {
            type: String(attachment.type),
          }),
        );
      }
    });
    const associatedAt = new Map<string, string>();
    (er.routeTables ?? []).forEach((table, t) => {
      const tat = `${at}.routeTables[${t}]`;
      (table.associations ?? []).forEach((attachment, i) => {
        const path = `${tat}.associations[${i}]`;
        ref(attachment, attachmentIds, path, { kind: 'attachmentOf', of: er.id });
        const first = associatedAt.get(attachment);
        if (first) issues.push(issueOf(path, T['topology.issue.associated-twice'], { attachment, first }));
        else associatedAt.set(attachment, path);
      });
      const propagated = new Set<string>();
      (table.propagations ?? []).forEach((attachment, i) => {
        const path = `${tat}.propagations[${i}]`;
        ref(attachment, attachmentIds, path, { kind: 'attachmentOf', of: er.id });
        if (propagated.has(attachment))
          issues.push(issueOf(path, T['topology.issue.propagated-twice'], { attachment, table: table.id }));
        propagated.add(attachment);
      });
      (table.routes ?? []).forEach((route, r) => {
        const path = `${tat}.routes[${r}]`;
        if (route.blackhole && route.attachment)
          issues.push(issueOf(`${path}.attachment`, T['topology.issue.blackhole-attachment'], undefined));
        else if (!route.blackhole && !route.attachment)
          issues.push(issueOf(path, T['topology.issue.static-attachment'], undefined));
        else if (route.attachment)
          ref(route.attachment, attachmentIds, `${path}.attachment`, { kind: 'attachmentOf', of: er.id });
        (table.routes ?? []).slice(0, r).forEach((prev, p) => {
          if (mustCidr(prev.destination).text === mustCidr(route.destination).text)
            issues.push(
              issueOf(`${path}.destination`, T['topology.issue.routed-twice'], {
                destination: route.destination,
                first: `${tat}.routes[${p}]`,
              }),
            );
        });
      });
    });
  });

  (topology.securityGroups ?? []).forEach((group, g) => {
    (group.rules ?? []).forEach((rule, r) => {
      const at = `securityGroups[${g}].rules[${r}]`;
      if (rule.remote && typeof rule.remote === 'object') {
        if ('securityGroup' in rule.remote)
          ref(rule.remote.securityGroup, sgIds, `${at}.remote.securityGroup`, SECURITY_GROUP);
        else ref(rule.remote.addressGroup, agIds, `${at}.remote.addressGroup`, { kind: 'addressGroup' });
      }
      const family = rule.ethertype === 'IPv6' ? 6 : 4;
      if (typeof rule.remote === 'string' && mustCidr(rule.remote).family !== family) {
        issues.push(
          issueOf(`${at}.remote`, T['topology.issue.ethertype'], {
            remote: rule.remote,
            ethertype: rule.ethertype ?? 'IPv4',
          }),
        );
      }
      if (rule.protocol === 'icmp' && family === 6)
        issues.push(issueOf(`${at}.protocol`, T['topology.issue.icmp-v4'], undefined));
      if (rule.protocol === 'icmpv6' && family === 4)
        issues.push(issueOf(`${at}.protocol`, T['topology.issue.icmp-v6'], undefined));
    });
  });

  (topology.networkAcls ?? []).forEach((acl, a) => {
    for (const direction of ['ingress', 'egress'] as const) {
      (acl[direction] ?? []).forEach((rule, r) => {
        for (const end of ['source', 'destination'] as const) {
          const value = rule[end];
          if (value && typeof value === 'object')
            ref(value.addressGroup, agIds, `networkAcls[${a}].${direction}[${r}].${end}.addressGroup`, {
              kind: 'addressGroup',
            });
        }
      });
    }
  });

  (topology.clusters ?? []).forEach((cluster, c) => {
    const at = `clusters[${c}]`;
    ref(cluster.vpc, vpcIds, `${at}.vpc`, VPC);
    const ownSubnets = subnetsOfVpc.get(cluster.vpc) ?? [];
    const subnetOf: ReferenceKind = { kind: 'subnetOf', of: cluster.vpc };
    refs(cluster.nodeSubnets, ownSubnets, `${at}.nodeSubnets`, subnetOf);
    refs(cluster.containerSubnets, ownSubnets, `${at}.containerSubnets`, subnetOf);
    refs(cluster.nodeSecurityGroups, sgIds, `${at}.nodeSecurityGroups`, SECURITY_GROUP);
    refs(cluster.podSecurityGroups, sgIds, `${at}.podSecurityGroups`, SECURITY_GROUP);
    unique(cluster.workloads, 'name', `${at}.workloads`);
    (cluster.workloads ?? []).forEach((w, i) => {
      refs(w.securityGroups, sgIds, `${at}.workloads[${i}].securityGroups`, SECURITY_GROUP);
      refs(w.additionalSecurityGroups, sgIds, `${at}.workloads[${i}].additionalSecurityGroups`, SECURITY_GROUP);
    });
    if (cluster.networkModel === 'eni') {
      if (!cluster.containerSubnets?.length)
        issues.push(issueOf(`${at}.containerSubnets`, T['topology.issue.eni-needs-subnets'], undefined));
      if (cluster.containerCidrs?.length)
        issues.push(issueOf(`${at}.containerCidrs`, T['topology.issue.eni-no-cidrs'], undefined));
    } else {
      if (!cluster.containerCidrs?.length)
        issues.push(
          issueOf(`${at}.containerCidrs`, T['topology.issue.needs-container-cidrs'], { model: cluster.networkModel }),
        );
      if (cluster.containerSubnets?.length)
        issues.push(issueOf(`${at}.containerSubnets`, T['topology.issue.subnets-eni-only'], undefined));
    }
    issues.push(...checkKubernetesObjects(cluster, at));
    if (cluster.nonMasqueradeCidrs && cluster.networkModel !== 'vpc-router') {
      issues.push(issueOf(`${at}.nonMasqueradeCidrs`, T['topology.issue.non-masquerade-model'], undefined));
    }
    const nm = (cluster.nonMasqueradeCidrs ?? []).map(mustCidr);
    for (const { index, other } of overlapping(nm, meter)) {
      issues.push(
        issueOf(`${at}.nonMasqueradeCidrs[${index}]`, T['topology.issue.non-masquerade-overlap'], {
          cidr: nm[index]!.text,
          other,
          otherCidr: nm[other]!.text,
        }),
      );
    }
  });

  (topology.resources ?? []).forEach((resource, r) => {
    const at = `resources[${r}]`;
    ref(resource.vpc, vpcIds, `${at}.vpc`, VPC);
    const own = subnetsOfVpc.get(resource.vpc) ?? [];
    ref(resource.subnet, own, `${at}.subnet`, { kind: 'subnetOf', of: resource.vpc });
    (resource.securityGroups ?? []).forEach((g, i) => {
      ref(g, sgIds, `${at}.securityGroups[${i}]`, SECURITY_GROUP);
    });
    const subnet = subnetById.get(resource.subnet);
    if (subnet) {
      const blocks = subnetBlocks(subnet);
      resource.addresses.forEach((address, i) => {
        meter.tick();
        // Addresses are distinct across resources: parsed directly, not remembered (20,000 of them would crowd the
        // memory of the CIDRs the file repeats). The schema has checked each is an address.
        const ip = parseIp(address);
        if (!ip || !blocks.some((b) => contains(b, ip))) {
          issues.push(
            issueOf(`${at}.addresses[${i}]`, T['topology.issue.outside-subnet'], {
              address,
              subnet: subnet.id,
              blocks: blocks.map((b) => b.text),
            }),
          );
        }
      });
    }
  });

  // Two zones of one name on one VPC would make its answers depend on which one the resolver picks.
  const zoneOfVpc = new Map<string, string>();
  (topology.dnsZones ?? []).forEach((zone, z) => {
    const at = `dnsZones[${z}]`;
    zone.vpcs.forEach((vpc, i) => {
      ref(vpc, vpcIds, `${at}.vpcs[${i}]`, VPC);
      const key = `${vpc}\u0000${zone.name}`;
      const other = zoneOfVpc.get(key);
      if (other)
        issues.push(issueOf(`${at}.vpcs[${i}]`, T['topology.issue.zone-twice'], { vpc, zone: zone.name, other }));
      else zoneOfVpc.set(key, at);
    });
    // A name holds either one CNAME or addresses, never both (RFC 1034 section 3.6.2).
    const kinds = new Map<string, Set<string>>();
    (zone.records ?? []).forEach((record, r) => {
      const seen = kinds.get(record.name) ?? new Set<string>();
      kinds.set(record.name, seen);
      if (seen.has('CNAME') || (record.type === 'CNAME' && seen.size > 0))
        issues.push(issueOf(`${at}.records[${r}]`, T['topology.issue.cname-alone'], { name: record.name }));
      seen.add(record.type);
    });
  });

  return issues;
}

/**
 * Each block that overlaps another, paired with one block it overlaps, reported at the later of the two
 * list positions. CIDRs nest or are disjoint, so after sorting by start (larger first) a block overlaps an
 * earlier one exactly when it starts inside the widest block seen so far: O(n log n), not every pair.
 */
export function overlapping(blocks: readonly Cidr[], meter: WorkMeter = noMeter): { index: number; other: number }[] {
  const order = blocks.map((_, i) => i);
  order.sort((x, y) => {
    meter.tick();
    const a = blocks[x]!;
    const b = blocks[y]!;
    if (a.family !== b.family) return a.family - b.family;
    if (a.start !== b.start) return a.start < b.start ? -1 : 1;
    if (a.end !== b.end) return a.end > b.end ? -1 : 1;
    return x - y;
  });
  const found: { index: number; other: number }[] = [];
  let widest: number | undefined;
  for (const i of order) {
    meter.tick();
    const block = blocks[i]!;
    const outer = widest === undefined ? undefined : blocks[widest]!;
    if (outer && outer.family === block.family && block.start <= outer.end) {
      found.push({ index: Math.max(i, widest!), other: Math.min(i, widest!) });
    } else widest = i;
  }
  return found.sort((a, b) => a.index - b.index || a.other - b.other);
}
