// The huaweicloud provider's ER resources in a Terraform state, as raw enterprise routers: huaweicloud_er_instance,
// _er_route_table, _er_vpc_attachment, _er_association, _er_propagation and _er_static_route. What the state does not
// hold but Huawei does on its own is said in a warning: the default association and propagation of new attachments,
// and the VPC routes auto_create_vpc_routes adds.
import type { RawEnterpriseRouter, RawErRoute, RawRoute } from '../model.js';
import type { Attributes } from './state.js';

/** The three private ranges auto_create_vpc_routes sends to the ER (provider docs, huaweicloud_er_vpc_attachment). */
export const AUTO_VPC_ROUTES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] as const;

interface ErResources {
  readonly instances: readonly Attributes<'huaweicloud_er_instance'>[];
  readonly tables: readonly Attributes<'huaweicloud_er_route_table'>[];
  readonly attachments: readonly Attributes<'huaweicloud_er_vpc_attachment'>[];
  readonly associations: readonly Attributes<'huaweicloud_er_association'>[];
  readonly propagations: readonly Attributes<'huaweicloud_er_propagation'>[];
  readonly staticRoutes: readonly Attributes<'huaweicloud_er_static_route'>[];
}

/** Raw ERs, plus the VPC default-table routes auto_create_vpc_routes implies (by VPC id). */
export function mapTerraformErs(
  r: ErResources,
  warn: (message: string) => void,
): { routers: RawEnterpriseRouter[]; vpcRoutes: Map<string, RawRoute[]> } {
  const tableEr = new Map(r.tables.map((t) => [t.id, t.instance_id]));
  const vpcRoutes = new Map<string, RawRoute[]>();
  const routers = r.instances.map((er): RawEnterpriseRouter => {
    const attachments = r.attachments.filter((a) => a.instance_id === er.id);
    const tables = r.tables.filter((t) => t.instance_id === er.id);
    const associated = new Set(r.associations.filter((x) => x.instance_id === er.id).map((x) => x.attachment_id));
    const propagated = new Set(
      r.propagations
        .filter((x) => x.instance_id === er.id && x.route_table_id === er.default_propagation_route_table_id)
        .map((x) => x.attachment_id),
    );
    const defaultAssociation = er.enable_default_association ? er.default_association_route_table_id : undefined;
    const defaultPropagation = er.enable_default_propagation ? er.default_propagation_route_table_id : undefined;
    const implied = (table: string, kind: 'association' | 'propagation', done: ReadonlySet<string>) =>
      attachments
        .filter((a) => !done.has(a.id))
        .map((a) => {
          warn(
            `huaweicloud_er_vpc_attachment ${a.id}: no huaweicloud_er_${kind} in the state; assumed in ER ${er.id}'s default ${kind} table ${table} (enable_default_${kind})`,
          );
          return a.id;
        });
    for (const a of attachments) {
      if (!a.auto_create_vpc_routes) continue;
      const list = vpcRoutes.get(a.vpc_id) ?? [];
      for (const destination of AUTO_VPC_ROUTES) list.push({ destination, type: 'er', nexthop: er.id });
      vpcRoutes.set(a.vpc_id, list);
      warn(
        `huaweicloud_er_vpc_attachment ${a.id}: auto_create_vpc_routes adds ${AUTO_VPC_ROUTES.join(', ')} -> ER ${er.id} to the default route table of ${a.vpc_id}; assumed present`,
      );
    }
    return {
      id: er.id,
      name: er.name ?? undefined,
      asn: er.asn ?? undefined,
      attachments: attachments.map((a) => ({
        id: a.id,
        name: a.name ?? undefined,
        type: 'vpc',
        vpcId: a.vpc_id,
        subnetId: a.subnet_id,
        autoCreateVpcRoutes: a.auto_create_vpc_routes ?? undefined,
      })),
      routeTables: tables.map((t) => ({
        id: t.id,
        name: t.name ?? undefined,
        isDefault: t.id === er.default_association_route_table_id || undefined,
        associations: [
          ...r.associations.filter((x) => x.route_table_id === t.id).map((x) => x.attachment_id),
          ...(t.id === defaultAssociation ? implied(t.id, 'association', associated) : []),
        ],
        propagations: [
          ...r.propagations.filter((x) => x.route_table_id === t.id).map((x) => x.attachment_id),
          ...(t.id === defaultPropagation ? implied(t.id, 'propagation', propagated) : []),
        ],
        routes: r.staticRoutes
          .filter((s) => s.route_table_id === t.id)
          .map(
            (s): RawErRoute => ({
              destination: s.destination,
              attachmentId: s.attachment_id || undefined,
              blackhole: s.is_blackhole === true,
            }),
          ),
      })),
    };
  });
  for (const s of r.staticRoutes)
    if (!tableEr.has(s.route_table_id))
      warn(
        `huaweicloud_er_static_route ${s.destination}: its route table ${s.route_table_id} is not in the state; left out`,
      );
  return { routers, vpcRoutes };
}
