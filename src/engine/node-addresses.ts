// Which addresses a cluster's node traffic carries, decided once for every check (CCE "Configuring Intra-VPC
// Access", cce_10_0399): the listed node IPs when the topology lists nodes (IPv4), else the whole node subnets.
import type { AddressRange, Family } from '../net/address.js';
import { type CompiledCluster, type CompiledSubnet, subnetBlock } from '../topology/compile.js';

/** One source of node addresses, with the subnet it leaves from (a listed node outside every subnet has none). */
export interface NodeAddress {
  readonly subnet: CompiledSubnet | undefined;
  readonly range: AddressRange;
}

/** The node addresses of a cluster in a family: listed nodes (IPv4 only), else the node subnets' blocks. */
export function nodeAddresses(cluster: CompiledCluster, family: Family): NodeAddress[] {
  if (cluster.nodes.length && family === 4)
    return cluster.nodes.map((node) => ({ subnet: node.subnet, range: node.ip }));
  return cluster.nodeSubnets.flatMap((subnet) => {
    const block = subnetBlock(subnet, family);
    return block ? [{ subnet, range: block }] : [];
  });
}
