// Enterprise routers compiled for lookups: each route table's static, blackhole and propagated routes in one
// prefix index (static before propagated at equal prefix), which table each attachment is associated with,
// and which attachments join each VPC.
import { type Cidr, mustCidr } from '../net/address.js';
import { type Lookup, PrefixIndex } from './compile.js';
import type { EnterpriseRouter, ErAttachment, ErRouteTable, Topology, Vpc } from './schema.js';

export interface CompiledErRoute {
  readonly destination: Cidr;
  /** The attachment the route sends to; undefined for a blackhole. */
  readonly attachment?: string;
  readonly blackhole: boolean;
  readonly origin: 'static' | 'propagated';
}

export interface CompiledErTable {
  readonly table: ErRouteTable;
  readonly erId: string;
  readonly routes: PrefixIndex<CompiledErRoute>;
}

export interface CompiledEr {
  readonly er: EnterpriseRouter;
  readonly tables: ReadonlyMap<string, CompiledErTable>;
  readonly attachments: ReadonlyMap<string, ErAttachment>;
  /** Attachment id -> the id of the table it is associated with. */
  readonly associationOf: ReadonlyMap<string, string>;
}

/** An attachment of a VPC to an ER. */
export interface VpcAttachment {
  readonly erId: string;
  readonly attachment: ErAttachment;
}

/** The CIDRs an attachment propagates: a VPC's blocks (not a CCE container CIDR outside them), else its `cidrs`. */
export function propagatedCidrs(attachment: ErAttachment, vpcs: Lookup<{ readonly vpc: Vpc }>): string[] {
  if ((attachment.type ?? 'vpc') === 'vpc') {
    const vpc = attachment.vpc ? vpcs.get(attachment.vpc)?.vpc : undefined;
    return vpc ? [vpc.cidr, ...(vpc.secondaryCidrs ?? [])] : [];
  }
  return attachment.cidrs ?? [];
}

const PROPAGATION_RANK: Record<string, number> = { vpc: 0, cfw: 0, vgw: 1, vpn: 2, peering: 3 };

function propagationRank(attachment: ErAttachment): number {
  return PROPAGATION_RANK[attachment.type ?? 'vpc'] ?? 4;
}

/** Compile one enterprise router against the VPCs it joins. */
export function compileEr(er: EnterpriseRouter, vpcs: Lookup<{ readonly vpc: Vpc }>): CompiledEr {
  const attachments = new Map((er.attachments ?? []).map((a) => [a.id, a]));
  const associationOf = new Map<string, string>();
  const tables = new Map<string, CompiledErTable>();
  for (const table of er.routeTables ?? []) {
    for (const attachment of table.associations ?? [])
      if (!associationOf.has(attachment)) associationOf.set(attachment, table.id);
    const routes = new PrefixIndex<CompiledErRoute>();
    // Static routes first: at an equal prefix the first entry wins, and a static route beats a propagated one.
    for (const route of table.routes ?? [])
      routes.add(mustCidr(route.destination), {
        destination: mustCidr(route.destination),
        attachment: route.blackhole ? undefined : route.attachment,
        blackhole: route.blackhole === true,
        origin: 'static',
      });
    // Same prefix: VPC and CFW propagations before VGW/global DC gateway, then VPN, then peering (ER user guide
    // "Route Overview", route priority); the sort is stable, so the declared order breaks the remaining ties.
    const propagated = (table.propagations ?? [])
      .map((id) => attachments.get(id))
      .filter((a): a is ErAttachment => a !== undefined)
      .sort((a, b) => propagationRank(a) - propagationRank(b));
    for (const attachment of propagated) {
      const id = attachment.id;
      for (const text of propagatedCidrs(attachment, vpcs)) {
        const destination = mustCidr(text);
        routes.add(destination, { destination, attachment: id, blackhole: false, origin: 'propagated' });
      }
    }
    tables.set(table.id, { table, erId: er.id, routes });
  }
  return { er, tables, attachments, associationOf };
}

/** The vpc attachments of every ER, by VPC id. */
export function vpcAttachmentsOf(topology: Topology): Map<string, VpcAttachment[]> {
  const out = new Map<string, VpcAttachment[]>();
  for (const er of topology.enterpriseRouters ?? [])
    for (const attachment of er.attachments ?? []) {
      if ((attachment.type ?? 'vpc') !== 'vpc' || !attachment.vpc) continue;
      const list = out.get(attachment.vpc);
      if (list) list.push({ erId: er.id, attachment });
      else out.set(attachment.vpc, [{ erId: er.id, attachment }]);
    }
  return out;
}
