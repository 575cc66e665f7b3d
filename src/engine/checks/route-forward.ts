// Step `route-forward`: the route table governing each source subnet (its own custom table, else the VPC
// default) must send the destination to the right place (VPC "Route Table Overview"): local, a CCE route, a peering to
// the destination VPC, or the NAT gateway for the internet.

import { EN } from '../../i18n/i18n.js';
import { type RouteWords, enginePath as T, type TableWords } from '../../i18n/messages/engine-path.js';
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

/** A route as the messages name it. */
function routeWords(route: CompiledRoute): RouteWords {
  return {
    origin: route.origin === 'local' ? 'local' : route.origin === 'cce' ? 'cce' : 'declared',
    destination: route.destination.text,
    ...(route.type ? { type: route.type } : {}),
    ...(route.nextHop ? { nextHop: route.nextHop } : {}),
  };
}

/** A route in English words, for evidence (machine-readable, the same in every language). */
function describeRoute(route: CompiledRoute): string {
  return EN.t(T['path.route'], routeWords(route));
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
  const text = ctx.i18n;
  const where: TableWords = { table: table.id, isDefault: table.isDefault, subnet: leg.subnet.subnet.id };
  const address = target.address.text;
  const route = lookupRoute(table, target.address);
  const evidence = { routeTable: table.id, subnet: leg.subnet.subnet.id, route: route ? describeRoute(route) : null };
  const own = compiled.vpcs.get(cluster.vpcId)!;

  if (target.info.kind === 'internet' && target.family === 6 && route?.type !== 'nat')
    return {
      check: 'route-forward',
      status: route ? 'pass' : 'skip',
      summary: text.t(T['route-forward.v6-internet'], { where, ...(route ? { route: routeWords(route) } : {}) }),
      evidence,
    };
  if (target.info.kind === 'internet') {
    const internet = ctx.source.internet;
    const viaEip = internet?.via.filter((v) => v.how === 'node-eip').length ?? 0;
    const nat = internet?.via.find((v) => v.how === 'nat')?.natGateway;
    if (route?.type === 'nat' || (!route && table.isDefault && nat)) {
      if (!route) out.assumptions.push(text.t(T['route-forward.nat-default-assumed'], { table: table.id }));
      return {
        check: 'route-forward',
        status: 'pass',
        summary: text.t(T['route-forward.to-nat'], { where }),
        evidence,
      };
    }
    if (!route && viaEip > 0)
      return {
        check: 'route-forward',
        status: 'pass',
        summary: text.t(T['route-forward.eip'], { where }),
        evidence,
      };
    // Neither an EIP nor a NAT gateway: there is no route to judge; internet-egress reports the missing way out.
    if (!route && !nat)
      return {
        check: 'route-forward',
        status: 'skip',
        summary: text.t(T['route-forward.no-way-out'], { subnet: leg.subnet.subnet.id }),
        evidence,
      };
    if (!route && nat) {
      out.fixes.push(routeFix(compiled, leg.subnet, '0.0.0.0/0', 'nat', nat, purpose));
      return {
        check: 'route-forward',
        status: 'fail',
        summary: text.t(T['route-forward.custom-no-internet'], { where, nat }),
        evidence,
      };
    }
    const via = { where, address, route: routeWords(route!) };
    out.fixes.push(replanFix(text.t(T['route-forward.not-internet-replan'], via), purpose));
    return {
      check: 'route-forward',
      status: 'fail',
      summary: text.t(T['route-forward.sends-to'], via),
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
        summary: text.t(T['route-forward.system-route'], { where, address, route: route.destination.text }),
        evidence,
      };
    if (route && route.origin === 'declared') {
      const reason = text.t(T['route-forward.beyond'], { where, address, route: routeWords(route) });
      out.uncertain.push(reason);
      return { check: 'route-forward', status: 'warn', summary: reason, evidence };
    }
    out.fixes.push(replanFix(text.t(T['route-forward.connect-replan'], { address }), purpose));
    return {
      check: 'route-forward',
      status: 'fail',
      summary: text.t(T['route-forward.no-route'], { where, address }),
      evidence,
    };
  }

  if (dstVpc.vpc.id === cluster.vpcId) {
    if (route && (route.origin === 'local' || route.type === 'cce'))
      return {
        check: 'route-forward',
        status: 'pass',
        summary: text.t(T['route-forward.reaches'], { where, address, route: routeWords(route) }),
        evidence,
      };
    if (target.info.kind === 'pod' && !table.isDefault && !route) {
      const reason = text.t(T['route-forward.custom-no-cce'], { where, cluster: target.info.cluster ?? '' });
      out.uncertain.push(reason);
      return { check: 'route-forward', status: 'warn', summary: reason, evidence };
    }
    return {
      check: 'route-forward',
      status: 'fail',
      summary: text.t(T['route-forward.not-delivered'], {
        where,
        address,
        ...(route ? { route: routeWords(route) } : {}),
      }),
      evidence,
    };
  }

  const erPath = erPathOf(ctx);
  if (!route && erPath) {
    out.fixes.push(routeFix(compiled, leg.subnet, erDestination(ctx), 'er', erPath.er.er.id, purpose));
    return {
      check: 'route-forward',
      status: 'fail',
      summary: text.t(T['route-forward.add-to-er'], {
        where,
        address,
        vpc: dstVpc.vpc.id,
        er: erLabel(erPath.er, text),
      }),
      evidence,
    };
  }
  if (route?.type === 'er' && route.nextHop && erPath?.er.er.id === route.nextHop)
    return {
      check: 'route-forward',
      status: 'pass',
      summary: text.t(T['route-forward.to-er'], {
        where,
        address,
        route: routeWords(route),
        er: erLabel(erPath.er, text),
      }),
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
      summary: text.t(T['route-forward.no-route'], {
        where,
        address,
        vpc: dstVpc.vpc.id,
        ...(peering ? { via: peering.id } : {}),
      }),
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
        summary: text.t(T['route-forward.over-peering'], {
          where,
          address,
          peering: route.nextHop,
          vpc: dstVpc.vpc.id,
        }),
        evidence,
      };
    const via = p ? farSide(p, cluster.vpcId) : undefined;
    if (via && defaultTableRoute(compiled, via, target.address)?.type === 'peering') {
      const reason = text.t(T['route-forward.transitive'], { where, address, peering: route.nextHop, via });
      out.uncertain.push(reason);
      return { check: 'route-forward', status: 'warn', summary: reason, evidence };
    }
    const wrong = { where, address, peering: route.nextHop, vpc: dstVpc.vpc.id, ...(via ? { via } : {}) };
    out.fixes.push(replanFix(text.t(T['route-forward.wrong-peering-replan'], wrong), purpose));
    return {
      check: 'route-forward',
      status: 'fail',
      summary: text.t(T['route-forward.wrong-peering'], wrong),
      evidence,
    };
  }
  if (route.origin === 'local') {
    return {
      check: 'route-forward',
      status: 'fail',
      summary: text.t(T['route-forward.local-overlap'], { where, address, route: routeWords(route) }),
      evidence,
    };
  }
  const reason = text.t(T['route-forward.beyond'], { where, address, route: routeWords(route) });
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
        ? unreadRouteTableStep('route-forward', { ...table, unread: table.unread }, leg.subnet.subnet.id, out, ctx.i18n)
        : legStep(ctx, leg, table, out),
    );
  }
  if (out.steps.length === 0)
    out.steps.push({ check: 'route-forward', status: 'skip', summary: ctx.i18n.t(T['route-forward.no-table']) });
  return out;
}
