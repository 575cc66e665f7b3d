// Fix kind `network-acl-rule`: an allow inserted before the rule that would otherwise decide (first
// match wins, VPC "Network ACL Overview"), for the asked protocol and port and the narrowest stable source.
import { type AddressRange, addressBits } from '../../net/address.js';
import type { Flow, PlannedFix } from '../context.js';

/** One allow rule per source CIDR, all inserted at `position`. */
export function networkAclFixes(
  networkAcl: string,
  direction: 'ingress' | 'egress',
  flow: Flow,
  sources: readonly string[],
  destination: AddressRange,
  position: number,
  purpose: string,
): PlannedFix[] {
  const width = addressBits(destination.family);
  const ports = flow.protocol === 'tcp' || flow.protocol === 'udp' ? String(flow.port) : null;
  return sources.map((source) => ({
    spec: {
      kind: 'network-acl-rule',
      networkAcl,
      direction,
      protocol: flow.protocol,
      source,
      destination: `${destination.text.replace(/\/\d+$/, '')}/${width}`,
      destinationPorts: ports,
      action: 'allow',
      position,
    },
    purpose,
  }));
}
