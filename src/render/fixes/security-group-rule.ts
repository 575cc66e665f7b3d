// A security group rule as words, KooCLI, Terraform and the VPC v3 API (VPC API v3 "Creating a Security Group Rule", the huaweicloud Terraform provider and KooCLI documentation).
import type { FixRender, SecurityGroupRuleFix } from '../../engine/diagnosis.js';
import { EN, type I18n } from '../../i18n/i18n.js';
import { fixes } from '../../i18n/messages/fixes.js';
import { type HclItem, hclBlock, hclIdentifier, hclString } from '../syntax/hcl.js';
import { shellCommand, shellFlag } from '../syntax/shell.js';
import { actionText, cloudRef, hcloudHead, huaweiDescription, verifyComment } from './references.js';

type SecurityGroupRuleSpec = Omit<SecurityGroupRuleFix, 'render'>;

// The v3 `multiport` field is documented for ports 1-65535 only; how (or whether) it names an ICMP type is
// not documented, so an ICMP fix is rendered as a rule for all ICMP types: correct, if wider than asked.

function isIcmp(fix: SecurityGroupRuleSpec): boolean {
  return fix.protocol === 'icmp' || fix.protocol === 'icmpv6';
}

/** The `multiport` / `ports` value to send, or null for all ports (and for ICMP, see ICMP_NOTE). */
function portsToSend(fix: SecurityGroupRuleSpec): string | null {
  return isIcmp(fix) ? null : fix.ports;
}

function trafficWords(fix: SecurityGroupRuleSpec, text: I18n): string {
  const echo = isIcmp(fix) && (fix.ports === '8' || fix.ports === '128') ? { icmpType: fix.ports } : {};
  return text.t(fixes['fix.sg.traffic'], { protocol: fix.protocol, ports: fix.ports, ...echo });
}

/** Render a security-group-rule fix. */
/** A security-group rule fix's words alone (its `render.text`), without the commands. */
export function securityGroupRuleWords(fix: SecurityGroupRuleSpec, purpose: string, text: I18n = EN): string {
  const action = text.t(fixes['fix.sg.rule'], {
    traffic: trafficWords(fix, text),
    direction: fix.direction,
    securityGroup: fix.securityGroup,
    ...(typeof fix.remote === 'string' ? { remoteCidr: fix.remote } : { remoteGroup: fix.remote.securityGroup }),
    priority: fix.priority,
  });
  const words = actionText(action, purpose, text);
  if (!isIcmp(fix) || fix.ports === null) return words;
  const icmpNote = text.t(fixes['fix.sg.icmp-note']);
  return words + (text.lang === 'zh' ? icmpNote : ` ${icmpNote}`);
}

/** Render a security-group-rule fix: its words, KooCLI, Terraform and API forms. */
export function renderSecurityGroupRule(fix: SecurityGroupRuleSpec, purpose: string, text: I18n = EN): FixRender {
  const icmpNote = text.t(fixes['fix.sg.icmp-note']);
  const group = cloudRef(fix.securityGroup);
  const remoteGroup = typeof fix.remote === 'string' ? null : cloudRef(fix.remote.securityGroup);
  const remoteCidr = typeof fix.remote === 'string' ? fix.remote : null;
  const ports = portsToSend(fix);
  const description = huaweiDescription(purpose, text);
  const words = securityGroupRuleWords(fix, purpose, text);

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

  const comments = [verifyComment('VPC CreateSecurityGroupRule/v3', text, 'sg-flag')];
  if (isIcmp(fix)) comments.push(icmpNote);
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
  const terraform = [...(isIcmp(fix) ? [`# ${icmpNote}`] : []), hclBlock(header, items)].join('\n');

  return {
    text: words,
    hcloud,
    terraform,
    api: { method: 'POST', path: '/v3/{project_id}/vpc/security-group-rules', body: { security_group_rule: rule } },
  };
}
