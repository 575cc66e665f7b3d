// The engine's texts about the destination, CIDR planning, the source address, security groups, network ACLs,
// whitelists and unread parts of the topology, and the texts diagnose itself writes (replan reasons, skips).
// English is the text the engine always wrote; Chinese follows Huawei's console and CCE documentation.
import type { CheckName } from '../../engine/diagnosis.js';
import type { I18n } from '../i18n.js';
import { fixed, message } from '../message.js';
import { CHECK_TITLES } from './common.js';

/** A Huawei document cited in a Chinese sentence: "（华为云文档 cce_10_0399）". */
function doc(...ids: string[]): string {
  return `（华为云文档 ${ids.join('、')}）`;
}

const enList = (items: readonly string[]) => items.join(', ');
const zhList = (items: readonly string[]) => items.join('、');
const enAllow = (groups: readonly string[]) => (groups.length === 1 ? 'allows' : 'allow');

/** What the destination sees, named the way Huawei's pages name it ("容器网段 172.16.0.0/16"). */
export type SeenKind = 'pod-cidr' | 'container-subnet' | 'node' | 'eip';
const ZH_SEEN: Readonly<Record<SeenKind, string>> = {
  'pod-cidr': '容器网段 ',
  'container-subnet': '容器子网 ',
  node: '节点IP ',
  eip: '',
};

const ZH_RESOURCE_TYPES: Readonly<Record<string, string>> = {
  ecs: 'ECS',
  rds: 'RDS',
  dcs: 'DCS',
  kafka: 'Kafka',
  rabbitmq: 'RabbitMQ',
  elb: 'ELB',
};

// The special-purpose ranges of src/net/address.ts, in Chinese, by CIDR.
const ZH_SPECIAL_RANGES: Readonly<Record<string, string>> = {
  '192.0.2.0/24': 'TEST-NET-1，保留用于文档示例（RFC5737）',
  '198.51.100.0/24': 'TEST-NET-2，保留用于文档示例（RFC5737）',
  '203.0.113.0/24': 'TEST-NET-3，保留用于文档示例（RFC5737）',
  '2001:db8::/32': 'IPv6 文档示例前缀（RFC3849）',
  '198.18.0.0/15': '保留用于网络基准测试（RFC2544）',
  '192.0.0.0/24': '保留用于 IETF 协议分配（RFC6890）',
  '192.88.99.0/24': '已停用的 6to4 中继任播网段（RFC7526）',
  '240.0.0.0/4': '保留供将来使用（RFC1112）',
  '0.0.0.0/8': '“本网络”（RFC791），不能作为目的地址',
  '127.0.0.0/8': '环回地址：即容器自身',
  '169.254.0.0/16': '链路本地地址',
  '224.0.0.0/4': '组播地址',
  '::1/128': '环回地址：即容器自身',
  'fe80::/10': '链路本地地址',
  'ff00::/8': '组播地址',
};
const zhSeen = (kind: SeenKind) => ZH_SEEN[kind] ?? '';
const zhSpecial = (cidr: string, name: string) => ZH_SPECIAL_RANGES[cidr] ?? name;

interface RuleWords {
  readonly index: number;
  readonly group: string;
  readonly direction: 'ingress' | 'egress';
  readonly action: 'allow' | 'deny';
  readonly protocol?: string | number;
  readonly ports?: string;
  readonly remote:
    | { readonly kind: 'any' }
    | { readonly kind: 'cidr'; readonly cidr: string }
    | { readonly kind: 'group'; readonly group: string }
    | { readonly kind: 'address-group'; readonly group: string };
  readonly priority: number;
}

function enRemote(remote: RuleWords['remote']): string {
  switch (remote.kind) {
    case 'any':
      return 'any address';
    case 'cidr':
      return remote.cidr;
    case 'group':
      return `members of ${remote.group}`;
    case 'address-group':
      return `address group ${remote.group}`;
    default:
      return '';
  }
}

function zhRemote(remote: RuleWords['remote']): string {
  switch (remote.kind) {
    case 'any':
      return '任意地址';
    case 'cidr':
      return remote.cidr;
    case 'group':
      return `安全组 ${remote.group} 内的实例`;
    case 'address-group':
      return `IP地址组 ${remote.group}`;
    default:
      return '';
  }
}

interface OrderDependent {
  readonly groups: readonly string[];
  readonly literalAllows: boolean;
  readonly mergedAllows: boolean;
  readonly flow: string;
  /** The destination address (egress) or the seen source (ingress). */
  readonly peer: string;
}

const zhOrder = (p: OrderDependent, what: string) =>
  `若按绑定顺序逐个匹配安全组，${zhList(p.groups)} ${p.literalAllows ? '允许' : '拒绝'}${what}；若将各安全组的规则按优先级合并匹配，则${p.mergedAllows ? '允许' : '拒绝'}${doc('vpc_faq_0077')}，华为云文档对此未明确说明`;

const zhDirection = (direction: 'ingress' | 'egress') => (direction === 'egress' ? '出方向' : '入方向');

/**
 * A fix's purpose line ("CCE prod pods -> db1 tcp/3306", "CCE prod workload payments/api -> ...") in a language.
 * The line itself stays English: it is stamped into the API bodies, KooCLI and Terraform of a fix as a resource
 * description (code, the same in every language). Texts people read word it with this.
 */
export function purposeWords(purpose: string, text: I18n): string {
  if (text.lang !== 'zh') return purpose;
  return purpose.replace(
    /^(CCE \S+ )(?:pods|workload (\S+))( -> )/,
    (_all, head: string, workload: string | undefined, arrow: string) =>
      `${head}${workload ? `工作负载 ${workload}` : '容器'}${arrow}`,
  );
}

/** The engine-source catalog, keyed by message id. */
export const engineSource = {
  // Messages shared by several checks.
  'engine.clauses': message<{ parts: readonly string[] }>({
    en: (p) => p.parts.join('; '),
    zh: (p) => p.parts.join('；'),
  }),
  'engine.sg-rule': message<RuleWords>({
    en: (p) =>
      `rule #${p.index} of ${p.group}: ${p.action} ${p.protocol ?? 'any'}${p.ports ? ` ${p.ports}` : ''} ${p.direction === 'ingress' ? 'from' : 'to'} ${enRemote(p.remote)}, priority ${p.priority}`,
    zh: (p) =>
      `${p.group} 的第 ${p.index} 条${zhDirection(p.direction)}规则：${p.action === 'allow' ? '允许' : '拒绝'}${p.protocol === undefined || p.protocol === 'any' ? '全部协议' : ` ${p.protocol}`}${p.ports ? ` ${p.ports}` : ''}，${p.direction === 'ingress' ? '源地址' : '目的地址'} ${zhRemote(p.remote)}，优先级 ${p.priority}`,
  }),

  // Step `destination`.
  'destination.resource': message<{ address: string; type?: string; name: string; vpc: string; subnet: string }>({
    en: (p) => `${p.address} is ${p.type ?? 'resource'} ${p.name} in ${p.vpc}/${p.subnet}`,
    zh: (p) => `${p.address} 是 ${p.vpc}/${p.subnet} 中的${(p.type && ZH_RESOURCE_TYPES[p.type]) ?? '资源'} ${p.name}`,
  }),
  'destination.own-service': message<{ address: string; cluster: string }>({
    en: (p) =>
      `${p.address} is in the Service CIDR of ${p.cluster}: a ClusterIP, answered by kube-proxy inside the cluster`,
    zh: (p) => `${p.address} 位于 ${p.cluster} 的服务网段内：这是一个 ClusterIP，由集群内的 kube-proxy 应答`,
  }),
  'destination.other-service': message<{ address: string; cluster: string }>({
    en: (p) =>
      `${p.address} is in the Service CIDR of cluster ${p.cluster}: ClusterIPs are usable only inside that cluster`,
    zh: (p) => `${p.address} 位于集群 ${p.cluster} 的服务网段内：ClusterIP 只能在该集群内部使用`,
  }),
  'destination.node': message<{ address: string; node: string; cluster: string }>({
    en: (p) => `${p.address} is node ${p.node} of cluster ${p.cluster}`,
    zh: (p) => `${p.address} 是集群 ${p.cluster} 的节点 ${p.node}`,
  }),
  'destination.own-pod': message<{ address: string; cluster: string }>({
    en: (p) => `${p.address} is in the container CIDR of ${p.cluster} itself: a pod of the same cluster`,
    zh: (p) => `${p.address} 位于 ${p.cluster} 自身的容器网段内：是同一集群中的容器`,
  }),
  'destination.overlay-pod': message<{ address: string; cluster: string }>({
    en: (p) =>
      `${p.address} is a pod IP of tunnel-network cluster ${p.cluster}: tunnel pod IPs are not reachable from outside that cluster`,
    zh: (p) => `${p.address} 是容器隧道网络集群 ${p.cluster} 的容器IP：容器隧道网络的容器IP无法从该集群外部访问`,
  }),
  'destination.vpc-pod': message<{ address: string; cluster: string }>({
    en: (p) => `${p.address} is a pod IP of VPC-network cluster ${p.cluster} (routed by the VPC to its node)`,
    zh: (p) => `${p.address} 是VPC网络集群 ${p.cluster} 的容器IP（由VPC路由转发到其所在节点）`,
  }),
  'destination.no-subnet': message<{ address: string; vpc: string }>({
    en: (p) => `${p.address} is inside ${p.vpc} but in none of its declared subnets`,
    zh: (p) => `${p.address} 位于 ${p.vpc} 内，但不在其任何已声明的子网中`,
  }),
  'destination.eni-pod': message<{ address: string; subnet: string; cluster: string }>({
    en: (p) => `${p.address} is in container subnet ${p.subnet} of CCE Turbo cluster ${p.cluster}`,
    zh: (p) => `${p.address} 位于 CCE Turbo 集群 ${p.cluster} 的容器子网 ${p.subnet} 中`,
  }),
  'destination.undeclared': message<{
    address: string;
    vpc: string;
    subnet: string;
    where: 'peered' | 'own' | 'other';
  }>({
    en: (p) =>
      `${p.address} is an undeclared address in ${p.vpc}/${p.subnet}${p.where === 'peered' ? ' (a peered VPC)' : p.where === 'own' ? ' (the cluster VPC)' : ''}`,
    zh: (p) =>
      `${p.address} 是 ${p.vpc}/${p.subnet} 中未声明的地址${p.where === 'peered' ? '（对等连接的对端VPC）' : p.where === 'own' ? '（集群所在VPC）' : ''}`,
  }),
  'destination.documentation': message<{ address: string; cidr: string; name: string }>({
    en: (p) => `${p.address} is in ${p.cidr}, ${p.name}: taken as a public (internet) address, as examples use it`,
    zh: (p) => `${p.address} 位于 ${p.cidr}（${zhSpecial(p.cidr, p.name)}）：按示例中的用法视为公网地址`,
  }),
  'destination.public': message<{ address: string }>({
    en: (p) => `${p.address} is a public (internet) address`,
    zh: (p) => `${p.address} 是公网地址`,
  }),
  'destination.cloud-service': message<{ address: string; services: string; endpoints: string; range: string }>({
    en: (p) =>
      `${p.address} is in the cloud-service ranges (${p.services}: e.g. ${p.range} DNS, NTP, OBS; ${p.endpoints}: VPC endpoints; CCE FAQ "How Can I Configure a Security Group Rule for a Cluster?", cce_faq_00265, VPC "Route Table Overview"): its filters are not in the topology`,
    zh: (p) =>
      `${p.address} 位于云服务网段内（${p.services}：如 ${p.range} 的 DNS、时间同步、OBS 等服务；${p.endpoints}：VPC终端节点；华为云文档 cce_faq_00265 及 VPC 路由表相关文档）：其访问控制不在拓扑中`,
  }),
  'destination.special': message<{ address: string; cidr: string; name: string }>({
    en: (p) => `${p.address} is in ${p.cidr}, ${p.name}: not a private address, and no VPC route reaches it`,
    zh: (p) => `${p.address} 位于 ${p.cidr}（${zhSpecial(p.cidr, p.name)}）：不是私网地址，也没有VPC路由可以到达`,
  }),
  'destination.unknown-private': message<{ address: string }>({
    en: (p) => `${p.address} is a private address in no declared VPC (VPN, Direct Connect or an undeclared VPC?)`,
    zh: (p) => `${p.address} 是不属于任何已声明VPC的私网地址（虚拟专用网络、云专线或未声明的VPC？）`,
  }),

  // Step `planning`.
  'planning.in-container-cidr': message<{ address: string; cidr: string; cluster: string }>({
    en: (p) =>
      `${p.address} is inside the container CIDR ${p.cidr} of ${p.cluster}: pods treat it as a pod address, so traffic never leaves the cluster; move the destination out of ${p.cidr} (a container CIDR cannot be changed after the cluster is created)`,
    zh: (p) =>
      `${p.address} 位于 ${p.cluster} 的容器网段 ${p.cidr} 内：容器会将其当作容器地址，流量不会离开集群；请将目的地址移出 ${p.cidr}（集群创建后容器网段不可修改）`,
  }),
  'planning.in-service-cidr': message<{ address: string; cidr: string; cluster: string }>({
    en: (p) =>
      `${p.address} is inside the Service CIDR ${p.cidr} of ${p.cluster}: kube-proxy captures it as a ClusterIP; move the destination out of it`,
    zh: (p) =>
      `${p.address} 位于 ${p.cluster} 的服务网段 ${p.cidr} 内：kube-proxy 会将其作为 ClusterIP 截获；请将目的地址移出该网段`,
  }),
  'planning.self-overlap': message<{ container: string; vpc: string }>({
    en: (p) =>
      `container CIDR ${p.container} overlaps the cluster VPC CIDR ${p.vpc} (CCE best practice "Planning CIDR Blocks for a Cluster", cce_bestpractice_00004)`,
    zh: (p) => `容器网段 ${p.container} 与集群所在VPC的网段 ${p.vpc} 重叠${doc('cce_bestpractice_00004')}`,
  }),
  'planning.system-overlap': message<{ container: string; system: string }>({
    en: (p) =>
      `container CIDR ${p.container} overlaps the VPC system range ${p.system} (CCE best practice "Planning CIDR Blocks for a Cluster", cce_bestpractice_00004)`,
    zh: (p) => `容器网段 ${p.container} 与VPC系统保留网段 ${p.system} 重叠${doc('cce_bestpractice_00004')}`,
  }),
  'planning.vpc-router-clash': message<{
    container: string;
    cluster: string;
    other: string;
    otherCluster: string;
    vpc: string;
  }>({
    en: (p) =>
      `container CIDR ${p.container} of ${p.cluster} overlaps ${p.other} of ${p.otherCluster}, another VPC-network cluster in ${p.vpc}: both write pod routes into the same VPC route table, so replies go to the wrong cluster's nodes (CCE best practice "Planning CIDR Blocks for a Cluster", cce_bestpractice_00004); re-create one cluster with a container CIDR that overlaps neither`,
    zh: (p) =>
      `${p.cluster} 的容器网段 ${p.container} 与 ${p.vpc} 中另一个VPC网络集群 ${p.otherCluster} 的容器网段 ${p.other} 重叠：两个集群都向同一个VPC路由表写入容器路由，回包会被发往错误集群的节点${doc('cce_bestpractice_00004')}；请重新创建其中一个集群，使用与两者都不重叠的容器网段`,
  }),
  'planning.subnet-overlap': message<{ own: string; ownVpc: string; peer: string; peerVpc: string }>({
    en: (p) =>
      `subnets ${p.own} (${p.ownVpc}) and ${p.peer} (${p.peerVpc}) overlap: a peering between the VPCs does not take effect (VPC "VPC Peering Connection Overview", vpc_peering_0009); re-address one side`,
    zh: (p) =>
      `子网 ${p.own}（${p.ownVpc}）与 ${p.peer}（${p.peerVpc}）重叠：两个VPC之间的对等连接不会生效${doc('vpc_peering_0009')}；请修改其中一端的网段`,
  }),
  'planning.vpc-overlap': message<{ own: string; peer: string }>({
    en: (p) =>
      `VPC CIDRs ${p.own} and ${p.peer} overlap: only subnet-specific routes can connect them (VPC "VPC Peering Connection Overview", vpc_peering_0009)`,
    zh: (p) => `VPC网段 ${p.own} 与 ${p.peer} 重叠：只能通过指向具体子网的路由连通${doc('vpc_peering_0009')}`,
  }),
  'planning.pod-overlap': message<{ container: string; cluster: string; vpc: string; block: string }>({
    en: (p) =>
      `container CIDR ${p.container} of ${p.cluster} overlaps ${p.vpc} (${p.block}): that VPC cannot route replies to the pods (CCE best practice "Planning CIDR Blocks for a Cluster", cce_bestpractice_00004)`,
    zh: (p) =>
      `${p.cluster} 的容器网段 ${p.container} 与 ${p.vpc}（${p.block}）重叠：该VPC无法将回包路由到容器${doc('cce_bestpractice_00004')}`,
  }),
  'planning.ok': fixed('no CIDR conflict on this path', '该路径上没有网段冲突'),

  // Step `source-address` and the diagnosis's `source.why`.
  'source.no-nodes': message<{ cluster: string; blocks: readonly string[] }>({
    en: (p) => `cluster ${p.cluster} lists no nodes: its node subnets (${enList(p.blocks)}) stand for the node IPs`,
    zh: (p) => `集群 ${p.cluster} 未列出节点：以其节点子网（${zhList(p.blocks)}）代表节点IP`,
  }),
  'source.ipv4-nodes': message<{ cluster: string; blocks: readonly string[] }>({
    en: (p) =>
      `cluster ${p.cluster} lists its nodes by IPv4 address only: the IPv6 blocks of its node subnets (${enList(p.blocks)}) stand for the nodes' IPv6 addresses`,
    zh: (p) =>
      `集群 ${p.cluster} 只按IPv4地址列出节点：以其节点子网的IPv6网段（${zhList(p.blocks)}）代表节点的IPv6地址`,
  }),
  'source.why.host-network': message<{ workload: string }>({
    en: (p) =>
      `workload ${p.workload} uses hostNetwork, so its pods send with the node IP in every network model (CCE "Configuring Intra-VPC Access", cce_10_0399)`,
    zh: (p) =>
      `工作负载 ${p.workload} 使用 hostNetwork，因此在任何网络模型下其容器都以节点IP发送流量${doc('cce_10_0399')}`,
  }),
  'source.why.overlay': fixed(
    'overlay_l2 (container tunnel network) SNATs pod traffic leaving the cluster to the node IP (CCE "Configuring Intra-VPC Access", cce_10_0399)',
    `容器隧道网络（overlay_l2）会将离开集群的容器流量SNAT为节点IP${doc('cce_10_0399')}`,
  ),
  'source.why.vpc-router-ipv6': fixed(
    'vpc-router (VPC network) clusters do not support IPv6: their pods have no IPv6 address (CCE "Configuring Intra-VPC Access", cce_10_0399); only hostNetwork pods could use the node IPv6 address',
    `VPC网络（vpc-router）集群不支持IPv6：其容器没有IPv6地址${doc('cce_10_0399')}；只有使用 hostNetwork 的容器可以使用节点的IPv6地址`,
  ),
  'source.why.non-masquerade': message<{ cidr: string }>({
    en: (p) =>
      `vpc-router keeps the pod IP for destinations in nonMasqueradeCidrs (${p.cidr}) (CCE best practice "Accessing an IP Address Outside a Cluster That Uses a VPC Network by Using Source Pod IP Addresses Within the Cluster", cce_bestpractice_10041)`,
    zh: (p) =>
      `VPC网络（vpc-router）访问 nonMasqueradeCIDRs 内的目的地址（${p.cidr}）时保留容器IP，不做SNAT${doc('cce_bestpractice_10041')}`,
  }),
  'source.secondary-cidr': message<{ address: string; vpc: string; cluster: string; pods: readonly string[] }>({
    en: (p) =>
      `${p.address} is in a secondary CIDR of ${p.vpc} and nodes of ${p.cluster} are in a secondary CIDR: CCE adds the secondary CIDR to nonMasqueradeCidrs when such a node is added (CCE best practice "Accessing an IP Address Outside a Cluster That Uses a VPC Network by Using Source Pod IP Addresses Within the Cluster", cce_bestpractice_10041, CCE "Adding a Secondary VPC CIDR Block for a Cluster", cce_10_0387, ambiguous), so the destination may see the pod IPs (${enList(p.pods)}) instead of the node IPs; declare the cluster's live nonMasqueradeCidrs to decide`,
    zh: (p) =>
      `${p.address} 位于 ${p.vpc} 的扩展网段内，且 ${p.cluster} 的节点也位于扩展网段：添加这样的节点时，CCE 会将该扩展网段加入 nonMasqueradeCIDRs（华为云文档 cce_bestpractice_10041、cce_10_0387，说明不明确），因此目的端看到的可能是容器IP（${zhList(p.pods)}）而不是节点IP；请声明集群当前的 nonMasqueradeCIDRs 以确定`,
  }),
  'source.why.vpc-router-internet': fixed(
    'vpc-router SNATs pod traffic to the internet to the node IP before it leaves the node (CCE "Configuring Intra-VPC Access", cce_10_0399, cce_10_0283)',
    `VPC网络（vpc-router）会在容器访问公网的流量离开节点前将其SNAT为节点IP${doc('cce_10_0399', 'cce_10_0283')}`,
  ),
  'source.why.vpc-router-snat': message<{ cidrs: readonly string[] }>({
    en: (p) =>
      `vpc-router SNATs to the node IP for destinations outside nonMasqueradeCidrs (${enList(p.cidrs)}) (CCE best practice "Accessing an IP Address Outside a Cluster That Uses a VPC Network by Using Source Pod IP Addresses Within the Cluster", cce_bestpractice_10041)`,
    zh: (p) =>
      `VPC网络（vpc-router）访问 nonMasqueradeCIDRs（${zhList(p.cidrs)}）以外的目的地址时，会将容器流量SNAT为节点IP${doc('cce_bestpractice_10041')}`,
  }),
  'source.turbo-snat-ranges': message<{ range: string; address: string }>({
    en: (p) =>
      `CCE Turbo writes SNATIPRanges (the cloud-service ranges, region-specific, typically ${p.range}) into each pod's route table: traffic to ${p.address} may leave through the node and be SNATed to the node IP (CCE "Configuring Intra-VPC Access", cce_10_0399, cce_10_0530); taken as the container subnet here, check with \`kubectl get yc default -oyaml | grep snatIPRanges\``,
    zh: (p) =>
      `CCE Turbo 会将 SNATIPRanges（云服务网段，因区域而异，通常为 ${p.range}）写入每个容器的路由表：访问 ${p.address} 的流量可能经节点转发并被SNAT为节点IP${doc('cce_10_0399', 'cce_10_0530')}；此处按容器子网计算，可用 \`kubectl get yc default -oyaml | grep snatIPRanges\` 确认`,
  }),
  'source.annotation': message<{ workload: string }>({
    en: (p) =>
      `${p.workload} annotates its pods with yangtse.io/security-group-ids, which replaces every other source of pod security groups (cce_10_0897)`,
    zh: (p) =>
      `${p.workload} 通过注解 yangtse.io/security-group-ids 为其容器指定安全组，该注解会替代其他所有Pod安全组来源${doc('cce_10_0897')}`,
  }),
  'source.sg-resource': message<{ workload: string; resources: readonly string[] }>({
    en: (p) =>
      `the pods of ${p.workload} get their security groups from the SecurityGroup resource ${enList(p.resources)}, which overrides the cluster's default pod groups (cce_10_0288)`,
    zh: (p) =>
      `${p.workload} 的容器从 \`SecurityGroup\` 资源 ${zhList(p.resources)} 获取安全组，它会覆盖集群默认的Pod安全组${doc('cce_10_0288')}`,
  }),
  'source.sg-resources-cluster': message<{ cluster: string }>({
    en: (p) =>
      `SecurityGroup resources of ${p.cluster} give some pods other security groups than the cluster default: name a workload to check its own`,
    zh: (p) =>
      `${p.cluster} 的 \`SecurityGroup\` 资源会为部分容器指定不同于集群默认值的安全组：指定工作负载即可检查它自己的安全组`,
  }),
  'source.several-sg-resources': message<{ workload: string; resources: readonly string[] }>({
    en: (p) =>
      `the pods of ${p.workload} are selected by several SecurityGroup resources (${enList(p.resources)}): which one CCE applies is not documented (cce_10_0288 "SecurityGroup"); taken as all of their groups`,
    zh: (p) =>
      `${p.workload} 的容器被多个 \`SecurityGroup\` 资源选中（${zhList(p.resources)}）：CCE 采用哪一个未见文档说明${doc('cce_10_0288')}；此处按它们的全部安全组计算`,
  }),
  'source.why.eni': fixed(
    'eni (Cloud Native Network 2.0) pods send with their own IP from the container subnets, without NAT (CCE "Configuring Intra-VPC Access", cce_10_0399)',
    `云原生网络2.0（eni）的容器以自身IP从容器子网发送流量，不做NAT${doc('cce_10_0399')}`,
  ),
  'source.why.no-ipv6': message<{ why: string; subnets: readonly string[] }>({
    en: (p) => `${p.why}; none of its source subnets (${enList(p.subnets) || 'none declared'}) has an IPv6 CIDR`,
    zh: (p) => `${p.why}；其源子网（${zhList(p.subnets) || '未声明'}）均没有IPv6网段`,
  }),
  'source.why.ipv6-internet': message<{ why: string }>({
    en: (p) =>
      `${p.why}; IPv6 traffic to the internet is not SNATed and does not use an IPv4 EIP, so the internet sees these IPv6 addresses`,
    zh: (p) => `${p.why}；访问公网的IPv6流量不做SNAT，也不使用IPv4弹性公网IP，因此公网看到的是这些IPv6地址`,
  }),
  'source.why.internet': message<{ why: string; viaNodes: boolean }>({
    en: (p) =>
      `${p.why}; ${p.viaNodes ? 'node traffic reaches the internet as the node EIP, or as the NAT gateway EIP of an SNAT rule on the node subnet' : 'eni pods reach the internet as the NAT gateway EIP of an SNAT rule on the container subnet (no node-EIP path is documented)'} (CCE "Accessing the Internet from a Container", cce_10_0400)`,
    zh: (p) =>
      `${p.why}；${p.viaNodes ? '节点流量以节点绑定的弹性公网IP，或节点子网上SNAT规则所用的NAT网关弹性公网IP访问公网' : '云原生网络2.0（eni）的容器以容器子网上SNAT规则所用的NAT网关弹性公网IP访问公网（未见文档说明经节点弹性公网IP访问的方式）'}${doc('cce_10_0400')}`,
  }),
  /** A node or subnet on the way to the internet (`InternetEgress.via` and `.missing`), for other checks' texts. */
  'source.egress-point': message<{ of: 'node' | 'subnet'; name: string }>({
    en: (p) => `${p.of} ${p.name}`,
    zh: (p) => `${p.of === 'node' ? '节点' : '子网'} ${p.name}`,
  }),
  'source.step.internet-sees': message<{ seenAs: readonly string[]; why: string }>({
    en: (p) => `the internet sees ${p.seenAs.join(', ')}: ${p.why}`,
    zh: (p) => `公网看到的源地址是 ${zhList(p.seenAs)}：${p.why}`,
  }),
  'source.step.no-eip': message<{ why: string }>({
    en: (p) => `no EIP is on the path to the internet: ${p.why}`,
    zh: (p) => `访问公网的路径上没有弹性公网IP：${p.why}`,
  }),
  'source.step.none': message<{ ipv6: boolean; why: string }>({
    en: (p) => `the cluster has no ${p.ipv6 ? 'IPv6 ' : ''}source address for this destination: ${p.why}`,
    zh: (p) => `集群没有可用于访问该目的地址的${p.ipv6 ? 'IPv6' : ''}源地址：${p.why}`,
  }),
  'source.step.sees-why': message<{ seenAs: readonly string[]; kind: SeenKind; why: string }>({
    en: (p) => `the destination sees ${p.seenAs.join(', ')}: ${p.why}`,
    zh: (p) => `目的端看到的源地址是${zhSeen(p.kind)}${zhList(p.seenAs)}：${p.why}`,
  }),
  'source.step.sees': message<{ seenAs: readonly string[]; kind: SeenKind }>({
    en: (p) => `the destination sees ${p.seenAs.join(', ')}`,
    zh: (p) => `目的端看到的源地址是${zhSeen(p.kind)}${zhList(p.seenAs)}`,
  }),

  // Step `source-egress`.
  'source-egress.none': message<{ pod: boolean; cluster: string }>({
    en: (p) => `no ${p.pod ? 'pod' : 'node'} security groups are listed for ${p.cluster}: outbound rules not checked`,
    zh: (p) => `${p.cluster} 未列出${p.pod ? 'Pod安全组' : '节点安全组'}：未检查出方向规则`,
  }),
  'source-egress.none-assumed': message<{ pod: boolean; cluster: string }>({
    en: (p) =>
      `the ${p.pod ? 'pod' : 'node'} security groups of ${p.cluster} are not listed; outbound traffic is assumed allowed`,
    zh: (p) => `${p.cluster} 的${p.pod ? 'Pod安全组' : '节点安全组'}未列出；假定出方向流量均被允许`,
  }),
  'source-egress.allows': message<{ groups: readonly string[]; flow: string; address: string; rule?: string }>({
    en: (p) => `${enList(p.groups)} ${enAllow(p.groups)} ${p.flow} out to ${p.address}${p.rule ? ` (${p.rule})` : ''}`,
    zh: (p) =>
      `安全组 ${zhList(p.groups)} 的出方向规则允许访问 ${p.address}（${p.flow}）${p.rule ? `：${p.rule}` : ''}`,
  }),
  'source-egress.order-dependent': message<OrderDependent>({
    en: (p) =>
      `${enList(p.groups)} ${p.literalAllows ? 'allow' : 'deny'} ${p.flow} out to ${p.peer} if groups are evaluated in binding order, but ${p.mergedAllows ? 'allow' : 'deny'} it if their rules are merged by priority (VPC FAQ on conflicting security group rules, vpc_faq_0077; Huawei's docs leave this open)`,
    zh: (p) => zhOrder(p, `访问 ${p.peer}（${p.flow}）的出方向流量`),
  }),
  'source-egress.blocks': message<{ rule: string; flow: string; address: string }>({
    en: (p) => `${p.rule} blocks ${p.flow} out to ${p.address}`,
    zh: (p) => `访问 ${p.address} 的出方向流量（${p.flow}）被拒绝：${p.rule}`,
  }),
  'source-egress.no-rule': message<{ groups: readonly string[]; flow: string; address: string }>({
    en: (p) => `no outbound rule of ${enList(p.groups)} allows ${p.flow} to ${p.address}`,
    zh: (p) => `安全组 ${zhList(p.groups)} 没有允许访问 ${p.address}（${p.flow}）的出方向规则`,
  }),

  // Steps `source-acl` and `destination-acl`.
  'source-acl.no-subnet': fixed('no source subnet to check (see source-address)', '没有可检查的源子网（见源地址步骤）'),
  'source-acl.none': message<{ subnets: readonly string[] }>({
    en: (p) => `no network ACL is associated with the source subnets (${enList(p.subnets)})`,
    zh: (p) => `源子网（${zhList(p.subnets)}）未关联网络ACL`,
  }),
  'destination-acl.no-subnet': fixed('no destination subnet on this path', '该路径上没有目的子网'),
  'destination-acl.none': message<{ subnet: string }>({
    en: (p) => `no network ACL is associated with ${p.subnet}`,
    zh: (p) => `${p.subnet} 未关联网络ACL`,
  }),
  'acl.undefined': message<{ acl: string; subnet: string }>({
    en: (p) => `network ACL ${p.acl} of ${p.subnet} is not defined`,
    zh: (p) => `${p.subnet} 的网络ACL ${p.acl} 未定义`,
  }),
  'acl.source-port-rules': message<{ acl: string; direction: 'ingress' | 'egress'; rules: readonly string[] }>({
    en: (p) =>
      `${p.acl} ${p.direction} rules ${enList(p.rules)} restrict the source port; a client's ephemeral port is unknown, so they were not counted`,
    zh: (p) =>
      `${p.acl} 的${zhDirection(p.direction)}规则 ${zhList(p.rules)} 限制了源端口；客户端的临时端口未知，因此未计入这些规则`,
  }),
  'acl.source-port-dependent': message<{
    acl: string;
    subnet: string;
    direction: 'ingress' | 'egress';
    blocks: boolean;
    flow: string;
    spans: string;
    rules: readonly string[];
  }>({
    en: (p) =>
      `${p.acl} (${p.subnet}) ${p.direction} ${p.blocks ? 'blocks' : 'allows'} ${p.flow} for ${p.spans} unless rule(s) ${enList(p.rules)}, which match only some source ports, catch the client's ephemeral port: the answer depends on that port (VPC "Network ACL Overview")`,
    zh: (p) =>
      `${p.acl}（${p.subnet}）的${zhDirection(p.direction)}规则${p.blocks ? '拒绝' : '允许'} ${p.spans} 的流量（${p.flow}），除非只匹配部分源端口的规则 ${zhList(p.rules)} 命中了客户端的临时端口：结果取决于该端口（参见华为云 VPC 网络ACL 文档）`,
  }),
  'acl.allows': message<{ acl: string; subnet: string; direction: 'ingress' | 'egress'; flow: string; spans: string }>({
    en: (p) => `${p.acl} (${p.subnet}) allows ${p.flow} ${p.direction === 'egress' ? 'out' : 'in'} for ${p.spans}`,
    zh: (p) => `${p.acl}（${p.subnet}）的${zhDirection(p.direction)}规则允许 ${p.spans} 的流量（${p.flow}）`,
  }),
  'acl.blocks': message<{
    acl: string;
    subnet: string;
    direction: 'ingress' | 'egress';
    flow: string;
    denied: string;
    allowed?: string;
    rule?: number;
  }>({
    en: (p) =>
      `${p.acl} (${p.subnet}) ${p.direction} blocks ${p.flow} from ${p.denied}${p.allowed ? ` (only ${p.allowed} is allowed)` : ''} by ${p.rule !== undefined ? `rule #${p.rule} (deny)` : 'the implicit deny (no rule matches; an associated ACL denies by default)'}`,
    zh: (p) =>
      `${p.acl}（${p.subnet}）的${zhDirection(p.direction)}${p.rule !== undefined ? `第 ${p.rule} 条规则（拒绝）` : '默认拒绝规则（没有规则匹配；已关联的网络ACL默认拒绝）'}拒绝了来自 ${p.denied} 的流量（${p.flow}）${p.allowed ? `（仅允许 ${p.allowed}）` : ''}`,
  }),

  // Step `destination-sg`.
  'destination-sg.internet': fixed(
    'internet destination: its filters are not in the topology',
    '目的地址在公网：其访问控制不在拓扑中',
  ),
  'destination-sg.unknown': message<{ address: string }>({
    en: (p) => `${p.address} is not a declared resource: its security groups are unknown`,
    zh: (p) => `${p.address} 不是已声明的资源：其安全组未知`,
  }),
  'destination-sg.unknown-declare': message<{ address: string }>({
    en: (p) =>
      `${p.address} is not a declared resource: its security groups are unknown; declare it under resources to check them`,
    zh: (p) => `${p.address} 不是已声明的资源：其安全组未知；在拓扑的 \`resources\` 中声明它即可检查`,
  }),
  'destination-sg.whitelisted': message<{ resource: string }>({
    en: (p) => `${p.resource} is controlled by its whitelist, not by security groups`,
    zh: (p) => `${p.resource} 通过白名单而不是安全组控制访问`,
  }),
  'destination-sg.none': message<{ what: string }>({
    en: (p) => `${p.what} declares no security groups`,
    zh: (p) => `${p.what} 未声明安全组`,
  }),
  'destination-sg.none-assumed': message<{ what: string }>({
    en: (p) => `${p.what} declares no security groups; none are assumed to filter it`,
    zh: (p) => `${p.what} 未声明安全组；假定没有安全组过滤到它的流量`,
  }),
  'destination-sg.old-flavor': message<{ resource: string; flavor: string }>({
    en: (p) =>
      `${p.resource} is an old-generation flavor (${p.flavor}): deny rules and port lists may not take effect on it (VPC FAQ on conflicting security group rules, vpc_faq_0077)`,
    zh: (p) => `${p.resource} 是老一代规格（${p.flavor}）：拒绝规则和多端口规则可能对其不生效${doc('vpc_faq_0077')}`,
  }),
  'destination-sg.allows': message<{
    groups: readonly string[];
    flow: string;
    from: string;
    kind: SeenKind;
    rule?: string;
  }>({
    en: (p) => `${enList(p.groups)} ${enAllow(p.groups)} ${p.flow} from ${p.from}${p.rule ? ` (${p.rule})` : ''}`,
    zh: (p) =>
      `安全组 ${zhList(p.groups)} 的入方向规则已放通${zhSeen(p.kind)}${p.from}（${p.flow}）${p.rule ? `：${p.rule}` : ''}`,
  }),
  'destination-sg.order-dependent': message<OrderDependent>({
    en: (p) =>
      `${enList(p.groups)} ${p.literalAllows ? 'allow' : 'deny'} ${p.flow} from ${p.peer} if groups are evaluated in binding order, but ${p.mergedAllows ? 'allow' : 'deny'} it if their rules are merged by priority (VPC FAQ on conflicting security group rules, vpc_faq_0077; Huawei's docs leave this open)`,
    zh: (p) => zhOrder(p, `来自 ${p.peer} 的入方向流量（${p.flow}）`),
  }),
  'destination-sg.remote-group': message<{ groups: readonly string[]; flow: string; from: string }>({
    en: (p) =>
      `only a rule with a remote security group (${enList(p.groups)}) would allow ${p.flow} from the pod CIDR ${p.from}: vpc-router pod IPs are not member ports of the node security group, so it most likely does not match (CCE FAQ "How Can I Configure a Security Group Rule for a Cluster?", cce_faq_00265; Huawei's docs leave this open); CCE documents allowing the container CIDR`,
    zh: (p) =>
      `只有源地址为安全组（${zhList(p.groups)}）的规则会放通容器网段 ${p.from}（${p.flow}）：VPC网络的容器IP不是节点安全组的成员端口，因此该规则很可能不匹配${doc('cce_faq_00265')}，华为云文档对此未明确说明；CCE 文档的做法是在安全组放通容器网段`,
  }),
  'destination-sg.partial': message<{
    groups: readonly string[];
    flow: string;
    allowed: string;
    from: string;
    kind: SeenKind;
    rule?: string;
  }>({
    en: (p) =>
      `${enList(p.groups)} ${enAllow(p.groups)} ${p.flow} from only part of what the destination sees: ${p.allowed} of ${p.from}${p.rule ? `; ${p.rule} decides the rest` : ''}`,
    zh: (p) =>
      `安全组 ${zhList(p.groups)} 只放通了目的端看到的部分源地址（${p.flow}）：${zhSeen(p.kind)}${p.from} 中仅放通 ${p.allowed}${p.rule ? `；其余地址由此规则决定：${p.rule}` : ''}`,
  }),
  'destination-sg.blocks': message<{ rule: string; flow: string; from: string; kind: SeenKind }>({
    en: (p) => `${p.rule} blocks ${p.flow} from ${p.from}`,
    zh: (p) => `来自${zhSeen(p.kind)}${p.from} 的访问（${p.flow}）被拒绝：${p.rule}`,
  }),
  'destination-sg.no-rule': message<{ groups: readonly string[]; flow: string; from: string; kind: SeenKind }>({
    en: (p) => `no rule of ${enList(p.groups)} allows ${p.flow} from ${p.from}`,
    zh: (p) => `安全组 ${zhList(p.groups)} 的入方向规则未放通${zhSeen(p.kind)}${p.from}（${p.flow}）`,
  }),
  'destination-sg.non-masquerade': message<{
    cluster: string;
    groups: readonly string[];
    current: readonly string[];
    /** The new list with the covering entry split around `hole`, or undefined: take `address` out. */
    next?: readonly string[];
    hole?: string;
    address: string;
  }>({
    en: (p) => {
      const current = enList(p.current);
      const setTo = p.next
        ? `change nonMasqueradeCIDRs of ${p.cluster} from [${current}] to [${enList(p.next)}] (the covering entry split around ${p.hole})`
        : `take ${p.address} out of nonMasqueradeCIDRs of ${p.cluster} (now [${current}])`;
      // What to change, what it does to every pod, where to change it, which clusters can: in that order, one sentence
      // each, as CCE's best practice gives them.
      return `let ${p.cluster} SNAT this traffic to its node IPs, which ${enList(p.groups)} already allow: ${setTo}. Every pod of ${p.cluster} then reaches ${p.hole ?? p.address} from its node's IP. Where: the CCE console (the cluster's Settings > Network; applies in about a minute), or the cluster configuration API (GET, then PUT /api/v3/projects/{project_id}/clusters/{cluster_id}/nodepools/master/configuration with the new list). Needs a cluster of v1.23.14-r0, v1.25.9-r0, v1.27.6-r0, v1.28.4-r0 or later, on the VPC network model (CCE best practice "Accessing an IP Address Outside a Cluster That Uses a VPC Network by Using Source Pod IP Addresses Within the Cluster", cce_bestpractice_10041)`;
    },
    zh: (p) => {
      const current = p.current.join(', ');
      const setTo = p.next
        ? `将 ${p.cluster} 的 nonMasqueradeCIDRs 从 [${current}] 改为 [${p.next.join(', ')}]（把覆盖它的条目在 ${p.hole} 两侧拆分）`
        : `将 ${p.address} 移出 ${p.cluster} 的 nonMasqueradeCIDRs（当前为 [${current}]）`;
      return `让 ${p.cluster} 将这部分流量SNAT为节点IP（安全组 ${zhList(p.groups)} 已放通节点IP）：${setTo}。修改后，${p.cluster} 的所有容器都以所在节点的IP访问 ${p.hole ?? p.address}。修改位置：CCE控制台中该集群的网络配置（nonMasqueradeCIDRs，约一分钟后生效），或集群配置API（先 \`GET\`，再以新值 \`PUT /api/v3/projects/{project_id}/clusters/{cluster_id}/nodepools/master/configuration\`）。要求集群版本为 v1.23.14-r0、v1.25.9-r0、v1.27.6-r0、v1.28.4-r0 或更高，且使用VPC网络模型${doc('cce_bestpractice_10041')}`;
    },
  }),

  // Step `whitelist`.
  'whitelist.none': fixed('the destination has no IP whitelist', '目的端没有IP白名单'),
  'whitelist.open': message<{ resource: string; disabled: boolean }>({
    en: (p) =>
      `the whitelist of ${p.resource} is ${p.disabled ? 'disabled' : 'empty'}: all IPs that can reach the VPC can access it (CCE "Configuring Intra-VPC Access", cce_10_0399)`,
    zh: (p) =>
      `${p.resource} 的白名单${p.disabled ? '未启用' : '为空'}：所有能访问该VPC的IP都可以访问它${doc('cce_10_0399')}`,
  }),
  'whitelist.contains': message<{ resource: string; spans: string }>({
    en: (p) => `the whitelist of ${p.resource} contains ${p.spans}`,
    zh: (p) => `${p.resource} 的白名单已包含 ${p.spans}`,
  }),
  'whitelist.missing': message<{ resource: string; spans: string }>({
    en: (p) => `the whitelist of ${p.resource} does not contain ${p.spans}`,
    zh: (p) => `${p.resource} 的白名单未包含 ${p.spans}`,
  }),

  // Parts of the topology the importer could not read.
  'unread.route-table': message<{
    table: string;
    isDefault: boolean;
    subnet: string;
    unread: string;
    returning: boolean;
  }>({
    en: (p) =>
      `route table ${p.table}${p.isDefault ? ' (default)' : ' (custom)'} of ${p.subnet} could not be read when the topology was imported (${p.unread}): its routes are unknown, so whether it ${p.returning ? 'routes the replies back' : 'forwards the traffic'} is uncertain; re-import once it can be read`,
    zh: (p) =>
      `${p.subnet} 的${p.isDefault ? '默认' : '自定义'}路由表 ${p.table} 在导入拓扑时无法读取（${p.unread}）：其路由未知，因此无法确定它是否${p.returning ? '能将回包路由回来' : '会转发该流量'}；请在可以读取后重新导入`,
  }),
  'unread.acl': message<{ acl: string; subnet: string; unread: string; direction: 'ingress' | 'egress' }>({
    en: (p) =>
      `network ACL ${p.acl} of ${p.subnet} could not be read when the topology was imported (${p.unread}): its ${p.direction === 'egress' ? 'outbound' : 'inbound'} rules are unknown, so whether it lets the traffic ${p.direction === 'egress' ? 'out' : 'in'} is uncertain; re-import once it can be read`,
    zh: (p) =>
      `${p.subnet} 的网络ACL ${p.acl} 在导入拓扑时无法读取（${p.unread}）：其${zhDirection(p.direction)}规则未知，因此无法确定它是否放行该流量；请在可以读取后重新导入`,
  }),
  'unread.er-table': message<{
    er: string;
    table: string;
    attachment: string;
    unread: string;
    returning: boolean;
  }>({
    en: (p) =>
      `enterprise router ${p.er} route table ${p.table} (associated with ${p.attachment}) could not be read when the topology was imported (${p.unread}): its routes are unknown, so where it sends ${p.returning ? 'the replies' : 'the packets'} is uncertain; re-import once it can be read`,
    zh: (p) =>
      `企业路由器 ${p.er} 的路由表 ${p.table}（关联 ${p.attachment}）在导入拓扑时无法读取（${p.unread}）：其路由未知，因此无法确定它将${p.returning ? '回包' : '报文'}发往何处；请在可以读取后重新导入`,
  }),
  'unread.er-association': message<{
    er: string;
    attachment: string;
    tables: readonly { id: string; unread: string }[];
    returning: boolean;
  }>({
    en: (p) =>
      `${p.attachment} has no known association with a route table of enterprise router ${p.er}, but ${enList(p.tables.map((t) => `${t.id} (${t.unread})`))} could not be read when the topology was imported: it may be associated there, so whether ${p.returning ? 'the replies' : 'the packets'} are forwarded is uncertain; re-import once it can be read`,
    zh: (p) =>
      `${p.attachment} 与企业路由器 ${p.er} 的路由表没有已知的关联，但 ${zhList(p.tables.map((t) => `${t.id}（${t.unread}）`))} 在导入拓扑时无法读取：它可能关联在其中，因此无法确定${p.returning ? '回包' : '报文'}是否会被转发；请在可以读取后重新导入`,
  }),

  // What diagnose itself writes.
  'diagnose.own-pod': message<{ cluster: string; eni: boolean }>({
    en: (p) =>
      `traffic between pods of ${p.cluster} stays inside the cluster: NetworkPolicies${p.eni ? ' and pod security groups' : ''} are not modelled`,
    zh: (p) => `${p.cluster} 的容器之间的流量不离开集群：此处未分析网络策略${p.eni ? '和Pod安全组' : ''}`,
  }),
  'diagnose.own-service': message<{ cluster: string }>({
    en: (p) =>
      `a ClusterIP of ${p.cluster} is served by kube-proxy inside the cluster: ask about the backing pods or the Service's endpoints instead`,
    zh: (p) => `${p.cluster} 的 ClusterIP 由集群内的 kube-proxy 提供服务：请改为询问其后端容器或该 Service 的后端地址`,
  }),
  'diagnose.other-service': message<{ address: string }>({
    en: (p) =>
      `Service CIDRs are usable only inside their own cluster (CCE best practice "Planning CIDR Blocks for a Cluster", cce_bestpractice_00004): expose ${p.address}'s Service as a LoadBalancer or NodePort and ask about that address`,
    zh: (p) =>
      `服务网段只能在其所属集群内使用${doc('cce_bestpractice_00004')}：请将 ${p.address} 对应的 Service 以 LoadBalancer 或 NodePort 方式对外暴露，再询问该地址`,
  }),
  'diagnose.overlay-pod': fixed(
    `pod IPs of a tunnel-network cluster cannot be reached from outside it (CCE "Configuring Intra-VPC Access", cce_10_0399): expose the pods with a Service (LoadBalancer or NodePort)`,
    `容器隧道网络集群的容器IP无法从集群外部访问${doc('cce_10_0399')}：请通过 Service（LoadBalancer 或 NodePort）暴露这些容器`,
  ),
  'diagnose.no-subnet': message<{ address: string }>({
    en: (p) => `nothing can hold ${p.address}: declare the subnet it is in, or check the address`,
    zh: (p) => `没有任何子网包含 ${p.address}：请声明它所在的子网，或检查该地址`,
  }),
  'diagnose.no-source': message<{ cluster: string; ipv6: boolean }>({
    en: (p) => `${p.cluster} has no ${p.ipv6 ? 'IPv6 ' : ''}address to send from`,
    zh: (p) => `${p.cluster} 没有可用于发送流量的${p.ipv6 ? 'IPv6' : ''}地址`,
  }),
  'diagnose.skip.in-cluster': fixed('in-cluster destination', '目的地址在集群内'),
  'diagnose.skip.unreachable': fixed('the destination cannot be reached from outside', '目的地址无法从集群外部访问'),
  'diagnose.skip.no-source': fixed('no source address', '没有源地址'),
  'diagnose.still-fails': message<{ failures: readonly { check: CheckName; summary: string }[] }>({
    en: (p) =>
      `applying the proposed fixes and asking again still fails at ${p.failures.map((f) => `${f.check}: ${f.summary}`).join('; ')}`,
    zh: (p) =>
      `应用建议的修复后再次检查，仍在以下步骤不通过：${p.failures.map((f) => `${CHECK_TITLES[f.check].zh()}：${f.summary}`).join('；')}`,
  }),
};
