// Accepting a VPC peering request: words, KooCLI, Terraform and the VPC v2.0 API (VPC "VPC Peering Connection Overview", vpc_peering_0009).
// Only the account that owns the accepter VPC can do it.
import type { FixRender, PeeringAcceptFix } from '../../engine/diagnosis.js';
import { EN, type I18n } from '../../i18n/i18n.js';
import { fixes } from '../../i18n/messages/fixes.js';
import { hclBlock, hclIdentifier } from '../syntax/hcl.js';
import { shellCommand, shellFlag } from '../syntax/shell.js';
import { actionText, cloudRef, hcloudHead, verifyComment } from './references.js';

type PeeringAcceptSpec = Omit<PeeringAcceptFix, 'render'>;

/** Render a peering-accept fix. */
export function renderPeeringAccept(fix: PeeringAcceptSpec, purpose: string, text: I18n = EN): FixRender {
  const peering = cloudRef(fix.peering);
  const words = actionText(text.t(fixes['fix.peering-accept'], { peering: fix.peering }), purpose, text);
  const hcloud = shellCommand(
    hcloudHead('VPC AcceptVpcPeering'),
    [shellFlag('peering_id', peering.value)],
    [verifyComment('VPC AcceptVpcPeering', text), text.t(fixes['fix.peering-accept.credentials'])],
  );
  const terraform = hclBlock(
    `resource "huaweicloud_vpc_peering_connection_accepter" "${hclIdentifier(`accept_${fix.peering}`, 'accept')}"`,
    [
      { name: 'vpc_peering_connection_id', value: peering.terraform },
      { name: 'accept', value: 'true' },
    ],
  );
  return {
    text: words,
    hcloud,
    terraform,
    api: { method: 'PUT', path: `/v2.0/vpc/peerings/${peering.value}/accept`, body: null },
  };
}
