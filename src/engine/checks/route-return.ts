// Step `route-return`: the reply leaves the destination subnet through the table governing it and must
// reach every address the destination sees (VPC "Route Table Overview", CCE "VPC Network", cce_10_0283, seed cce_10_0399 cross-VPC example).
import { enginePath as T, type TableWords } from '../../i18n/messages/engine-path.js';
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
  const text = ctx.i18n;
  const subnet = target.subnet;
  const vpc = target.vpc;
  if (!subnet || !vpc || target.info.kind === 'internet') {
    out.steps.push({
      check: 'route-return',
      status: 'skip',
      summary: text.t(T['route-return.none']),
    });
    return out;
  }
  const table = vpc.tables.get(subnet.routeTableId);
  if (!table) {
    out.steps.push({
      check: 'route-return',
      status: 'warn',
      summary: text.t(T['route-return.undefined-table'], { table: subnet.routeTableId }),
    });
    return out;
  }
  if (table.unread) {
    out.steps.push(
      unreadRouteTableStep('route-return', { ...table, unread: table.unread }, subnet.subnet.id, out, text),
    );
    return out;
  }
  const where: TableWords = { table: table.id, isDefault: table.isDefault, subnet: subnet.subnet.id };
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
      summary: text.t(T['route-return.ok'], {
        where,
        spans: spansText(family, source.spans),
        ...(erPath ? { er: erLabel(erPath.er, text) } : {}),
      }),
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
    const reason = text.t(T['route-return.transitive'], { where, spans: spansText(family, bad), vpc: cluster.vpcId });
    out.steps.push({ check: 'route-return', status: 'warn', summary: reason, evidence });
    out.uncertain.push(reason);
    return out;
  }
  if (sameVpc && source.kind === 'pod-cidr' && !table.isDefault && coverage.decided.every((d) => good.includes(d))) {
    const reason = text.t(T['route-return.custom-no-cce'], { where, spans: spansText(family, bad) });
    out.steps.push({ check: 'route-return', status: 'warn', summary: reason, evidence });
    out.uncertain.push(reason);
    return out;
  }
  if (erPath) {
    out.steps.push({
      check: 'route-return',
      status: 'fail',
      summary: text.t(T['route-return.no-er'], { where, spans: spansText(family, bad), er: erLabel(erPath.er, text) }),
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
      ? text.t(T['route-return.same-vpc'], { where, spans: spansText(family, bad) })
      : text.t(T['route-return.no-peering'], {
          where,
          spans: spansText(family, bad),
          vpc: cluster.vpcId,
          podCidr: source.kind === 'pod-cidr',
        }),
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
