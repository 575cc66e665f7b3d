// Checks that need the whole document: unique ids, references that resolve, one default route
// table per VPC, subnets inside their VPC, and model-specific cluster fields.

import { noMeter, type WorkMeter } from '../bounds/meter.js';
import { boundedHints } from '../names/closest.js';
import { type Cidr, contains, parseCidr, mustCidr as parseValidCidr } from '../net/address.js';
import { PrefixIndex } from './compile.js';
import type { TopologyIssue } from './errors.js';
import { checkKubernetesObjects } from './kubernetes-objects.js';
import type { Topology } from './schema.js';

type Issue = { path: string; message: string };

/** Reference and consistency checks on a schema-valid topology; returns every issue found. */
export function checkReferences(topology: Topology, meter: WorkMeter = noMeter): TopologyIssue[] {
  const knownHint = boundedHints(undefined, meter);
  // The same CIDR text recurs thousands of times in a large topology (rules, addresses): parse each once.
  const cidrs = new Map<string, Cidr>();
  const mustCidr = (text: string): Cidr => {
    meter.tick();
    let cidr = cidrs.get(text);
    if (!cidr) {
      cidr = parseValidCidr(text);
      cidrs.set(text, cidr);
    }
    return cidr;
  };
  const issues: Issue[] = [];
  const unique = (list: readonly { id?: string; name?: string }[] | undefined, key: 'id' | 'name', at: string) => {
    const seen = new Map<string, number>();
    (list ?? []).forEach((item, index) => {
      meter.tick();
      const value = item[key];
      if (value === undefined) return;
      const first = seen.get(value);
      if (first !== undefined)
        issues.push({ path: `${at}[${index}].${key}`, message: `"${value}" is already used by ${at}[${first}]` });
      else seen.set(value, index);
    });
  };

  const vpcs = topology.vpcs ?? [];
  const vpcIds = vpcs.map((v) => v.id);
  const subnets = vpcs.flatMap((v) => (v.subnets ?? []).map((s) => ({ ...s, vpc: v.id })));
  const subnetIds = subnets.map((s) => s.id);
  const subnetById = new Map(subnets.map((s) => [s.id, s]));
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

  const ref = (value: string, known: readonly string[], path: string, what: string) => {
    meter.tick();
    if (!setOf(known).has(value))
      issues.push({ path, message: `unknown ${what} "${value}"${knownHint(value, known)}` });
  };

  const refs = (values: readonly string[] | undefined, known: readonly string[], path: string, what: string) => {
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
      issues.push({
        path: `${at}.${name(index)}`,
        message: `${blocks[index]!.text} overlaps ${at}.${name(other)} (${blocks[other]!.text})`,
      });
    }
    const tableIds = (vpc.routeTables ?? []).map((t) => t.id);
    unique(vpc.routeTables, 'id', `${at}.routeTables`);
    unique(vpc.natGateways, 'id', `${at}.natGateways`);
    const defaults = (vpc.routeTables ?? []).filter((t) => t.default).length;
    if ((vpc.routeTables ?? []).length > 0 && defaults !== 1) {
      issues.push({
        path: `${at}.routeTables`,
        message: `exactly one route table must be default: true (found ${defaults})`,
      });
    }
    (vpc.subnets ?? []).forEach((subnet, s) => {
      const sat = `${at}.subnets[${s}]`;
      const other = subnetSeen.get(subnet.id);
      if (other) issues.push({ path: `${sat}.id`, message: `"${subnet.id}" is already used by ${other}` });
      else subnetSeen.set(subnet.id, sat);
      meter.tick();
      const block = mustCidr(subnet.cidr);
      if (blockIndex.containing(block).length === 0) {
        issues.push({
          path: `${sat}.cidr`,
          message: `${subnet.cidr} is outside the VPC's CIDRs (${describeBlocks(blocks)})`,
        });
      }
      if (subnet.routeTable) ref(subnet.routeTable, tableIds, `${sat}.routeTable`, `route table of ${vpc.id}`);
      if (subnet.networkAcl) ref(subnet.networkAcl, aclIds, `${sat}.networkAcl`, 'network ACL');
    });
    for (const { index, other } of overlapping(
      (vpc.subnets ?? []).map((subnet) => mustCidr(subnet.cidr)),
      meter,
    )) {
      const subnets = vpc.subnets ?? [];
      issues.push({
        path: `${at}.subnets[${index}].cidr`,
        message: `${subnets[index]!.cidr} overlaps ${at}.subnets[${other}] (${subnets[other]!.cidr})`,
      });
    }
    (vpc.routeTables ?? []).forEach((table, t) => {
      // One route per destination in a table, as the VPC API enforces: two would leave the choice undefined.
      const destinations = new Map<string, number>();
      (table.routes ?? []).forEach((route, r) => {
        meter.tick();
        const key = mustCidr(route.destination).text;
        const first = destinations.get(key);
        if (first !== undefined)
          issues.push({
            path: `${at}.routeTables[${t}].routes[${r}].destination`,
            message: `${route.destination} is already the destination of ${at}.routeTables[${t}].routes[${first}]`,
          });
        else destinations.set(key, r);
        if (route.type === 'peering') {
          const path = `${at}.routeTables[${t}].routes[${r}].nextHop`;
          if (!route.nextHop) issues.push({ path, message: 'a peering route needs nextHop: a peering id' });
          else ref(route.nextHop, peeringIds, path, 'peering');
        }
        // A route to an ER the file declares must name it; with no ERs declared, such routes stay opaque.
        if (route.type === 'er' && erIds.length > 0) {
          const path = `${at}.routeTables[${t}].routes[${r}].nextHop`;
          if (!route.nextHop) issues.push({ path, message: 'an er route needs nextHop: an enterprise router id' });
          else ref(route.nextHop, erIds, path, 'enterprise router');
        }
      });
    });
    (vpc.natGateways ?? []).forEach((nat, n) => {
      (nat.snatRules ?? []).forEach((rule, r) => {
        const isSubnet = subnetById.has(rule.source);
        if (!isSubnet && !parseCidr(rule.source).ok) {
          issues.push({
            path: `${at}.natGateways[${n}].snatRules[${r}].source`,
            message: `"${rule.source}" is neither a subnet id nor a CIDR${knownHint(rule.source, subnetIds)}`,
          });
        }
      });
    });
  });

  (topology.peerings ?? []).forEach((p, i) => {
    ref(p.requesterVpc, vpcIds, `peerings[${i}].requesterVpc`, 'VPC');
    ref(p.accepterVpc, vpcIds, `peerings[${i}].accepterVpc`, 'VPC');
    if (p.requesterVpc === p.accepterVpc)
      issues.push({ path: `peerings[${i}]`, message: 'a peering must join two different VPCs' });
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
        if (!attachment.vpc) issues.push({ path: `${aat}.vpc`, message: 'a vpc attachment needs vpc: a VPC id' });
        else ref(attachment.vpc, vpcIds, `${aat}.vpc`, 'VPC');
        if (!attachment.subnet)
          issues.push({ path: `${aat}.subnet`, message: 'a vpc attachment needs subnet: a subnet of its VPC' });
        else if (attachment.vpc)
          ref(
            attachment.subnet,
            subnetsOfVpc.get(attachment.vpc) ?? [],
            `${aat}.subnet`,
            `subnet of ${attachment.vpc}`,
          );
        if (attachment.cidrs?.length)
          issues.push({
            path: `${aat}.cidrs`,
            message:
              "a vpc attachment propagates its VPC's CIDR blocks: cidrs are for vpn, vgw and peering attachments",
          });
      } else if (attachment.vpc || attachment.subnet) {
        issues.push({
          path: `${aat}.${attachment.vpc ? 'vpc' : 'subnet'}`,
          message: `a ${attachment.type} attachment has no VPC or subnet: only vpc attachments do`,
        });
      }
    });
    const associatedAt = new Map<string, string>();
    (er.routeTables ?? []).forEach((table, t) => {
      const tat = `${at}.routeTables[${t}]`;
      (table.associations ?? []).forEach((attachment, i) => {
        const path = `${tat}.associations[${i}]`;
        ref(attachment, attachmentIds, path, `attachment of ${er.id}`);
        const first = associatedAt.get(attachment);
        if (first)
          issues.push({
            path,
            message: `attachment "${attachment}" is already associated at ${first}: an attachment is associated with one route table at most`,
          });
        else associatedAt.set(attachment, path);
      });
      const propagated = new Set<string>();
      (table.propagations ?? []).forEach((attachment, i) => {
        const path = `${tat}.propagations[${i}]`;
        ref(attachment, attachmentIds, path, `attachment of ${er.id}`);
        if (propagated.has(attachment))
          issues.push({ path, message: `attachment "${attachment}" already propagates into ${table.id}` });
        propagated.add(attachment);
      });
      (table.routes ?? []).forEach((route, r) => {
        const path = `${tat}.routes[${r}]`;
        if (route.blackhole && route.attachment)
          issues.push({ path: `${path}.attachment`, message: 'a blackhole route has no attachment' });
        else if (!route.blackhole && !route.attachment)
          issues.push({ path, message: 'a static route needs attachment: an attachment id (or blackhole: true)' });
        else if (route.attachment) ref(route.attachment, attachmentIds, `${path}.attachment`, `attachment of ${er.id}`);
        (table.routes ?? []).slice(0, r).forEach((prev, p) => {
          if (mustCidr(prev.destination).text === mustCidr(route.destination).text)
            issues.push({
              path: `${path}.destination`,
              message: `${route.destination} is already routed by ${tat}.routes[${p}]: one static route per destination`,
            });
        });
      });
    });
  });

  (topology.securityGroups ?? []).forEach((group, g) => {
    (group.rules ?? []).forEach((rule, r) => {
      const at = `securityGroups[${g}].rules[${r}]`;
      if (rule.remote && typeof rule.remote === 'object') {
        if ('securityGroup' in rule.remote)
          ref(rule.remote.securityGroup, sgIds, `${at}.remote.securityGroup`, 'security group');
        else ref(rule.remote.addressGroup, agIds, `${at}.remote.addressGroup`, 'address group');
      }
      const family = rule.ethertype === 'IPv6' ? 6 : 4;
      if (typeof rule.remote === 'string' && mustCidr(rule.remote).family !== family) {
        issues.push({
          path: `${at}.remote`,
          message: `${rule.remote} does not match ethertype ${rule.ethertype ?? 'IPv4'}`,
        });
      }
      if (rule.protocol === 'icmp' && family === 6)
        issues.push({ path: `${at}.protocol`, message: 'icmp needs ethertype IPv4; use icmpv6 for IPv6' });
      if (rule.protocol === 'icmpv6' && family === 4)
        issues.push({ path: `${at}.protocol`, message: 'icmpv6 needs ethertype IPv6' });
    });
  });

  (topology.networkAcls ?? []).forEach((acl, a) => {
    for (const direction of ['ingress', 'egress'] as const) {
      (acl[direction] ?? []).forEach((rule, r) => {
        for (const end of ['source', 'destination'] as const) {
          const value = rule[end];
          if (value && typeof value === 'object')
            ref(value.addressGroup, agIds, `networkAcls[${a}].${direction}[${r}].${end}.addressGroup`, 'address group');
        }
      });
    }
  });

  (topology.clusters ?? []).forEach((cluster, c) => {
    const at = `clusters[${c}]`;
    ref(cluster.vpc, vpcIds, `${at}.vpc`, 'VPC');
    const ownSubnets = subnetsOfVpc.get(cluster.vpc) ?? [];
    refs(cluster.nodeSubnets, ownSubnets, `${at}.nodeSubnets`, `subnet of ${cluster.vpc}`);
    refs(cluster.containerSubnets, ownSubnets, `${at}.containerSubnets`, `subnet of ${cluster.vpc}`);
    refs(cluster.nodeSecurityGroups, sgIds, `${at}.nodeSecurityGroups`, 'security group');
    refs(cluster.podSecurityGroups, sgIds, `${at}.podSecurityGroups`, 'security group');
    unique(cluster.workloads, 'name', `${at}.workloads`);
    (cluster.workloads ?? []).forEach((w, i) => {
      refs(w.securityGroups, sgIds, `${at}.workloads[${i}].securityGroups`, 'security group');
      refs(w.additionalSecurityGroups, sgIds, `${at}.workloads[${i}].additionalSecurityGroups`, 'security group');
    });
    if (cluster.networkModel === 'eni') {
      if (!cluster.containerSubnets?.length)
        issues.push({
          path: `${at}.containerSubnets`,
          message: 'an eni (Cloud Native Network 2.0) cluster needs containerSubnets',
        });
      if (cluster.containerCidrs?.length)
        issues.push({
          path: `${at}.containerCidrs`,
          message: 'an eni cluster takes pod IPs from containerSubnets, not containerCidrs',
        });
    } else {
      if (!cluster.containerCidrs?.length)
        issues.push({
          path: `${at}.containerCidrs`,
          message: `a ${cluster.networkModel} cluster needs containerCidrs`,
        });
      if (cluster.containerSubnets?.length)
        issues.push({ path: `${at}.containerSubnets`, message: 'containerSubnets are for eni clusters only' });
    }
    issues.push(...checkKubernetesObjects(cluster, at));
    if (cluster.nonMasqueradeCidrs && cluster.networkModel !== 'vpc-router') {
      issues.push({
        path: `${at}.nonMasqueradeCidrs`,
        message: 'nonMasqueradeCidrs exist only for vpc-router (VPC network) clusters',
      });
    }
    const nm = (cluster.nonMasqueradeCidrs ?? []).map(mustCidr);
    for (const { index, other } of overlapping(nm, meter)) {
      issues.push({
        path: `${at}.nonMasqueradeCidrs[${index}]`,
        message: `${nm[index]!.text} overlaps nonMasqueradeCidrs[${other}] (${nm[other]!.text}); CCE rejects overlapping entries`,
      });
    }
  });

  (topology.resources ?? []).forEach((resource, r) => {
    const at = `resources[${r}]`;
    ref(resource.vpc, vpcIds, `${at}.vpc`, 'VPC');
    const own = subnetsOfVpc.get(resource.vpc) ?? [];
    ref(resource.subnet, own, `${at}.subnet`, `subnet of ${resource.vpc}`);
    (resource.securityGroups ?? []).forEach((g, i) => {
      ref(g, sgIds, `${at}.securityGroups[${i}]`, 'security group');
    });
    const subnet = subnetById.get(resource.subnet);
    if (subnet) {
      const blocks = [subnet.cidr, subnet.ipv6Cidr].filter((b): b is string => !!b).map(mustCidr);
      resource.addresses.forEach((address, i) => {
        meter.tick();
        const ip = mustCidr(address);
        if (!blocks.some((b) => contains(b, ip))) {
          issues.push({
            path: `${at}.addresses[${i}]`,
            message: `${address} is outside subnet ${subnet.id} (${blocks.map((b) => b.text).join(', ')})`,
          });
        }
      });
    }
  });

  // Two zones of one name on one VPC would make its answers depend on which one the resolver picks.
  const zoneOfVpc = new Map<string, string>();
  (topology.dnsZones ?? []).forEach((zone, z) => {
    const at = `dnsZones[${z}]`;
    zone.vpcs.forEach((vpc, i) => {
      ref(vpc, vpcIds, `${at}.vpcs[${i}]`, 'VPC');
      const key = `${vpc}\u0000${zone.name}`;
      const other = zoneOfVpc.get(key);
      if (other)
        issues.push({
          path: `${at}.vpcs[${i}]`,
          message: `VPC ${vpc} is already associated with zone ${zone.name} at ${other}`,
        });
      else zoneOfVpc.set(key, at);
    });
    // A name holds either one CNAME or addresses, never both (RFC 1034 VPC "Network ACL Overview".2).
    const kinds = new Map<string, Set<string>>();
    (zone.records ?? []).forEach((record, r) => {
      const seen = kinds.get(record.name) ?? new Set<string>();
      kinds.set(record.name, seen);
      if (seen.has('CNAME') || (record.type === 'CNAME' && seen.size > 0))
        issues.push({
          path: `${at}.records[${r}]`,
          message: `${record.name} has a CNAME and other records; a CNAME must be the name's only record`,
        });
      seen.add(record.type);
    });
  });

  return issues;
}

/** "a, b, c" for the blocks of a VPC, shortened when a file lists thousands. */
function describeBlocks(blocks: readonly Cidr[]): string {
  const shown = blocks.slice(0, 5).map((b) => b.text);
  return blocks.length > shown.length
    ? `${shown.join(', ')}, ... ${blocks.length - shown.length} more`
    : shown.join(', ');
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
