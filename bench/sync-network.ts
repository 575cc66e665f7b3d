// The synthetic topology as the Huawei Cloud APIs would list it, for the loopback double that `npm run bench`
// syncs from: VPCs, subnets, security groups and their rules, address groups, CCE clusters and nodes, and every
// resource as an ECS server with its port. (Route tables, ACLs, peerings and NAT are left out: the importer's
// cost is in the listings, and these are the large ones.)
import type { Topology } from '../src/topology/schema.js';
import type { DoubleNetwork } from '../test/sync/huawei-double.js';

/** The API listings of `topology`. */
export function apiNetworkOf(topology: Topology): DoubleNetwork {
  const network: DoubleNetwork = {
    vpcs: [],
    subnets: [],
    routeTables: [],
    routeTableDetails: {},
    peerings: [],
    addressGroups: [],
    securityGroups: [],
    securityGroupRules: [],
    firewalls: [],
    firewallDetails: {},
    ports: [],
    clusters: [],
    nodes: {},
    servers: [],
    dcs: [],
    rds: [],
    kafka: [],
    rabbitmq: [],
    natGateways: [],
    snatRules: [],
    enterpriseRouters: [],
    dnsZones: [],
    dnsRecords: {},
  };
  const vpcOfSubnet = new Map<string, string>();
  for (const vpc of topology.vpcs ?? []) {
    network.vpcs.push({ id: vpc.id, name: vpc.name ?? vpc.id, cidr: vpc.cidr, extend_cidrs: vpc.secondaryCidrs ?? [] });
    for (const subnet of vpc.subnets ?? []) {
      vpcOfSubnet.set(subnet.id, vpc.id);
      network.subnets.push({ id: subnet.id, name: subnet.name ?? subnet.id, cidr: subnet.cidr, vpc_id: vpc.id });
    }
  }
  for (const group of topology.addressGroups ?? []) {
    network.addressGroups.push({ id: group.id, name: group.name ?? group.id, ip_set: [...group.addresses] });
  }
  for (const group of topology.securityGroups ?? []) {
    network.securityGroups.push({ id: group.id, name: group.name ?? group.id });
    (group.rules ?? []).forEach((rule, index) => {
      const remote = rule.remote;
      network.securityGroupRules.push({
        id: rule.id ?? `${group.id}-rule-${index}`,
        security_group_id: group.id,
        direction: rule.direction,
        ethertype: rule.ethertype ?? 'IPv4',
        protocol: rule.protocol === undefined || rule.protocol === 'any' ? null : String(rule.protocol),
        multiport: rule.ports === undefined ? null : String(rule.ports),
        remote_ip_prefix: typeof remote === 'string' ? remote : null,
        remote_group_id: typeof remote === 'object' && 'securityGroup' in remote ? remote.securityGroup : null,
        remote_address_group_id: typeof remote === 'object' && 'addressGroup' in remote ? remote.addressGroup : null,
        action: rule.action ?? 'allow',
        priority: rule.priority ?? 1,
      });
    });
  }
  for (const cluster of topology.clusters ?? []) {
    const uid = `uid-${cluster.name}`;
    network.clusters.push({
      metadata: { uid, name: cluster.name },
      spec: {
        version: cluster.version ?? 'v1.28',
        hostNetwork: {
          vpc: cluster.vpc,
          subnet: cluster.nodeSubnets[0],
          SecurityGroup: cluster.nodeSecurityGroups?.[0] ?? null,
        },
        containerNetwork: {
          mode: cluster.networkModel,
          cidrs: (cluster.containerCidrs ?? []).map((cidr) => ({ cidr })),
        },
        eniNetwork: { subnets: (cluster.containerSubnets ?? []).map((subnetID) => ({ subnetID })) },
        serviceNetwork: { IPv4CIDR: cluster.serviceCidr ?? null },
      },
    });
    network.nodes[uid] = (cluster.nodes ?? []).map((node) => ({
      metadata: { name: node.name },
      status: { privateIP: node.ip, publicIP: node.eip ?? null },
    }));
  }
  (topology.resources ?? []).forEach((resource, index) => {
    const port = `port-${index}`;
    const vpc = vpcOfSubnet.get(resource.subnet) ?? resource.vpc;
    network.ports.push({
      id: port,
      network_id: resource.subnet,
      fixed_ips: resource.addresses.map((ip_address) => ({ subnet_id: resource.subnet, ip_address })),
      security_groups: [...(resource.securityGroups ?? [])],
    });
    network.servers.push({
      id: `server-${index}`,
      name: resource.name,
      addresses: {
        [vpc]: resource.addresses.map((addr) => ({
          addr,
          version: addr.includes(':') ? 6 : 4,
          'OS-EXT-IPS:type': 'fixed',
          'OS-EXT-IPS:port_id': port,
        })),
      },
      security_groups: (resource.securityGroups ?? []).map((id) => ({ id })),
    });
  });
  return network;
}
