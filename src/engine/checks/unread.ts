// Parts of the topology the importer could not read (a table's or an ACL's `unread`): a step that would judge
// them says `uncertain`, naming the part and why it is unknown, instead of judging what is not there.
import type { CompiledEr, CompiledErTable } from '../../topology/compile-er.js';
import type { CheckResult } from '../context.js';
import type { CheckName, Step } from '../diagnosis.js';
import { erLabel } from '../er-path.js';

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

/**
 * The uncertain `transit` step when the ER table an attachment uses was not read, or when the attachment has no known
 * association while some table of the ER was not read (its associations are among what is unknown). Undefined when
 * neither holds, so the caller judges as usual.
 */
export function unreadErStep(
  er: CompiledEr,
  table: CompiledErTable | undefined,
  attachment: string,
  direction: 'forward' | 'return',
  out: CheckResult,
): Step | undefined {
  const what = direction === 'forward' ? 'the packets' : 'the replies';
  let reason: string;
  let routeTable: string | null = null;
  if (table?.table.unread) {
    routeTable = table.table.id;
    reason = `${erLabel(er)} route table ${table.table.id} (associated with ${attachment}) could not be read when the topology was imported (${table.table.unread}): its routes are unknown, so where it sends ${what} is uncertain; re-import once it can be read`;
  } else if (!table) {
    const unread = [...er.tables.values()].filter((t) => t.table.unread);
    if (unread.length === 0) return undefined;
    reason = `${attachment} has no known association with a route table of ${erLabel(er)}, but ${unread.map((t) => `${t.table.id} (${t.table.unread})`).join(', ')} could not be read when the topology was imported: it may be associated there, so whether ${what} are forwarded is uncertain; re-import once it can be read`;
  } else return undefined;
  out.uncertain.push(reason);
  return {
    check: 'transit',
    status: 'warn',
    summary: reason,
    evidence: { direction, enterpriseRouter: er.er.id, attachment, routeTable },
  };
}
