// What a what-if change file or a change asked in a thread gets when it cannot apply: the change names nothing the
// topology has, or the file does not say a change. Ids, keys, ops and CIDRs stay as written.
import { fixed, message } from '../message.js';

/** What a change names. */
export type ChangeTarget = 'securityGroup' | 'vpc' | 'routeTable' | 'resource' | 'peering';

const TARGET_WORDS: Readonly<Record<ChangeTarget, { en: string; zh: string }>> = {
  securityGroup: { en: 'security group', zh: '安全组' },
  vpc: { en: 'VPC', zh: 'VPC' },
  routeTable: { en: 'route table', zh: '路由表' },
  resource: { en: 'resource', zh: '资源' },
  peering: { en: 'peering', zh: '对等连接' },
};

/** The what-if error catalog, keyed by id. */
export const whatifErrors = {
  'whatif.unknown': message<{ what: ChangeTarget; typed: string; close: readonly string[] }>({
    en: (p) =>
      `unknown ${TARGET_WORDS[p.what].en} "${p.typed}"${p.close.length ? ` (known: ${p.close.join(', ')})` : ''}`,
    zh: (p) =>
      `未知的${TARGET_WORDS[p.what].zh}“${p.typed}”${p.close.length ? `（已定义：${p.close.join('、')}）` : ''}`,
  }),
  'whatif.no-rule-number': message<{ group: string; count: number; index: number }>({
    en: (p) => `${p.group} has ${p.count} rule${p.count === 1 ? '' : 's'}; there is no rule #${p.index}`,
    zh: (p) => `${p.group} 只有 ${p.count} 条规则，没有第 ${p.index} 条`,
  }),
  'whatif.no-rule-id': message<{ group: string; id: string }>({
    en: (p) => `${p.group} has no rule with id "${p.id}"`,
    zh: (p) => `${p.group} 中没有 ID 为“${p.id}”的规则`,
  }),
  'whatif.no-equal-rule': message<{ group: string }>({
    en: (p) => `${p.group} has no rule equal to the one to remove`,
    zh: (p) => `${p.group} 中没有与要删除的规则相同的规则`,
  }),
  'whatif.no-route': message<{ table: string; destination: string; has: readonly string[] }>({
    en: (p) =>
      `route table ${p.table} has no route to ${p.destination}${p.has.length ? ` (it has ${p.has.join(', ')})` : ''}`,
    zh: (p) =>
      `路由表 ${p.table} 中没有去往 ${p.destination} 的路由${p.has.length ? `（现有：${p.has.join('、')}）` : ''}`,
  }),
  'whatif.no-whitelist-entry': message<{ resource: string; address: string; group: string }>({
    en: (p) => `the whitelist of ${p.resource} has no entry ${p.address} in group ${p.group}`,
    zh: (p) => `${p.resource} 的白名单分组 ${p.group} 中没有 ${p.address}`,
  }),
  'whatif.broken-reference': message<{ path: string; issue: string }>({
    en: (p) => `after the changes: ${p.path}: ${p.issue}`,
    zh: (p) => `变更之后 ${p.path}：${p.issue}`,
  }),
  'whatif.one-rule-name': fixed(
    'name the rule by exactly one of index, ruleId or rule',
    '请只用 index、ruleId 或 rule 中的一个指明规则',
  ),
  'whatif.table-or-vpc': fixed(
    "give routeTable, or vpc for the VPC's default route table",
    '请给出 routeTable，或给出 vpc 以使用该 VPC 的默认路由表',
  ),
  'whatif.op': message<{ ops: readonly string[] }>({
    en: (p) => `op must be one of ${p.ops.join(', ')}`,
    zh: (p) => `op 必须是 ${p.ops.join('、')} 之一`,
  }),
  'whatif.count': message<{ count: number }>({
    en: (p) => `${p.count} problems:`,
    zh: (p) => `共 ${p.count} 个问题：`,
  }),
} as const;
