// The words of a topology diff (import replies, `topology import` in the terminal, change alerts): what kind of
// object changed, the summary line, and the short descriptions of rules and routes. Ids, CIDRs, ports and the
// topology file's own keys (`rules:`, `containerCidrs:`) stay as written: they are what the reader searches for.
import type { DiffKind } from '../../topology/diff.js';
import { fixed, type Message, message } from '../message.js';
import { TERMS } from '../terms.js';

const term = (name: keyof typeof TERMS) => fixed(TERMS[name].en, TERMS[name].zh);

/** Each kind of object, as the console names it. */
export const DIFF_KIND_LABELS: Readonly<Record<DiffKind, Message<void>>> = {
  vpc: term('vpc'),
  subnet: term('subnet'),
  routeTable: term('routeTable'),
  natGateway: term('natGateway'),
  peering: fixed('peering', '对等连接'),
  enterpriseRouter: term('enterpriseRouter'),
  erAttachment: fixed('ER attachment', '企业路由器连接'),
  erRouteTable: fixed('ER route table', '企业路由器路由表'),
  securityGroup: term('securityGroup'),
  addressGroup: fixed('address group', 'IP地址组'),
  networkAcl: term('networkAcl'),
  cluster: term('cluster'),
  resource: fixed('resource', '资源'),
  dnsZone: fixed('DNS zone', '内网域名'),
};

type Named = { count: number; shown: readonly string[]; more: number };

const named = (verb: { en: string; zh: string }) =>
  message<Named>({
    en: (p) => `${p.count} ${verb.en} (${p.shown.join(', ')}${p.more ? `, and ${p.more} more` : ''})`,
    zh: (p) => `${verb.zh} ${p.count} 项（${p.shown.join('、')}${p.more ? ` 等，另有 ${p.more} 项` : ''}）`,
  });

/** The diff catalog, keyed by id. */
export const topologyDiff = {
  ...Object.fromEntries(Object.entries(DIFF_KIND_LABELS).map(([kind, m]) => [`diff.kind.${kind}`, m])),
  'diff.none': fixed('no changes', '无变化'),
  'diff.added': named({ en: 'added', zh: '新增' }),
  'diff.removed': named({ en: 'removed', zh: '删除' }),
  'diff.changed': named({ en: 'changed', zh: '修改' }),
  'diff.summary-join': message<{ parts: readonly string[] }>({
    en: (p) => p.parts.join(', '),
    zh: (p) => p.parts.join('，'),
  }),
  'diff.contents-changed': fixed('contents changed', '内容有变化'),
  'diff.order-changed': fixed('order changed', '顺序有变化'),
  'diff.rule-order-changed': fixed('rule order changed', '规则顺序有变化'),
  'diff.no-value': fixed('(none)', '（无）'),
  'diff.any': fixed('any', '任意'),
  'diff.blackhole': fixed('blackhole', '黑洞'),
  'diff.address-group': message<{ id: string }>({ en: (p) => `address group ${p.id}`, zh: (p) => `IP地址组 ${p.id}` }),
  'diff.remote-group': message<{ id: string }>({ en: (p) => `sg ${p.id}`, zh: (p) => `安全组 ${p.id}` }),
  'diff.sg-rule': message<{
    ingress: boolean;
    allow: boolean;
    protocol: string;
    remote: string;
    priority: number;
  }>({
    en: (p) =>
      `${p.ingress ? 'ingress' : 'egress'} ${p.allow ? 'allow' : 'deny'} ${p.protocol} ${p.ingress ? 'from' : 'to'} ${p.remote} (priority ${p.priority})`,
    zh: (p) =>
      `${p.ingress ? '入方向' : '出方向'} ${p.allow ? '允许' : '拒绝'} ${p.protocol} ${p.ingress ? '源地址' : '目的地址'} ${p.remote}（优先级 ${p.priority}）`,
  }),
  'diff.acl-rule': message<{ allow: boolean; protocol: string; from: string; to: string }>({
    en: (p) => `${p.allow ? 'allow' : 'deny'} ${p.protocol} ${p.from} -> ${p.to}`,
    zh: (p) => `${p.allow ? '允许' : '拒绝'} ${p.protocol} ${p.from} -> ${p.to}`,
  }),
  'diff.snat-rule': message<{ source: string; eip: string }>({
    en: (p) => `${p.source} via ${p.eip}`,
    zh: (p) => `${p.source} 经 ${p.eip}`,
  }),
} as const;
