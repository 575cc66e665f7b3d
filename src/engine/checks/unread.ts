// Parts of the topology the importer could not read (a table's or an ACL's `unread`): a step that would judge
// them says `uncertain`, naming the part and why it is unknown, instead of judging what is not there.
import type { CheckResult } from '../context.js';
import type { CheckName, Step } from '../diagnosis.js';

/** The uncertain step for a route table whose routes were not read; its reason is added to `out.uncertain`. */
export function unreadRouteTableStep(
  check: CheckName,
  table: { readonly id: string; readonly isDefault: boolean; readonly unread: string },
  subnetId: string,
  out: CheckResult,
): Step {
  const reason = `route table ${table.id}${table.isDefault ? ' (default)' : ' (custom)'} of ${subnetId} could not be read when the topology was imported (${table.unread}): its routes are unknown, so whether it ${check === 'route-return' ? 'routes the replies back' : 'forwards the traffic'} is uncertain; re-import once it can be read`;
  out.uncertain.push(reason);
  return {
    check,
    status: 'warn',
    summary: reason,
    evidence: { routeTable: table.id, subnet: subnetId, unread: table.unread },
  };
}

/** The uncertain step for a network ACL whose rules were not read; its reason is added to `out.uncertain`. */
export function unreadAclStep(
  check: CheckName,
  aclId: string,
  unread: string,
  direction: 'ingress' | 'egress',
  subnetId: string,
  out: CheckResult,
): Step {
  const reason = `network ACL ${aclId} of ${subnetId} could not be read when the topology was imported (${unread}): its ${direction === 'egress' ? 'outbound' : 'inbound'} rules are unknown, so whether it lets the traffic ${direction === 'egress' ? 'out' : 'in'} is uncertain; re-import once it can be read`;
  out.uncertain.push(reason);
  return { check, status: 'warn', summary: reason, evidence: { networkAcl: aclId, subnet: subnetId, unread } };
}
