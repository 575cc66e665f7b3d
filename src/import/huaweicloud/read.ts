// Reading one project of one region through the Huawei Cloud APIs into an inventory. Each service
// is read on its own: a service missing in the region, or one the credential may not read, is
// skipped with a warning and the rest is still imported; refused credentials stop everything.
import type * as z from 'zod/v4';
import { dcsAccessControl, dcsMayHaveWhitelist } from '../dcs.js';
import { connectAddresses, connectDomainNames } from '../dms.js';
import {
  emptyInventory,
  type RawEnterpriseRouter,
  type RawInstance,
  type RawInventory,
  type SkipReason,
} from '../model.js';
import {
  HuaweiCloudApiError,
  HuaweiCloudAuthError,
  type HuaweiCloudClient,
  ServiceUnavailableError,
} from './client.js';
import * as api from './responses.js';

export interface ReadOptions {
  readonly projectId: string;
  /** Only these VPCs (and what lives in them); all when empty. */
  readonly vpcIds?: readonly string[];
  /** Page size for listing APIs (tests use small pages); capped per API at its documented maximum. */
  readonly pageSize?: number;
}

// Documented maximum `limit` per listing API: a larger value is refused or ignored (see docs/IMPORT.md).
const MAX_LIMIT = { dcs: 1000, rds: 100, dms: 50, nat: 2000, dns: 500 } as const;

/** Read everything reachbot maps from one project; `warnings` lists what was skipped and why. */
export async function readInventory(client: HuaweiCloudClient, options: ReadOptions): Promise<RawInventory> {
  const inv = emptyInventory();
  const pid = options.projectId;
  const limit = options.pageSize ?? 200;
  /** A listing that keeps answering full pages past this is not trusted to end: refuse it. */
  const pageCap = (what: string, pages: number) => {
    if (pages >= MAX_PAGES)
      throw new ResponseShapeError(what, `more than ${MAX_PAGES} pages; stopped instead of paging forever`);
  };
  const wanted = options.vpcIds?.length ? new Set(options.vpcIds) : undefined;
  const inScope = (vpcId: string | null | undefined) =>
    !wanted || (vpcId !== undefined && vpcId !== null && wanted.has(vpcId));

  const get = async <S extends z.ZodType>(service: string, path: string, schema: S, query = {}) =>
    parse(schema, await client.get(service, path, query), `${service} ${path}`);

  /** Marker pagination: v3 `page_info.next_marker`, or (v1, v2.0) the last id while pages are full. */
  const listByMarker = async <S extends z.ZodType, T extends { id: string }>(
    service: string,
    path: string,
    schema: S,
    items: (page: z.output<S>) => T[],
    next: (page: z.output<S>, items: T[]) => string | undefined,
    query: Record<string, string | undefined> = {},
  ): Promise<T[]> => {
    const all: T[] = [];
    let marker: string | undefined;
    for (let pages = 0; ; pages++) {
      pageCap(`${service} ${path}`, pages);
      const page = await get(service, path, schema, { ...query, limit, marker });
      const got = items(page);
      all.push(...got);
      const following = next(page, got);
      if (!following || following === marker) break;
      marker = following;
    }
    return all;
  };
  const v3Next = (page: { page_info?: { next_marker?: string | null } | null }) =>
    page.page_info?.next_marker ?? undefined;
  const fullPageNext = <T extends { id: string }>(_page: unknown, got: T[]) =>
    got.length >= limit ? got[got.length - 1]?.id : undefined;

  /** Offset pagination by item offset (DCS, RDS, DMS) until the reported total or a short page. */
  const listByOffset = async <S extends z.ZodType, T>(
    service: string,
    path: string,
    schema: S,
    maxLimit: number,
    items: (page: z.output<S>) => T[],
    total: (page: z.output<S>) => number | null | undefined,
    query: Record<string, string> = {},
  ): Promise<T[]> => {
    const all: T[] = [];
    const pageLimit = Math.min(limit, maxLimit);
    for (let offset = 0, pages = 0; ; pages++) {
      pageCap(`${service} ${path}`, pages);
      const page = await get(service, path, schema, { ...query, offset, limit: pageLimit });
      const got = items(page);
      all.push(...got);
      offset += got.length;
      const count = total(page);
      if (got.length === 0 || got.length < pageLimit || (count != null && offset >= count)) break;
    }
    return all;
  };

  /** Why `error` left something unread, in words and as a sync-level reason; rethrows what must stop the import. */
  const unreadReason = (error: unknown, service: string): { reason: SkipReason; detail: string; text: string } => {
    if (error instanceof HuaweiCloudAuthError) throw error;
    if (error instanceof ServiceUnavailableError)
      return {
        reason: 'unavailable',
        detail: error.detail,
        text: `${service.toUpperCase()} is not available in ${client.region} (${error.detail})`,
      };
    if (error instanceof HuaweiCloudApiError && error.forbidden)
      return {
        reason: 'forbidden',
        detail: `${error.errorCode ?? 'HTTP 403'}: ${error.detail}`,
        text: `the credential may not read it (${error.errorCode ?? 'HTTP 403'}: ${error.detail}); grant the read-only policy listed in docs/IMPORT.md`,
      };
    if (error instanceof HuaweiCloudApiError || error instanceof ResponseShapeError)
      return {
        reason: error instanceof HuaweiCloudApiError && error.throttled ? 'throttled' : 'error',
        detail: error.message,
        text: error.message,
      };
    throw error;
  };

  const section = async (what: string, service: string, read: () => Promise<void>) => {
    try {
      await read();
    } catch (error) {
      const { reason, detail, text } = unreadReason(error, service);
      inv.warnings.push(`skipped ${what}: ${text}`);
      inv.skipped.push({ what, service, reason, detail });
    }
  };

  /**
   * One item's detail call: when it fails, that item alone is left unread (recorded, so answers that need it say
   * uncertain, and listed in `skipped`, so a sync counts the import as incomplete) and the others are still read.
   * Returns the reason it was not read, or undefined when `read` succeeded.
   */
  const item = async (what: string, service: string, read: () => Promise<void>): Promise<string | undefined> => {
    try {
      await read();
      return undefined;
    } catch (error) {
      const { reason, detail, text } = unreadReason(error, service);
      inv.warnings.push(`${what} not read: ${text}; answers that depend on it say uncertain`);
      inv.skipped.push({ what, service, reason, detail });
      return text;
    }
  };

  /** ERs with their attachments, tables, associations, propagations, static routes and learned routes. */
  const readEnterpriseRouters = async (): Promise<RawEnterpriseRouter[]> => {
    const base = `/v3/${pid}/enterprise-router`;
    const routers: RawEnterpriseRouter[] = [];
    const instances = await listByMarker('er', `${base}/instances`, api.erInstanceList, (p) => p.instances, v3Next);
    for (const er of instances) {
      const vpcAttachments = await listByMarker(
        'er',
        `${base}/${er.id}/vpc-attachments`,
        api.erVpcAttachmentList,
        (p) => p.vpc_attachments,
        v3Next,
      );
      if (wanted && !vpcAttachments.some((a) => inScope(a.vpc_id))) continue;
      const others = (
        await listByMarker('er', `${base}/${er.id}/attachments`, api.erAttachmentList, (p) => p.attachments, v3Next)
      ).filter((a) => a.resource_type !== 'vpc');
      const learned = new Map<string, string[]>();
      const tables = await listByMarker(
        'er',
        `${base}/${er.id}/route-tables`,
        api.erRouteTableList,
        (p) => p.route_tables,
        v3Next,
      );
      const routeTables = [];
      for (const t of tables) {
        const unread = await item(`enterprise router ${er.id} route table ${t.id}`, 'er', async () => {
          const at = `${base}/${er.id}/route-tables/${t.id}`;
          const associations = await listByMarker(
            'er',
            `${at}/associations`,
            api.erAssociationList,
            (p) => p.associations,
            v3Next,
          );
          const propagations = await listByMarker(
            'er',
            `${at}/propagations`,
            api.erPropagationList,
            (p) => p.propagations,
            v3Next,
          );
          const statics = await listByMarker(
            'er',
            `${base}/route-tables/${t.id}/static-routes`,
            api.erStaticRouteList,
            (p) => p.routes,
            v3Next,
          );
          // Effective routes: what non-VPC attachments (VPN, Direct Connect, peer ERs) propagate is only known here.
          const effective = await listByMarker(
            'er',
            `${base}/route-tables/${t.id}/routes`,
            api.erEffectiveRouteList,
            (p) => p.routes.map((r, i) => ({ ...r, id: r.route_id ?? `${r.destination}#${i}` })),
            v3Next,
          );
          for (const r of effective) {
            if (r.is_blackhole || r.route_type === 'static') continue;
            for (const hop of r.next_hops ?? []) {
              if (!hop.attachment_id || hop.resource_type === 'vpc') continue;
              const list = learned.get(hop.attachment_id) ?? [];
              list.push(r.destination);
              learned.set(hop.attachment_id, list);
            }
          }
          routeTables.push({
            id: t.id,
            name: t.name ?? undefined,
            isDefault: t.is_default_association === true || undefined,
            associations: associations.map((a) => a.attachment_id),
            propagations: propagations.map((a) => a.attachment_id),
            routes: statics.map((r) => ({
              destination: r.destination,
              attachmentId: r.attachments?.[0]?.attachment_id ?? undefined,
              blackhole: r.is_blackhole === true,
            })),
          });
        });
        // Its associations, propagations and routes come only from the calls that failed: all unknown.
        if (unread !== undefined)
          routeTables.push({
            id: t.id,
            name: t.name ?? undefined,
            isDefault: t.is_default_association === true || undefined,
            associations: [],
            propagations: [],
            routes: [],
            unread,
          });
      }
      routers.push({
        id: er.id,
        name: er.name ?? undefined,
        asn: er.asn ?? undefined,
        attachments: [
          ...vpcAttachments.map((a) => ({
            id: a.id,
            name: a.name ?? undefined,
            type: 'vpc',
            vpcId: a.vpc_id,
            subnetId: a.virsubnet_id,
            autoCreateVpcRoutes: a.auto_create_vpc_routes ?? undefined,
          })),
          ...others.map((a) => ({
            id: a.id,
            name: a.name ?? undefined,
            type: a.resource_type,
            cidrs: learned.get(a.id),
          })),
        ],
        routeTables,
      });
    }
    return routers;
  };

  // --- VPC service
  const portsById = new Map<string, z.output<typeof api.portList>['ports'][number]>();
  await section('VPCs and subnets', 'vpc', async () => {
    const vpcs = await listByMarker('vpc', `/v3/${pid}/vpc/vpcs`, api.vpcList, (p) => p.vpcs, v3Next);
    for (const v of vpcs.filter((v) => inScope(v.id)))
      inv.vpcs.push({ id: v.id, name: v.name ?? undefined, cidr: v.cidr, extendCidrs: v.extend_cidrs ?? [] });
    const subnets = await listByMarker('vpc', `/v1/${pid}/subnets`, api.subnetList, (p) => p.subnets, fullPageNext);
    for (const s of subnets.filter((s) => inScope(s.vpc_id)))
      inv.subnets.push({
        id: s.id,
        name: s.name ?? undefined,
        vpcId: s.vpc_id,
        cidr: s.cidr,
        ipv6Cidr: s.cidr_v6 || undefined,
        ipv4SubnetId: s.neutron_subnet_id || undefined,
      });
  });
  await section('route tables', 'vpc', async () => {
    const tables = await listByMarker(
      'vpc',
      `/v1/${pid}/routetables`,
      api.routeTableList,
      (p) => p.routetables,
      fullPageNext,
    );
    for (const t of tables.filter((t) => inScope(t.vpc_id))) {
      const unread = await item(`route table ${t.id}`, 'vpc', async () => {
        const { routetable } = await get('vpc', `/v1/${pid}/routetables/${t.id}`, api.routeTableDetail);
        inv.routeTables.push({
          id: routetable.id,
          name: routetable.name ?? undefined,
          vpcId: routetable.vpc_id,
          isDefault: routetable.default === true,
          subnetIds: (routetable.subnets ?? []).map((s) => s.id),
          routes: (routetable.routes ?? []).map((r) => ({
            destination: r.destination,
            type: r.type,
            nexthop: r.nexthop ?? undefined,
            description: r.description ?? undefined,
          })),
        });
      });
      // What the listing said about the table is kept: its VPC, whether it is the default, its subnets.
      if (unread !== undefined)
        inv.routeTables.push({
          id: t.id,
          name: t.name ?? undefined,
          vpcId: t.vpc_id,
          isDefault: t.default === true,
          subnetIds: (t.subnets ?? []).map((s) => s.id),
          routes: [],
          unread,
        });
    }
  });
  await section('VPC peerings', 'vpc', async () => {
    const peerings = await listByMarker(
      'vpc',
      '/v2.0/vpc/peerings',
      api.peeringList,
      (p) => p.peerings,
      (page, got) => (page.peerings_links?.some((l) => l.rel === 'next') ? got[got.length - 1]?.id : undefined),
    );
    for (const p of peerings.filter((p) => inScope(p.request_vpc_info.vpc_id) || inScope(p.accept_vpc_info.vpc_id)))
      inv.peerings.push({
        id: p.id,
        name: p.name ?? undefined,
        requesterVpc: p.request_vpc_info.vpc_id,
        accepterVpc: p.accept_vpc_info.vpc_id,
        status: p.status ?? undefined,
      });
  });
  await section('enterprise routers', 'er', async () => {
    inv.enterpriseRouters.push(...(await readEnterpriseRouters()));
  });
  await section('address groups', 'vpc', async () => {
    const groups = await listByMarker(
      'vpc',
      `/v3/${pid}/vpc/address-groups`,
      api.addressGroupList,
      (p) => p.address_groups,
      v3Next,
    );
    for (const g of groups)
      inv.addressGroups.push({
        id: g.id,
        name: g.name ?? undefined,
        addresses: g.ip_set ?? [],
        description: g.description ?? undefined,
      });
  });
  await section('security groups', 'vpc', async () => {
    const groups = await listByMarker(
      'vpc',
      `/v3/${pid}/vpc/security-groups`,
      api.securityGroupList,
      (p) => p.security_groups,
      v3Next,
    );
    const rules = await listByMarker(
      'vpc',
      `/v3/${pid}/vpc/security-group-rules`,
      api.securityGroupRuleList,
      (p) => p.security_group_rules,
      v3Next,
    );
    // Grouped once: filtering every rule per group is quadratic (2,000 groups x 100,000 rules took seconds).
    const rulesByGroup = new Map<string, typeof rules>();
    for (const r of rules) {
      const list = rulesByGroup.get(r.security_group_id);
      if (list) list.push(r);
      else rulesByGroup.set(r.security_group_id, [r]);
    }
    for (const g of groups)
      inv.securityGroups.push({
        id: g.id,
        name: g.name ?? undefined,
        description: g.description ?? undefined,
        rules: (rulesByGroup.get(g.id) ?? []).map((r) => ({
          id: r.id,
          direction: r.direction,
          ethertype: r.ethertype ?? undefined,
          protocol: r.protocol,
          ports: r.multiport,
          remoteIpPrefix: r.remote_ip_prefix,
          remoteGroupId: r.remote_group_id,
          remoteAddressGroupId: r.remote_address_group_id,
          action: r.action,
          priority: r.priority === null || r.priority === undefined ? null : Number(r.priority),
          description: r.description,
        })),
      });
  });
  await section('network ACLs', 'vpc', async () => {
    const acls = await listByMarker('vpc', `/v3/${pid}/vpc/firewalls`, api.firewallList, (p) => p.firewalls, v3Next);
    const rules = (list: z.output<typeof api.firewallDetail>['firewall']['ingress_rules']) =>
      (list ?? []).map((r) => ({
        id: r.id ?? undefined,
        name: r.name ?? undefined,
        action: r.action,
        protocol: r.protocol,
        ipVersion: r.ip_version,
        sourceIp: r.source_ip_address,
        sourceAddressGroupId: r.source_address_group_id,
        sourcePort: r.source_port,
        destinationIp: r.destination_ip_address,
        destinationAddressGroupId: r.destination_address_group_id,
        destinationPort: r.destination_port,
        enabled: r.enabled,
        description: r.description,
      }));
    for (const a of acls) {
      const unread = await item(`network ACL ${a.id}`, 'vpc', async () => {
        const { firewall } = await get('vpc', `/v3/${pid}/vpc/firewalls/${a.id}`, api.firewallDetail);
        inv.networkAcls.push({
          id: firewall.id,
          name: firewall.name ?? undefined,
          enabled: firewall.admin_state_up !== false,
          subnetIds: (firewall.associations ?? []).map((s) => s.virsubnet_id),
          ingress: rules(firewall.ingress_rules),
          egress: rules(firewall.egress_rules),
        });
      });
      // The listing names the ACL's subnets, so the subnets it guards are still known; its rules are not.
      if (unread !== undefined)
        inv.networkAcls.push({
          id: a.id,
          name: a.name ?? undefined,
          enabled: a.admin_state_up !== false,
          subnetIds: (a.associations ?? []).map((s) => s.virsubnet_id),
          ingress: [],
          egress: [],
          unread,
        });
    }
  });
  await section('ports (NIC security groups)', 'vpc', async () => {
    const ports = await listByMarker('vpc', `/v1/${pid}/ports`, api.portList, (p) => p.ports, fullPageNext);
    for (const p of ports) portsById.set(p.id, p);
  });

  // --- CCE
  // CCE nodes are ECS servers too; they are imported once, as cluster nodes.
  const cceNodeServerIds = new Set<string>();
  const cceNodeIps = new Set<string>();
  await section('CCE clusters', 'cce', async () => {
    const { items } = await get('cce', `/api/v3/projects/${pid}/clusters`, api.cceClusterList);
    for (const c of items ?? []) {
      if (!inScope(c.spec.hostNetwork.vpc)) continue;
      const id = c.metadata.uid ?? undefined;
      const nodes = id
        ? ((await get('cce', `/api/v3/projects/${pid}/clusters/${id}/nodes`, api.cceNodeList)).items ?? [])
        : [];
      for (const n of nodes) {
        if (n.status?.serverId) cceNodeServerIds.add(n.status.serverId);
        if (n.status?.privateIP) cceNodeIps.add(n.status.privateIP);
      }
      const net = c.spec.containerNetwork;
      inv.clusters.push({
        id,
        name: c.metadata.name,
        vpcId: c.spec.hostNetwork.vpc,
        nodeSubnetIds: [c.spec.hostNetwork.subnet],
        mode: net.mode,
        containerCidrs: net.cidrs?.length ? net.cidrs.map((x) => x.cidr) : net.cidr ? [net.cidr] : [],
        eniSubnetIds: c.spec.eniNetwork?.subnets?.length
          ? c.spec.eniNetwork.subnets.map((s) => s.subnetID)
          : (c.spec.eniNetwork?.eniSubnetId?.split(',').filter(Boolean) ?? []),
        serviceCidr: c.spec.serviceNetwork?.IPv4CIDR ?? c.spec.kubernetesSvcIpRange ?? undefined,
        nodeSecurityGroupId: c.spec.hostNetwork.SecurityGroup ?? undefined,
        version: c.spec.version ?? undefined,
        nodes: nodes.map((n) => ({
          name: n.metadata.name,
          ip: n.status?.privateIP ?? undefined,
          eip: n.status?.publicIP ?? undefined,
        })),
      });
    }
  });

  // --- ECS
  await section('ECS instances', 'ecs', async () => {
    const servers: z.output<typeof api.ecsServerList>['servers'] = [];
    for (let page = 1; ; page++) {
      pageCap('ecs cloudservers', page - 1);
      const got = await get('ecs', `/v1/${pid}/cloudservers/detail`, api.ecsServerList, { offset: page, limit });
      servers.push(...got.servers);
      if (got.servers.length < limit || (got.count != null && servers.length >= got.count)) break;
    }
    for (const s of servers) {
      const nics = Object.entries(s.addresses ?? {}).flatMap(([vpcId, list]) =>
        list.filter((a) => (a['OS-EXT-IPS:type'] ?? 'fixed') === 'fixed').map((a) => ({ vpcId, ...a })),
      );
      const primary = nics[0];
      if (cceNodeServerIds.has(s.id) || (primary && cceNodeIps.has(primary.addr))) continue;
      if (!primary || !inScope(primary.vpcId)) {
        if (!primary) inv.warnings.push(`ECS ${s.name} (${s.id}): no fixed IP address; left out`);
        continue;
      }
      const port = primary['OS-EXT-IPS:port_id'] ? portsById.get(primary['OS-EXT-IPS:port_id']) : undefined;
      const sameNic = nics.filter((n) => n['OS-EXT-IPS:port_id'] === primary['OS-EXT-IPS:port_id']);
      const others = nics.filter((n) => !sameNic.includes(n));
      if (others.length)
        inv.warnings.push(
          `ECS ${s.name} (${s.id}): only its first NIC is mapped; ${others.map((n) => n.addr).join(', ')} left out`,
        );
      const floating = Object.values(s.addresses ?? {})
        .flat()
        .find((a) => a['OS-EXT-IPS:type'] === 'floating');
      const groups = port?.security_groups ?? (s.security_groups ?? []).flatMap((g) => (g.id ? [g.id] : []));
      if (!port && !(s.security_groups ?? []).every((g) => g.id))
        inv.warnings.push(`ECS ${s.name} (${s.id}): its NIC's port was not read and its security groups have no ids`);
      inv.instances.push({
        type: 'ecs',
        id: s.id,
        name: s.name,
        vpcId: primary.vpcId,
        subnetId: port?.network_id ?? port?.fixed_ips?.[0]?.subnet_id ?? undefined,
        addresses: sameNic.map((n) => n.addr),
        securityGroupIds: groups,
        flavor: s.flavor?.id ?? s.flavor?.name ?? undefined,
        eip: floating?.addr,
      });
    }
  });

  // --- DCS
  await section('DCS instances', 'dcs', async () => {
    const instances = await listByOffset(
      'dcs',
      `/v2/${pid}/instances`,
      api.dcsInstanceList,
      MAX_LIMIT.dcs,
      (p) => p.instances ?? [],
      (p) => p.instance_num,
    );
    for (const d of instances.filter((d) => inScope(d.vpc_id))) {
      const label = `DCS ${d.name} (${d.instance_id})`;
      let whitelist: RawInstance['whitelist'];
      // Memcached and Redis 3.0 are controlled by security groups and have no whitelist API.
      if (dcsMayHaveWhitelist(d.engine ?? '', d.engine_version)) {
        try {
          const w = await get('dcs', `/v2/${pid}/instance/${d.instance_id}/whitelist`, api.dcsWhitelist);
          whitelist = {
            enabled: w.enable_whitelist === true,
            groups: (w.whitelist ?? []).map((g) => ({ name: g.group_name, addresses: g.ip_list ?? [] })),
          };
        } catch (error) {
          if (error instanceof HuaweiCloudAuthError) throw error;
          inv.warnings.push(`${label}: whitelist not read (${error instanceof Error ? error.message : String(error)})`);
        }
      }
      const access = dcsAccessControl(label, d.engine ?? '', d.engine_version, d.security_group_id, whitelist);
      inv.warnings.push(...access.warnings);
      inv.instances.push({
        type: 'dcs',
        id: d.instance_id,
        name: d.name,
        vpcId: d.vpc_id ?? undefined,
        subnetId: d.subnet_id ?? undefined,
        addresses: d.ip ? d.ip.split(',').map((a) => a.trim()) : [],
        securityGroupIds: [...access.securityGroupIds],
        ports: d.port ? [{ protocol: 'tcp', port: d.port }] : undefined,
        domainNames: d.domain_name ? [d.domain_name] : undefined,
        whitelist,
      });
    }
  });

  // --- RDS
  await section('RDS instances', 'rds', async () => {
    const instances = await listByOffset(
      'rds',
      `/v3/${pid}/instances`,
      api.rdsInstanceList,
      MAX_LIMIT.rds,
      (p) => p.instances,
      (p) => p.total_count,
    );
    for (const r of instances.filter((r) => inScope(r.vpc_id)))
      inv.instances.push({
        type: 'rds',
        id: r.id,
        name: r.name,
        vpcId: r.vpc_id ?? undefined,
        subnetId: r.subnet_id ?? undefined,
        addresses: (r.private_ips ?? []).filter(Boolean),
        securityGroupIds: r.security_group_id ? [r.security_group_id] : [],
        ports: r.port ? [{ protocol: 'tcp', port: r.port }] : undefined,
        domainNames: r.private_dns_names?.length ? r.private_dns_names : undefined,
      });
  });

  // --- DMS Kafka and RabbitMQ (same service, one engine each)
  for (const engine of ['kafka', 'rabbitmq'] as const) {
    await section(`${engine === 'kafka' ? 'Kafka' : 'RabbitMQ'} instances`, 'dms', async () => {
      const instances = await listByOffset(
        'dms',
        `/v2/${pid}/instances`,
        api.dmsInstanceList,
        MAX_LIMIT.dms,
        (p) => p.instances ?? [],
        (p) => p.instance_num,
        { engine },
      );
      for (const m of instances.filter((m) => inScope(m.vpc_id)))
        inv.instances.push({
          type: engine,
          id: m.instance_id,
          name: m.name,
          vpcId: m.vpc_id ?? undefined,
          subnetId: m.subnet_id ?? undefined,
          addresses: connectAddresses(m.connect_address),
          securityGroupIds: m.security_group_id ? [m.security_group_id] : [],
          ports: m.port ? [{ protocol: 'tcp', port: m.port }] : undefined,
          domainNames: connectDomainNames(m.connect_address, m.domain_name),
        });
    });
  }

  // --- DNS private zones (regional) and their record sets; marker pagination, `links.next` while more follow.
  await section('private DNS zones', 'dns', async () => {
    const dnsLimit = Math.min(limit, MAX_LIMIT.dns);
    const listDns = async <S extends z.ZodType, T extends { id: string }>(
      path: string,
      schema: S,
      items: (page: z.output<S>) => T[],
      next: (page: z.output<S>) => string | null | undefined,
      query: Record<string, string> = {},
    ): Promise<T[]> => {
      const all: T[] = [];
      let marker: string | undefined;
      for (let guard = 0; guard < 10_000; guard++) {
        const page = await get('dns', path, schema, { ...query, limit: dnsLimit, marker });
        const got = items(page);
        all.push(...got);
        const last = got[got.length - 1]?.id;
        if (!next(page) || !last || last === marker) break;
        marker = last;
      }
      return all;
    };
    const zones = await listDns(
      '/v2/zones',
      api.dnsZoneList,
      (p) => p.zones,
      (p) => p.links?.next,
      { type: 'private' },
    );
    for (const zone of zones) {
      const vpcIds = (zone.routers ?? []).map((r) => r.router_id);
      // A zone none of whose VPCs is imported answers no question here.
      if (wanted && !vpcIds.some((v) => inScope(v))) continue;
      let records: z.output<typeof api.dnsRecordSetList>['recordsets'] = [];
      const unread = await item(`private DNS zone ${zone.name} (${zone.id})`, 'dns', async () => {
        records = await listDns(
          `/v2/zones/${zone.id}/recordsets`,
          api.dnsRecordSetList,
          (p) => p.recordsets,
          (p) => p.links?.next,
        );
      });
      inv.dnsZones.push({
        id: zone.id,
        name: zone.name,
        vpcIds: vpcIds.filter((v) => inScope(v)),
        records: records.map((r) => ({ name: r.name, type: r.type, values: r.records ?? [] })),
        ...(unread !== undefined ? { unread } : {}),
      });
    }
  });

  // --- NAT (public NAT v2: `limit` only, up to 2000, no marker; a full page may mean more exist)
  await section('NAT gateways', 'nat', async () => {
    const natLimit = Math.min(limit, MAX_LIMIT.nat);
    const listOnce = async <S extends z.ZodType, T>(
      what: string,
      path: string,
      schema: S,
      items: (page: z.output<S>) => T[],
    ) => {
      const got = items(await get('nat', path, schema, { limit: natLimit }));
      if (got.length >= natLimit)
        inv.warnings.push(
          `${what}: the API returned ${got.length}, the most one call gives (it has no pagination); some may be missing`,
        );
      return got;
    };
    const gateways = await listOnce(
      'NAT gateways',
      `/v2/${pid}/nat_gateways`,
      api.natGatewayList,
      (p) => p.nat_gateways,
    );
    const rules = await listOnce('SNAT rules', `/v2/${pid}/snat_rules`, api.snatRuleList, (p) => p.snat_rules);
    for (const g of gateways.filter((g) => inScope(g.router_id)))
      inv.natGateways.push({
        id: g.id,
        name: g.name ?? undefined,
        vpcId: g.router_id,
        snatRules: rules
          .filter((r) => r.nat_gateway_id === g.id)
          .flatMap((r) => {
            // source_type 1: the cidr is on the Direct Connect / Cloud Connect side, not traffic from the VPC
            if (r.source_type === 1) {
              inv.warnings.push(
                `NAT gateway ${g.id}: SNAT rule ${r.id} translates a Direct Connect / Cloud Connect CIDR (${r.cidr ?? ''}), not VPC traffic; left out`,
              );
              return [];
            }
            const eips = (r.floating_ip_address ?? '')
              .split(',')
              .map((e) => e.trim())
              .filter(Boolean);
            const source = r.network_id || r.cidr;
            return source ? eips.map((eip) => ({ id: r.id, source, eip })) : [];
          }),
      });
  });

  return inv;
}

/** Pages read from one listing at most (at 200 a page, 2 million items). */
export const MAX_PAGES = 10_000;

/** The API answered with a shape we do not understand. */
export class ResponseShapeError extends Error {
  constructor(what: string, detail: string) {
    super(`unexpected response from ${what}: ${detail}`);
    this.name = 'ResponseShapeError';
  }
}

function parse<S extends z.ZodType>(schema: S, data: unknown, what: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new ResponseShapeError(what, `${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim());
  }
  return result.data;
}
