// Accepting a VPC peering request: words, KooCLI, Terraform and the VPC v2.0 API (VPC "VPC Peering Connection Overview", vpc_peering_0009).
// Only the account that owns the accepter VPC can do it.
import type { FixRender, PeeringAcceptFix } from '../../engine/diagnosis.js';
import { hclBlock, hclIdentifier } from '../syntax/hcl.js';
import { shellCommand, shellFlag } from '../syntax/shell.js';
import { actionText, cloudRef, hcloudHead } from './references.js';

type PeeringAcceptSpec = Omit<PeeringAcceptFix, 'render'>;

/** Render a peering-accept fix. */
export function renderPeeringAccept(fix: PeeringAcceptSpec, purpose: string): FixRender {
  const peering = cloudRef(fix.peering);
  const text = actionText(
    `Accept VPC peering ${fix.peering}, signed in to the account that owns the accepter VPC`,
    purpose,
  );
  const hcloud = shellCommand(
    hcloudHead('VPC AcceptVpcPeering'),
    [shellFlag('peering_id', peering.value)],
    ['verify: hcloud VPC AcceptVpcPeering --help', "run with the accepter account's credentials"],
  );
  const terraform = hclBlock(
    `resource "huaweicloud_vpc_peering_connection_accepter" "${hclIdentifier(`accept_${fix.peering}`, 'accept')}"`,
    [
      { name: 'vpc_peering_connection_id', value: peering.terraform },
      { name: 'accept', value: 'true' },
    ],
  );
  return {
    text,
    hcloud,
    terraform,
    api: { method: 'PUT', path: `/v2.0/vpc/peerings/${peering.value}/accept`, body: null },
  };
}
