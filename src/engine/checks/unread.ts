// Parts of the topology the importer could not read (a table's or an ACL's `unread`): a step that would judge
// them says `uncertain`, naming the part and why it is unknown, instead of judging what is not there.
import { EN, type I18n } from '../../i18n/i18n.js';
import { engineSource as TEXTS } from '../../i18n/messages/engine-source.js';
import type { CompiledEr, CompiledErTable } from '../../topology/compile-er.js';
import type { CheckResult } from '../context.js';
import type { CheckName, Step } from '../diagnosis.js';

/** The uncertain step for a route table whose routes were not read; its reason is added to `out.uncertain`. */
export function unreadRouteTableStep(
  check: CheckName,
  table: { readonly id: string; readonly isDefault: boolean; readonly unread: string },
  subnetId: string,
  out: CheckResult,
  text: I18n = EN,
): Step {
  const reason = text.t(TEXTS['unread.route-table'], {
    table: table.id,
    isDefault: table.isDefault,
    subnet: subnetId,
    unread: table.unread,
    returning: check === 'route-return',
  });
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
  text: I18n = EN,
): Step {
  const reason = text.t(TEXTS['unread.acl'], { acl: aclId, subnet: subnetId, unread, direction });
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
  text: I18n = EN,
): Step | undefined {
  const returning = direction === 'return';
  let reason: string;
  let routeTable: string | null = null;
  if (table?.table.unread) {
    routeTable = table.table.id;
    reason = text.t(TEXTS['unread.er-table'], {
      er: er.er.id,
      table: table.table.id,
      attachment,
      unread: table.table.unread,
      returning,
    });
  } else if (!table) {
    const unread = [...er.tables.values()].filter((t) => t.table.unread);
    if (unread.length === 0) return undefined;
    reason = text.t(TEXTS['unread.er-association'], {
      er: er.er.id,
      attachment,
      tables: unread.map((t) => ({ id: t.table.id, unread: `${t.table.unread}` })),
      returning,
    });
  } else return undefined;
  out.uncertain.push(reason);
  return {
    check: 'transit',
    status: 'warn',
    summary: reason,
    evidence: { direction, enterpriseRouter: er.er.id, attachment, routeTable },
  };
}
