// The located issues of a topology file that does not validate (`reachbot validate`, `topology import` in the
// terminal and in Slack). Paths (`clusters[0].containerCidrs[1]`), keys, ids, CIDRs and values stay as written:
// they are what the reader looks for in the file. The English texts are the ones the format has always reported.
import { fixed, type Message, message } from '../message.js';

/** What a reference names, for "unknown security group "sg-x"". */
export type ReferenceKind =
  | { readonly kind: 'vpc' | 'networkAcl' | 'peering' | 'enterpriseRouter' | 'securityGroup' | 'addressGroup' }
  | { readonly kind: 'subnetOf' | 'routeTableOf' | 'attachmentOf'; readonly of: string };

const REFERENCE_WORDS: Readonly<Record<ReferenceKind['kind'], { en: string; zh: string }>> = {
  vpc: { en: 'VPC', zh: 'VPC' },
  networkAcl: { en: 'network ACL', zh: '网络ACL' },
  peering: { en: 'peering', zh: '对等连接' },
  enterpriseRouter: { en: 'enterprise router', zh: '企业路由器' },
  securityGroup: { en: 'security group', zh: '安全组' },
  addressGroup: { en: 'address group', zh: 'IP地址组' },
  subnetOf: { en: 'subnet of', zh: '子网' },
  routeTableOf: { en: 'route table of', zh: '路由表' },
  attachmentOf: { en: 'attachment of', zh: '连接' },
};

/** "unknown security group "sg-x"" / "未知的安全组“sg-x”"; one of a VPC's: "vpc-a 中没有子网“s-x”". */
const unknownReference = {
  en: (r: ReferenceKind, value: string) =>
    `unknown ${'of' in r ? `${REFERENCE_WORDS[r.kind].en} ${r.of}` : REFERENCE_WORDS[r.kind].en} "${value}"`,
  zh: (r: ReferenceKind, value: string) =>
    'of' in r
      ? `${r.of} 中没有${REFERENCE_WORDS[r.kind].zh}“${value}”`
      : `未知的${REFERENCE_WORDS[r.kind].zh}“${value}”`,
};

/** The closest known names after an unknown one: " (known: a, b, ...)". */
export interface KnownNames {
  readonly names: readonly string[];
  readonly more: boolean;
}

const hint = {
  en: (k: KnownNames) =>
    k.names.length === 0 ? ' (none are defined)' : ` (known: ${k.names.join(', ')}${k.more ? ', ...' : ''})`,
  zh: (k: KnownNames) =>
    k.names.length === 0 ? '（一个也没有定义）' : `（已定义：${k.names.join('、')}${k.more ? ' 等' : ''}）`,
};

/** A YAML or JSON value as the Chinese text names it: "字符串 "x"", "列表", "映射". */
export type ValueShape =
  | { readonly shape: 'null' | 'list' | 'mapping' }
  | { readonly shape: 'string' | 'number' | 'boolean' | 'other'; readonly json: string };

const SHAPE_WORDS = {
  null: { en: 'null', zh: '空值' },
  list: { en: 'a list', zh: '列表' },
  mapping: { en: 'a mapping', zh: '映射' },
  string: { en: 'the string', zh: '字符串' },
  number: { en: 'the number', zh: '数字' },
  boolean: { en: 'the boolean', zh: '布尔值' },
  other: { en: 'the value', zh: '值' },
} as const;

const valueWords = {
  en: (v: ValueShape) => ('json' in v ? `${SHAPE_WORDS[v.shape].en} ${v.json}` : SHAPE_WORDS[v.shape].en),
  zh: (v: ValueShape) => ('json' in v ? `${SHAPE_WORDS[v.shape].zh} ${v.json}` : SHAPE_WORDS[v.shape].zh),
};

const EXPECTED_ZH: Readonly<Record<string, string>> = {
  object: '映射',
  array: '列表',
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
};

/**
 * What zod's zh-CN locale leaves in English in its size messages ("数值过小：期望 string >=1 字符"): the kind of
 * value checked, in the words the texts above use.
 */
export const ZOD_ORIGIN_ZH: Readonly<Record<string, string>> = { string: '字符串', number: '数字', array: '列表' };

/** The Kubernetes objects a cluster declares by name. */
export type KubernetesKind = 'namespace' | 'networkPolicy' | 'securityGroupResource';

const KUBERNETES_WORDS: Readonly<Record<KubernetesKind, { en: string; zh: string }>> = {
  namespace: { en: 'namespace', zh: '命名空间' },
  networkPolicy: { en: 'NetworkPolicy', zh: '网络策略' },
  securityGroupResource: { en: 'SecurityGroup resource', zh: 'SecurityGroup 资源' },
};

/** The topology-issue catalog, keyed by id. */
export const topologyIssues = {
  'topology.issues.count': message<{ count: number }>({
    en: (p) => `${p.count} problems:`,
    zh: (p) => `共 ${p.count} 个问题：`,
  }),
  'topology.issues.more': message<{ more: number }>({
    en: (p) => `... and ${p.more} more issue${p.more === 1 ? '' : 's'} (fix these first)`,
    zh: (p) => `……还有 ${p.more} 个问题（请先修正以上问题）`,
  }),
  'topology.issue.yaml-syntax': message<{ reason: string }>({
    en: (p) => p.reason,
    zh: (p) => `YAML 语法错误：\`${p.reason.replace(/`/g, "'")}\``,
  }),
  'topology.issue.amplified': message<{ allowance: number; length: number; ratio: number }>({
    en: (p) =>
      `the document expands to more than ${p.allowance} values from ${p.length} characters (more than ${p.ratio} values per character: YAML aliases?); write the values out or use JSON`,
    zh: (p) =>
      `该文档由 ${p.length} 个字符展开成超过 ${p.allowance} 个值（每个字符超过 ${p.ratio} 个值，是否使用了 YAML 别名？）；请直接写出这些值，或改用 JSON`,
  }),
  'topology.issue.unknown-keys': message<{ keys: readonly string[] }>({
    en: (p) =>
      `unknown key${p.keys.length > 1 ? 's' : ''} ${p.keys.map((k) => `"${k}"`).join(', ')} (unknown keys are rejected so that a typo never changes a verdict)`,
    zh: (p) => `未知的键 ${p.keys.map((k) => `"${k}"`).join('、')}（未知的键一律拒绝，以免拼写错误悄悄改变结论）`,
  }),
  'topology.issue.required': fixed('is required', '必须填写'),
  'topology.issue.wrong-type': message<{ expected: string; value: ValueShape }>({
    en: (p) =>
      `must be ${p.expected === 'object' ? 'a mapping' : p.expected === 'array' ? 'a list' : `a ${p.expected}`}, not ${valueWords.en(p.value)}`,
    zh: (p) => `必须是${EXPECTED_ZH[p.expected] ?? ` ${p.expected}`}，而不是${valueWords.zh(p.value)}`,
  }),
  'topology.issue.not-empty': fixed('must not be empty', '不能为空'),
  'topology.issue.give-reason': fixed('must give the reason', '必须说明原因'),
  'topology.issue.protocol': message<{ protocols: readonly string[] }>({
    en: (p) => `must be one of ${p.protocols.join(', ')} or an IP protocol number 0-255`,
    zh: (p) => `必须是 ${p.protocols.join('、')} 之一，或 0-255 的 IP 协议号`,
  }),
  'topology.issue.record-type': fixed(
    'must be A, AAAA or CNAME (the record types that lead to an address)',
    '必须是 A、AAAA 或 CNAME（能解析到地址的记录类型）',
  ),
  'topology.issue.version': fixed(
    'must be 1 (the only topology version this reachbot reads)',
    '必须是 1（本版本 reachbot 只读取第 1 版拓扑）',
  ),
  'topology.issue.not-ip': message<{ value: string }>({
    en: (p) => `"${p.value}" is not an IP address`,
    zh: (p) => `“${p.value}”不是 IP 地址`,
  }),
  'topology.issue.not-cidr': message<{ value: string }>({
    en: (p) => `"${p.value}" is not a CIDR`,
    zh: (p) => `“${p.value}”不是 CIDR 网段`,
  }),
  'topology.issue.host-bits': message<{ value: string; canonical: string; single: string }>({
    en: (p) => `"${p.value}" has host bits set: did you mean ${p.canonical} (or ${p.single} for the single address)?`,
    zh: (p) => `“${p.value}”的主机位不为零：是否应为 ${p.canonical}（单个地址则写 ${p.single}）？`,
  }),
  'topology.issue.not-range': message<{ value: string }>({
    en: (p) => `"${p.value}" is not an address range (first-last, same family, ascending)`,
    zh: (p) => `“${p.value}”不是地址范围（起始-结束，同一地址族，升序）`,
  }),
  'topology.issue.not-port-list': message<{ value: string }>({
    en: (p) => `"${p.value}" is not a port list (e.g. "3306", "3300-3310", "22,3306")`,
    zh: (p) => `“${p.value}”不是端口列表（例如 "3306"、"3300-3310"、"22,3306"）`,
  }),
  'topology.issue.port-out-of-range': message<{ part: string; value: string; min: number; max: number }>({
    en: (p) => `"${p.part}" in "${p.value}" is outside ${p.min}-${p.max} or not ascending`,
    zh: (p) => `“${p.value}”中的“${p.part}”超出 ${p.min}-${p.max} 或不是升序`,
  }),
  'topology.issue.network-model': message<{ value: string }>({
    en: (p) => `"${p.value}" is not a network model: use overlay_l2 (tunnel), vpc-router (vpc) or eni (cnn2)`,
    zh: (p) =>
      `“${p.value}”不是网络模型：请使用 overlay_l2（容器隧道网络）、vpc-router（VPC网络）或 eni（云原生网络2.0）`,
  }),
  'topology.issue.not-host-name': message<{ value: string; labels: boolean }>({
    en: (p) => `"${p.value}" is not a host name${p.labels ? ' (labels of letters, digits, "-" and "_")' : ''}`,
    zh: (p) => `“${p.value}”不是主机名${p.labels ? '（由字母、数字、“-”和“_”组成的标签）' : ''}`,
  }),
  'topology.issue.not-in-zone': message<{ value: string; zone: string }>({
    en: (p) => `"${p.value}" is not a host name in zone ${p.zone}`,
    zh: (p) => `“${p.value}”不是域名 ${p.zone} 下的主机名`,
  }),
  'topology.issue.not-family-address': message<{ value: string; family: number; type: string }>({
    en: (p) => `"${p.value}" is not an IPv${p.family} address (${p.type})`,
    zh: (p) => `“${p.value}”不是 IPv${p.family} 地址（${p.type} 记录）`,
  }),
  'topology.issue.record-value': fixed('a record needs at least one value', '记录至少需要一个值'),
  'topology.issue.region': fixed(
    'must be a Huawei Cloud region id like cn-north-4',
    '必须是华为云的区域 ID，例如 cn-north-4',
  ),
  'topology.issue.project': fixed(
    'must be a Huawei Cloud project id (32 hexadecimal characters)',
    '必须是华为云的项目 ID（32 位十六进制字符）',
  ),
  'topology.issue.node-subnet': fixed('a cluster needs at least one node subnet', '集群至少需要一个节点子网'),
  'topology.issue.resource-address': fixed('a resource needs at least one address', '资源至少需要一个地址'),
  'topology.issue.cname-one-value': fixed('a CNAME record has exactly one value', 'CNAME 记录只能有一个值'),

  'topology.issue.duplicate': message<{ value: string; first: string }>({
    en: (p) => `"${p.value}" is already used by ${p.first}`,
    zh: (p) => `“${p.value}”已被 ${p.first} 使用`,
  }),
  'topology.issue.unknown-reference': message<{ what: ReferenceKind; value: string; known: KnownNames }>({
    en: (p) => `${unknownReference.en(p.what, p.value)}${hint.en(p.known)}`,
    zh: (p) => `${unknownReference.zh(p.what, p.value)}${hint.zh(p.known)}`,
  }),
  'topology.issue.overlaps': message<{ cidr: string; other: string; otherCidr: string }>({
    en: (p) => `${p.cidr} overlaps ${p.other} (${p.otherCidr})`,
    zh: (p) => `${p.cidr} 与 ${p.other}（${p.otherCidr}）重叠`,
  }),
  'topology.issue.one-default-table': message<{ found: number }>({
    en: (p) => `exactly one route table must be default: true (found ${p.found})`,
    zh: (p) => `必须有且只有一个路由表为 default: true（实际 ${p.found} 个）`,
  }),
  'topology.issue.outside-vpc': message<{ cidr: string; blocks: readonly string[]; more: number }>({
    en: (p) => `${p.cidr} is outside the VPC's CIDRs (${p.blocks.join(', ')}${p.more ? `, ... ${p.more} more` : ''})`,
    zh: (p) => `${p.cidr} 不在 VPC 的网段内（${p.blocks.join('、')}${p.more ? ` 等，另有 ${p.more} 个` : ''}）`,
  }),
  'topology.issue.duplicate-destination': message<{ destination: string; first: string }>({
    en: (p) => `${p.destination} is already the destination of ${p.first}`,
    zh: (p) => `${p.destination} 已是 ${p.first} 的目的地址`,
  }),
  'topology.issue.peering-next-hop': fixed(
    'a peering route needs nextHop: a peering id',
    '对等连接路由需要 nextHop：对等连接 ID',
  ),
  'topology.issue.er-next-hop': fixed(
    'an er route needs nextHop: an enterprise router id',
    '企业路由器路由需要 nextHop：企业路由器 ID',
  ),
  'topology.issue.snat-source': message<{ value: string; known: KnownNames }>({
    en: (p) => `"${p.value}" is neither a subnet id nor a CIDR${hint.en(p.known)}`,
    zh: (p) => `“${p.value}”既不是子网 ID 也不是 CIDR 网段${hint.zh(p.known)}`,
  }),
  'topology.issue.peering-same-vpc': fixed('a peering must join two different VPCs', '对等连接必须连接两个不同的 VPC'),
  'topology.issue.attachment-vpc': fixed('a vpc attachment needs vpc: a VPC id', 'VPC 连接需要 vpc：VPC ID'),
  'topology.issue.attachment-subnet': fixed(
    'a vpc attachment needs subnet: a subnet of its VPC',
    'VPC 连接需要 subnet：所在 VPC 的子网',
  ),
  'topology.issue.attachment-cidrs': fixed(
    "a vpc attachment propagates its VPC's CIDR blocks: cidrs are for vpn, vgw and peering attachments",
    'VPC 连接传播的是其 VPC 的网段：cidrs 只用于 vpn、vgw 和 peering 连接',
  ),
  'topology.issue.attachment-no-vpc': message<{ type: string }>({
    en: (p) => `a ${p.type} attachment has no VPC or subnet: only vpc attachments do`,
    zh: (p) => `${p.type} 连接没有 VPC 或子网：只有 vpc 连接才有`,
  }),
  'topology.issue.associated-twice': message<{ attachment: string; first: string }>({
    en: (p) =>
      `attachment "${p.attachment}" is already associated at ${p.first}: an attachment is associated with one route table at most`,
    zh: (p) => `连接“${p.attachment}”已在 ${p.first} 关联：一个连接最多关联一个路由表`,
  }),
  'topology.issue.propagated-twice': message<{ attachment: string; table: string }>({
    en: (p) => `attachment "${p.attachment}" already propagates into ${p.table}`,
    zh: (p) => `连接“${p.attachment}”已传播到 ${p.table}`,
  }),
  'topology.issue.blackhole-attachment': fixed('a blackhole route has no attachment', '黑洞路由没有连接'),
  'topology.issue.static-attachment': fixed(
    'a static route needs attachment: an attachment id (or blackhole: true)',
    '静态路由需要 attachment：连接 ID（或 blackhole: true）',
  ),
  'topology.issue.routed-twice': message<{ destination: string; first: string }>({
    en: (p) => `${p.destination} is already routed by ${p.first}: one static route per destination`,
    zh: (p) => `${p.destination} 已由 ${p.first} 路由：每个目的地址只能有一条静态路由`,
  }),
  'topology.issue.ethertype': message<{ remote: string; ethertype: string }>({
    en: (p) => `${p.remote} does not match ethertype ${p.ethertype}`,
    zh: (p) => `${p.remote} 与 ethertype ${p.ethertype} 不符`,
  }),
  'topology.issue.icmp-v4': fixed(
    'icmp needs ethertype IPv4; use icmpv6 for IPv6',
    'icmp 需要 ethertype IPv4；IPv6 请使用 icmpv6',
  ),
  'topology.issue.icmp-v6': fixed('icmpv6 needs ethertype IPv6', 'icmpv6 需要 ethertype IPv6'),
  'topology.issue.eni-needs-subnets': fixed(
    'an eni (Cloud Native Network 2.0) cluster needs containerSubnets',
    'eni（云原生网络2.0）集群需要 containerSubnets',
  ),
  'topology.issue.eni-no-cidrs': fixed(
    'an eni cluster takes pod IPs from containerSubnets, not containerCidrs',
    'eni 集群的容器 IP 来自 containerSubnets，而不是 containerCidrs',
  ),
  'topology.issue.needs-container-cidrs': message<{ model: string }>({
    en: (p) => `a ${p.model} cluster needs containerCidrs`,
    zh: (p) => `${p.model} 集群需要 containerCidrs`,
  }),
  'topology.issue.subnets-eni-only': fixed(
    'containerSubnets are for eni clusters only',
    'containerSubnets 只用于 eni 集群',
  ),
  'topology.issue.non-masquerade-model': fixed(
    'nonMasqueradeCidrs exist only for vpc-router (VPC network) clusters',
    'nonMasqueradeCidrs 只适用于 vpc-router（VPC网络）集群',
  ),
  'topology.issue.non-masquerade-overlap': message<{ cidr: string; other: number; otherCidr: string }>({
    en: (p) => `${p.cidr} overlaps nonMasqueradeCidrs[${p.other}] (${p.otherCidr}); CCE rejects overlapping entries`,
    zh: (p) => `${p.cidr} 与 nonMasqueradeCidrs[${p.other}]（${p.otherCidr}）重叠；CCE 不接受重叠的条目`,
  }),
  'topology.issue.outside-subnet': message<{ address: string; subnet: string; blocks: readonly string[] }>({
    en: (p) => `${p.address} is outside subnet ${p.subnet} (${p.blocks.join(', ')})`,
    zh: (p) => `${p.address} 不在子网 ${p.subnet}（${p.blocks.join('、')}）内`,
  }),
  'topology.issue.zone-twice': message<{ vpc: string; zone: string; other: string }>({
    en: (p) => `VPC ${p.vpc} is already associated with zone ${p.zone} at ${p.other}`,
    zh: (p) => `VPC ${p.vpc} 已在 ${p.other} 关联域名 ${p.zone}`,
  }),
  'topology.issue.cname-alone': message<{ name: string }>({
    en: (p) => `${p.name} has a CNAME and other records; a CNAME must be the name's only record`,
    zh: (p) => `${p.name} 同时有 CNAME 和其他记录；CNAME 必须是该名称的唯一记录`,
  }),

  'topology.issue.declared-twice': message<{ what: KubernetesKind; key: string; first: string }>({
    en: (p) => `${KUBERNETES_WORDS[p.what].en} "${p.key}" is already declared at ${p.first}`,
    zh: (p) => `${KUBERNETES_WORDS[p.what].zh}“${p.key}”已在 ${p.first} 声明`,
  }),
  'topology.issue.namespace-mismatch': message<{ namespace: string; name: string }>({
    en: (p) => `namespace "${p.namespace}" differs from the namespace in the name "${p.name}"`,
    zh: (p) => `命名空间“${p.namespace}”与名称“${p.name}”中的命名空间不一致`,
  }),
  'topology.issue.ip-block-alone': fixed(
    'ipBlock cannot be combined with podSelector or namespaceSelector',
    'ipBlock 不能与 podSelector 或 namespaceSelector 同时使用',
  ),
  'topology.issue.except-inside': message<{ except: string; cidr: string }>({
    en: (p) => `${p.except} is not inside ${p.cidr}`,
    zh: (p) => `${p.except} 不在 ${p.cidr} 之内`,
  }),
  'topology.issue.end-port': fixed(
    'endPort needs a numeric port no greater than it',
    'endPort 需要一个不大于它的数字端口',
  ),
  'topology.issue.dataplane-v2': fixed(
    'DataPlane V2 exists only for vpc-router and eni clusters; tunnel clusters enforce policies without it',
    'DataPlane V2 只适用于 vpc-router 和 eni 集群；容器隧道网络集群无需它即可执行网络策略',
  ),
} satisfies Record<string, Message<never>>;
