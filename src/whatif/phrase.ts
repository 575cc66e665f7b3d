// "what if I …" in words, after an answer in a thread or with `reachbot whatif --what-if`: the same edits as the
// change format, said in one sentence. Returns null when the text is not a what-if (then it is something else).
import { parseCidr } from '../net/address.js';
import { QuestionError } from '../question/errors.js';
import { ROUTE_TYPES } from '../topology/schema.js';
import { type Change, normalizeRoute, normalizeRule } from './change.js';

/** The what-if sentences understood, shown when one is recognized but not understood. */
export const WHATIF_FORMS: readonly string[] = [
  'what if I add an ingress rule to sg-db1 allowing tcp/3306 from 172.16.0.0/16',
  'what if I remove rule #3 of sg-db1',
  'what if I delete the route 10.0.0.0/16 in rtb-demo2',
  'what if I add the route 10.0.0.0/16 via peering peer-1 in rtb-demo2',
  'what if I add 172.16.0.0/16 to the whitelist of redis-main',
  'what if I remove 172.16.0.0/16 from the whitelist of redis-main',
  'what if I accept peering peer-1 / reject peering peer-1 / delete peering peer-1',
  'what if I apply the fixes',
  '如果删除 sg-db1 的第 3 条规则',
  '如果删除 rtb-demo2 中到 10.0.0.0/16 的路由',
  '如果把 172.16.0.0/16 加到 redis-main 的白名单',
  '如果接受对等连接 pcx-demo',
  '如果应用修复',
];

/** A what-if request: explicit changes, or "the fixes of the answer in this thread". */
export type WhatIf = { readonly kind: 'changes'; readonly changes: Change[] } | { readonly kind: 'apply-fixes' };

const LEAD = /^(?:what\s+(?:if|happens\s+if)|如果|假如)\s*(?:(?:i|we)\s+|我们|我)?\s*/i;
const APPLY_FIXES =
  /^(?:apply|applied|make)\s+(?:the\s+|these\s+|those\s+|all\s+(?:the\s+)?)?(?:fix|fixes|suggested\s+fixes)$|^应用(?:这些)?修复$/i;
const REMOVE_RULE = /^(?:remove|delete|drop)\s+(?:the\s+)?rule\s+#?(\d+)\s+(?:of|from|in)\s+(\S+)$/i;
const REMOVE_ROUTE = /^(?:remove|delete|drop)\s+(?:the\s+)?route\s+(?:to\s+)?(\S+)\s+(?:in|from|of)\s+(\S+)$/i;
const ADD_ROUTE = new RegExp(
  String.raw`^add\s+(?:a\s+|the\s+)?route\s+(?:to\s+)?(\S+)\s+(?:via|through|to)\s+(?:(${ROUTE_TYPES.join('|')})\s+)?(\S+)\s+(?:in|to|into)\s+(\S+)$`,
  'i',
);
const ADD_RULE =
  /^add\s+(?:an?\s+|the\s+)?(ingress|egress|inbound|outbound)?\s*rule\s+(?:to|in|on|into)\s+(\S+)\s+(?:allowing|that\s+allows|to\s+allow|for)\s+(.+?)\s+(from|to)\s+(\S+)$/i;
const WHITELIST = /^(add|remove|delete)\s+(\S+)\s+(?:to|from)\s+(?:the\s+)?whitelist\s+(?:of|for)\s+(\S+)$/i;
const PEERING = /^(accept|reject|delete|remove)\s+(?:the\s+)?peering\s+(?:connection\s+)?(\S+)$/i;
// Chinese: 删除 sg-db1 的第 3 条规则 · 删除 rtb-demo2 中到 10.0.0.0/16 的路由 · 把 172.16.0.0/16 加到 redis-main 的白名单 ·
// 把 … 从 redis-main 的白名单删除 · 接受/拒绝/删除对等连接 pcx-demo
const ZH_REMOVE_RULE = /^(?:删除|删掉|去掉|移除)\s*(\S+?)\s*的?\s*第\s*(\d+)\s*条(?:安全组)?规则$/;
const ZH_REMOVE_ROUTE = /^(?:删除|删掉|去掉|移除)\s*(\S+?)\s*(?:中|里)?的?\s*(?:到|去往)\s*(\S+?)\s*的?路由$/;
const ZH_WHITELIST_ADD = /^把\s*(\S+?)\s*(?:加到|加入|添加到)\s*(\S+?)\s*的?白名单(?:里|中)?$/;
const ZH_WHITELIST_REMOVE = /^把\s*(\S+?)\s*从\s*(\S+?)\s*的?白名单(?:里|中)?(?:删除|删掉|移除|去掉)$/;
const ZH_PEERING = /^(接受|拒绝|删除)\s*(?:对等连接|对等)\s*(\S+)$/;

function fail(text: string, why: string): never {
  throw new QuestionError(`I could not read that change ("${text.trim()}"): ${why}`, WHATIF_FORMS);
}

function ruleFlow(text: string, flow: string): { protocol: string; ports?: string } {
  const words = flow.trim().toLowerCase();
  if (/^(?:all|any|all\s+traffic|everything)$/.test(words)) return { protocol: 'any' };
  if (/^(?:ping|icmp)$/.test(words)) return { protocol: 'icmp' };
  const match = /^(?:(tcp|udp)[\s/:]*)?(?:port\s+)?(\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*)(?:\/(tcp|udp))?$/.exec(words);
  if (!match) fail(text, `"${flow}" is not a protocol and port (say tcp/3306, udp/53, ping or all)`);
  return { protocol: match[1] ?? match[3] ?? 'tcp', ports: match[2]! };
}

/** Parse "what if I …"; null when the text does not start like a what-if. Throws QuestionError when it does but is not understood. */
export function parseWhatIf(text: string): WhatIf | null {
  const cleaned = text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/[`*_]/g, '')
    .replace(/[?？!.。]+\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  const lead = LEAD.exec(cleaned);
  if (!lead) return null;
  const rest = cleaned.slice(lead[0].length).trim();
  if (APPLY_FIXES.test(rest)) return { kind: 'apply-fixes' };
  let m = REMOVE_RULE.exec(rest);
  if (m) return changes({ op: 'remove-rule', securityGroup: m[2]!, index: Number(m[1]) });
  m = REMOVE_ROUTE.exec(rest);
  if (m) return changes({ op: 'remove-route', routeTable: m[2]!, destination: m[1]! });
  m = ADD_ROUTE.exec(rest);
  if (m) {
    const route = normalizeRoute({ destination: m[1], type: (m[2] ?? 'peering').toLowerCase(), nextHop: m[3] });
    if (Array.isArray(route)) fail(text, route.map((i) => i.message).join('; '));
    return changes({ op: 'add-route', routeTable: m[4]!, route });
  }
  m = ADD_RULE.exec(rest);
  if (m) {
    const said = m[1]?.toLowerCase();
    const direction =
      said === 'ingress' || said === 'inbound'
        ? 'ingress'
        : said === 'egress' || said === 'outbound'
          ? 'egress'
          : m[4]!.toLowerCase() === 'from'
            ? 'ingress'
            : 'egress';
    const rule = normalizeRule({ direction, ...ruleFlow(text, m[3]!), remote: m[5], action: 'allow', priority: 1 });
    if (Array.isArray(rule)) fail(text, rule.map((i) => i.message).join('; '));
    return changes({ op: 'add-rule', securityGroup: m[2]!, rule });
  }
  m = WHITELIST.exec(rest);
  if (m) {
    const address = parseCidr(m[2]!, true);
    if (!address.ok) fail(text, address.message);
    const op = m[1]!.toLowerCase() === 'add' ? 'add-whitelist-entry' : 'remove-whitelist-entry';
    return changes({ op, resource: m[3]!, address: address.cidr.text });
  }
  m = PEERING.exec(rest);
  if (m) {
    const verb = m[1]!.toLowerCase();
    if (verb === 'accept') return changes({ op: 'set-peering', peering: m[2]!, status: 'ACTIVE' });
    if (verb === 'reject') return changes({ op: 'set-peering', peering: m[2]!, status: 'REJECTED' });
    return changes({ op: 'remove-peering', peering: m[2]! });
  }
  m = ZH_REMOVE_RULE.exec(rest);
  if (m) return changes({ op: 'remove-rule', securityGroup: m[1]!, index: Number(m[2]) });
  m = ZH_REMOVE_ROUTE.exec(rest);
  if (m) return changes({ op: 'remove-route', routeTable: m[1]!, destination: m[2]! });
  m = ZH_WHITELIST_ADD.exec(rest) ?? ZH_WHITELIST_REMOVE.exec(rest);
  if (m) {
    const address = parseCidr(m[1]!, true);
    if (!address.ok) fail(text, address.message);
    const op = ZH_WHITELIST_ADD.test(rest) ? 'add-whitelist-entry' : 'remove-whitelist-entry';
    return changes({ op, resource: m[2]!, address: address.cidr.text });
  }
  m = ZH_PEERING.exec(rest);
  if (m) {
    if (m[1] === '接受') return changes({ op: 'set-peering', peering: m[2]!, status: 'ACTIVE' });
    if (m[1] === '拒绝') return changes({ op: 'set-peering', peering: m[2]!, status: 'REJECTED' });
    return changes({ op: 'remove-peering', peering: m[2]! });
  }
  return fail(text, 'that is not one of the changes I can evaluate');
}

function changes(change: Change): WhatIf {
  return { kind: 'changes', changes: [{ ...change, at: 'the sentence' }] };
}
