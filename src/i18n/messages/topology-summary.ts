// How the terminal describes a stored topology (`topology list|show`, `validate`, `topology import`): counts, and
// one line per cluster, resource, VPC and peering. Names, ids, CIDRs, network models and statuses stay as written.
import { fixed, message } from '../message.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The topology-summary catalog, keyed by id. */
export const topologySummary = {
  'summary.counts': message<{ clusters: number; resources: number; vpcs: number }>({
    en: (p) => [plural(p.clusters, 'cluster'), plural(p.resources, 'resource'), plural(p.vpcs, 'VPC')].join(', '),
    zh: (p) => `${p.clusters} 个集群、${p.resources} 个资源、${p.vpcs} 个 VPC`,
  }),
  'summary.list-line': message<{
    mark: string;
    name: string;
    summary: string;
    clusters: readonly string[];
    at: string;
    from?: string;
  }>({
    en: (p) =>
      `${p.mark} ${p.name}  ${p.summary} (${p.clusters.join(', ') || 'no clusters'}); imported ${p.at}${p.from ? ` from ${p.from}` : ''}`,
    zh: (p) =>
      `${p.mark} ${p.name}  ${p.summary}（${p.clusters.join('、') || '没有集群'}）；${p.at} 导入${p.from ? `，来源 ${p.from}` : ''}`,
  }),
  'summary.show-head': message<{ name: string; isDefault: boolean; summary: string; at: string; from?: string }>({
    en: (p) =>
      `${p.name}${p.isDefault ? ' (default)' : ''}: ${p.summary}; imported ${p.at}${p.from ? ` from ${p.from}` : ''}`,
    zh: (p) =>
      `${p.name}${p.isDefault ? '（默认）' : ''}：${p.summary}；${p.at} 导入${p.from ? `，来源 ${p.from}` : ''}`,
  }),
  'summary.clusters': fixed('Clusters:', '集群：'),
  'summary.resources': fixed('Resources:', '资源：'),
  'summary.vpcs': fixed('VPCs:', 'VPC：'),
  'summary.peerings': fixed('Peerings:', '对等连接：'),
  'summary.none': fixed('  (none)', '  （无）'),
  'summary.cluster': message<{
    name: string;
    model: string;
    vpc: string;
    nodeSubnets: string;
    podSubnets?: string;
    podCidrs?: string;
    workloads: readonly string[];
  }>({
    en: (p) =>
      `  ${p.name}  ${p.model} in ${p.vpc}, nodes in ${p.nodeSubnets}, ${p.podSubnets !== undefined ? `pods from ${p.podSubnets}` : `pods ${p.podCidrs}`}${p.workloads.length ? `; workloads ${p.workloads.join(', ')}` : ''}`,
    zh: (p) =>
      `  ${p.name}  ${p.model}，位于 ${p.vpc}，节点子网 ${p.nodeSubnets}，${p.podSubnets !== undefined ? `容器子网 ${p.podSubnets}` : `容器网段 ${p.podCidrs}`}${p.workloads.length ? `；工作负载 ${p.workloads.join('、')}` : ''}`,
  }),
  'summary.kubernetes': message<{
    namespaces?: number;
    policies?: number;
    groups?: number;
    dataPlaneV2?: boolean;
  }>({
    en: (p) =>
      `    Kubernetes: ${[
        p.namespaces !== undefined && plural(p.namespaces, 'namespace'),
        p.policies !== undefined && plural(p.policies, 'NetworkPolicy', 'NetworkPolicies'),
        p.groups !== undefined && plural(p.groups, 'SecurityGroup resource'),
        p.dataPlaneV2 !== undefined && `DataPlane V2 ${p.dataPlaneV2 ? 'on' : 'off'}`,
      ]
        .filter(Boolean)
        .join(', ')}`,
    zh: (p) =>
      `    Kubernetes：${[
        p.namespaces !== undefined && `${p.namespaces} 个命名空间`,
        p.policies !== undefined && `${p.policies} 条网络策略`,
        p.groups !== undefined && `${p.groups} 个 SecurityGroup 资源`,
        p.dataPlaneV2 !== undefined && `DataPlane V2 ${p.dataPlaneV2 ? '已开启' : '未开启'}`,
      ]
        .filter(Boolean)
        .join('、')}`,
  }),
  'summary.resource': message<{
    name: string;
    type: string;
    addresses: readonly string[];
    subnet: string;
    vpc: string;
    ports: readonly string[];
  }>({
    en: (p) =>
      `  ${p.name}  ${p.type} ${p.addresses.join(', ')} in ${p.subnet} (${p.vpc})${p.ports.length ? ` ports ${p.ports.join(', ')}` : ''}`,
    zh: (p) =>
      `  ${p.name}  ${p.type} ${p.addresses.join('、')}，位于 ${p.subnet}（${p.vpc}）${p.ports.length ? `，端口 ${p.ports.join('、')}` : ''}`,
  }),
  'summary.vpc': message<{ vpc: string; cidrs: readonly string[]; subnets: number }>({
    en: (p) => `  ${p.vpc}  ${p.cidrs.join(', ')}, ${plural(p.subnets, 'subnet')}`,
    zh: (p) => `  ${p.vpc}  ${p.cidrs.join('、')}，${p.subnets} 个子网`,
  }),
  'summary.peering': message<{ peering: string; requester: string; accepter: string; status: string }>({
    en: (p) => `  ${p.peering}  ${p.requester} <-> ${p.accepter}, ${p.status}`,
    zh: (p) => `  ${p.peering}  ${p.requester} <-> ${p.accepter}，${p.status}`,
  }),
} as const;
