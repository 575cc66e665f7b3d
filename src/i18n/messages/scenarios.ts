// The texts of the answers about many paths at once: reverse questions ("who can reach db1?") and what-if
// reports. English is the text they always wrote; Chinese uses the console's words (安全组, 入方向规则, 白名单 ...).
import { fixed, message } from '../message.js';

const enFlow = (p: { protocol?: string; port?: number }) =>
  p.port !== undefined ? ` on ${p.protocol ?? 'tcp'}/${p.port}` : p.protocol === 'icmp' ? ' on ping' : '';
const zhFlow = (p: { protocol?: string; port?: number }) =>
  p.port !== undefined ? `（${p.protocol ?? 'tcp'}/${p.port}）` : p.protocol === 'icmp' ? '（ping）' : '';
type Flow = { protocol?: string; port?: number };

/** The reverse and what-if catalog, keyed by id. */
export const scenarios = {
  'reverse.whoCanReach': message<Flow & { destination: string; workloads: boolean }>({
    en: (p) => `${p.workloads ? 'Who' : 'Which clusters'} can reach ${p.destination}${enFlow(p)}?`,
    zh: (p) => `${p.workloads ? '哪些工作负载' : '哪些集群'}可以访问 ${p.destination}${zhFlow(p)}？`,
  }),
  'reverse.whatCanReach': message<Flow & { cluster: string; workload?: string }>({
    en: (p) => `What can ${p.workload ? `${p.workload} in ${p.cluster}` : `pods in ${p.cluster}`} reach${enFlow(p)}?`,
    zh: (p) =>
      `${p.workload ? `${p.cluster} 中的 ${p.workload}` : `${p.cluster} 中的容器`}可以访问哪些目的地址${zhFlow(p)}？`,
  }),
  'reverse.counts': message<{
    reachable: number;
    unreachable: number;
    uncertain: number;
    total: number;
    sources: boolean;
  }>({
    en: (p) =>
      `${p.reachable} reachable · ${p.unreachable} unreachable · ${p.uncertain} uncertain (${p.total} ${p.sources ? 'source' : 'destination'}${p.total === 1 ? '' : 's'})`,
    zh: (p) =>
      `可以访问 ${p.reachable} · 无法访问 ${p.unreachable} · 无法确定 ${p.uncertain}（共 ${p.total} 个${p.sources ? '源端' : '目的端'}）`,
  }),
  'reverse.andMore': message<{ names: string; count: number }>({
    en: (p) => `${p.names} and ${p.count} more`,
    zh: (p) => `${p.names} 等另外 ${p.count} 个`,
  }),
  'reverse.group': message<{ mark: string; verdict: string; check?: string; count: number }>({
    en: (p) => `${p.mark} ${p.verdict}${p.check ? ` at ${p.check}` : ''} (${p.count})`,
    zh: (p) => `${p.mark} ${p.verdict}${p.check ? `，阻断于${p.check}` : ''}（${p.count}）`,
  }),
  'reverse.inTopology': message<{ topology: string }>({
    en: (p) => ` (topology ${p.topology})`,
    zh: (p) => `（拓扑 ${p.topology}）`,
  }),
  'reverse.internet': fixed('the internet', '公网'),
  'reverse.nothing': fixed(
    'Nothing to ask: the topology declares no such sources or destinations.',
    '无可检查的路径：拓扑中没有声明这样的源端或目的端。',
  ),
  'reverse.fix': message<{ fix: string }>({ en: (p) => `fix: ${p.fix}`, zh: (p) => `修复：${p.fix}` }),
  'reverse.attached': message<{ topology?: string; sources: boolean }>({
    en: (p) =>
      `${p.topology ? `Topology ${p.topology}. ` : ''}Every ${p.sources ? 'source' : 'destination'} with its blocking step and fix is in the attached file; ask the forward question for the full answer.`,
    zh: (p) =>
      `${p.topology ? `拓扑 ${p.topology}。` : ''}每个${p.sources ? '源端' : '目的端'}的阻断步骤和修复见附件；单独询问一条路径可得到完整回答。`,
  }),

  // What-if.
  'whatif.addRule': message<{
    group: string;
    ingress: boolean;
    deny: boolean;
    flow: string;
    remote?: string;
  }>({
    en: (p) =>
      `add ${p.deny ? 'deny' : 'allow'} ${p.ingress ? 'ingress' : 'egress'} ${p.flow} ${p.ingress ? 'from' : 'to'} ${p.remote ?? 'anywhere'} to ${p.group}`,
    zh: (p) =>
      `在安全组 ${p.group} 中添加${p.ingress ? '入方向规则' : '出方向规则'}：${p.deny ? '拒绝' : '允许'} ${p.flow}，${p.ingress ? '源地址' : '目的地址'} ${p.remote ?? '任意地址'}`,
  }),
  'whatif.removeRule': message<{ group: string; index?: number; ruleId?: string }>({
    en: (p) =>
      `remove ${p.index !== undefined ? `rule #${p.index}` : p.ruleId ? `rule ${p.ruleId}` : 'a rule'} of ${p.group}`,
    zh: (p) =>
      `删除安全组 ${p.group} 的${p.index !== undefined ? `第 ${p.index} 条规则` : p.ruleId ? `规则 ${p.ruleId}` : '一条规则'}`,
  }),
  'whatif.addRoute': message<{ destination: string; type: string; nextHop?: string; table?: string; vpc?: string }>({
    en: (p) =>
      `add the route ${p.destination} via ${p.type} ${p.nextHop ?? ''} in ${p.table ?? `the default table of ${p.vpc}`}`.replace(
        /\s+/g,
        ' ',
      ),
    zh: (p) =>
      `${p.table ? `在路由表 ${p.table} 中` : `在 ${p.vpc} 的默认路由表中`}添加路由 ${p.destination}，下一跳类型 \`${p.type}\`${p.nextHop ? `，下一跳 ${p.nextHop}` : ''}`,
  }),
  'whatif.removeRoute': message<{ destination: string; table?: string; vpc?: string }>({
    en: (p) => `delete the route ${p.destination} in ${p.table ?? `the default table of ${p.vpc}`}`,
    zh: (p) => `删除${p.table ? `路由表 ${p.table} 中` : ` ${p.vpc} 的默认路由表中`}的路由 ${p.destination}`,
  }),
  'whatif.addWhitelist': message<{ address: string; resource: string }>({
    en: (p) => `add ${p.address} to the whitelist of ${p.resource}`,
    zh: (p) => `将 ${p.address} 加入 ${p.resource} 的白名单`,
  }),
  'whatif.removeWhitelist': message<{ address: string; resource: string }>({
    en: (p) => `remove ${p.address} from the whitelist of ${p.resource}`,
    zh: (p) => `从 ${p.resource} 的白名单中移除 ${p.address}`,
  }),
  'whatif.setPeering': message<{ peering: string; status: string }>({
    en: (p) => `set peering ${p.peering} to ${p.status}`,
    zh: (p) => `将对等连接 ${p.peering} 的状态设为 \`${p.status}\``,
  }),
  'whatif.addPeering': message<{ id: string; requester: string; accepter: string }>({
    en: (p) => `add peering ${p.id} (${p.requester} ↔ ${p.accepter})`,
    zh: (p) => `添加对等连接 ${p.id}（${p.requester} ↔ ${p.accepter}）`,
  }),
  'whatif.removePeering': message<{ peering: string }>({
    en: (p) => `delete peering ${p.peering}`,
    zh: (p) => `删除对等连接 ${p.peering}`,
  }),
  'whatif.applyFixes': message<{ count: number }>({
    en: (p) => `apply the ${p.count} fix${p.count === 1 ? '' : 'es'} of the answer`,
    zh: (p) => `应用回答中的 ${p.count} 个修复`,
  }),
  'whatif.unchanged': message<{ verdict: string }>({
    en: (p) => `${p.verdict} (unchanged)`,
    zh: (p) => `${p.verdict}（不变）`,
  }),
  'whatif.heading': message<{ changes: readonly string[] }>({
    en: (p) => `What if: ${p.changes.join('; ')}`,
    zh: (p) => `假设：${p.changes.join('；')}`,
  }),
  'whatif.onCopy': fixed(
    '(evaluated on a copy of the topology; nothing was changed)',
    '（在拓扑的副本上评估，未做任何更改）',
  ),
  'whatif.thisPath': fixed('This path:', '本路径：'),
  'whatif.thesePaths': fixed('These paths:', '这些路径：'),
  'whatif.breaks': message<{ count: number }>({ en: (p) => `${p.count} breaks`, zh: (p) => `${p.count} 条出现问题` }),
  'whatif.uncertain': message<{ count: number }>({
    en: (p) => `${p.count} uncertain`,
    zh: (p) => `${p.count} 条无法确定`,
  }),
  'whatif.fixed': message<{ count: number }>({ en: (p) => `${p.count} fixed`, zh: (p) => `${p.count} 条已修复` }),
  'whatif.same': message<{ count: number }>({ en: (p) => `${p.count} unchanged`, zh: (p) => `${p.count} 条不变` }),
  'whatif.watched': message<{ count: number; counts: readonly string[] }>({
    en: (p) => `Watched paths: ${p.count} checked: ${p.counts.join(', ')}`,
    zh: (p) => `监控的路径：检查了 ${p.count} 条：${p.counts.join('，')}`,
  }),

  // check-plan (terminal text and the pull-request comment).
  'plan.headline': message<{ changes: number; paths: number }>({
    en: (p) =>
      `check-plan: ${p.changes} resource change${p.changes === 1 ? '' : 's'}, ${p.paths} path${p.paths === 1 ? '' : 's'} checked`,
    zh: (p) => `check-plan：${p.changes} 项资源变更，检查了 ${p.paths} 条路径`,
  }),
  'plan.counts': message<{ breaks: number; fixed: number; uncertain: number; same: number }>({
    en: (p) => `✗ ${p.breaks} breaking · ✓ ${p.fixed} fixed · ? ${p.uncertain} uncertain · ${p.same} unchanged`,
    zh: (p) => `✗ ${p.breaks} 条出现问题 · ✓ ${p.fixed} 条已修复 · ? ${p.uncertain} 条无法确定 · ${p.same} 条不变`,
  }),
  'plan.breaks': fixed('Breaks:', '出现问题：'),
  'plan.uncertain': fixed(
    'Uncertain (values known only after apply):',
    '无法确定（部分值要到 `terraform apply` 之后才知道）：',
  ),
  'plan.fixed': fixed('Fixed:', '已修复：'),
  'plan.notEvaluated': fixed('Not evaluated:', '未评估：'),
  'plan.dependsOn': message<{ what: string }>({ en: (p) => `depends on ${p.what}`, zh: (p) => `取决于 ${p.what}` }),
  'plan.cause': message<{ causes: string }>({ en: (p) => `cause: ${p.causes}`, zh: (p) => `原因：${p.causes}` }),
  'plan.leaveOut': message<{ or: boolean; causes: string }>({
    en: (p) => `${p.or ? 'or ' : ''}leave ${p.causes} out of the plan`,
    zh: (p) => `${p.or ? '或者' : ''}将 ${p.causes} 移出本次计划`,
  }),
  'plan.mdBreak': message<{ count: number }>({
    en: (p) => `**${p.count} path${p.count === 1 ? '' : 's'} break**`,
    zh: (p) => `**${p.count} 条路径出现问题**`,
  }),
  'plan.mdNothingBreaks': fixed(':white_check_mark: **nothing breaks**', ':white_check_mark: **没有路径出现问题**'),
  'plan.mdCounts': message<{
    verdict: string;
    fixed: number;
    uncertain: number;
    same: number;
    paths: number;
    changes: number;
  }>({
    en: (p) =>
      `${p.verdict} · ${p.fixed} fixed · ${p.uncertain} uncertain · ${p.same} unchanged (${p.paths} paths, ${p.changes} resource changes)`,
    zh: (p) =>
      `${p.verdict} · ${p.fixed} 条已修复 · ${p.uncertain} 条无法确定 · ${p.same} 条不变（${p.paths} 条路径，${p.changes} 项资源变更）`,
  }),
  'plan.mdHeader': fixed(
    '| path | before → after | cause | why / fix |',
    '| 路径 | 变更前 → 变更后 | 原因 | 说明 / 修复 |',
  ),
  'plan.mdBreaks': fixed('Breaks', '出现问题'),
  'plan.mdUncertain': fixed(
    'Uncertain: values known only after apply',
    '无法确定：部分值要到 `terraform apply` 之后才知道',
  ),
  'plan.mdFixed': fixed('Fixed', '已修复'),
  'plan.mdNotEvaluated': fixed('Not evaluated', '未评估'),
};
