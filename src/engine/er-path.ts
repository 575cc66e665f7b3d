// Which enterprise router a cross-VPC path uses, and the attachments of its two VPCs (reference: Huawei ER user
// guide "Route Table Overview", "Association Overview", "Propagation Overview"). The path goes through an ER when
// a source route sends the destination to a declared ER, or when no route and no peering exists but an ER
// attaches both VPCs (then the fix is a VPC route to that ER).

import { EN, type I18n } from '../i18n/i18n.js';
import { enginePath as T } from '../i18n/messages/engine-path.js';
import { peeringsBetween } from '../topology/compile.js';
import type { CompiledEr, CompiledErRoute, CompiledErTable } from '../topology/compile-er.js';
import type { ErAttachment } from '../topology/schema.js';
import type { FlowContext } from './context.js';
import { governingTable, lookupRoute } from './route-lookup.js';

export interface ErPath {
  readonly er: CompiledEr;
  /** The cluster VPC's attachment (undefined: the VPC is not attached to this ER). */
  readonly from?: ErAttachment;
  /** The destination VPC's attachment. */
  readonly to?: ErAttachment;
  /** Whether a source route already sends the destination to this ER. */
  readonly routed: boolean;
}

function attachmentOf(er: CompiledEr, vpcId: string): ErAttachment | undefined {
  for (const a of er.attachments.values()) if ((a.type ?? 'vpc') === 'vpc' && a.vpc === vpcId) return a;
  return undefined;
}

/** The ER on this flow's path, if any (memoized per flow context). */
export function erPathOf(ctx: FlowContext): ErPath | undefined {
  const cached = memo.get(ctx);
  if (cached !== undefined) return cached ?? undefined;
  const path = findErPath(ctx);
  memo.set(ctx, path ?? null);
  return path;
}

const memo = new WeakMap<FlowContext, ErPath | null>();

function findErPath(ctx: FlowContext): ErPath | undefined {
  const { compiled, cluster, target } = ctx;
  const dst = target.vpc;
  if (!dst || dst.vpc.id === cluster.vpcId || target.info.kind === 'internet') return undefined;
  const routes = ctx.source.legs.map((leg) => {
    const table = governingTable(compiled, leg.subnet);
    return table ? lookupRoute(table, target.address) : undefined;
  });
  for (const route of routes) {
    if (route?.type !== 'er' || !route.nextHop) continue;
    const er = compiled.enterpriseRouters.get(route.nextHop);
    if (er) return { er, from: attachmentOf(er, cluster.vpcId), to: attachmentOf(er, dst.vpc.id), routed: true };
  }
  if (routes.some((r) => r !== undefined)) return undefined;
  if (peeringsBetween(compiled, cluster.vpcId, dst.vpc.id).length > 0) return undefined;
  const own = compiled.vpcAttachments.get(cluster.vpcId) ?? [];
  const theirs = compiled.vpcAttachments.get(dst.vpc.id) ?? [];
  const shared = own.find((a) => theirs.some((b) => b.erId === a.erId));
  const er = shared ? compiled.enterpriseRouters.get(shared.erId) : undefined;
  if (!er) return undefined;
  return { er, from: attachmentOf(er, cluster.vpcId), to: attachmentOf(er, dst.vpc.id), routed: false };
}

/** The table an attachment is associated with. */
export function associatedTable(er: CompiledEr, attachment: string): CompiledErTable | undefined {
  const id = er.associationOf.get(attachment);
  return id ? er.tables.get(id) : undefined;
}

/** "enterprise router er-main"; diagnose puts a name first (src/names/labels.ts). */
export function erLabel(er: CompiledEr, text: I18n = EN): string {
  return text.t(T['path.er'], { id: er.er.id });
}

/** A route of an ER table in words. */
export function describeErRoute(route: CompiledErRoute, text: I18n = EN): string {
  return text.t(T['path.er-route'], {
    blackhole: route.blackhole === true,
    origin: String(route.origin),
    destination: route.destination.text,
    attachment: String(route.attachment ?? ''),
  });
}

/** The table to associate an attachment with: the ER's default table, else its first. */
export function tableToAssociate(er: CompiledEr): CompiledErTable | undefined {
  const tables = [...er.tables.values()];
  return tables.find((t) => t.table.default) ?? tables[0];
}
