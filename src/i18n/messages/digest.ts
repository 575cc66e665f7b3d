// The texts of digests, change alerts and the watch/digest commands (src/digest/). English is the text digests
// always wrote; Chinese follows the console's words (拓扑, 监控, 可以访问 / 无法访问 / 无法确定).
import { fixed, message } from '../message.js';

const enPaths = (n: number) => `${n} watched path${n === 1 ? '' : 's'}`;

/** The digest catalog, keyed by id. */
export const digest = {
  'digest.title': fixed('Reachability digest', '连通性摘要'),
  'digest.header': message<{ title: string; total: number }>({
    en: (p) => `${p.title}: ${enPaths(p.total)}`,
    zh: (p) => `${p.title}：监控 ${p.total} 条路径`,
  }),
  'digest.counts': message<{ total: number; parts: readonly string[] }>({
    en: (p) => `${p.total} watched: ${p.parts.join(' · ')}`,
    zh: (p) => `监控 ${p.total} 条：${p.parts.join(' · ')}`,
  }),
  'digest.countReachable': message<{ count: string }>({
    en: (p) => `${p.count} reachable`,
    zh: (p) => `${p.count} 条可以访问`,
  }),
  'digest.countUnreachable': message<{ count: string }>({
    en: (p) => `${p.count} unreachable`,
    zh: (p) => `${p.count} 条无法访问`,
  }),
  'digest.countUncertain': message<{ count: string }>({
    en: (p) => `${p.count} uncertain`,
    zh: (p) => `${p.count} 条无法确定`,
  }),
  'digest.countFailed': message<{ count: string }>({
    en: (p) => `${p.count} could not be checked`,
    zh: (p) => `${p.count} 条无法检查`,
  }),
  'digest.fix': message<{ fix: string }>({ en: (p) => `\n      Fix: ${p.fix}`, zh: (p) => `\n      修复：${p.fix}` }),
  'digest.noFix': fixed('none proposed', '暂无修复建议'),
  'digest.whyUncertain': message<{ why: string }>({
    en: (p) => `\n      Why uncertain: ${p.why}`,
    zh: (p) => `\n      无法确定的原因：${p.why}`,
  }),
  'digest.newWatch': fixed('new watch, ', '新增监控，'),
  'digest.newlyBroken': fixed('Newly broken', '新出现的问题'),
  'digest.newlyFixed': fixed('Newly fixed', '新修复'),
  'digest.partHeading': message<{ name: string; count: number }>({
    en: (p) => `*${p.name} (${p.count})*`,
    zh: (p) => `*${p.name}（${p.count}）*`,
  }),
  'digest.omittedPart': message<{ name: string; count: number }>({
    en: (p) => `${p.count} ${p.name.toLowerCase()}`,
    zh: (p) => `${p.name} ${p.count} 条`,
  }),
  'digest.noChanges': fixed('No changes since the last digest.', '自上次摘要以来没有变化。'),
  'digest.notShown': message<{ omitted: string }>({
    en: (p) =>
      `_Not shown, to stay within Slack's message limits: ${p.omitted}. \`/reach watches\` lists every watch._`,
    zh: (p) => `_为不超出 Slack 的消息长度限制，未显示：${p.omitted}。\`/reach watches\` 列出全部监控。_`,
  }),
  'digest.stillBroken': message<{ count: number; counts: string; names: string }>({
    en: (p) => `*Still broken (${p.count})*: ${p.counts}\n${p.names}`,
    zh: (p) => `*仍有问题（${p.count}）*：${p.counts}\n${p.names}`,
  }),
  'digest.stillUnreachable': message<{ count: number }>({
    en: (p) => `${p.count} unreachable`,
    zh: (p) => `${p.count} 条无法访问`,
  }),
  'digest.stillUncertain': message<{ count: number }>({
    en: (p) => `${p.count} uncertain`,
    zh: (p) => `${p.count} 条无法确定`,
  }),
  'digest.couldNotCheck': message<{ count: number; lines: string }>({
    en: (p) => `*Could not be checked (${p.count})*\n${p.lines}`,
    zh: (p) => `*无法检查（${p.count}）*\n${p.lines}`,
  }),
  'digest.andMore': message<{ count: number }>({ en: (p) => `and ${p.count} more`, zh: (p) => `等另外 ${p.count} 项` }),
  'digest.fallbackCounts': message<{
    title: string;
    reachable: number;
    unreachable: number;
    uncertain: number;
    failed: number;
  }>({
    en: (p) =>
      `${p.title}: ${p.reachable} reachable, ${p.unreachable} unreachable, ${p.uncertain} uncertain${p.failed ? `, ${p.failed} could not be checked` : ''}.`,
    zh: (p) =>
      `${p.title}：${p.reachable} 条可以访问，${p.unreachable} 条无法访问，${p.uncertain} 条无法确定${p.failed ? `，${p.failed} 条无法检查` : ''}。`,
  }),
  'digest.fallbackBroken': message<{ names: string }>({
    en: (p) => ` Newly broken: ${p.names}.`,
    zh: (p) => `新出现的问题：${p.names}。`,
  }),
  'digest.fallbackFixed': message<{ names: string }>({
    en: (p) => ` Newly fixed: ${p.names}.`,
    zh: (p) => `新修复：${p.names}。`,
  }),
  'digest.fallbackNoChanges': fixed(' No changes since the last digest.', '自上次摘要以来没有变化。'),
  'digest.footerScheduled': message<{ at: string; spec: string; onChange: boolean }>({
    en: (p) => `Checked ${p.at} against the current topologies · schedule: ${p.spec}${p.onChange ? ', on change' : ''}`,
    // The schedule as typed is a command's words: quoted as code.
    zh: (p) => `基于当前拓扑检查于 ${p.at} · 计划：\`${p.spec}\`${p.onChange ? '，仅在有变化时发送' : ''}`,
  }),
  'digest.footerPreview': message<{ at: string; changed: boolean }>({
    en: (p) =>
      `Checked ${p.at} against the current topologies · a preview${
        p.changed ? ': the next scheduled digest still reports these changes' : ', nothing posted'
      }`,
    zh: (p) =>
      `基于当前拓扑检查于 ${p.at} · 预览${p.changed ? '：下一次定时摘要仍会报告这些变化' : '，未发送任何消息'}`,
  }),

  // A watch's question in the terse form people type.
  'digest.workloadIn': message<{ workload: string; cluster: string }>({
    en: (p) => `${p.workload} in ${p.cluster}`,
    zh: (p) => `${p.cluster} 中的 ${p.workload}`,
  }),

  // Change alerts.
  'alert.topologyRemoved': fixed('topology removed', '拓扑已删除'),
  'alert.topologyImported': fixed('topology imported', '拓扑已导入'),
  'alert.notCheckable': fixed('not checkable', '无法检查'),
  'alert.broke': message<{ count: number }>({
    en: (p) => `${enPaths(p.count)} broke`,
    zh: (p) => `${p.count} 条监控路径出现问题`,
  }),
  'alert.fixed': message<{ count: number }>({
    en: (p) => `${enPaths(p.count)} fixed`,
    zh: (p) => `${p.count} 条监控路径已修复`,
  }),
  'alert.heading': message<{ icon: string; topology: string; by?: string; parts: readonly string[] }>({
    en: (p) => `${p.icon} *Topology \`${p.topology}\` changed${p.by ? ` by <@${p.by}>` : ''}: ${p.parts.join(', ')}.*`,
    zh: (p) =>
      `${p.icon} *拓扑 \`${p.topology}\` 已变更${p.by ? `（变更人 <@${p.by}>）` : ''}：${p.parts.join('，')}。*`,
  }),
  'alert.more': message<{ count: number }>({
    en: (p) => `_…and ${p.count} more; \`/reach watches\` lists them all._`,
    zh: (p) => `_……另有 ${p.count} 条；\`/reach watches\` 列出全部。_`,
  }),
  'alert.change': fixed('Change', '变更内容'),
  'alert.fallback': message<{ topology: string; parts: readonly string[]; broke: string; fixed: string }>({
    en: (p) =>
      [
        `Topology ${p.topology} changed: ${p.parts.join(', ')}.`,
        p.broke ? `Broke: ${p.broke}.` : '',
        p.fixed ? `Fixed: ${p.fixed}.` : '',
      ]
        .filter(Boolean)
        .join(' '),
    zh: (p) =>
      [
        `拓扑 ${p.topology} 已变更：${p.parts.join('，')}。`,
        p.broke ? `出现问题：${p.broke}。` : '',
        p.fixed ? `已修复：${p.fixed}。` : '',
      ].join(''),
  }),

  // Why a watch could not be checked.
  'check.topologyGone': message<{ name: string }>({
    en: (p) => `topology "${p.name}" no longer exists`,
    zh: (p) => `拓扑“${p.name}”已不存在`,
  }),
  'check.internalError': message<{ error: string }>({
    en: (p) => `internal error while checking (${p.error}); it has been logged`,
    zh: (p) => `检查时发生内部错误（${p.error}），已记录日志`,
  }),

  // Watches.
  'watch.labelTaken': message<{ label: string }>({
    en: (p) => `This channel already has a watch labelled "${p.label}"; pick another label`,
    zh: (p) => `本频道已有标签为“${p.label}”的监控，请换一个标签`,
  }),
  'watch.tooMany': message<{ count: number }>({
    en: (p) => `This channel already watches ${p.count} paths, the most one channel may watch`,
    zh: (p) => `本频道已监控 ${p.count} 条路径，已达单个频道的上限`,
  }),
  'watch.noneYet': fixed('This channel watches nothing yet', '本频道尚未监控任何路径'),
  'watch.notFound': message<{ wanted: string; closest: readonly string[] }>({
    en: (p) => `No watch "${p.wanted}" in this channel${p.closest.length ? ` (closest: ${p.closest.join(', ')})` : ''}`,
    zh: (p) => `本频道没有监控“${p.wanted}”${p.closest.length ? `（最接近的：${p.closest.join('、')}）` : ''}`,
  }),

  // Replies of `watch`, `unwatch`, `watches` and `digest`.
  'digestCmd.try': message<{ suggestions: readonly string[] }>({
    en: (p) => `\nTry: ${p.suggestions.map((s) => `\`${s}\``).join(' · ')}`,
    zh: (p) => `\n可以试试：${p.suggestions.map((s) => `\`${s}\``).join(' · ')}`,
  }),
  'digestCmd.noSchedule': fixed(
    'No digest is scheduled here: `digest weekdays 09:00 Asia/Shanghai` sets one.',
    '本频道没有定时摘要：`digest weekdays 09:00 Asia/Shanghai` 可以设置。',
  ),
  'digestCmd.schedule': message<{ spec: string; timezone: string; onChange: boolean; next?: string }>({
    en: (p) =>
      `Digest: ${p.spec} (${p.timezone}), ${p.onChange ? 'on-change' : 'always'}${p.next ? `; next ${p.next}` : ''}.`,
    zh: (p) =>
      `摘要：\`${p.spec}\`（${p.timezone}），${p.onChange ? '仅在有变化时发送' : '每次都发送'}${p.next ? `；下一次 ${p.next}` : ''}。`,
  }),
  'digestCmd.scheduleUnreadable': message<{ spec: string; timezone: string; reason: string }>({
    en: (p) =>
      `Digest: ${p.spec} (${p.timezone}) cannot be run: ${p.reason}. Set it again with \`digest ${p.spec}\`, or \`digest off\`.`,
    zh: (p) =>
      `摘要：\`${p.spec}\`（${p.timezone}）无法运行：${p.reason}。请用 \`digest ${p.spec}\` 重新设置，或用 \`digest off\` 关闭。`,
  }),
  'digestCmd.watching': message<{ name: string; question?: string; topology: string }>({
    en: (p) => `Watching ${p.name}${p.question ? `: ${p.question}` : ''} in topology \`${p.topology}\`.`,
    zh: (p) => `开始监控 ${p.name}${p.question ? `：${p.question}` : ''}（拓扑 \`${p.topology}\`）。`,
  }),
  'digestCmd.alreadyWatched': message<{ name: string }>({
    en: (p) => `This channel already watches that path as ${p.name}.`,
    zh: (p) => `本频道已在监控这条路径：${p.name}。`,
  }),
  'digestCmd.now': message<{ verdict: string; why?: string; fix?: string }>({
    en: (p) => `Now: *${p.verdict}*.${p.why ? ` Why: ${p.why}` : ''}${p.fix ? ` Fix: ${p.fix}` : ''}`,
    zh: (p) => `当前：*${p.verdict}*。${p.why ? `原因：${p.why}` : ''}${p.fix ? `修复：${p.fix}` : ''}`,
  }),
  'digestCmd.cannotCheck': message<{ reason: string }>({
    en: (p) => `It cannot be checked right now: ${p.reason}`,
    zh: (p) => `暂时无法检查：${p.reason}`,
  }),
  'digestCmd.watchUsage': fixed(
    'Usage: `watch prod 192.168.10.52:3306 as "orders → mysql"`',
    '用法：`watch prod 192.168.10.52:3306 as "orders → mysql"`',
  ),
  'digestCmd.unwatchUsage': fixed(
    'Usage: `unwatch w3` or `unwatch "orders → mysql"` (`watches` lists them).',
    '用法：`unwatch w3` 或 `unwatch "orders → mysql"`（`watches` 列出全部监控）。',
  ),
  'digestCmd.stopped': message<{ name: string }>({
    en: (p) => `Stopped watching ${p.name}.`,
    zh: (p) => `已停止监控 ${p.name}。`,
  }),
  'digestCmd.nothingWatched': fixed(
    'This channel watches nothing yet: `watch prod 192.168.10.52:3306` adds a path.',
    '本频道尚未监控任何路径：`watch prod 192.168.10.52:3306` 可以添加。',
  ),
  'digestCmd.nothingWatchedYet': fixed(
    'Nothing is watched yet: `watch prod 192.168.10.52:3306` adds a path.',
    '尚未监控任何路径：`watch prod 192.168.10.52:3306` 可以添加。',
  ),
  'digestCmd.lastReported': message<{ verdict: string; at: string }>({
    en: (p) => `; last reported ${p.verdict} ${p.at}`,
    zh: (p) => `；上次报告：${p.verdict}，${p.at}`,
  }),
  'digestCmd.cannotBeChecked': message<{ reason: string }>({
    en: (p) => `cannot be checked: ${p.reason}`,
    zh: (p) => `无法检查：${p.reason}`,
  }),
  'digestCmd.unknown': fixed('unknown', '未知'),
  'digestCmd.watchLine': message<{ name: string; question?: string; topology: string; state: string }>({
    en: (p) => `• ${p.name}${p.question ? ` ${p.question}` : ''}, topology \`${p.topology}\`: ${p.state}`,
    zh: (p) => `• ${p.name}${p.question ? ` ${p.question}` : ''}，拓扑 \`${p.topology}\`：${p.state}`,
  }),
  'digestCmd.watchedHere': message<{ count: number }>({
    en: (p) => `Watched here (${p.count})`,
    zh: (p) => `本频道的监控（${p.count}）`,
  }),
  'digestCmd.moreAttached': message<{ count: number }>({
    en: (p) => `${p.count} more in the attached list.`,
    zh: (p) => `另有 ${p.count} 条，见附件列表。`,
  }),
  'digestCmd.stoppedDigest': message<{ spec: string; timezone: string }>({
    en: (p) => `Digest stopped (it was ${p.spec}, ${p.timezone}). Watches stay.`,
    zh: (p) => `摘要已停止（原计划为 \`${p.spec}\`，${p.timezone}）。监控保留。`,
  }),
  'digestCmd.noneScheduled': fixed('No digest was scheduled here.', '本频道没有设置定时摘要。'),
  'digestCmd.sayWhen': fixed(
    'Say when: e.g. `digest weekdays 09:00 Asia/Shanghai`',
    '请说明发送时间，例如 `digest weekdays 09:00 Asia/Shanghai`',
  ),
  'digestCmd.watchCount': message<{ count: number }>({
    en: (p) => `${enPaths(p.count)}.`,
    zh: (p) => `监控 ${p.count} 条路径。`,
  }),
  'digestCmd.langSet': message<{ lang: 'en' | 'zh' }>({
    en: (p) =>
      p.lang === 'zh'
        ? "This channel's digests, change alerts and sync notices are now in Chinese."
        : "This channel's digests, change alerts and sync notices are now in English.",
    zh: (p) =>
      p.lang === 'zh' ? '本频道的摘要、变更告警和同步通知将使用中文。' : '本频道的摘要、变更告警和同步通知将使用英文。',
  }),
  'digestCmd.langDefault': message<{ lang: 'en' | 'zh' }>({
    en: (p) =>
      `This channel's digests, change alerts and sync notices follow the workspace default (${p.lang === 'zh' ? 'Chinese' : 'English'}).`,
    zh: (p) => `本频道的摘要、变更告警和同步通知将使用工作区默认语言（${p.lang === 'zh' ? '中文' : '英文'}）。`,
  }),
  'digestCmd.langUsage': message<{ typed: string }>({
    en: (p) => `"${p.typed}" is not a language here: \`digest lang zh\`, \`digest lang en\` or \`digest lang auto\`.`,
    zh: (p) => `“${p.typed}”不是可用的语言：请用 \`digest lang zh\`、\`digest lang en\` 或 \`digest lang auto\`。`,
  }),
};
