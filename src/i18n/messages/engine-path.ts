// The engine's texts about the path between the VPCs: forward and return routes, peerings, enterprise routers,
// NetworkPolicies, the container engine's bridge on the destination host, and internet egress.
// English is the text the engine always wrote; Chinese follows Huawei's console and CCE documentation.
import { fixed, message } from '../message.js';

/** A Huawei document cited in a Chinese sentence: "（华为云文档 vpc_peering_0009）". */
const doc = (...ids: string[]) => `（华为云文档 ${ids.join('、')}）`;

/** A route table as a step names it. */
export interface TableWords {
  readonly table: string;
  readonly isDefault: boolean;
  readonly subnet: string;
}
const enWhere = (w: TableWords) => `route table ${w.table}${w.isDefault ? ' (default)' : ' (custom)'} of ${w.subnet}`;
const zhWhere = (w: TableWords) => `子网 ${w.subnet} 的${w.isDefault ? '默认' : '自定义'}路由表 ${w.table}`;

/** A route as a step names it. */
export interface RouteWords {
  readonly origin: 'local' | 'cce' | 'declared';
  readonly destination: string;
  readonly type?: string;
  readonly nextHop?: string;
}
const enRoute = (r: RouteWords) =>
  r.origin === 'local'
    ? `the local route ${r.destination}`
    : r.origin === 'cce'
      ? `the CCE node route(s) for ${r.destination}`
      : `route ${r.destination} -> ${r.type}${r.nextHop ? ` ${r.nextHop}` : ''}`;
const zhRoute = (r: RouteWords) =>
  r.origin === 'local'
    ? `本地路由 ${r.destination}`
    : r.origin === 'cce'
      ? `${r.destination} 的 CCE 节点路由`
      : `路由 ${r.destination} -> ${r.type}${r.nextHop ? ` ${r.nextHop}` : ''}`;

type Where = { readonly where: TableWords };
type To = Where & { readonly address: string };
type Via = To & { readonly route: RouteWords };

/** The engine-path catalog, keyed by message id. */
export const enginePath = {
  'path.route': message<RouteWords>({ en: enRoute, zh: zhRoute }),
  'path.er': message<{ id: string }>({
    en: (p) => `enterprise router ${p.id}`,
    zh: (p) => `企业路由器 ${p.id}`,
  }),
  'path.er-route': message<{ blackhole: boolean; origin: string; destination: string; attachment: string }>({
    en: (p) =>
      p.blackhole
        ? `the blackhole route ${p.destination}`
        : `the ${p.origin} route ${p.destination} -> ${p.attachment}`,
    zh: (p) =>
      p.blackhole
        ? `黑洞路由 ${p.destination}`
        : `${{ static: '静态', propagated: '传播', propagation: '传播' }[p.origin] ?? p.origin}路由 ${p.destination} -> ${p.attachment}`,
  }),

  // route-forward
  'route-forward.v6-internet': message<Where & { route?: RouteWords }>({
    en: (p) =>
      p.route
        ? `${enWhere(p.where)} sends IPv6 internet traffic to ${enRoute(p.route)}`
        : `${enWhere(p.where)} has no IPv6 route toward the internet; IPv6 internet egress is not modelled (see internet-egress)`,
    zh: (p) =>
      p.route
        ? `${zhWhere(p.where)} 将 IPv6 公网流量发往${zhRoute(p.route)}`
        : `${zhWhere(p.where)} 没有通往公网的 IPv6 路由；未对 IPv6 公网出口建模（见公网出口一步）`,
  }),
  'route-forward.nat-default-assumed': message<{ table: string }>({
    en: (p) =>
      `${p.table} declares no route to the NAT gateway: Huawei adds 0.0.0.0/0 -> NAT gateway to the VPC default table when the gateway is created`,
    zh: (p) =>
      `${p.table} 未声明指向 NAT网关的路由：创建 NAT网关时，华为云会在 VPC 默认路由表中添加 0.0.0.0/0 -> NAT网关`,
  }),
  'route-forward.to-nat': message<Where>({
    en: (p) => `${enWhere(p.where)} sends internet traffic to the NAT gateway`,
    zh: (p) => `${zhWhere(p.where)} 将公网流量发往 NAT网关`,
  }),
  'route-forward.eip': message<Where>({
    en: (p) => `traffic through an EIP bound to the instance does not use ${enWhere(p.where)}`,
    zh: (p) => `经实例绑定的弹性公网IP出去的流量不经过${zhWhere(p.where)}`,
  }),
  'route-forward.no-way-out': message<{ subnet: string }>({
    en: (p) =>
      `no EIP and no SNAT rule gives ${p.subnet} a way out, so there is no route to judge (see internet-egress)`,
    zh: (p) => `${p.subnet} 既没有弹性公网IP也没有 SNAT规则可以出公网，因此无需判断路由（见公网出口一步）`,
  }),
  'route-forward.custom-no-internet': message<Where & { nat: string }>({
    en: (p) =>
      `${enWhere(p.where)} has no route to the internet: a custom table governs outbound traffic and needs 0.0.0.0/0 -> NAT gateway ${p.nat}`,
    zh: (p) =>
      `${zhWhere(p.where)} 没有通往公网的路由：出方向流量由自定义路由表决定，需要添加 0.0.0.0/0 -> NAT网关 ${p.nat}`,
  }),
  'route-forward.not-internet-replan': message<Via>({
    en: (p) => `${enWhere(p.where)} sends ${p.address} to ${enRoute(p.route)}, not to the internet`,
    zh: (p) => `${zhWhere(p.where)} 将 ${p.address} 发往${zhRoute(p.route)}，而不是公网`,
  }),
  'route-forward.sends-to': message<Via>({
    en: (p) => `${enWhere(p.where)} sends ${p.address} to ${enRoute(p.route)}`,
    zh: (p) => `${zhWhere(p.where)} 将 ${p.address} 发往${zhRoute(p.route)}`,
  }),
  'route-forward.system-route': message<To & { route: string }>({
    en: (p) =>
      `${enWhere(p.where)} reaches ${p.address} by the system route ${p.route} (cloud services and VPC endpoints, VPC "Route Table Overview")`,
    zh: (p) => `${zhWhere(p.where)} 通过系统路由 ${p.route} 到达 ${p.address}（云服务和 VPC终端节点）`,
  }),
  'route-forward.beyond': message<Via>({
    en: (p) => `${enWhere(p.where)} sends ${p.address} to ${enRoute(p.route)}: what lies beyond is not in the topology`,
    zh: (p) => `${zhWhere(p.where)} 将 ${p.address} 发往${zhRoute(p.route)}：其后的网络不在拓扑中`,
  }),
  'route-forward.connect-replan': message<{ address: string }>({
    en: (p) => `${p.address} is in no declared VPC and no route leads to it: connect it (VPN, DC, peering)`,
    zh: (p) => `${p.address} 不在任何已声明的 VPC 中，也没有路由通往它：请先打通网络（VPN、云专线、对等连接）`,
  }),
  'route-forward.no-route': message<To & { vpc?: string; via?: string }>({
    en: (p) =>
      `${enWhere(p.where)} has no route to ${p.address}${p.vpc ? ` (${p.vpc})` : ''}${p.via ? `: add one via peering ${p.via}` : ''}`,
    zh: (p) =>
      `${zhWhere(p.where)} 没有到 ${p.address}${p.vpc ? `（${p.vpc}）` : ''} 的路由${p.via ? `：请添加一条经由对等连接 ${p.via} 的路由` : ''}`,
  }),
  'route-forward.reaches': message<Via>({
    en: (p) => `${enWhere(p.where)} reaches ${p.address} by ${enRoute(p.route)}`,
    zh: (p) => `${zhWhere(p.where)} 通过${zhRoute(p.route)} 到达 ${p.address}`,
  }),
  'route-forward.custom-no-cce': message<Where & { cluster: string }>({
    en: (p) =>
      `${enWhere(p.where)} is a custom table without the CCE routes for the pods of ${p.cluster}: CCE writes them to the default table, and whether custom tables get them is undocumented (CCE "VPC Network", cce_10_0283; Huawei's docs leave this open)`,
    zh: (p) =>
      `${zhWhere(p.where)} 是自定义路由表，其中没有 ${p.cluster} 容器的 CCE 路由：CCE 会把这些路由写入默认路由表，是否也写入自定义路由表，华为云文档未说明${doc('cce_10_0283')}`,
  }),
  'route-forward.not-delivered': message<To & { route?: RouteWords }>({
    en: (p) =>
      p.route
        ? `${enWhere(p.where)} sends ${p.address} to ${enRoute(p.route)} instead of delivering it in the VPC`
        : `${enWhere(p.where)} has no route to ${p.address}`,
    zh: (p) =>
      p.route
        ? `${zhWhere(p.where)} 将 ${p.address} 发往${zhRoute(p.route)}，而不是在 VPC 内投递`
        : `${zhWhere(p.where)} 没有到 ${p.address} 的路由`,
  }),
  'route-forward.add-to-er': message<To & { vpc: string; er: string }>({
    en: (p) =>
      `${enWhere(p.where)} has no route to ${p.address} (${p.vpc}): add one to ${p.er}, which attaches both VPCs`,
    zh: (p) =>
      `${zhWhere(p.where)} 没有到 ${p.address}（${p.vpc}）的路由：请添加一条指向${p.er} 的路由，两个 VPC 都已连接到它`,
  }),
  'route-forward.to-er': message<Via & { er: string }>({
    en: (p) => `${enWhere(p.where)} sends ${p.address} to ${p.er} by ${enRoute(p.route)}`,
    zh: (p) => `${zhWhere(p.where)} 通过${zhRoute(p.route)} 将 ${p.address} 发往${p.er}`,
  }),
  'route-forward.over-peering': message<To & { peering: string; vpc: string }>({
    en: (p) => `${enWhere(p.where)} sends ${p.address} over peering ${p.peering} to ${p.vpc}`,
    zh: (p) => `${zhWhere(p.where)} 经对等连接 ${p.peering} 将 ${p.address} 发往 ${p.vpc}`,
  }),
  'route-forward.transitive': message<To & { peering: string; via: string }>({
    en: (p) =>
      `${enWhere(p.where)} sends ${p.address} over peering ${p.peering} to ${p.via}, which routes it on: transitive peering is not documented to forward (VPC "VPC Peering Connection Overview", vpc_peering_0009; Huawei's docs leave this open; assumed not reachable)`,
    zh: (p) =>
      `${zhWhere(p.where)} 经对等连接 ${p.peering} 将 ${p.address} 发往 ${p.via}，再由它继续转发：华为云文档未说明对等连接可以传递转发${doc('vpc_peering_0009')}，此处按不可达处理`,
  }),
  'route-forward.wrong-peering-replan': message<To & { peering: string; via?: string; vpc: string }>({
    en: (p) =>
      `${enWhere(p.where)} sends ${p.address} over peering ${p.peering} to ${p.via ?? 'another VPC'}, not to ${p.vpc}: route it over a peering with ${p.vpc}`,
    zh: (p) =>
      `${zhWhere(p.where)} 经对等连接 ${p.peering} 将 ${p.address} 发往${p.via ? ` ${p.via}` : '另一个 VPC'}，而不是 ${p.vpc}：请改为经由与 ${p.vpc} 之间的对等连接路由`,
  }),
  'route-forward.wrong-peering': message<To & { peering: string; via?: string; vpc: string }>({
    en: (p) =>
      `${enWhere(p.where)} sends ${p.address} over peering ${p.peering} to ${p.via ?? 'an unknown VPC'}, not to ${p.vpc}`,
    zh: (p) =>
      `${zhWhere(p.where)} 经对等连接 ${p.peering} 将 ${p.address} 发往${p.via ? ` ${p.via}` : '未知的 VPC'}，而不是 ${p.vpc}`,
  }),
  'route-forward.local-overlap': message<Via>({
    en: (p) => `${enWhere(p.where)} delivers ${p.address} locally (${enRoute(p.route)}): it overlaps the cluster VPC`,
    zh: (p) => `${zhWhere(p.where)} 在本地投递 ${p.address}（${zhRoute(p.route)}）：它与集群所在 VPC 的网段重叠`,
  }),
  'route-forward.no-table': fixed('no source subnet with a route table', '没有关联路由表的源子网'),

  // route-return
  'route-return.none': fixed(
    'no return path inside the declared VPCs to check',
    '已声明的 VPC 内没有需要检查的回程路径',
  ),
  'route-return.undefined-table': message<{ table: string }>({
    en: (p) => `route table ${p.table} is not defined`,
    zh: (p) => `路由表 ${p.table} 未定义`,
  }),
  'route-return.ok': message<Where & { spans: string; er?: string }>({
    en: (p) => `${enWhere(p.where)} routes replies back to ${p.spans}${p.er ? ` through ${p.er}` : ''}`,
    zh: (p) => `${zhWhere(p.where)} 将回包路由回 ${p.spans}${p.er ? `（经由${p.er}）` : ''}`,
  }),
  'route-return.transitive': message<Where & { spans: string; vpc: string }>({
    en: (p) =>
      `${enWhere(p.where)} sends replies to ${p.spans} over a peering to a middle VPC that peers them on to ${p.vpc}: transitive peering is not documented to forward (VPC "VPC Peering Connection Overview", vpc_peering_0009; Huawei's docs leave this open; assumed not reachable)`,
    zh: (p) =>
      `${zhWhere(p.where)} 把发往 ${p.spans} 的回包经对等连接发往一个中间 VPC，再由它经对等连接转发到 ${p.vpc}：华为云文档未说明对等连接可以传递转发${doc('vpc_peering_0009')}，此处按不可达处理`,
  }),
  'route-return.custom-no-cce': message<Where & { spans: string }>({
    en: (p) =>
      `${enWhere(p.where)} has no route back to the container CIDR ${p.spans}: a custom table governs the subnet's outbound traffic, and whether CCE writes its node routes there is undocumented (CCE "VPC Network", cce_10_0283; Huawei's docs leave this open)`,
    zh: (p) =>
      `${zhWhere(p.where)} 没有回到容器网段 ${p.spans} 的路由：该子网的出方向流量由自定义路由表决定，CCE 是否会把节点路由写入其中，华为云文档未说明${doc('cce_10_0283')}`,
  }),
  'route-return.no-er': message<Where & { spans: string; er: string }>({
    en: (p) => `${enWhere(p.where)} has no route back to ${p.spans} via ${p.er}`,
    zh: (p) => `${zhWhere(p.where)} 没有经由${p.er} 回到 ${p.spans} 的路由`,
  }),
  'route-return.same-vpc': message<Where & { spans: string }>({
    en: (p) => `${enWhere(p.where)} does not route replies to ${p.spans} back to the cluster`,
    zh: (p) => `${zhWhere(p.where)} 没有把发往 ${p.spans} 的回包路由回集群`,
  }),
  'route-return.no-peering': message<Where & { spans: string; vpc: string; podCidr: boolean }>({
    en: (p) => `${enWhere(p.where)} has no route back to ${p.spans} via a peering with ${p.vpc}`,
    zh: (p) =>
      `${zhWhere(p.where)} 没有经由与 ${p.vpc} 之间的对等连接回到 ${p.podCidr ? '容器网段 ' : ''}${p.spans} 的路由${p.podCidr ? '：对端 VPC 的路由表需要添加容器网段' : ''}`,
  }),
};

/** Peerings, and the peering status words of the VPC console. */
const ZH_PEERING_STATUS: Readonly<Record<string, string>> = {
  ACTIVE: '正常（ACTIVE）',
  PENDING_ACCEPTANCE: '等待接受（PENDING_ACCEPTANCE）',
  REJECTED: '已拒绝（REJECTED）',
  EXPIRED: '已过期（EXPIRED）',
  DELETED: '已删除（DELETED）',
};
const zhStatus = (status: string) => ZH_PEERING_STATUS[status] ?? status;

/** The peering check's catalog. */
export const enginePeering = {
  'peering.none-on-path': fixed('no VPC peering on this path', '该路径不经过对等连接'),
  'peering.via-er': message<{ er: string }>({
    en: (p) => `no VPC peering on this path: it crosses ${p.er} (see transit)`,
    zh: (p) => `该路径不经过对等连接：它经过${p.er}（见企业路由器一步）`,
  }),
  'peering.transitive': message<{ from: string; to: string; peering: string; status: string; via: string }>({
    en: (p) =>
      `there is no direct VPC peering between ${p.from} and ${p.to}; the route goes over peering ${p.peering} (${p.status}) to ${p.via}, which peers on: transitive peering is not documented to forward (VPC "VPC Peering Connection Overview", vpc_peering_0009; Huawei's docs leave this open; assumed not reachable)`,
    zh: (p) =>
      `${p.from} 与 ${p.to} 之间没有直接的对等连接；路由经对等连接 ${p.peering}（${zhStatus(p.status)}）到达 ${p.via}，再由它经对等连接转发：华为云文档未说明对等连接可以传递转发${doc('vpc_peering_0009')}，此处按不可达处理`,
  }),
  'peering.missing': message<{ from: string; to: string }>({
    en: (p) => `there is no VPC peering between ${p.from} and ${p.to}`,
    zh: (p) => `${p.from} 与 ${p.to} 之间没有对等连接`,
  }),
  'peering.active': message<{ peering: string }>({
    en: (p) => `peering ${p.peering} is ACTIVE`,
    zh: (p) => `对等连接 ${p.peering} 状态正常（ACTIVE）`,
  }),
  'peering.pending': message<{ peering: string; accepter: string }>({
    en: (p) => `peering ${p.peering} is PENDING_ACCEPTANCE: the owner of ${p.accepter} must accept it`,
    zh: (p) => `对等连接 ${p.peering} 等待接受（PENDING_ACCEPTANCE）：需由 ${p.accepter} 的所有者接受`,
  }),
  'peering.dead': message<{ peering: string; status: string }>({
    en: (p) => `peering ${p.peering} is ${p.status}: it carries no traffic`,
    zh: (p) => `对等连接 ${p.peering} 的状态为${zhStatus(p.status)}：不转发任何流量`,
  }),
  'peering.dead-replan': message<{ peering: string; status: string; from: string; to: string }>({
    en: (p) =>
      `peering ${p.peering} is ${p.status}: create a new peering between ${p.from} and ${p.to} and point the routes at it`,
    zh: (p) =>
      `对等连接 ${p.peering} 的状态为${zhStatus(p.status)}：请在 ${p.from} 与 ${p.to} 之间新建对等连接，并把路由指向它`,
  }),
};

/** The container engine's bridge and internet egress. */
export const engineEdges = {
  'host-bridge.none': fixed('no container-engine bridge is declared on the destination', '目的端未声明容器引擎网桥'),
  'host-bridge.replan': message<{ bridge: string; resource: string }>({
    en: (p) => `move the bridge ${p.bridge} on ${p.resource} to a range that overlaps no VPC or container CIDR`,
    zh: (p) => `把 ${p.resource} 上的网桥 ${p.bridge} 改到一个与任何 VPC 网段和容器网段都不重叠的网段`,
  }),
  'host-bridge.conflict': message<{ bridge: string; spans: string }>({
    en: (p) => `${p.bridge} contains ${p.spans}`,
    zh: (p) => `${p.bridge} 包含 ${p.spans}`,
  }),
  'host-bridge.ok': message<{ resource: string; bridges: readonly string[] }>({
    en: (p) => `the bridges on ${p.resource} (${p.bridges.join(', ')}) do not contain the source it sees`,
    zh: (p) => `${p.resource} 上的网桥（${p.bridges.join('、')}）不包含它看到的源地址`,
  }),
  'host-bridge.fail': message<{ resource: string; conflicts: readonly string[] }>({
    en: (p) =>
      `on ${p.resource}, bridge ${p.conflicts.join('; ')}: replies go into the bridge instead of back to the cluster`,
    zh: (p) =>
      `${p.resource} 上的容器引擎网桥 ${p.conflicts.join('；')}，与容器网段冲突：回包进入网桥（如 docker0），回不到集群`,
  }),
  'internet.v6': fixed(
    'IPv6 internet egress is not modelled: IPv6 traffic leaves with its own address through an IPv6 bandwidth (not through a NAT gateway or an IPv4 EIP), and the topology does not describe IPv6 bandwidths',
    '未对 IPv6 公网出口建模：IPv6 流量以自身地址经 IPv6 带宽出公网（不经过 NAT网关或 IPv4 弹性公网IP），而拓扑中没有描述 IPv6 带宽',
  ),
  'internet.not-internet': fixed('not an internet destination', '目的地址不在公网'),
  'internet.via': message<{ point: string; nat?: string }>({
    en: (p) => `${p.point} via ${p.nat ? `NAT gateway ${p.nat}` : 'its EIP'}`,
    zh: (p) => `${p.point} 经${p.nat ? ` NAT网关 ${p.nat}` : '其弹性公网IP'}`,
  }),
  'internet.ok': message<{ via: readonly string[] }>({
    en: (p) => `internet egress: ${p.via.join('; ')}`,
    zh: (p) => `公网出口：${p.via.join('；')}`,
  }),
  'internet.vpc-missing-replan': message<{ vpc: string }>({
    en: (p) => `${p.vpc} is not in the topology: give it a way out to the internet`,
    zh: (p) => `${p.vpc} 不在拓扑中：请为它配置访问公网的出口`,
  }),
  'internet.eni-node-eip': message<{ missing: readonly string[] }>({
    en: (p) =>
      `no SNAT rule covers ${p.missing.join(', ')}; the nodes have EIPs, but CCE documents no node-EIP path for Turbo (eni) pods (CCE "Accessing the Internet from a Container", cce_10_0400; Huawei's docs leave this open; likely no internet access)`,
    zh: (p) =>
      `没有 SNAT规则覆盖 ${p.missing.join('、')}；节点绑定了弹性公网IP，但 CCE 文档没有说明 Turbo（云原生网络2.0）集群的容器可以经节点的弹性公网IP出公网${doc('cce_10_0400')}，很可能无法访问公网`,
  }),
  'internet.missing': message<{ missing: readonly string[]; subnets: readonly string[] }>({
    en: (p) => `no internet path for ${p.missing.join(', ')}: no EIP and no SNAT rule covers ${p.subnets.join(', ')}`,
    zh: (p) =>
      `${p.missing.join('、')} 没有访问公网的出口：${p.subnets.join('、')} 既没有弹性公网IP，也没有 SNAT规则覆盖`,
  }),
};

/** NetworkPolicies (Kubernetes side, cce_10_0059). */
export const enginePolicy = {
  'np.group-namespace': message<{ namespace: string }>({
    en: (p) => `pods in ${p.namespace}`,
    zh: (p) => `命名空间 ${p.namespace} 中的容器`,
  }),
  'np.group-others': fixed('pods in other namespaces', '其他命名空间中的容器'),
  'np.what': message<{ flow: string; address: string }>({
    en: (p) => `${p.flow} to ${p.address}`,
    zh: (p) => `访问 ${p.address} 的 ${p.flow} 流量`,
  }),
  'np.what-dns': message<{ namespace: string; host?: string }>({
    en: (p) => `DNS (udp/53) to CoreDNS in ${p.namespace}${p.host ? `, needed to resolve ${p.host}` : ''}`,
    zh: (p) => `访问 ${p.namespace} 中 CoreDNS 的 DNS 流量（udp/53）${p.host ? `，解析 ${p.host} 需要它` : ''}`,
  }),
  'np.tunnel-old': message<{ cluster: string; version: string }>({
    en: (p) => `tunnel clusters enforce egress rules from v1.23 on, and ${p.cluster} runs ${p.version}`,
    zh: (p) => `容器隧道网络集群从 v1.23 起才执行出方向规则，而 ${p.cluster} 的版本是 ${p.version}`,
  }),
  'np.declared-off': message<{ cluster: string }>({
    en: (p) => `${p.cluster} is declared not to enforce egress rules (egressPoliciesEnforced: false)`,
    zh: (p) => `${p.cluster} 声明为不执行出方向规则（\`egressPoliciesEnforced: false\`）`,
  }),
  'np.tunnel-ovs': fixed(
    'tunnel clusters enforce NetworkPolicies with Open vSwitch',
    '容器隧道网络集群通过 Open vSwitch 执行网络策略',
  ),
  'np.tunnel-unknown': message<{ cluster: string }>({
    en: (p) =>
      `tunnel clusters enforce egress rules only on the node OSes cce_10_0059 lists, and a cluster upgraded in place to v1.23 only after its nodes are reset; neither is declared for ${p.cluster} (set egressPoliciesEnforced)`,
    zh: (p) =>
      `容器隧道网络集群只在 cce_10_0059 列出的节点操作系统上执行出方向规则，且原地升级到 v1.23 的集群要在节点重置后才执行；${p.cluster} 对此均未声明（请设置 \`egressPoliciesEnforced\`）`,
  }),
  'np.no-dpv2': message<{ model: 'eni' | 'vpc-router'; cluster: string; declaredOff: boolean }>({
    en: (p) =>
      `${p.model === 'eni' ? 'Cloud Native Network 2.0 (eni)' : 'VPC network (vpc-router)'} clusters enforce NetworkPolicies only with DataPlane V2, chosen at creation, and ${p.cluster} ${p.declaredOff ? 'does not use it' : 'is not declared to use it'}`,
    zh: (p) =>
      `${p.model === 'eni' ? '云原生网络2.0（eni）' : 'VPC网络（vpc-router）'}集群只有启用 DataPlane V2（创建时选择）才执行网络策略，而 ${p.cluster} ${p.declaredOff ? '未启用' : '未声明启用'}`,
  }),
  'np.dpv2-assumed-off': message<{ cluster: string }>({
    en: (p) =>
      `${p.cluster} does not declare dataPlaneV2: taken as without DataPlane V2, the default at cluster creation (the cluster API does not report it in every version)`,
    zh: (p) =>
      `${p.cluster} 未声明 \`dataPlaneV2\`：按未启用 DataPlane V2 处理，这是创建集群时的默认值（并非每个版本的集群 API 都会返回它）`,
  }),
  'np.dpv2': message<{ cluster: string }>({
    en: (p) => `${p.cluster} uses DataPlane V2`,
    zh: (p) => `${p.cluster} 启用了 DataPlane V2`,
  }),
  'np.dpv2-unknown': message<{ cluster: string }>({
    en: (p) =>
      `${p.cluster} uses DataPlane V2, but cce_10_0059 gives no cluster versions for egress rules there (set egressPoliciesEnforced once confirmed)`,
    zh: (p) =>
      `${p.cluster} 启用了 DataPlane V2，但 cce_10_0059 没有给出其执行出方向规则的集群版本（确认后请设置 \`egressPoliciesEnforced\`）`,
  }),
  'np.admits': message<{ rule: string; what: string }>({
    en: (p) => `${p.rule} admits ${p.what}`,
    zh: (p) => `${p.rule}允许${p.what}`,
  }),
  'np.not-selected': message<{ group: string }>({
    en: (p) => `no NetworkPolicy selects the pods of ${p.group} for egress`,
    zh: (p) => `没有网络策略在出方向上选中 ${p.group} 的容器`,
  }),
  'np.none-isolates': message<{ cluster: string }>({
    en: (p) => `no NetworkPolicy isolates the pods of ${p.cluster} for egress`,
    zh: (p) => `没有网络策略在出方向上隔离 ${p.cluster} 的容器`,
  }),
  'np.all-admit': message<{ what: string }>({
    en: (p) => `the NetworkPolicies of every declared workload admit ${p.what}`,
    zh: (p) => `所有已声明工作负载的网络策略都允许${p.what}`,
  }),
  'np.no-effect': message<{ policies: string; what: string; why: string }>({
    en: (p) => `${p.policies} would deny ${p.what}, but the policies present have no effect: ${p.why}`,
    zh: (p) => `网络策略 ${p.policies} 会拒绝${p.what}，但这些策略不生效：${p.why}`,
  }),
  'np.differently': message<{
    cluster: string;
    blocked: readonly string[];
    certain: boolean;
    what: string;
    allowed: readonly string[];
    example: string;
  }>({
    en: (p) =>
      `NetworkPolicies treat the pods of ${p.cluster} differently: ${p.blocked.join(', ')} ${p.certain ? 'may not' : 'might not'} send ${p.what}, ${p.allowed.join(', ')} may; name the workload to ask about, e.g. "can ${p.example} in ${p.cluster} reach ..."`,
    zh: (p) =>
      `${p.cluster} 中不同容器受网络策略的约束不同：${p.blocked.join('、')}${p.certain ? '不能' : '可能不能'}发送${p.what}，${p.allowed.join('、')}可以；请指明要问的工作负载，例如“${p.cluster} 的 ${p.example} 能访问……吗”`,
  }),
  'np.doubtful': message<{ policies: string; groups: readonly string[]; what: string }>({
    en: (p) => `${p.policies} isolate ${p.groups.join(', ')} for egress and no rule certainly admits ${p.what}`,
    zh: (p) => `网络策略 ${p.policies} 在出方向上隔离了 ${p.groups.join('、')}，没有规则确定允许${p.what}`,
  }),
  'np.denied': message<{ policies: string; one: boolean; groups: readonly string[]; what: string }>({
    en: (p) =>
      `${p.policies} ${p.one ? 'isolates' : 'isolate'} ${p.groups.join(', ')} for egress and no egress rule admits ${p.what}`,
    zh: (p) => `网络策略 ${p.policies} 在出方向上隔离了 ${p.groups.join('、')}，没有出方向规则允许${p.what}`,
  }),
  'np.enforcement-unknown': message<{ base: string; why: string }>({
    en: (p) => `${p.base}, but whether egress rules are enforced is not known: ${p.why}`,
    zh: (p) => `${p.base}，但无法确定出方向规则是否生效：${p.why}`,
  }),
  'np.host-network': message<{ workload: string }>({
    en: (p) => `${p.workload} uses hostNetwork: NetworkPolicies do not apply to its pods, which send as their node`,
    zh: (p) => `${p.workload} 使用主机网络（hostNetwork）：网络策略对其容器不生效，它们以所在节点的身份发送流量`,
  }),
  'np.turbo-always': message<{ range: string }>({
    en: (p) =>
      `CCE Turbo clusters always allow ${p.range} (cloud services): NetworkPolicies cannot restrict it (cce_10_0059)`,
    zh: (p) => `CCE Turbo 集群始终放通 ${p.range}（云服务网段）：网络策略无法限制它（华为云文档 cce_10_0059）`,
  }),
  'np.no-ipv6': message<{ cluster: string; model: string }>({
    en: (p) =>
      `${p.cluster} is a ${p.model} cluster, whose NetworkPolicies do not support IPv6 (cce_10_0059): how its policies treat IPv6 traffic is not documented`,
    zh: (p) =>
      `${p.cluster} 是 ${p.model} 集群，其网络策略不支持 IPv6（华为云文档 cce_10_0059）：这些策略如何处理 IPv6 流量未见文档说明`,
  }),
  'np.coredns-labels': message<{ labels: readonly string[]; namespace: string }>({
    en: (p) => `CoreDNS pods are taken to carry one of ${p.labels.join(', ')} in ${p.namespace}`,
    zh: (p) => `假定 ${p.namespace} 中的 CoreDNS 容器带有 ${p.labels.join('、')} 中的一个标签`,
  }),
  'np.rule': message<{ index: number; policy: string; to: readonly string[]; ports: readonly string[] }>({
    en: (p) =>
      `egress rule #${p.index} of ${p.policy} (to ${p.to.length ? p.to.join(', ') : 'anywhere'}, ${p.ports.length ? p.ports.join(', ') : 'any port'})`,
    zh: (p) =>
      `网络策略 ${p.policy} 的第 ${p.index} 条出方向规则（目的：${p.to.length ? p.to.join('、') : '任意'}，端口：${p.ports.length ? p.ports.join('、') : '任意'}）`,
  }),
  'np.rule-where': message<{ index: number; policy: string }>({
    en: (p) => `egress rule #${p.index} of ${p.policy}`,
    zh: (p) => `网络策略 ${p.policy} 的第 ${p.index} 条出方向规则`,
  }),
  'np.peer-except': message<{ cidr: string; except: readonly string[] }>({
    en: (p) => `${p.cidr}${p.except.length ? ` except ${p.except.join(', ')}` : ''}`,
    zh: (p) => `${p.cidr}${p.except.length ? `（不含 ${p.except.join('、')}）` : ''}`,
  }),
  'np.peer-selectors': message<{ namespaces: boolean; pods: boolean }>({
    en: (p) => [p.namespaces ? 'namespaces by label' : '', p.pods ? 'pods by label' : ''].filter(Boolean).join(' / '),
    zh: (p) =>
      [p.namespaces ? '按标签选择的命名空间' : '', p.pods ? '按标签选择的容器' : ''].filter(Boolean).join(' / '),
  }),
  'np.endport': message<{ where: string; from: number; to: number; port: number }>({
    en: (p) =>
      `${p.where} admits ports ${p.from}-${p.to}, but this network model does not support endPort (cce_10_0059 "Configuring Network Policies"): whether port ${p.port} is admitted is not documented`,
    zh: (p) =>
      `${p.where}允许端口 ${p.from}-${p.to}，但该网络模型不支持 endPort（华为云文档 cce_10_0059）：端口 ${p.port} 是否被允许未见文档说明`,
  }),
  'np.labels-unknown': message<{ group: string; policies: readonly string[] }>({
    en: (p) => `the labels of ${p.group} are not known, so whether ${p.policies.join(', ')} select them is not known`,
    zh: (p) => `${p.group} 的标签未知，因此无法确定网络策略 ${p.policies.join('、')} 是否选中它们`,
  }),
};

/** An ER attachment as a step names it. */
export interface AttachmentWords {
  readonly id: string;
  readonly vpc?: string;
}
const enAttachment = (a: AttachmentWords) => `attachment ${a.id}${a.vpc ? ` (${a.vpc})` : ''}`;
const zhAttachment = (a: AttachmentWords) => `连接 ${a.id}${a.vpc ? `（${a.vpc}）` : ''}`;

/** An ER route table as a step names it. */
export interface ErTableWords {
  readonly er: string;
  readonly table: string;
  readonly associated: string;
}
const enErTable = (t: ErTableWords) =>
  `enterprise router ${t.er} route table ${t.table} (associated with ${t.associated})`;
const zhErTable = (t: ErTableWords) => `企业路由器 ${t.er} 的路由表 ${t.table}（关联连接 ${t.associated}）`;

/** The enterprise router on the path (transit). */
export const engineTransit = {
  'transit.isolation': message<{ a: string; b: string; er: string; ta: string; tb: string }>({
    en: (p) =>
      `${p.a} and ${p.b} are associated with different route tables of ${p.er} (${p.ta}, ${p.tb}): isolating them may be intentional; check with the network's owner before adding the route`,
    zh: (p) =>
      `${p.a} 和 ${p.b} 关联的是 ${p.er} 的不同路由表（${p.ta}、${p.tb}）：这种隔离可能是有意为之；添加路由前请与网络负责人确认`,
  }),
  'transit.blackhole-too': message<{ note?: string }>({
    en: (p) => `${p.note ? `${p.note}. ` : ''}The blackhole route may be intentional too`,
    zh: (p) => `${p.note ? `${p.note}。` : ''}黑洞路由也可能是有意设置的`,
  }),
  'transit.blackhole-covers': message<{ note?: string }>({
    en: (p) => `${p.note ? `${p.note}. ` : ''}A blackhole route covers it and may be intentional`,
    zh: (p) => `${p.note ? `${p.note}。` : ''}有一条黑洞路由覆盖它，可能是有意设置的`,
  }),
  'transit.unassociated': message<{ attachment: AttachmentWords; er: string; forward: boolean }>({
    en: (p) =>
      `${enAttachment(p.attachment)} is associated with no route table of enterprise router ${p.er}: ${p.forward ? 'packets' : 'replies'} arriving from it are not forwarded`,
    zh: (p) =>
      `${zhAttachment(p.attachment)} 没有关联企业路由器 ${p.er} 的任何路由表：从它进入的${p.forward ? '报文' : '回包'}不会被转发`,
  }),
  'transit.forward-ok': message<{ where: ErTableWords; address: string; to: AttachmentWords; route: string }>({
    en: (p) => `${enErTable(p.where)} sends ${p.address} to ${enAttachment(p.to)} by ${p.route}`,
    zh: (p) => `${zhErTable(p.where)}通过${p.route} 将 ${p.address} 发往${zhAttachment(p.to)}`,
  }),
  'transit.change-replan': message<{ where: ErTableWords; destination: string; route: string; to: string }>({
    en: (p) =>
      `${enErTable(p.where)} sends ${p.destination} by ${p.route}: change or delete that route if ${p.to} should be reachable (it may be intentional)`,
    zh: (p) =>
      `${zhErTable(p.where)}通过${p.route} 转发 ${p.destination}：如果应当能访问 ${p.to}，请修改或删除这条路由（它可能是有意设置的）`,
  }),
  'transit.forward-wrong': message<{ where: ErTableWords; address: string; route: string; to: AttachmentWords }>({
    en: (p) => `${enErTable(p.where)} sends ${p.address} by ${p.route}, not to ${enAttachment(p.to)}`,
    zh: (p) => `${zhErTable(p.where)}通过${p.route} 转发 ${p.address}，而不是发往${zhAttachment(p.to)}`,
  }),
  'transit.forward-none': message<{ where: ErTableWords; address: string; isolated?: { to: string; table: string } }>({
    en: (p) =>
      `${enErTable(p.where)} has no route to ${p.address}${p.isolated ? ` (${p.isolated.to} is associated with ${p.isolated.table}: the tables isolate the two VPCs)` : ''}`,
    zh: (p) =>
      `${zhErTable(p.where)}没有到 ${p.address} 的路由${p.isolated ? `（${p.isolated.to} 关联的是 ${p.isolated.table}：两张路由表把两个 VPC 隔离开了）` : ''}`,
  }),
  'transit.return-ok': message<{
    where: ErTableWords;
    spans: string;
    from: AttachmentWords;
    routes: readonly string[];
  }>({
    en: (p) =>
      `${enErTable(p.where)} routes replies to ${p.spans} to ${enAttachment(p.from)} by ${p.routes.join(', ')}`,
    zh: (p) => `${zhErTable(p.where)}通过${p.routes.join('、')} 把发往 ${p.spans} 的回包送往${zhAttachment(p.from)}`,
  }),
  'transit.return-none': message<{
    where: ErTableWords;
    spans: string;
    from: AttachmentWords;
    podCidr?: { cluster: string; vpc: string };
    isolated: boolean;
  }>({
    en: (p) =>
      `${enErTable(p.where)} has no route back to ${p.spans} via ${enAttachment(p.from)}${p.podCidr ? `: the container CIDR of ${p.podCidr.cluster} is outside ${p.podCidr.vpc}'s CIDR blocks, and a VPC attachment propagates only those, so replies to pods need a static route to ${p.from.id}` : ''}${p.isolated && !p.podCidr ? ' (the tables isolate the two VPCs)' : ''}`,
    zh: (p) =>
      `${zhErTable(p.where)}没有经${zhAttachment(p.from)} 回到 ${p.spans} 的路由${p.podCidr ? `：${p.podCidr.cluster} 的容器网段不在 ${p.podCidr.vpc} 的网段内，而 VPC 连接只传播 VPC 自身的网段，因此发往容器的回包需要一条指向 ${p.from.id} 的静态路由` : ''}${p.isolated && !p.podCidr ? '（两张路由表把两个 VPC 隔离开了）' : ''}`,
  }),
  'transit.not-attached': message<{ vpc: string; er: string }>({
    en: (p) => `${p.vpc} is not attached to enterprise router ${p.er}`,
    zh: (p) => `${p.vpc} 没有连接到企业路由器 ${p.er}`,
  }),
  'transit.attach-replan': message<{ vpc: string; er: string }>({
    en: (p) =>
      `attach ${p.vpc} to ${p.er} (a VPC attachment in one of its subnets), associate it with a route table and propagate it`,
    zh: (p) => `把 ${p.vpc} 连接到 ${p.er}（在它的一个子网中创建 VPC 连接），将该连接关联到一张路由表，并创建传播`,
  }),
};
