// Step `transit`: the enterprise router between the cluster VPC and the destination VPC, both ways. Packets
// arriving from an attachment are forwarded with the table that attachment is associated with; a route there
// (longest prefix; a static route beats a propagated one at the same prefix; a blackhole drops) must point at
// the other VPC's attachment. A VPC attachment propagates only its VPC's CIDR blocks, so the container CIDR of a
// vpc-router cluster needs a static route for replies (Huawei ER user guide "Propagation Overview"; CCE
// "Container Network Models"). Reported only when the path crosses an ER.
import type { CompiledEr, CompiledErTable } from '../../topology/compile-er.js';
import type { ErAttachment } from '../../topology/schema.js';
import { type CheckResult, type FlowContext, result } from '../context.js';
import type { Step } from '../diagnosis.js';
import { associatedTable, describeErRoute, type ErPath, erLabel, erPathOf, tableToAssociate } from '../er-path.js';
import { erAssociationFix, erPropagationFix, erRouteFix } from '../fixes/er.js';
import { replanFix } from '../fixes/replan.js';
import { prefixCoverage } from '../route-lookup.js';
import { intersect, normalize, spansOfTexts, spansText } from '../spans.js';
import { unreadErStep } from './unread.js';

function attachmentWords(a: ErAttachment): string {
  return `attachment ${a.id}${a.vpc ? ` (${a.vpc})` : ''}`;
}

function tableWords(er: CompiledEr, table: CompiledErTable, attachment: ErAttachment): string {
  return `${erLabel(er)} route table ${table.table.id} (associated with ${attachment.id})`;
}

/** The note said when two attachments sit in different tables: the isolation may be the design. */
function isolationNote(er: CompiledEr, a: ErAttachment, b: ErAttachment): string | undefined {
  const ta = er.associationOf.get(a.id);
  const tb = er.associationOf.get(b.id);
  if (!ta || !tb || ta === tb) return undefined;
  return `${a.id} and ${b.id} are associated with different route tables of ${er.er.id} (${ta}, ${tb}): isolating them may be intentional; check with the network's owner before adding the route`;
}

/** What a static route to exactly `cidr` in the table points at now (an attachment or "blackhole"), if any. */
function existingStatic(table: CompiledErTable, cidr: string): string | undefined {
  const route = (table.table.routes ?? []).find((r) => r.destination === cidr);
  if (!route) return undefined;
  return route.blackhole ? 'blackhole' : route.attachment;
}

/** The narrowest block to route toward the destination: a peer cluster's container CIDR, else its subnet. */
function forwardDestination(ctx: FlowContext): string {
  const pods = ctx.compiled.containerIndex.containing(ctx.target.address)[0];
  if (ctx.target.info.kind === 'pod' && pods) return pods.cidr.text;
  return ctx.target.subnet?.cidr.text ?? ctx.target.address.text;
}

/** An attachment without association: nothing arriving from it is forwarded. */
function unassociated(
  ctx: FlowContext,
  path: ErPath,
  attachment: ErAttachment,
  direction: string,
  out: CheckResult,
): Step {
  const table = tableToAssociate(path.er);
  if (table) out.fixes.push(erAssociationFix(path.er.er.id, table.table.id, attachment.id, ctx.purpose));
  return {
    check: 'transit',
    status: 'fail',
    summary: `${attachmentWords(attachment)} is associated with no route table of ${erLabel(path.er)}: ${direction === 'forward' ? 'packets' : 'replies'} arriving from it are not forwarded`,
    evidence: { direction, enterpriseRouter: path.er.er.id, attachment: attachment.id, routeTable: null },
  };
}

function forwardStep(ctx: FlowContext, path: ErPath, from: ErAttachment, to: ErAttachment, out: CheckResult): Step {
  const { er } = path;
  const table = associatedTable(er, from.id);
  const unread = unreadErStep(er, table, from.id, 'forward', out);
  if (unread) return unread;
  if (!table) return unassociated(ctx, path, from, 'forward', out);
  const address = ctx.target.address;
  const route = table.routes.containing(address)[0]?.value;
  const where = tableWords(er, table, from);
  const evidence = {
    direction: 'forward',
    enterpriseRouter: er.er.id,
    routeTable: table.table.id,
    attachment: from.id,
    route: route ? describeErRoute(route) : null,
  };
  if (route && !route.blackhole && route.attachment === to.id)
    return {
      check: 'transit',
      status: 'pass',
      summary: `${where} sends ${address.text} to ${attachmentWords(to)} by ${describeErRoute(route)}`,
      evidence,
    };
  const destination = forwardDestination(ctx);
  const note = isolationNote(er, from, to);
  const bits = Number(destination.split('/')[1] ?? 32);
  // A more specific static route wins over the route that decides now; at the same prefix only over a propagated one.
  const narrower =
    !route || route.destination.bits < bits || (route.origin === 'propagated' && route.destination.bits === bits);
  if (narrower) {
    const why = route?.blackhole ? `${note ? `${note}. ` : ''}The blackhole route may be intentional too` : note;
    out.fixes.push(erRouteFix(er.er.id, table.table.id, destination, to.id, ctx.purpose, why));
    if (!route) out.fixes.push(erPropagationFix(er.er.id, table.table.id, to.id, ctx.purpose, true, note));
  } else
    out.fixes.push(
      replanFix(
        `${where} sends ${destination} by ${describeErRoute(route!)}: change or delete that route if ${to.id} should be reachable (it may be intentional)`,
        ctx.purpose,
      ),
    );
  if (note) out.assumptions.push(note);
  return {
    check: 'transit',
    status: 'fail',
    summary: route
      ? `${where} sends ${address.text} by ${describeErRoute(route)}, not to ${attachmentWords(to)}`
      : `${where} has no route to ${address.text}${note ? ` (${to.id} is associated with ${er.associationOf.get(to.id)}: the tables isolate the two VPCs)` : ''}`,
    evidence,
  };
}

function returnStep(ctx: FlowContext, path: ErPath, from: ErAttachment, to: ErAttachment, out: CheckResult): Step {
  const { er } = path;
  const { source } = ctx;
  const table = associatedTable(er, to.id);
  const unread = unreadErStep(er, table, to.id, 'return', out);
  if (unread) return unread;
  if (!table) return unassociated(ctx, path, to, 'return', out);
  const family = source.family;
  const coverage = prefixCoverage(table.routes, family, source.spans);
  const good = coverage.decided.filter((d) => !d.by.blackhole && d.by.attachment === from.id);
  const bad = normalize([
    ...coverage.rest,
    ...coverage.decided.filter((d) => !good.includes(d)).flatMap((d) => d.spans),
  ]);
  const where = tableWords(er, table, to);
  const evidence = {
    direction: 'return',
    enterpriseRouter: er.er.id,
    routeTable: table.table.id,
    attachment: to.id,
    routes: coverage.decided.map((d) => describeErRoute(d.by)),
  };
  if (bad.length === 0)
    return {
      check: 'transit',
      status: 'pass',
      summary: `${where} routes replies to ${spansText(family, source.spans)} to ${attachmentWords(from)} by ${good.map((d) => describeErRoute(d.by)).join(', ')}`,
      evidence,
    };
  const note = isolationNote(er, to, from);
  const blackholes = coverage.decided.filter((d) => d.by.blackhole);
  for (const cidr of source.stable) {
    if (intersect(spansOfTexts([cidr], family), bad).length === 0) continue;
    const why = blackholes.length
      ? `${note ? `${note}. ` : ''}A blackhole route covers it and may be intentional`
      : note;
    out.fixes.push(erRouteFix(er.er.id, table.table.id, cidr, from.id, ctx.purpose, why, existingStatic(table, cidr)));
  }
  if (note) out.assumptions.push(note);
  const block = (ctx.compiled.vpcs.get(ctx.cluster.vpcId)?.blocks ?? []).some((b) =>
    source.spans.every((s) => s.start >= b.start && s.end <= b.end),
  );
  const podCidr =
    source.kind === 'pod-cidr' && !block
      ? `: the container CIDR of ${ctx.cluster.cluster.name} is outside ${ctx.cluster.vpcId}'s CIDR blocks, and a VPC attachment propagates only those, so replies to pods need a static route to ${from.id}`
      : '';
  return {
    check: 'transit',
    status: 'fail',
    summary: `${where} has no route back to ${spansText(family, bad)} via ${attachmentWords(from)}${podCidr}${note && !podCidr ? ' (the tables isolate the two VPCs)' : ''}`,
    evidence,
  };
}

/** The ER hop of a cross-VPC path, forward and return; no step when the path crosses no ER. */
export function transitCheck(ctx: FlowContext): CheckResult {
  const out = result();
  const path = erPathOf(ctx);
  if (!path) return out;
  const { er, from, to } = path;
  if (!from || !to) {
    const missing = !from ? ctx.cluster.vpcId : ctx.target.vpc!.vpc.id;
    out.steps.push({
      check: 'transit',
      status: 'fail',
      summary: `${missing} is not attached to ${erLabel(er)}`,
      evidence: { enterpriseRouter: er.er.id },
    });
    out.fixes.push(
      replanFix(
        `attach ${missing} to ${er.er.id} (a VPC attachment in one of its subnets), associate it with a route table and propagate it`,
        ctx.purpose,
      ),
    );
    return out;
  }
  out.steps.push(forwardStep(ctx, path, from, to, out));
  out.steps.push(returnStep(ctx, path, from, to, out));
  return out;
}
