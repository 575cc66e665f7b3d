// Enterprise routers read by an importer, mapped to topology v1: attachments to VPCs or subnets that were not
// imported become opaque next hops, references that do not resolve are left out with a warning, and an attachment
// associated twice keeps its first association, so that the result always validates.
import { parseCidr } from '../net/address.js';
import type { TopologyInput } from '../topology/schema.js';
import type { RawEnterpriseRouter, RawSubnet } from './model.js';

type ErIn = NonNullable<TopologyInput['enterpriseRouters']>[number];
type AttachmentIn = NonNullable<ErIn['attachments']>[number];

const ATTACHMENT_TYPES = new Set(['vpc', 'vpn', 'vgw', 'peering', 'cfw']);

interface Context {
  readonly vpcIds: ReadonlySet<string>;
  readonly resolveSubnet: (id: string | undefined | null) => RawSubnet | undefined;
  readonly warn: (message: string) => void;
}

/** The topology's enterpriseRouters from what an importer read. */
export function mapEnterpriseRouters(raw: readonly RawEnterpriseRouter[], ctx: Context): ErIn[] {
  const { warn } = ctx;
  const seen = new Set<string>();
  const out: ErIn[] = [];
  for (const er of raw) {
    if (seen.has(er.id)) continue;
    seen.add(er.id);
    const attachments: AttachmentIn[] = [];
    for (const a of er.attachments) {
      if (attachments.some((x) => x.id === a.id)) continue;
      const type = a.type.toLowerCase();
      const label = `enterprise router ${er.id}: attachment ${a.id}${a.name ? ` (${a.name})` : ''}`;
      if (type === 'vpc') {
        const subnet = ctx.resolveSubnet(a.subnetId);
        if (a.vpcId && ctx.vpcIds.has(a.vpcId) && subnet && subnet.vpcId === a.vpcId) {
          attachments.push(
            clean({
              id: a.id,
              name: a.name,
              type: 'vpc',
              vpc: a.vpcId,
              subnet: subnet.id,
              autoCreateVpcRoutes: a.autoCreateVpcRoutes,
            }),
          );
          continue;
        }
        warn(
          `${label}: its VPC ${a.vpcId ?? '?'} or subnet ${a.subnetId ?? '?'} was not imported (another project or account?); kept as an opaque next hop`,
        );
        attachments.push(clean({ id: a.id, name: a.name, type: 'other' }));
        continue;
      }
      const cidrs = (a.cidrs ?? []).filter((c) => {
        if (!isCidrText(c)) warn(`${label}: learned route "${c}" is not a CIDR; left out`);
        return isCidrText(c);
      });
      attachments.push(
        clean({
          id: a.id,
          name: a.name,
          type: (ATTACHMENT_TYPES.has(type) ? type : 'other') as AttachmentIn['type'],
          cidrs: cidrs.length ? [...new Set(cidrs)].sort() : undefined,
        }),
      );
    }
    const known = new Set(attachments.map((a) => a.id));
    const associated = new Map<string, string>();
    const routeTables = er.routeTables.map((table) => {
      const where = `enterprise router ${er.id}: route table ${table.id}`;
      const present = (what: string) => (id: string) => {
        if (!known.has(id)) warn(`${where}: ${what} of attachment ${id}, which was not imported; left out`);
        return known.has(id);
      };
      const associations = [...new Set(table.associations)].filter(present('association')).filter((id) => {
        const first = associated.get(id);
        if (first) warn(`${where}: attachment ${id} is already associated with ${first}; this association left out`);
        else associated.set(id, table.id);
        return !first;
      });
      const propagations = [...new Set(table.propagations)].filter(present('propagation'));
      const destinations = new Set<string>();
      const routes = table.routes.flatMap((r) => {
        const what = `${where}: route ${r.destination} -> ${r.blackhole ? 'blackhole' : (r.attachmentId ?? '?')}`;
        if (!isCidrText(r.destination)) {
          warn(`${what}: destination is not a CIDR; left out`);
          return [];
        }
        if (!r.blackhole && !(r.attachmentId && known.has(r.attachmentId))) {
          warn(`${what}: its attachment was not imported; left out`);
          return [];
        }
        if (destinations.has(r.destination)) return [];
        destinations.add(r.destination);
        return [
          r.blackhole
            ? { destination: r.destination, blackhole: true }
            : { destination: r.destination, attachment: r.attachmentId },
        ];
      });
      return clean({
        id: table.id,
        name: table.name,
        default: table.isDefault || undefined,
        associations: associations.length ? associations : undefined,
        propagations: propagations.length ? propagations : undefined,
        routes: routes.length ? routes : undefined,
        unread: table.unread,
      });
    });
    out.push(
      clean({
        id: er.id,
        name: er.name,
        asn: er.asn,
        attachments: attachments.length ? attachments.sort((a, b) => (a.id < b.id ? -1 : 1)) : undefined,
        routeTables: routeTables.length ? routeTables.sort((a, b) => (a.id < b.id ? -1 : 1)) : undefined,
      }),
    );
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

function isCidrText(text: string): boolean {
  return parseCidr(text, true).ok;
}

function clean<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}
