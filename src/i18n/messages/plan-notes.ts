// Why check-plan left a resource change out, or found nothing in it to evaluate (`src/plan/map.ts`). Terraform
// types and addresses, ids and names stay as written; they are what the reader looks up in the plan.
import { fixed, message } from '../message.js';

/** The plan-note catalog, keyed by id. */
export const planNotes = {
  'plan.note.no-network-change': fixed('no change to the network', '不改变网络'),
  'plan.note.same-rule': fixed('no change to what the rule allows', '规则允许的内容不变'),
  'plan.note.same-route': fixed('no change to routing', '路由不变'),
  'plan.note.same-whitelist': fixed('no change to the whitelist', '白名单不变'),
  'plan.note.group-missing': message<{ id: string }>({
    en: (p) => `security group ${p.id} is not in the topology`,
    zh: (p) => `安全组 ${p.id} 不在拓扑中`,
  }),
  'plan.note.group-unused': message<{ id: string }>({
    en: (p) => `security group ${p.id} is not in the topology (no declared resource uses it)`,
    zh: (p) => `安全组 ${p.id} 不在拓扑中（没有已声明的资源使用它）`,
  }),
  'plan.note.group-created': fixed('its security group is created by this plan', '它所属的安全组由本计划创建'),
  'plan.note.vpc-missing': message<{ id: string }>({
    en: (p) => `VPC ${p.id} is not in the topology`,
    zh: (p) => `VPC ${p.id} 不在拓扑中`,
  }),
  'plan.note.route-unmapped': fixed('the route could not be mapped', '无法映射这条路由'),
  'plan.note.dcs-lifecycle': fixed(
    'a DCS instance created or deleted: import the topology again to evaluate it',
    '创建或删除了 DCS 实例：请重新导入拓扑后再评估',
  ),
  'plan.note.dcs-missing': message<{ name: string }>({
    en: (p) => `DCS instance ${p.name} is not in the topology`,
    zh: (p) => `DCS 实例 ${p.name} 不在拓扑中`,
  }),
  'plan.note.attributes-unmapped': fixed('its attributes could not be mapped', '无法映射它的属性'),
  'plan.note.type-not-evaluated': message<{ type: string; types: readonly string[] }>({
    en: (p) => `${p.type} is not evaluated by check-plan (it maps ${p.types.join(', ')})`,
    zh: (p) => `check-plan 不评估 ${p.type}（它只映射 ${p.types.join('、')}）`,
  }),
  'plan.note.not-as-expected': message<{ issues: readonly string[] }>({
    en: (p) => `not in the topology as the plan expects: ${p.issues.join('; ')}`,
    zh: (p) => `拓扑中的对象与计划所预期的不一致：${p.issues.join('；')}`,
  }),
  'plan.note.known-after-apply': message<{ address: string; keys: readonly string[] }>({
    en: (p) => `${p.address} (${p.keys.join(', ')} known only after apply)`,
    zh: (p) => `${p.address}（${p.keys.join('、')} 要到 apply 之后才能确定）`,
  }),
  'plan.note.join': message<{ notes: readonly string[] }>({
    en: (p) => p.notes.join('; '),
    zh: (p) => p.notes.join('；'),
  }),
} as const;
