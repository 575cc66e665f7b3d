// A network ACL rule as words, KooCLI, Terraform and the VPC v3 API (VPC "Network ACL Overview", the Huawei VPC API reference, the huaweicloud Terraform provider and KooCLI documentation). ACL rules
// are ordered and the first match wins, so the rule is inserted at a position, not appended.
import type { FixRender, NetworkAclRuleFix } from '../../engine/diagnosis.js';
import { type HclItem, hclBlock, hclComment, hclIdentifier, hclString } from '../syntax/hcl.js';
import { shellCommand, shellFlag } from '../syntax/shell.js';
import { actionText, cloudRef, hcloudHead, huaweiDescription } from './references.js';

type NetworkAclRuleSpec = Omit<NetworkAclRuleFix, 'render'>;

function ipVersion(fix: NetworkAclRuleSpec): 4 | 6 {
  return fix.source.includes(':') || fix.destination.includes(':') || fix.protocol === 'icmpv6' ? 6 : 4;
}

function trafficWords(fix: NetworkAclRuleSpec): string {
  if (fix.protocol === 'icmp' || fix.protocol === 'icmpv6') return fix.protocol.toUpperCase().replace('V', 'v');
  return fix.destinationPorts === null ? `all ${fix.protocol} ports` : `${fix.protocol}/${fix.destinationPorts}`;
}

/** The rule name Huawei accepts (letters, digits, `_`, `-`, `.`), derived from what the rule allows. */
function ruleName(fix: NetworkAclRuleSpec): string {
  const ports = fix.destinationPorts === null ? 'all' : fix.destinationPorts;
  return `reachbot-allow-${fix.protocol}-${ports}-from-${fix.source}`.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 64);
}

/** Render a network-acl-rule fix. */
export function renderNetworkAclRule(fix: NetworkAclRuleSpec, purpose: string): FixRender {
  const acl = cloudRef(fix.networkAcl);
  const listName = fix.direction === 'ingress' ? 'ingress_rules' : 'egress_rules';
  const ordinal = fix.position + 1;
  const description = huaweiDescription(purpose);
  const text = actionText(
    `In network ACL ${fix.networkAcl}, insert an ${fix.direction} rule allowing ${trafficWords(fix)} from ` +
      `${fix.source} to ${fix.destination} as rule #${ordinal}, above the rule that now decides`,
    purpose,
  );

  const rule: Record<string, string | number> = {
    name: ruleName(fix),
    description,
    action: fix.action,
    protocol: fix.protocol,
    ip_version: ipVersion(fix),
    source_ip_address: fix.source,
    destination_ip_address: fix.destination,
  };
  if (fix.destinationPorts !== null) rule.destination_port = fix.destinationPorts;
  // insert_after_rule names the rule the new one follows; at the top of the list there is none, and
  // where the API puts a rule without it is not documented in the pages we read.
  const after = fix.position > 0 ? cloudRef(`${fix.networkAcl} ${fix.direction} rule #${fix.position}`) : null;
  const firewall: Record<string, unknown> = { [listName]: [rule] };
  if (after !== null) firewall.insert_after_rule = after.value;

  const comments = ['verify: hcloud VPC AddFirewallRules/v3 --help (KooCLI numbers list items from 1)'];
  if (after === null) comments.push('check with ShowFirewall/v3 that the rule landed first in the list');
  const hcloud = shellCommand(
    hcloudHead('VPC AddFirewallRules/v3'),
    [
      shellFlag('firewall_id', acl.value),
      ...Object.entries(rule).map(([name, value]) => shellFlag(`firewall.${listName}.1.${name}`, value)),
      ...(after === null ? [] : [shellFlag('firewall.insert_after_rule', after.value)]),
    ],
    comments,
  );

  // The provider's rule block takes the API's field names.
  const items: HclItem[] = Object.entries(rule).map(([name, value]) => ({
    name,
    value: typeof value === 'number' ? String(value) : hclString(value),
  }));
  // huaweicloud_vpc_network_acl owns the whole ordered list: the fix is a block to place in it.
  const terraform = [
    hclComment(
      `In the huaweicloud_vpc_network_acl resource of ${fix.networkAcl} ` +
        `(${hclIdentifier(fix.networkAcl, 'acl')}), place this as ${listName} block #${ordinal}: order decides.`,
    ),
    hclBlock(listName, items),
  ].join('\n');

  return {
    text,
    hcloud,
    terraform,
    api: { method: 'PUT', path: `/v3/{project_id}/vpc/firewalls/${acl.value}/insert-rules`, body: { firewall } },
  };
}
