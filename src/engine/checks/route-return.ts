// Step `route-return`: the reply leaves the destination subnet through the table governing it and must
// reach every address the destination sees (VPC "Route Table Overview", CCE "VPC Network", cce_10_0283, seed cce_10_0399 cross-VPC example).
import { farSide, peeringsBetween, preferredPeering } from '../../topology/compile.js';
import { type CheckResult, type FlowContext, result } from '../context.js';
import { erLabel, erPathOf } from '../er-path.js';
import { routeFix } from '../fixes/route.js';
import { routeCoverage } from '../route-lookup.js';
import { intersect, normalize, spansOfTexts, spansText } from '../spans.js';
import { unreadRouteTableStep } from './unread.js';

/** The reply route from the destination subnet back to the seen source. */
export function routeReturnCheck(ctx: FlowContext): CheckResult {
  const out = result();
  const { target, source, compiled, cluster, purpose } = ctx;
  const subnet = target.subnet;
  const vpc = target.vpc;
  if (!subnet || !vpc || target.info.kind === 'internet') {
    out.steps.push({
      check: 'route-return',
      status: 'skip',
      summary: 'no return path inside the declared VPCs to check',
    });
    return out;
  }
  const table = vpc.tables.get(subnet.routeTableId);
  if (!table) {
    out.steps.push({
      check: 'route-return',
      status: 'warn',
      summary: `route table ${subnet.routeTableId} is not defined`,
    });
    return out;
  }
  if (table.unread) {
    out.steps.push(unreadRouteTableStep('route-return', { ...table, unread: table.unread }, subnet.subnet.id, out));
    return out;
  }
  const where = `route table ${table.id}${table.isDefault ? ' (default)' : ' (custom)'} of ${subnet.subnet.id}`;
  const family = source.family;
  const coverage = routeCoverage(table, family, source.spans);
  const sameVpc = vpc.vpc.id === cluster.vpcId;
  const pair = peeringsBetween(compiled, vpc.vpc.id, cluster.vpcId);
  const erPath = sameVpc ? undefined : erPathOf(ctx);
  const good = coverage.decided.filter((d) => {
    if (sameVpc) return d.by.origin === 'local' || d.by.type === 'cce';
    if (erPath && d.by.type === 'er') return d.by.nextHop === erPath.er.er.id;
    return d.by.type === 'peering' && pair.some((p) => p.id === d.by.nextHop);
  });
  const bad = normalize([
    ...coverage.rest,
    ...coverage.decided.filter((d) => !good.includes(d)).flatMap((d) => d.spans),
  ]);
  const evidence = {
    routeTable: table.id,
    routes: coverage.decided.map(
      (d) => `${d.by.destination.text} -> ${d.by.type}${d.by.nextHop ? ` ${d.by.nextHop}` : ''}`,
    ),
  };
  if (bad.length === 0) {
    out.steps.push({
      check: 'route-return',
      status: 'pass',
      summary: `${where} routes replies back to ${spansText(family, source.spans)}${erPath ? ` through ${erLabel(erPath.er)}` : ''}`,
      evidence,
    });
    return out;
  }
  // VPC "VPC Peering Connection Overview", vpc_peering_0009 (undocumented): replies sent over a peering to a middle VPC that peers them on to the cluster VPC.
  const onward = (d: (typeof coverage.decided)[number]) => {
    const p = d.by.type === 'peering' && d.by.nextHop ? compiled.peerings.get(d.by.nextHop) : undefined;
    if (!p) return false;
    const middle = compiled.vpcs.get(farSide(p, vpc.vpc.id));
    const middleTable = middle?.tables.get(middle.defaultTableId);
    if (!middle || !middleTable || middle.vpc.id === cluster.vpcId) return false;
    const next = routeCoverage(middleTable, family, d.spans);
    return next.rest.length === 0 && next.decided.every((n) => n.by.type === 'peering');
  };
  if (!sameVpc && coverage.rest.length === 0 && coverage.decided.every((d) => good.includes(d) || onward(d))) {
    const reason = `${where} sends replies to ${spansText(family, bad)} over a peering to a middle VPC that peers them on to ${cluster.vpcId}: transitive peering is not documented to forward (VPC "VPC Peering Connection Overview", vpc_peering_0009; Huawei's docs leave this open; assumed not reachable)`;
    out.steps.push({ check: 'route-return', status: 'warn', summary: reason, evidence });
    out.uncertain.push(reason);
    return out;
  }
  if (sameVpc && source.kind === 'pod-cidr' && !table.isDefault && coverage.decided.every((d) => good.includes(d))) {
    const reason = `${where} has no route back to the container CIDR ${spansText(family, bad)}: a custom table governs the subnet's outbound traffic, and whether CCE writes its node routes there is undocumented (CCE "VPC Network", cce_10_0283; Huawei's docs leave this open)`;
    out.steps.push({ check: 'route-return', status: 'warn', summary: reason, evidence });
    out.uncertain.push(reason);
    return out;
  }
  if (erPath) {
    out.steps.push({
      check: 'route-return',
      status: 'fail',
      summary: `${where} has no route back to ${spansText(family, bad)} via ${erLabel(erPath.er)}`,
      evidence,
    });
    for (const cidr of source.stable) {
      if (intersect(spansOfTexts([cidr], family), bad).length === 0) continue;
      out.fixes.push(routeFix(compiled, subnet, cidr, 'er', erPath.er.er.id, purpose));
    }
    return out;
  }
  out.steps.push({
    check: 'route-return',
    status: 'fail',
    summary: sameVpc
      ? `${where} does not route replies to ${spansText(family, bad)} back to the cluster`
      : `${where} has no route back to ${spansText(family, bad)} via a peering with ${cluster.vpcId}`,
    evidence,
  });
  const peering = preferredPeering(pair);
  if (!sameVpc && peering) {
    for (const cidr of source.stable) {
      if (intersect(spansOfTexts([cidr], family), bad).length === 0) continue;
      out.fixes.push(routeFix(compiled, subnet, cidr, 'peering', peering.id, purpose));
    }
  }
  return out;
}
