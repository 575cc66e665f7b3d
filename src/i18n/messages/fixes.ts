// The texts of fixes: each fix in words, and the comments and descriptions inside its KooCLI, Terraform and API
// forms (the commands and bodies themselves are code, the same in every language). English is the text the
// renderers always wrote; Chinese follows the VPC, NAT, DCS, ER and CCE consoles' words.
import { fixed, message } from '../message.js';

type Direction = 'ingress' | 'egress';
const zhDirection = (d: Direction) => (d === 'ingress' ? '入方向' : '出方向');
const zhList = (items: readonly string[]) => items.join('、');
/** Chinese sentences end in a full-width stop, unless they already end in one. */
export const zhSentence = (text: string) => (/[。！？.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}。`);
/** An English sentence ends in a stop, unless it already ends in one; empty stays empty. */
export const enSentence = (text: string) => {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/** Next-hop types of a VPC route, as the route table console names them. */
const ZH_NEXT_HOPS: Readonly<Record<string, string>> = {
  peering: '对等连接',
  nat: 'NAT网关',
  ecs: 'ECS',
  eni: '扩展网卡',
  vip: '虚拟IP',
  vpn: 'VPN网关',
  dc: '云专线网关',
  cc: '云连接',
  er: '企业路由器',
  egw: 'VPC终端节点',
};
const EN_NEXT_HOPS: Readonly<Record<string, string>> = {
  peering: 'VPC peering',
  nat: 'NAT gateway',
  ecs: 'ECS',
  eni: 'extension NIC',
  vip: 'virtual IP',
  vpn: 'VPN gateway',
  dc: 'Direct Connect gateway',
  cc: 'Cloud Connect',
  er: 'enterprise router',
  egw: 'VPC endpoint',
};

/** A route table as a fix names it. */
interface TableRef {
  readonly routeTable: string;
  readonly defaultTable?: boolean;
}
const enTable = (t: TableRef) =>
  t.defaultTable ? `the default route table (${t.routeTable})` : `route table ${t.routeTable}`;
const zhTable = (t: TableRef) => (t.defaultTable ? `默认路由表（${t.routeTable}）` : `路由表 ${t.routeTable}`);

/** Traffic a security group or ACL rule allows. */
interface Traffic {
  readonly protocol: string;
  readonly ports: string | null;
  /** ICMP only: the asked type (8 echo, 128 ICMPv6 echo), which the rule cannot single out. */
  readonly icmpType?: string;
}
const icmpName = (protocol: string) => (protocol === 'icmpv6' ? 'ICMPv6' : 'ICMP');
const isIcmp = (protocol: string) => protocol === 'icmp' || protocol === 'icmpv6';

interface Labels {
  readonly namespace: string;
  readonly labels: readonly string[];
}
const enPods = (p: Labels) =>
  p.labels.length ? `the pods labelled ${p.labels.join(', ')} in ${p.namespace}` : `every pod in ${p.namespace}`;
const zhPods = (p: Labels) =>
  p.labels.length
    ? `命名空间 ${p.namespace} 中标签为 ${p.labels.join(', ')} 的 Pod`
    : `命名空间 ${p.namespace} 中的所有 Pod`;

/** The fixes catalog, keyed by message id. */
export const fixes = {
  // --- shared ------------------------------------------------------------------------------------
  'fix.action': message<{ action: string; purpose: string }>({
    en: (p) => (p.purpose === '' ? enSentence(p.action) : `${p.action}: ${enSentence(p.purpose)}`),
    zh: (p) => (p.purpose === '' ? zhSentence(p.action) : `${p.action}（用于 ${p.purpose}）。`),
  }),
  'fix.description-arrow': fixed('to', '到'),
  'fix.verify-prefix': fixed('verify:', '核对：'),
  'fix.verify': message<{ operation: string; why?: 'numbering' | 'sg-flag' }>({
    en: (p) =>
      `verify: hcloud ${p.operation} --help${p.why === 'numbering' ? ' (KooCLI numbers list items from 1)' : p.why === 'sg-flag' ? ' (Huawei does not document which flag carries security_group_id)' : ''}`,
    zh: (p) =>
      `核对：hcloud ${p.operation} --help${p.why === 'numbering' ? '（KooCLI 的列表序号从 1 开始）' : p.why === 'sg-flag' ? '（华为云文档未说明哪个参数携带 security_group_id）' : ''}`,
  }),
  'fix.unverified-kooCli': fixed(
    'the KooCLI operation names and flags below follow the API reference but are not verified against KooCLI: check each with --help first',
    '以下 KooCLI 操作名和参数依据 API 参考编写，尚未在 KooCLI 中验证：请先用 --help 逐一核对',
  ),
  'fix.note-id': message<{ step: number; what: string; placeholder: string }>({
    en: (p) => `${p.step}. ${p.what}; note its id for ${p.placeholder}`,
    zh: (p) => `${p.step}. ${p.what}；记下其 ID，用于替换 ${p.placeholder}`,
  }),
  'fix.new-id': message<{ what: 'peering' | 'nat-gateway' | 'eip'; name: string }>({
    en: (p) => `<id of the new ${{ peering: 'peering', 'nat-gateway': 'NAT gateway', eip: 'EIP' }[p.what]} ${p.name}>`,
    zh: (p) => `<新建${{ peering: '对等连接', 'nat-gateway': 'NAT网关', eip: '弹性公网IP' }[p.what]} ${p.name} 的 ID>`,
  }),
  'fix.variable': message<{ object: string } | { value: string }>({
    en: (p) =>
      `Huawei Cloud ${'object' in p ? `id of ${p.object}` : p.value} (the topology names it but does not record it)`,
    zh: (p) => `${'object' in p ? `${p.object} 的华为云 ID` : `华为云 ${p.value}`}（拓扑中有其名称，但未记录该值）`,
  }),
  'fix.placeholders': message<{
    placeholders: readonly string[];
    lists: readonly string[];
    region: boolean;
    project: boolean;
  }>({
    en: (p) => {
      const lists = p.lists.length ? `, e.g. ${p.lists.join(', ')}` : '';
      const parts = [
        ...(p.placeholders.length
          ? [
              `${p.placeholders.join(', ')} with the ids of those objects (their console pages, or the service's KooCLI List operation${lists})`,
            ]
          : []),
        ...(p.region ? ['<region> with your region (e.g. cn-north-4)'] : []),
        ...(p.project ? ['{project_id} with your project id (console: My Credentials > API Credentials)'] : []),
      ];
      return `Before pasting, replace ${parts.join('; ')}. A topology imported from Huawei Cloud (reachbot import huaweicloud) records them, and the commands then paste as printed.`;
    },
    zh: (p) => {
      const parts = [
        ...(p.placeholders.length
          ? [
              `把 ${p.placeholders.join('、')} 替换为对应资源的 ID（见各资源的控制台详情页，或用对应服务的 KooCLI 列表查询操作${p.lists.length ? `，如 ${p.lists.join('、')}` : ''}）`,
            ]
          : []),
        ...(p.region ? ['把 <region> 替换为所在区域（如 cn-north-4）'] : []),
        ...(p.project ? ['把 {project_id} 替换为项目 ID（控制台：我的凭证 > API凭证）'] : []),
      ];
      return `粘贴前请${parts.join('；')}。从华为云导入的拓扑（\`reachbot import huaweicloud\`）会记录这些值，命令即可直接粘贴。`;
    },
  }),
  'fix.the-peering': fixed('the peering', '对等连接'),
  'fix.the-nat-gateway': fixed('the NAT gateway', 'NAT网关'),
  'fix.the-eip': fixed('the EIP', '弹性公网IP'),

  // --- security-group-rule -----------------------------------------------------------------------
  'fix.sg.traffic': message<Traffic>({
    en: (p) =>
      isIcmp(p.protocol)
        ? p.icmpType
          ? `${icmpName(p.protocol)} (all types; ping needs echo, type ${p.icmpType})`
          : icmpName(p.protocol)
        : p.ports === null
          ? `all ${p.protocol} ports`
          : `${p.protocol}/${p.ports}`,
    zh: (p) =>
      isIcmp(p.protocol)
        ? p.icmpType
          ? `${icmpName(p.protocol)}（全部类型；ping 需要 echo，类型 ${p.icmpType}）`
          : `全部 ${icmpName(p.protocol)}`
        : p.ports === null
          ? `${p.protocol.toUpperCase()} 全部端口`
          : `${p.protocol.toUpperCase()} ${p.ports}`,
  }),
  'fix.sg.rule': message<{
    traffic: string;
    direction: Direction;
    securityGroup: string;
    remoteCidr?: string;
    remoteGroup?: string;
    priority: number;
  }>({
    en: (p) => {
      const remote = p.remoteCidr ?? `members of security group ${p.remoteGroup}`;
      const where =
        p.direction === 'ingress' ? `from ${remote} into ${p.securityGroup}` : `to ${remote} out of ${p.securityGroup}`;
      return `Allow ${p.traffic} ${where} (${p.direction}, priority ${p.priority})`;
    },
    zh: (p) => {
      const remote = p.remoteCidr ?? `安全组 ${p.remoteGroup} 内的实例`;
      return p.direction === 'ingress'
        ? `在安全组 ${p.securityGroup} 中添加入方向规则：策略 允许，协议端口 ${p.traffic}，源地址 ${remote}，优先级 ${p.priority}`
        : `在安全组 ${p.securityGroup} 中添加出方向规则：策略 允许，协议端口 ${p.traffic}，目的地址 ${remote}，优先级 ${p.priority}`;
    },
  }),
  'fix.sg.icmp-note': fixed(
    "Huawei's v3 API documents no way to limit a rule to one ICMP type, so this allows all ICMP.",
    '华为云 v3 API 未说明如何把规则限定为某一种 ICMP 类型，因此该规则放通全部 ICMP。',
  ),
  'fix.sg.replan-deny': message<{ rule: string; sameGroup: boolean }>({
    en: (p) =>
      `remove or narrow ${p.rule}: ${p.sameGroup ? 'it is evaluated before any allow of equal priority' : 'if all bound groups are merged by priority (VPC FAQ on conflicting security group rules, vpc_faq_0077), it is evaluated before any allow'}, so no allow rule can win`,
    zh: (p) =>
      `删除或收窄${p.rule}：${p.sameGroup ? '它先于同优先级的任何允许规则匹配' : '若将绑定的各安全组规则按优先级合并匹配（华为云文档 vpc_faq_0077），它先于任何允许规则匹配'}，因此添加任何允许规则都无法生效`,
  }),

  // --- network-acl-rule --------------------------------------------------------------------------
  'fix.acl.traffic': message<Traffic>({
    en: (p) =>
      isIcmp(p.protocol)
        ? p.protocol.toUpperCase().replace('V', 'v')
        : p.ports === null
          ? `all ${p.protocol} ports`
          : `${p.protocol}/${p.ports}`,
    zh: (p) =>
      isIcmp(p.protocol)
        ? `全部 ${p.protocol.toUpperCase().replace('V', 'v')}`
        : p.ports === null
          ? `${p.protocol.toUpperCase()} 全部端口`
          : `${p.protocol.toUpperCase()} ${p.ports}`,
  }),
  'fix.acl.rule': message<{
    networkAcl: string;
    direction: Direction;
    traffic: string;
    source: string;
    destination: string;
    ordinal: number;
  }>({
    en: (p) =>
      `In network ACL ${p.networkAcl}, insert an ${p.direction} rule allowing ${p.traffic} from ` +
      `${p.source} to ${p.destination} as rule #${p.ordinal}, above the rule that now decides`,
    zh: (p) =>
      `在网络ACL ${p.networkAcl} 中插入一条${zhDirection(p.direction)}规则，作为第 ${p.ordinal} 条（位于当前生效的规则之前）：策略 允许，协议端口 ${p.traffic}，源地址 ${p.source}，目的地址 ${p.destination}`,
  }),
  'fix.acl.check-first': fixed(
    'check with ShowFirewall/v3 that the rule landed first in the list',
    '用 ShowFirewall/v3 确认该规则位于列表第一条',
  ),
  'fix.acl.terraform': message<{ networkAcl: string; resource: string; listName: string; ordinal: number }>({
    en: (p) =>
      `In the huaweicloud_vpc_network_acl resource of ${p.networkAcl} ` +
      `(${p.resource}), place this as ${p.listName} block #${p.ordinal}: order decides.`,
    zh: (p) =>
      `在 ${p.networkAcl} 的 huaweicloud_vpc_network_acl 资源（${p.resource}）中，把此块放在第 ${p.ordinal} 个 ${p.listName} 块的位置：规则按顺序匹配。`,
  }),

  // --- route -------------------------------------------------------------------------------------
  'fix.route': message<TableRef & { destination: string; type: string; nextHop: string; vpc: string }>({
    en: (p) =>
      `Add a route to ${p.destination} via ${EN_NEXT_HOPS[p.type] ?? p.type} ${p.nextHop} in ${enTable(p)} of ${p.vpc}`,
    zh: (p) =>
      `在 ${p.vpc} 的${zhTable(p)}中添加路由：目的地址 ${p.destination}，下一跳类型 ${ZH_NEXT_HOPS[p.type] ?? p.type}，下一跳 ${p.nextHop}`,
  }),

  // --- whitelist-entry ---------------------------------------------------------------------------
  'fix.whitelist': message<{ address: string; group: string; resource: string }>({
    en: (p) => `Add ${p.address} to whitelist group ${p.group} of ${p.resource}`,
    zh: (p) => `把 ${p.address} 加入 ${p.resource} 的白名单分组 ${p.group}`,
  }),
  'fix.whitelist.warning': message<{ complete: boolean }>({
    en: (p) =>
      p.complete
        ? "The API replaces the whole whitelist: reachbot's API request resends every existing group with it."
        : 'The API replaces the whole whitelist: first read it (ShowIpWhitelist) and add every existing entry ' +
          'and group to the request, or they are deleted.',
    zh: (p) =>
      p.complete
        ? '该 API 会替换整个白名单：reachbot 给出的 API 请求会连同所有已有分组一起重新提交。'
        : '该 API 会替换整个白名单：请先读取白名单（ShowIpWhitelist），把所有已有条目和分组加入请求，否则它们会被删除。',
  }),
  'fix.whitelist.overwrites': message<{ complete: boolean }>({
    en: (p) =>
      p.complete
        ? 'this overwrites the whole whitelist with exactly the groups below'
        : 'this OVERWRITES the whole whitelist: first run hcloud DCS ShowIpWhitelist and add every existing entry',
    zh: (p) =>
      p.complete
        ? '此命令用下面的分组覆盖整个白名单'
        : '此命令会覆盖整个白名单：请先运行 hcloud DCS ShowIpWhitelist，并加入所有已有条目',
  }),
  'fix.whitelist.terraform': message<{ resource: string; complete: boolean }>({
    en: (p) =>
      `In the huaweicloud_dcs_instance resource of ${p.resource}: its whitelists blocks are the whole ` +
      `whitelist${p.complete ? '; these are all of them' : '; keep every other existing group'}.`,
    zh: (p) =>
      `在 ${p.resource} 的 huaweicloud_dcs_instance 资源中：whitelists 块即整个白名单${p.complete ? '；以下即全部分组' : '；请保留其他所有已有分组'}。`,
  }),

  // --- peering and peering-accept ----------------------------------------------------------------
  'fix.peering': message<{
    peering: string;
    requesterVpc: string;
    accepterVpc: string;
    routes: readonly (TableRef & { destination: string; vpc: string })[];
  }>({
    en: (p) =>
      `Create a VPC peering ${p.peering} from ${p.requesterVpc} to ${p.accepterVpc} (same region; if ${p.accepterVpc} belongs to another account, its owner must accept it) and route over it: ${p.routes.map((r) => `${r.destination} in ${enTable(r)} of ${r.vpc}`).join('; ')}`,
    zh: (p) =>
      `创建对等连接 ${p.peering}（本端 VPC ${p.requesterVpc}，对端 VPC ${p.accepterVpc}；须在同一区域，若 ${p.accepterVpc} 属于其他账号，需由其所有者接受），并添加经由它的路由：${p.routes.map((r) => `在 ${r.vpc} 的${zhTable(r)}中添加 ${r.destination}`).join('；')}`,
  }),
  'fix.peering.route-step': message<{ step: number; destination: string; vpc: string }>({
    en: (p) => `${p.step}. ${p.destination} in ${p.vpc}`,
    zh: (p) => `${p.step}. ${p.vpc} 中的路由 ${p.destination}`,
  }),
  'fix.peering-accept': message<{ peering: string }>({
    en: (p) => `Accept VPC peering ${p.peering}, signed in to the account that owns the accepter VPC`,
    zh: (p) => `登录对端 VPC 所属的账号，接受对等连接 ${p.peering}`,
  }),
  'fix.peering-accept.credentials': fixed("run with the accepter account's credentials", '使用对端账号的凭证运行'),

  // --- replan ------------------------------------------------------------------------------------
  'fix.replan': message<{ alternative: boolean; what: string; why: string }>({
    en: (p) =>
      p.alternative
        ? `Instead${p.what === '' ? '' : ` (${p.what})`}: ${p.why}`
        : `No change in place can fix this${p.what === '' ? '' : ` (${p.what})`}; it needs replanning: ${p.why}`,
    zh: (p) =>
      p.alternative
        ? `也可以改为${p.what === '' ? '' : `（${p.what}）`}：${zhSentence(p.why)}`
        : `无法通过修改现有配置解决${p.what === '' ? '' : `（${p.what}）`}，需要重新规划：${zhSentence(p.why)}`,
  }),

  // --- host-bridge -------------------------------------------------------------------------------
  'fix.host-bridge': message<{ resource: string; bridge: string; suggested: string; key: string }>({
    en: (p) =>
      `On ${p.resource}, move the container-engine bridge ${p.bridge} to ${p.suggested} ` +
      `(daemon.json "${p.key}") and restart Docker`,
    zh: (p) =>
      `在 ${p.resource} 上把容器引擎网桥 ${p.bridge} 改为 ${p.suggested}（daemon.json 中的 \`${p.key}\`），然后重启 Docker`,
  }),
  'fix.host-bridge.as-root': message<{ host: string }>({
    en: (p) => `On ${p.host}, as root. No cloud API: this is Docker's own configuration.`,
    zh: (p) => `在 ${p.host} 上以 root 执行。没有对应的云 API：这是 Docker 自身的配置。`,
  }),
  'fix.host-bridge.edit': fixed(
    'Edit /etc/docker/daemon.json so that it contains (keep its other keys):',
    '编辑 /etc/docker/daemon.json，使其包含以下配置（保留其他配置项）：',
  ),
  'fix.host-bridge.restart': fixed(
    'Then restart the engine (running containers restart):',
    '然后重启容器引擎（运行中的容器会随之重启）：',
  ),
  'fix.host-bridge.recreate': message<{ bridge: string }>({
    en: (p) => `Recreate the network that holds ${p.bridge} so that it takes a new subnet from the pool:`,
    zh: (p) => `重建占用 ${p.bridge} 的网络，使其从地址池中获取新网段：`,
  }),

  // --- snat-rule and nat-gateway -----------------------------------------------------------------
  'fix.snat': message<{ natGateway: string; vpc: string; source: string; sourceIsSubnet: boolean; eip: string }>({
    en: (p) =>
      `Add an SNAT rule to NAT gateway ${p.natGateway} (${p.vpc}) that sends ${p.sourceIsSubnet ? `subnet ${p.source}` : p.source} out through EIP ${p.eip}`,
    zh: (p) =>
      `在 NAT网关 ${p.natGateway}（${p.vpc}）中添加 SNAT规则：${p.sourceIsSubnet ? `子网 ${p.source}` : p.source} 通过弹性公网IP ${p.eip} 访问公网`,
  }),
  'fix.snat.eip-id': message<{ eip: string }>({
    en: (p) => `floating_ip_id: the id of EIP ${p.eip}`,
    zh: (p) => `floating_ip_id：弹性公网IP ${p.eip} 的 ID`,
  }),
  'fix.snat.for-subnet': message<{ step: number; subnet: string }>({
    en: (p) => `${p.step}. the SNAT rule for subnet ${p.subnet}`,
    zh: (p) => `${p.step}. 子网 ${p.subnet} 的 SNAT规则`,
  }),
  'fix.nat-gateway': message<{
    existing: boolean;
    natGateway: string;
    vpc: string;
    subnet: string;
    eip: string;
    sources: readonly string[];
  }>({
    en: (p) =>
      `${p.existing ? `Give NAT gateway ${p.natGateway} (${p.vpc})` : `Create a public NAT gateway ${p.natGateway} in subnet ${p.subnet} of ${p.vpc}, with`} a new EIP ${p.eip} and an SNAT rule for ${p.sources.map((s) => `subnet ${s}`).join(', ')} through that EIP (${p.existing ? 'the EIP is' : 'the NAT gateway and the EIP are'} billed)`,
    zh: (p) =>
      `${p.existing ? `为 NAT网关 ${p.natGateway}（${p.vpc}）` : `在 ${p.vpc} 的子网 ${p.subnet} 中创建公网NAT网关 ${p.natGateway}，`}新建弹性公网IP ${p.eip}，并为${zhList(p.sources.map((s) => `子网 ${s}`))}添加经由该弹性公网IP的 SNAT规则（${p.existing ? '弹性公网IP' : 'NAT网关和弹性公网IP'}会产生费用）`,
  }),

  // --- enterprise router -------------------------------------------------------------------------
  'fix.er.note': message<{ text: string; note: string }>({
    en: (p) => `${p.text} Note: ${p.note}`,
    zh: (p) => `${p.text}注意：${zhSentence(p.note)}`,
  }),
  'fix.er.route': message<{ destination: string; attachment: string; routeTable: string; enterpriseRouter: string }>({
    en: (p) =>
      `Add a static route ${p.destination} -> attachment ${p.attachment} to route table ${p.routeTable} of enterprise router ${p.enterpriseRouter}`,
    zh: (p) =>
      `在企业路由器 ${p.enterpriseRouter} 的路由表 ${p.routeTable} 中添加静态路由：目的地址 ${p.destination}，下一跳 连接 ${p.attachment}`,
  }),
  'fix.er.route-change': message<{
    destination: string;
    attachment: string;
    routeTable: string;
    enterpriseRouter: string;
    replaces: string;
  }>({
    en: (p) =>
      `Change the static route ${p.destination} in route table ${p.routeTable} of enterprise router ${p.enterpriseRouter} from ${p.replaces} to attachment ${p.attachment}`,
    zh: (p) =>
      `把企业路由器 ${p.enterpriseRouter} 的路由表 ${p.routeTable} 中静态路由 ${p.destination} 的下一跳由 ${p.replaces} 改为连接 ${p.attachment}`,
  }),
  'fix.er.route-id': message<{ destination: string }>({
    en: (p) => `route_id: the id of the static route ${p.destination}`,
    zh: (p) => `route_id：静态路由 ${p.destination} 的 ID`,
  }),
  'fix.er.route-terraform': message<{ destination: string; routeTable: string }>({
    en: (p) => `in the existing huaweicloud_er_static_route for ${p.destination} in ${p.routeTable}:`,
    zh: (p) => `在 ${p.routeTable} 中 ${p.destination} 现有的 huaweicloud_er_static_route 资源中：`,
  }),
  'fix.er.association': message<{ attachment: string; routeTable: string; enterpriseRouter: string }>({
    en: (p) =>
      `Associate attachment ${p.attachment} with route table ${p.routeTable} of enterprise router ${p.enterpriseRouter} (packets arriving from it are then forwarded with that table)`,
    zh: (p) =>
      `把连接 ${p.attachment} 关联到企业路由器 ${p.enterpriseRouter} 的路由表 ${p.routeTable}（从该连接进入的报文随后按此路由表转发）`,
  }),
  'fix.er.propagation': message<{ attachment: string; routeTable: string; enterpriseRouter: string }>({
    en: (p) =>
      `Propagate attachment ${p.attachment} into route table ${p.routeTable} of enterprise router ${p.enterpriseRouter} (the table learns all of the attachment's CIDR blocks, wider than a static route)`,
    zh: (p) =>
      `在企业路由器 ${p.enterpriseRouter} 的路由表 ${p.routeTable} 中创建连接 ${p.attachment} 的传播（路由表将学习该连接的全部网段，范围比静态路由更宽）`,
  }),

  // --- reasons the engine gives for a replan ------------------------------------------------------
  'fix.peering.replan-overlap': message<{ requesterVpc: string; accepterVpc: string; overlapping: readonly string[] }>({
    en: (p) =>
      `create a VPC peering between ${p.requesterVpc} and ${p.accepterVpc}: first re-plan the address ranges, ${p.overlapping.join(', ') || 'the blocks'} overlap the VPC on the sending side, so a peering route there cannot take effect`,
    zh: (p) =>
      `在 ${p.requesterVpc} 和 ${p.accepterVpc} 之间创建对等连接之前，需先重新规划网段：${p.overlapping.length ? zhList(p.overlapping) : '这些网段'}与发送端所在 VPC 的网段重叠，发送端的对等连接路由无法生效`,
  }),
  'fix.snat.replan': message<{ vpc: string; subnet: string; cidr: string }>({
    en: (p) =>
      `create a NAT gateway with an EIP in ${p.vpc} and an SNAT rule for subnet ${p.subnet} (${p.cidr}), or bind EIPs`,
    zh: (p) =>
      `在 ${p.vpc} 中创建带弹性公网IP的 NAT网关，并为子网 ${p.subnet}（${p.cidr}）添加 SNAT规则，或者为节点绑定弹性公网IP`,
  }),

  // --- network-policy ----------------------------------------------------------------------------
  'fix.np': message<{
    cluster: string;
    namespace: string;
    name: string;
    pods: Labels;
    ports: readonly string[];
    target: string | Labels;
    owner?: string;
  }>({
    en: (p) =>
      `In cluster ${p.cluster}, add NetworkPolicy ${p.namespace}/${p.name} letting ${enPods(p.pods)} send ${p.ports.length === 0 ? 'every protocol and port (NetworkPolicy ports cannot name ICMP)' : p.ports.join(' and ')} to ${typeof p.target === 'string' ? p.target : enPods(p.target)}${p.owner ? ` (or add the same egress rule to ${p.owner}, which owns their egress)` : ''}`,
    zh: (p) =>
      `在集群 ${p.cluster} 中添加网络策略 ${p.namespace}/${p.name}，允许${zhPods(p.pods)}访问 ${typeof p.target === 'string' ? p.target : zhPods(p.target)} 的${p.ports.length === 0 ? '所有协议和端口（NetworkPolicy 的端口无法指定 ICMP）' : ` ${zhList(p.ports)}`}${p.owner ? `（或在负责其出方向流量的网络策略 ${p.owner} 中添加同样的出方向规则）` : ''}`,
  }),
  'fix.np.apply': message<{ cluster: string }>({
    en: (p) => `(cluster ${p.cluster})`,
    zh: (p) => `（集群 ${p.cluster}）`,
  }),
  'fix.np.or-patch': fixed(
    'or, instead, patch the policy that owns this egress:',
    '或者，改为修改负责该出方向流量的网络策略：',
  ),
};
