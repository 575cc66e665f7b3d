// A security group rule as words, KooCLI, Terraform and the VPC v3 API (VPC API v3 "Creating a Security Group Rule", the huaweicloud Terraform provider and KooCLI documentation).
import type { FixRender, SecurityGroupRuleFix } from '../../engine/diagnosis.js';
import { type HclItem, hclBlock, hclIdentifier, hclString } from '../syntax/hcl.js';
import { shellCommand, shellFlag } from '../syntax/shell.js';
import { actionText, cloudRef, hcloudHead, huaweiDescription } from './references.js';

type SecurityGroupRuleSpec = Omit<SecurityGroupRuleFix, 'render'>;

// The v3 `multiport` field is documented for ports 1-65535 only; how (or whether) it names an ICMP type is
// not documented, so an ICMP fix is rendered as a rule for all ICMP types: correct, if wider than asked.
const ICMP_NOTE = "Huawei's v3 API documents no way to limit a rule to one ICMP type, so this allows all ICMP.";

function isIcmp(fix: SecurityGroupRuleSpec): boolean {
  return fix.protocol === 'icmp' || fix.protocol === 'icmpv6';
}

/** The `multiport` / `ports` value to send, or null for all ports (and for ICMP, see ICMP_NOTE). */
function portsToSend(fix: SecurityGroupRuleSpec): string | null {
  return isIcmp(fix) ? null : fix.ports;
}

function trafficWords(fix: SecurityGroupRuleSpec): string {
  if (isIcmp(fix)) {
    const name = fix.protocol === 'icmpv6' ? 'ICMPv6' : 'ICMP';
    return fix.ports === '8' || fix.ports === '128' ? `${name} (all types; ping needs echo, type ${fix.ports})` : name;
  }
  return fix.ports === null ? `all ${fix.protocol} ports` : `${fix.protocol}/${fix.ports}`;
}

function remoteWords(fix: SecurityGroupRuleSpec): string {
  if (typeof fix.remote === 'string') return fix.remote;
  return `members of security group ${fix.remote.securityGroup}`;
}

/** Render a security-group-rule fix. */
export function renderSecurityGroupRule(fix: SecurityGroupRuleSpec, purpose: string): FixRender {
  const group = cloudRef(fix.securityGroup);
  const remoteGroup = typeof fix.remote === 'string' ? null : cloudRef(fix.remote.securityGroup);
  const remoteCidr = typeof fix.remote === 'string' ? fix.remote : null;
  const ports = portsToSend(fix);
  const description = huaweiDescription(purpose);
  const where =
    fix.direction === 'ingress'
      ? `from ${remoteWords(fix)} into ${fix.securityGroup}`
      : `to ${remoteWords(fix)} out of ${fix.securityGroup}`;
  let text = actionText(`Allow ${trafficWords(fix)} ${where} (${fix.direction}, priority ${fix.priority})`, purpose);
  if (isIcmp(fix) && fix.ports !== null) text += ` ${ICMP_NOTE}`;

  const rule: Record<string, string | number> = {
    security_group_id: group.value,
    direction: fix.direction,
    ethertype: fix.ethertype,
    protocol: fix.protocol,
  };
  if (ports !== null) rule.multiport = ports;
  if (remoteCidr !== null) rule.remote_ip_prefix = remoteCidr;
  if (remoteGroup !== null) rule.remote_group_id = remoteGroup.value;
  rule.action = fix.action;
  rule.priority = fix.priority;
  rule.description = description;

  const comments = [
    'verify: hcloud VPC CreateSecurityGroupRule/v3 --help (Huawei does not document which flag carries security_group_id)',
  ];
  if (isIcmp(fix)) comments.push(ICMP_NOTE);
  const hcloud = shellCommand(
    hcloudHead('VPC CreateSecurityGroupRule/v3'),
    Object.entries(rule).map(([name, value]) => shellFlag(`security_group_rule.${name}`, value)),
    comments,
  );

  const items: HclItem[] = [
    { name: 'security_group_id', value: group.terraform },
    { name: 'direction', value: hclString(fix.direction) },
    { name: 'ethertype', value: hclString(fix.ethertype) },
    { name: 'protocol', value: hclString(fix.protocol) },
  ];
  if (ports !== null) items.push({ name: 'ports', value: hclString(ports) });
  if (remoteCidr !== null) items.push({ name: 'remote_ip_prefix', value: hclString(remoteCidr) });
  if (remoteGroup !== null) items.push({ name: 'remote_group_id', value: remoteGroup.terraform });
  items.push(
    { name: 'action', value: hclString(fix.action) },
    { name: 'priority', value: String(fix.priority) },
    { name: 'description', value: hclString(description) },
  );
  const label = hclIdentifier(
    [
      fix.securityGroup,
      fix.direction,
      fix.protocol,
      ports ?? 'all',
      fix.direction === 'ingress' ? 'from' : 'to',
      remoteCidr ?? (typeof fix.remote === 'string' ? '' : fix.remote.securityGroup),
    ].join('_'),
    'rule',
  );
  const header = `resource "huaweicloud_networking_secgroup_rule" "${label}"`;
  const terraform = [...(isIcmp(fix) ? [`# ${ICMP_NOTE}`] : []), hclBlock(header, items)].join('\n');

  return {
    text,
    hcloud,
    terraform,
    api: { method: 'POST', path: '/v3/{project_id}/vpc/security-group-rules', body: { security_group_rule: rule } },
  };
}
