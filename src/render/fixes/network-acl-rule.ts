// A network ACL rule as words, KooCLI, Terraform and the VPC v3 API (VPC "Network ACL Overview", the Huawei VPC API reference, the huaweicloud Terraform provider and KooCLI documentation). ACL rules
// are ordered and the first match wins, so the rule is inserted at a position, not appended.
import type { FixRender, NetworkAclRuleFix } from '../../engine/diagnosis.js';
import { EN, type I18n } from '../../i18n/i18n.js';
import { fixes } from '../../i18n/messages/fixes.js';
import { type HclItem, hclBlock, hclComment, hclIdentifier, hclString } from '../syntax/hcl.js';
import { shellCommand, shellFlag } from '../syntax/shell.js';
import { actionText, cloudRef, hcloudHead, huaweiDescription, verifyComment } from './references.js';

type NetworkAclRuleSpec = Omit<NetworkAclRuleFix, 'render'>;

function ipVersion(fix: NetworkAclRuleSpec): 4 | 6 {
  return fix.source.includes(':') || fix.destination.includes(':') || fix.protocol === 'icmpv6' ? 6 : 4;
}

function trafficWords(fix: NetworkAclRuleSpec, text: I18n): string {
  return text.t(fixes['fix.acl.traffic'], { protocol: fix.protocol, ports: fix.destinationPorts });
}

/** The rule name Huawei accepts (letters, digits, `_`, `-`, `.`), derived from what the rule allows. */
function ruleName(fix: NetworkAclRuleSpec): string {
  const ports = fix.destinationPorts === null ? 'all' : fix.destinationPorts;
  return `reachbot-allow-${fix.protocol}-${ports}-from-${fix.source}`.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 64);
}

/** Render a network-acl-rule fix. */
export function renderNetworkAclRule(fix: NetworkAclRuleSpec, purpose: string, text: I18n = EN): FixRender {
  const acl = cloudRef(fix.networkAcl);
  const listName = fix.direction === 'ingress' ? 'ingress_rules' : 'egress_rules';
  const ordinal = fix.position + 1;
  const description = huaweiDescription(purpose, text);
  const words = actionText(
    text.t(fixes['fix.acl.rule'], {
      networkAcl: fix.networkAcl,
      direction: fix.direction,
      traffic: trafficWords(fix, text),
      source: fix.source,
      destination: fix.destination,
      ordinal,
    }),
    purpose,
    text,
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

  const comments = [verifyComment('VPC AddFirewallRules/v3', text, 'numbering')];
  if (after === null) comments.push(text.t(fixes['fix.acl.check-first']));
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
      text.t(fixes['fix.acl.terraform'], {
        networkAcl: fix.networkAcl,
        resource: hclIdentifier(fix.networkAcl, 'acl'),
        listName,
        ordinal,
      }),
    ),
    hclBlock(listName, items),
  ].join('\n');

  return {
    text: words,
    hcloud,
    terraform,
    api: { method: 'PUT', path: `/v3/{project_id}/vpc/firewalls/${acl.value}/insert-rules`, body: { firewall } },
  };
}
