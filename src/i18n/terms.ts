// Huawei Cloud's own console words, English and Chinese, so that every message names a thing the way the
// console the reader is looking at does (CCE, VPC, DCS and ER consoles, zh-CN and en-US).

/** One console term in both languages. */
export interface Term {
  readonly en: string;
  readonly zh: string;
}

/** The glossary: use these in messages rather than translating a term anew (docs/I18N.md lists them). */
export const TERMS = {
  securityGroup: { en: 'security group', zh: '安全组' },
  inboundRule: { en: 'inbound rule', zh: '入方向规则' },
  outboundRule: { en: 'outbound rule', zh: '出方向规则' },
  networkAcl: { en: 'network ACL', zh: '网络ACL' },
  inboundAclRule: { en: 'inbound rule', zh: '入方向规则' },
  outboundAclRule: { en: 'outbound rule', zh: '出方向规则' },
  routeTable: { en: 'route table', zh: '路由表' },
  route: { en: 'route', zh: '路由' },
  peering: { en: 'VPC peering connection', zh: '对等连接' },
  whitelist: { en: 'whitelist', zh: '白名单' },
  containerCidr: { en: 'container CIDR block', zh: '容器网段' },
  serviceCidr: { en: 'Service CIDR block', zh: '服务网段' },
  nodeSubnet: { en: 'node subnet', zh: '节点子网' },
  containerSubnet: { en: 'container subnet', zh: '容器子网' },
  subnet: { en: 'subnet', zh: '子网' },
  vpc: { en: 'VPC', zh: 'VPC' },
  cluster: { en: 'cluster', zh: '集群' },
  node: { en: 'node', zh: '节点' },
  pod: { en: 'pod', zh: '容器' },
  workload: { en: 'workload', zh: '工作负载' },
  namespace: { en: 'namespace', zh: '命名空间' },
  networkPolicy: { en: 'NetworkPolicy', zh: '网络策略' },
  podSecurityGroup: { en: 'pod security group', zh: 'Pod安全组' },
  hostNetwork: { en: 'host network', zh: '主机网络' },
  eni: { en: 'Cloud Native Network 2.0', zh: '云原生网络2.0' },
  overlay: { en: 'container tunnel network', zh: '容器隧道网络' },
  vpcRouter: { en: 'VPC network', zh: 'VPC网络' },
  containerEngine: { en: 'container engine', zh: '容器引擎' },
  enterpriseRouter: { en: 'enterprise router', zh: '企业路由器' },
  attachment: { en: 'attachment', zh: '连接' },
  association: { en: 'association', zh: '关联' },
  propagation: { en: 'propagation', zh: '传播' },
  natGateway: { en: 'NAT gateway', zh: 'NAT网关' },
  snatRule: { en: 'SNAT rule', zh: 'SNAT规则' },
  eip: { en: 'EIP', zh: '弹性公网IP' },
  privateZone: { en: 'private zone', zh: '内网域名' },
  priority: { en: 'priority', zh: '优先级' },
  allow: { en: 'allow', zh: '允许' },
  deny: { en: 'deny', zh: '拒绝' },
  protocol: { en: 'protocol', zh: '协议' },
  port: { en: 'port', zh: '端口' },
  source: { en: 'source', zh: '源地址' },
  destination: { en: 'destination', zh: '目的地址' },
  reachable: { en: 'reachable', zh: '可以访问' },
  unreachable: { en: 'unreachable', zh: '无法访问' },
  uncertain: { en: 'uncertain', zh: '无法确定' },
  topology: { en: 'topology', zh: '拓扑' },
} as const satisfies Record<string, Term>;

export type TermName = keyof typeof TERMS;
