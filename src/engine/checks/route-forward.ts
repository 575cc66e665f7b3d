// Step `route-forward`: the route table governing each source subnet (its own custom table, else the VPC
// default) must send the destination to the right place (VPC "Route Table Overview"): local, a CCE route, a peering to
// the destination VPC, or the NAT gateway for the internet.

import { contains, overlaps } from '../../net/address.js';
import { CLOUD_SYSTEM_ROUTES } from '../../topology/cloud-ranges.js';
import type { CompiledRoute, CompiledRouteTable, CompiledVpc } from '../../topology/compile.js';
import { farSide, pairKey, peeringsBetween, preferredPeering } from '../../topology/compile.js';
import { type CheckResult, type FlowContext, result, type SourceLeg } from '../context.js';
import type { Step } from '../diagnosis.js';
import { erLabel, erPathOf } from '../er-path.js';
import { replanFix } from '../fixes/replan.js';
import { routeFix } from '../fixes/route.js';
import { defaultTableRoute, governingTable, lookupRoute } from '../route-lookup.js';
import { unreadRouteTableStep } from './unread.js';

const CLOUD_ROUTES = new Set<string>(CLOUD_SYSTEM_ROUTES);

function describeRoute(route: CompiledRoute): string {
  if (route.origin === 'local') return `the local route ${route.destination.text}`;
  if (route.origin === 'cce') return `the CCE node route(s) for ${route.destination.text}`;
  return `route ${route.destination.text} -> ${route.type}${route.nextHop ? ` ${route.nextHop}` : ''}`;
}

/** The narrowest block to send to an ER: a peer cluster's container CIDR, else the destination subnet. */
function erDestination(ctx: FlowContext): string {
  const pods = ctx.compiled.containerIndex.containing(ctx.target.address)[0];
  if (ctx.target.info.kind === 'pod' && pods) return pods.cidr.text;
  return ctx.target.subnet?.cidr.text ?? ctx.target.address.text;
}

/** The block of the destination VPC to route to: the VPC CIDR, or the subnet when the VPC CIDRs overlap. */
export function routeDestination(ctx: FlowContext, own: CompiledVpc, peer: CompiledVpc): string {
  // A pod of a vpc-router cluster in the peer VPC is outside every VPC block: route its container CIDR, which
  // the peer VPC's CCE routes deliver to the node (CCE best practice "Planning CIDR Blocks for a Cluster", cce_bestpractice_00004 "the VPC routing tables at both ends must
  // contain its container CIDR block", CCE "VPC Network", cce_10_0283).
  const pods = ctx.compiled.containerIndex.containing(ctx.target.address)[0];
  if (ctx.target.info.kind === 'pod' && pods) return pods.cidr.text;
  const block = peer.blocks.find((b) => contains(b, ctx.target.address));
  if (block && !own.blocks.some((b) => overlaps(b, block))) return block.text;
  return ctx.target.subnet?.cidr.text ?? ctx.target.address.text;
}

function legStep(ctx: FlowContext, leg: SourceLeg, table: CompiledRouteTable, out: CheckResult): Step {
  const { target, compiled, cluster, purpose } = ctx;
  const where = `route table ${table.id}${table.isDefault ? ' (default)' : ' (custom)'} of ${leg.subnet.subnet.id}`;
  const route = lookupRoute(table, target.address);
  const evidence = { routeTable: table.id, subnet: leg.subnet.subnet.id, route: route ? describeRoute(route) : null };
  const own = compiled.vpcs.get(cluster.vpcId)!;

  if (target.info.kind === 'internet' && target.family === 6 && route?.type !== 'nat')
    return {
      check: 'route-forward',
      status: route ? 'pass' : 'skip',
      summary: route
        ? `${where} sends IPv6 internet traffic to ${describeRoute(route)}`
        : `${where} has no IPv6 route toward the internet; IPv6 internet egress is not modelled (see internet-egress)`,
      evidence,
    };
  if (target.info.kind === 'internet') {
    const internet = ctx.source.internet;
    const viaEip = internet?.via.filter((v) => v.how === 'node-eip').length ?? 0;
    const nat = internet?.via.find((v) => v.how === 'nat')?.natGateway;
    if (route?.type === 'nat' || (!route && table.isDefault && nat)) {
      if (!route)
        out.assumptions.push(
          `${table.id} declares no route to the NAT gateway: Huawei adds 0.0.0.0/0 -> NAT gateway to the VPC default table when the gateway is created`,
        );
      return {
        check: 'route-forward',
        status: 'pass',
        summary: `${where} sends internet traffic to the NAT gateway`,
        evidence,
      };
    }
    if (!route && viaEip > 0)
      return {
        check: 'route-forward',
        status: 'pass',
        summary: `traffic through an EIP bound to the instance does not use ${where}`,
        evidence,
      };
    // Neither an EIP nor a NAT gateway: there is no route to judge; internet-egress reports the missing way out.
    if (!route && !nat)
      return {
        check: 'route-forward',
        status: 'skip',
        summary: `no EIP and no SNAT rule gives ${leg.subnet.subnet.id} a way out, so there is no route to judge (see internet-egress)`,
        evidence,
      };
    if (!route && nat) {
      out.fixes.push(routeFix(compiled, leg.subnet, '0.0.0.0/0', 'nat', nat, purpose));
      return {
        check: 'route-forward',
        status: 'fail',
        summary: `${where} has no route to the internet: a custom table governs outbound traffic and needs 0.0.0.0/0 -> NAT gateway ${nat}`,
        evidence,
      };
    }
    out.fixes.push(
      replanFix(`${where} sends ${target.address.text} to ${describeRoute(route!)}, not to the internet`, purpose),
    );
    return {
      check: 'route-forward',
      status: 'fail',
      summary: `${where} sends ${target.address.text} to ${describeRoute(route!)}`,
      evidence,
    };
  }

  const dstVpc = target.vpc;
  if (!dstVpc) {
    // The system routes (CLOUD_SYSTEM_ROUTES) are in every table (VPC "Route Table Overview"): they carry
    // traffic to the cloud-service range (DNS, NTP, OBS, CCE FAQ "How Can I Configure a Security Group Rule for a Cluster?", cce_faq_00265) and to VPC endpoints.
    if (route && route.origin === 'local' && CLOUD_ROUTES.has(route.destination.text))
      return {
        check: 'route-forward',
        status: 'pass',
        summary: `${where} reaches ${target.address.text} by the system route ${route.destination.text} (cloud services and VPC endpoints, VPC "Route Table Overview")`,
        evidence,
      };
    if (route && route.origin === 'declared') {
      const reason = `${where} sends ${target.address.text} to ${describeRoute(route)}: what lies beyond is not in the topology`;
      out.uncertain.push(reason);
      return { check: 'route-forward', status: 'warn', summary: reason, evidence };
    }
    out.fixes.push(
      replanFix(
        `${target.address.text} is in no declared VPC and no route leads to it: connect it (VPN, DC, peering)`,
        purpose,
      ),
    );
    return {
      check: 'route-forward',
      status: 'fail',
      summary: `${where} has no route to ${target.address.text}`,
      evidence,
    };
  }

  if (dstVpc.vpc.id === cluster.vpcId) {
    if (route && (route.origin === 'local' || route.type === 'cce'))
      return {
        check: 'route-forward',
        status: 'pass',
        summary: `${where} reaches ${target.address.text} by ${describeRoute(route)}`,
        evidence,
      };
    if (target.info.kind === 'pod' && !table.isDefault && !route) {
      const reason = `${where} is a custom table without the CCE routes for the pods of ${target.info.cluster}: CCE writes them to the default table, and whether custom tables get them is undocumented (CCE "VPC Network", cce_10_0283; Huawei's docs leave this open)`;
      out.uncertain.push(reason);
      return { check: 'route-forward', status: 'warn', summary: reason, evidence };
    }
    return {
      check: 'route-forward',
      status: 'fail',
      summary: route
        ? `${where} sends ${target.address.text} to ${describeRoute(route)} instead of delivering it in the VPC`
        : `${where} has no route to ${target.address.text}`,
      evidence,
    };
  }

  const erPath = erPathOf(ctx);
  if (!route && erPath) {
    out.fixes.push(routeFix(compiled, leg.subnet, erDestination(ctx), 'er', erPath.er.er.id, purpose));
    return {
      check: 'route-forward',
      status: 'fail',
      summary: `${where} has no route to ${target.address.text} (${dstVpc.vpc.id}): add one to ${erLabel(erPath.er)}, which attaches both VPCs`,
      evidence,
    };
  }
  if (route?.type === 'er' && route.nextHop && erPath?.er.er.id === route.nextHop)
    return {
      check: 'route-forward',
      status: 'pass',
      summary: `${where} sends ${target.address.text} to ${erLabel(erPath.er)} by ${describeRoute(route)}`,
      evidence,
    };
  if (!route) {
    const peering = preferredPeering(peeringsBetween(compiled, cluster.vpcId, dstVpc.vpc.id));
    if (peering)
      out.fixes.push(
        routeFix(compiled, leg.subnet, routeDestination(ctx, own, dstVpc), 'peering', peering.id, purpose),
      );
    return {
      check: 'route-forward',
      status: 'fail',
      summary: `${where} has no route to ${target.address.text} (${dstVpc.vpc.id})${peering ? `: add one via peering ${peering.id}` : ''}`,
      evidence,
    };
  }
  if (route.type === 'peering' && route.nextHop) {
    const p = compiled.peerings.get(route.nextHop);
    const joins = p && pairKey(p.requesterVpc, p.accepterVpc) === pairKey(cluster.vpcId, dstVpc.vpc.id);
    if (joins)
      return {
        check: 'route-forward',
        status: 'pass',
        summary: `${where} sends ${target.address.text} over peering ${route.nextHop} to ${dstVpc.vpc.id}`,
        evidence,
      };
    const via = p ? farSide(p, cluster.vpcId) : undefined;
    if (via && defaultTableRoute(compiled, via, target.address)?.type === 'peering') {
      const reason = `${where} sends ${target.address.text} over peering ${route.nextHop} to ${via}, which routes it on: transitive peering is not documented to forward (VPC "VPC Peering Connection Overview", vpc_peering_0009; Huawei's docs leave this open; assumed not reachable)`;
      out.uncertain.push(reason);
      return { check: 'route-forward', status: 'warn', summary: reason, evidence };
    }
    out.fixes.push(
      replanFix(
        `${where} sends ${target.address.text} over peering ${route.nextHop} to ${via ?? 'another VPC'}, not to ${dstVpc.vpc.id}: route it over a peering with ${dstVpc.vpc.id}`,
        purpose,
      ),
    );
    return {
      check: 'route-forward',
      status: 'fail',
      summary: `${where} sends ${target.address.text} over peering ${route.nextHop} to ${via ?? 'an unknown VPC'}, not to ${dstVpc.vpc.id}`,
      evidence,
    };
  }
  if (route.origin === 'local') {
    return {
      check: 'route-forward',
      status: 'fail',
      summary: `${where} delivers ${target.address.text} locally (${describeRoute(route)}): it overlaps the cluster VPC`,
      evidence,
    };
  }
  const reason = `${where} sends ${target.address.text} to ${describeRoute(route)}: what lies beyond is not in the topology`;
  out.uncertain.push(reason);
  return { check: 'route-forward', status: 'warn', summary: reason, evidence };
}

/** Forward routes from every source subnet (one step per distinct route table). */
export function routeForwardCheck(ctx: FlowContext): CheckResult {
  const out = result();
  const seen = new Set<string>();
  for (const leg of ctx.source.legs) {
    const table = governingTable(ctx.compiled, leg.subnet);
    if (!table || seen.has(table.id)) continue;
    seen.add(table.id);
    out.steps.push(
      table.unread
        ? unreadRouteTableStep('route-forward', { ...table, unread: table.unread }, leg.subnet.subnet.id, out)
        : legStep(ctx, leg, table, out),
    );
  }
  if (out.steps.length === 0)
    out.steps.push({ check: 'route-forward', status: 'skip', summary: 'no source subnet with a route table' });
  return out;
}
