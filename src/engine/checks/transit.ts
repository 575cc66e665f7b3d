// Step `transit`: the enterprise router between the cluster VPC and the destination VPC, both ways. Packets
// arriving from an attachment are forwarded with the table that attachment is associated with; a route there
// (longest prefix; a static route beats a propagated one at the same prefix; a blackhole drops) must point at
// the other VPC's attachment. A VPC attachment propagates only its VPC's CIDR blocks, so the container CIDR of a
// vpc-router cluster needs a static route for replies (Huawei ER user guide "Propagation Overview"; CCE
// "Container Network Models"). Reported only when the path crosses an ER.
import type { I18n } from '../../i18n/i18n.js';
import { type AttachmentWords, type ErTableWords, engineTransit as T } from '../../i18n/messages/engine-path.js';
import type { CompiledEr, CompiledErTable } from '../../topology/compile-er.js';
import type { ErAttachment } from '../../topology/schema.js';
import { type CheckResult, type FlowContext, result } from '../context.js';
import type { Step } from '../diagnosis.js';
import { associatedTable, describeErRoute, type ErPath, erPathOf, tableToAssociate } from '../er-path.js';
import { erAssociationFix, erPropagationFix, erRouteFix } from '../fixes/er.js';
import { replanFix } from '../fixes/replan.js';
import { prefixCoverage } from '../route-lookup.js';
import { intersect, normalize, spansOfTexts, spansText } from '../spans.js';
import { unreadErStep } from './unread.js';

function attachmentWords(a: ErAttachment): AttachmentWords {
  return { id: a.id, ...(a.vpc ? { vpc: a.vpc } : {}) };
}

function tableWords(er: CompiledEr, table: CompiledErTable, attachment: ErAttachment): ErTableWords {
  return { er: er.er.id, table: table.table.id, associated: attachment.id };
}

/** The note said when two attachments sit in different tables: the isolation may be the design. */
function isolationNote(er: CompiledEr, a: ErAttachment, b: ErAttachment, text: I18n): string | undefined {
  const ta = er.associationOf.get(a.id);
  const tb = er.associationOf.get(b.id);
  if (!ta || !tb || ta === tb) return undefined;
  return text.t(T['transit.isolation'], { a: a.id, b: b.id, er: er.er.id, ta, tb });
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
    summary: ctx.i18n.t(T['transit.unassociated'], {
      attachment: attachmentWords(attachment),
      er: path.er.er.id,
      forward: direction === 'forward',
    }),
    evidence: { direction, enterpriseRouter: path.er.er.id, attachment: attachment.id, routeTable: null },
  };
}

function forwardStep(ctx: FlowContext, path: ErPath, from: ErAttachment, to: ErAttachment, out: CheckResult): Step {
  const { er } = path;
  const text = ctx.i18n;
  const table = associatedTable(er, from.id);
  const unread = unreadErStep(er, table, from.id, 'forward', out, text);
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
      summary: text.t(T['transit.forward-ok'], {
        where,
        address: address.text,
        to: attachmentWords(to),
        route: describeErRoute(route, text),
      }),
      evidence,
    };
  const destination = forwardDestination(ctx);
  const note = isolationNote(er, from, to, text);
  const bits = Number(destination.split('/')[1] ?? 32);
  // A more specific static route wins over the route that decides now; at the same prefix only over a propagated one.
  const narrower =
    !route || route.destination.bits < bits || (route.origin === 'propagated' && route.destination.bits === bits);
  if (narrower) {
    const why = route?.blackhole ? text.t(T['transit.blackhole-too'], note ? { note } : {}) : note;
    out.fixes.push(erRouteFix(er.er.id, table.table.id, destination, to.id, ctx.purpose, why));
    if (!route) out.fixes.push(erPropagationFix(er.er.id, table.table.id, to.id, ctx.purpose, true, note));
  } else
    out.fixes.push(
      replanFix(
        text.t(T['transit.change-replan'], { where, destination, route: describeErRoute(route!, text), to: to.id }),
        ctx.purpose,
      ),
    );
  if (note) out.assumptions.push(note);
  return {
    check: 'transit',
    status: 'fail',
    summary: route
      ? text.t(T['transit.forward-wrong'], {
          where,
          address: address.text,
          route: describeErRoute(route, text),
          to: attachmentWords(to),
        })
      : text.t(T['transit.forward-none'], {
          where,
          address: address.text,
          ...(note ? { isolated: { to: to.id, table: er.associationOf.get(to.id) ?? '' } } : {}),
        }),
    evidence,
  };
}

function returnStep(ctx: FlowContext, path: ErPath, from: ErAttachment, to: ErAttachment, out: CheckResult): Step {
  const { er } = path;
  const { source } = ctx;
  const text = ctx.i18n;
  const table = associatedTable(er, to.id);
  const unread = unreadErStep(er, table, to.id, 'return', out, text);
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
      summary: text.t(T['transit.return-ok'], {
        where,
        spans: spansText(family, source.spans),
        from: attachmentWords(from),
        routes: good.map((d) => describeErRoute(d.by, text)),
      }),
      evidence,
    };
  const note = isolationNote(er, to, from, text);
  const blackholes = coverage.decided.filter((d) => d.by.blackhole);
  for (const cidr of source.stable) {
    if (intersect(spansOfTexts([cidr], family), bad).length === 0) continue;
    const why = blackholes.length ? text.t(T['transit.blackhole-covers'], note ? { note } : {}) : note;
    out.fixes.push(erRouteFix(er.er.id, table.table.id, cidr, from.id, ctx.purpose, why, existingStatic(table, cidr)));
  }
  if (note) out.assumptions.push(note);
  const block = (ctx.compiled.vpcs.get(ctx.cluster.vpcId)?.blocks ?? []).some((b) =>
    source.spans.every((s) => s.start >= b.start && s.end <= b.end),
  );
  const podCidr =
    source.kind === 'pod-cidr' && !block ? { cluster: ctx.cluster.cluster.name, vpc: ctx.cluster.vpcId } : undefined;
  return {
    check: 'transit',
    status: 'fail',
    summary: text.t(T['transit.return-none'], {
      where,
      spans: spansText(family, bad),
      from: attachmentWords(from),
      ...(podCidr ? { podCidr } : {}),
      isolated: note !== undefined,
    }),
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
      summary: ctx.i18n.t(T['transit.not-attached'], { vpc: missing, er: er.er.id }),
      evidence: { enterpriseRouter: er.er.id },
    });
    out.fixes.push(replanFix(ctx.i18n.t(T['transit.attach-replan'], { vpc: missing, er: er.er.id }), ctx.purpose));
    return out;
  }
  out.steps.push(forwardStep(ctx, path, from, to, out));
  out.steps.push(returnStep(ctx, path, from, to, out));
  return out;
}
