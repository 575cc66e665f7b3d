// A NAT gateway SNAT rule as words, KooCLI, Terraform and the NAT v2 API (CCE "Accessing the Internet from a Container", cce_10_0400, the huaweicloud Terraform provider and KooCLI documentation). The rule
// covers a subnet (network_id) or a CIDR inside one; the EIP is named by its id, which a topology lacks.
import type { FixRender, SnatRuleFix } from '../../engine/diagnosis.js';
import { EN, type I18n } from '../../i18n/i18n.js';
import { fixes } from '../../i18n/messages/fixes.js';
import { parseCidr } from '../../net/address.js';
import { type HclItem, hclBlock, hclIdentifier, hclString } from '../syntax/hcl.js';
import { shellCommand, shellFlag } from '../syntax/shell.js';
import { actionText, cloudRef, hcloudHead, huaweiDescription, verifyComment } from './references.js';

type SnatRuleSpec = Omit<SnatRuleFix, 'render'>;

/** Render a snat-rule fix. */
export function renderSnatRule(fix: SnatRuleSpec, purpose: string, text: I18n = EN): FixRender {
  const gateway = cloudRef(fix.natGateway);
  const isCidr = fix.source.includes('/') && parseCidr(fix.source).ok;
  const subnet = isCidr ? null : cloudRef(fix.source);
  const eip = cloudRef(`EIP ${fix.eip}`);
  const description = huaweiDescription(purpose, text);
  const words = actionText(
    text.t(fixes['fix.snat'], {
      natGateway: fix.natGateway,
      vpc: fix.vpc,
      source: fix.source,
      sourceIsSubnet: !isCidr,
      eip: fix.eip,
    }),
    purpose,
    text,
  );

  const rule: Record<string, string | number> = { nat_gateway_id: gateway.value };
  if (subnet !== null) rule.network_id = subnet.value;
  else rule.cidr = fix.source;
  rule.source_type = 0;
  rule.floating_ip_id = eip.value;
  rule.description = description;

  const hcloud = shellCommand(
    hcloudHead('NAT CreateNatGatewaySnatRule'),
    Object.entries(rule).map(([name, value]) => shellFlag(`snat_rule.${name}`, value)),
    [verifyComment('NAT CreateNatGatewaySnatRule', text), text.t(fixes['fix.snat.eip-id'], { eip: fix.eip })],
  );

  const items: HclItem[] = [
    { name: 'nat_gateway_id', value: gateway.terraform },
    { name: 'floating_ip_id', value: eip.terraform },
    subnet !== null ? { name: 'subnet_id', value: subnet.terraform } : { name: 'cidr', value: hclString(fix.source) },
    { name: 'description', value: hclString(description) },
  ];
  const label = hclIdentifier(`snat_${fix.natGateway}_${fix.source}`, 'snat');
  const terraform = hclBlock(`resource "huaweicloud_nat_snat_rule" "${label}"`, items);

  return {
    text: words,
    hcloud,
    terraform,
    api: { method: 'POST', path: '/v2/{project_id}/snat_rules', body: { snat_rule: rule } },
  };
}
