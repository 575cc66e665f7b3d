// Slack's own texts: the words of an answer's blocks and buttons, the notes when a message is cut, "not
// understood" replies, `help`, `lang`, and the App Home tab. Names, commands and examples stay as typed.
import type { Verdict } from '../../engine/diagnosis.js';
import { fixed, message } from '../message.js';

/** Chinese summaries of the subcommands `help` lists, by subcommand name (English: each subcommand's own). */
export const SUBCOMMAND_SUMMARIES_ZH: Readonly<Record<string, string>> = {
  help: '问题的写法和所有命令',
  lang: '设置回答的语言：zh（中文）、en（英文）或 auto（与提问的语言一致）',
  topologies: '已注册的拓扑：来源、导入时间及同步状态',
  topology: '查看或导出拓扑；导入（共享文件或粘贴的 YAML/JSON）、删除或同步拓扑（管理员）',
  clusters: '可以提问的集群及其网络模型',
  watch: '在本频道的摘要和变更提醒中关注一条路径',
  unwatch: '不再在本频道关注一条路径',
  watches: '本频道关注的路径及其当前结论',
  digest: '设置、预览或停止本频道的可达性摘要',
  audit: '最近的写操作记录（管理员）',
};

/** The Slack catalog, keyed by message id. */
export const slack = {
  'slack.seen-as': message<{ seen: string }>({
    en: (p) => `*Seen by the destination as* ${p.seen}`,
    zh: (p) => `*目的端看到的源地址* ${p.seen}`,
  }),
  'slack.seen-as-plain': message<{ seen: readonly string[] }>({
    en: (p) => `Seen by the destination as ${p.seen.join(', ')}.`,
    zh: (p) => `目的端看到的源地址：${p.seen.join('、')}。`,
  }),
  'slack.unknown': fixed('_unknown_', '_未知_'),
  'slack.fix': message<{ number: number }>({
    en: (p) => `*Fix ${p.number}*`,
    zh: (p) => `*修复 ${p.number}*`,
  }),
  'slack.fix-plain': message<{ text: string; more: number }>({
    en: (p) => `Fix: ${p.text}${p.more > 0 ? ` (+${p.more} more)` : ''}`,
    zh: (p) => `修复方法：${p.text}${p.more > 0 ? `（另有 ${p.more} 项）` : ''}`,
  }),
  'slack.and-more': message<{ count: number }>({
    en: (p) => `… and ${p.count} more.`,
    zh: (p) => `……另有 ${p.count} 项。`,
  }),
  'slack.button.recheck': fixed('Recheck', '重新检查'),
  'slack.button.hcloud': fixed('Show hcloud', '显示 KooCLI'),
  'slack.button.terraform': fixed('Show Terraform', '显示 Terraform'),
  'slack.button.api': fixed('Show API', '显示 API'),
  'slack.button.watch': fixed('Watch this path', '关注这条路径'),
  'slack.button.share': fixed('Share in channel', '分享到频道'),
  'slack.more-steps': message<{ count: number }>({
    en: (p) => `… ${p.count} more steps in the attached file`,
    zh: (p) => `……另有 ${p.count} 个步骤在附件中`,
  }),
  'slack.more-fixes': message<{ count: number }>({
    en: (p) => `… ${p.count} more fixes in the attached file`,
    zh: (p) => `……另有 ${p.count} 项修复在附件中`,
  }),
  'slack.assumptions-continue': fixed('… the assumptions continue in the attached file', '……其余前提假设在附件中'),
  'slack.more-assumptions': message<{ count: number }>({
    en: (p) => `… ${p.count} assumptions in the attached file`,
    zh: (p) => `……${p.count} 条前提假设在附件中`,
  }),
  'slack.cut': fixed('… cut to fit: the full text is attached', '……内容过长已截断：完整内容见附件'),
  'slack.cut-in-fix': fixed('… (cut: the full text is in the attached file)', '……（已截断：完整内容见附件）'),
  'slack.full-diagnosis': message<{ cluster: string; destination: string }>({
    en: (p) => `Full diagnosis: ${p.cluster} → ${p.destination}`,
    zh: (p) => `完整诊断：${p.cluster} → ${p.destination}`,
  }),
  'slack.try': fixed('*Try:*', '*可以这样问：*'),
  'slack.try-plain': message<{ form: string }>({
    en: (p) => `Try: ${p.form}`,
    zh: (p) => `可以这样问：${p.form}`,
  }),
  'shell.try': message<{ form: string }>({
    en: (p) => `try: ${p.form}`,
    zh: (p) => `可以这样问：${p.form}`,
  }),
  'slack.not-a-command': message<{ word: string; near: string }>({
    en: (p) => `"${p.word}" is not a command: did you mean \`${p.near}\`?`,
    zh: (p) => `“${p.word}”不是命令：您是不是要用 \`${p.near}\`？`,
  }),
  'slack.button.stale': fixed(
    'This button is from an older answer I can no longer read; please ask again.',
    '这个按钮来自较早的回答，已无法读取；请重新提问。',
  ),
  'slack.button.question-gone': message<{ error: string }>({
    en: (p) =>
      `This answer's question no longer fits its topology as it is now: ${p.error}\nAsk again with today's names.`,
    zh: (p) => `这个回答的问题已不适用于当前的拓扑：${p.error}\n请用现在的名称重新提问。`,
  }),
  'slack.button.failed': message<{ error: string }>({
    en: (p) => `:warning: That button failed (${p.error}). It has been logged; please try again.`,
    zh: (p) => `:warning: 按钮操作失败（${p.error}）。错误已记录，请重试。`,
  }),
  'slack.cut-marker': message<{ count: number; where: string }>({
    en: (p) => `… ✂ cut here: ${p.count} more characters not shown (${p.where}).`,
    zh: (p) => `… ✂ 此处截断：还有 ${p.count} 个字符未显示（${p.where}）。`,
  }),
  'slack.cut.file-below': fixed('the full text is in the file below', '完整内容见下方文件'),
  'slack.cut.ask-in-thread': fixed(
    'mention me in a thread or DM me to get the whole text as a file',
    '在话题中 @我 或私信我，可获得完整内容的文件',
  ),
  'slack.cut.upload-failed': fixed(
    'the file upload failed; the reachbot CLI prints it in full',
    '文件上传失败；reachbot 命令行会完整输出',
  ),
  'slack.upload-failed-inline': message<{ filename: string; error: string }>({
    en: (p) => `_${p.filename} could not be uploaded (${p.error}); here it is inline:_`,
    zh: (p) => `_${p.filename} 无法上传（${p.error}）；内容如下：_`,
  }),
  'slack.shared': message<{ user: string; text: string }>({
    en: (p) => `<@${p.user}> shared: ${p.text}`,
    zh: (p) => `<@${p.user}> 分享了：${p.text}`,
  }),
  'slack.post-failed': message<{ error: string }>({
    en: (p) => `:warning: I could not post the answer (${p.error}). Please try again in a minute.`,
    zh: (p) => `:warning: 无法发布回答（${p.error}）。请稍后再试。`,
  }),
  'slack.failed': message<{ error: string }>({
    en: (p) => `:warning: Something went wrong while answering (${p.error}). It has been logged; please try again.`,
    zh: (p) => `:warning: 回答时出错（${p.error}）。错误已记录，请重试。`,
  }),

  // small talk
  'talk.thanks': fixed(
    "You're welcome. Ask another question any time, or `help` for what I can do.",
    '不客气。随时可以再问，或用 `help` 查看我能做什么。',
  ),
  'talk.why-what': fixed(
    'Why what? Ask a question first, e.g. `can pod in prod reach 192.168.10.52:3306?`',
    '为什么什么？请先提一个问题，例如 `prod 的容器能访问 192.168.10.52:3306 吗`',
  ),
  'talk.all-pass': message<{ verdict: Verdict }>({
    en: (p) => `Every check on the path passes, so the answer is ${p.verdict}.`,
    zh: (p) =>
      `路径上的每项检查都通过，所以结论是${{ reachable: '可以访问', unreachable: '无法访问', uncertain: '无法确定' }[p.verdict]}。`,
  }),
  'talk.because': message<{ verdict: Verdict }>({
    en: (p) => `It is ${p.verdict} because:`,
    zh: (p) => `结论是${{ reachable: '可以访问', unreachable: '无法访问', uncertain: '无法确定' }[p.verdict]}，原因：`,
  }),

  // help
  'help.ask': fixed(
    '*Ask whether a pod can reach an address* (`/reach <question>`, `@reachbot <question>`, or a DM):',
    '*询问容器能否访问某个地址*（`/reach <问题>`、`@reachbot <问题>` 或私信）：',
  ),
  'help.no-port': fixed(
    "No port: the destination's declared ports are checked, else ping (ICMP). A port without a protocol means TCP.",
    '不指定端口时，检查目的端声明的端口，没有声明则检查 ping（ICMP）。只写端口不写协议时按 TCP 处理。',
  ),
  'help.reverse': message<{ forms: string }>({
    en: (p) => `*Who can reach it, what can it reach*: ${p.forms}`,
    zh: (p) => `*谁能访问它，它能访问什么*：${p.forms}`,
  }),
  'help.thread': message<{ forms: string }>({
    en: (p) => `*In the thread of an answer*, leave out what is already known: ${p.forms}`,
    zh: (p) => `*在回答的消息列中*追问时，可以省略已知的部分：${p.forms}`,
  }),
  'help.whatif': message<{ forms: string }>({
    en: (p) => `…or try a change first (nothing is changed): ${p.forms}`,
    zh: (p) => `……也可以先试一项变更（不会真正修改）：${p.forms}`,
  }),
  'help.commands': fixed('*Commands*', '*命令*'),
  'help.admins': fixed(' _(admins)_', ' _（管理员）_'),
  'help.this-list': fixed('• `help`: this list', '• `help`：本列表'),
  'help.language': fixed(
    'Answers follow the language of your question; `lang zh`, `lang en` or `lang auto` sets yours.',
    '回答的语言与提问的语言一致；用 `lang zh`、`lang en` 或 `lang auto` 设置您的语言。',
  ),

  // lang
  'lang.set': message<{ setting: 'zh' | 'en' | 'auto' }>({
    en: (p) =>
      p.setting === 'auto'
        ? 'Done: I answer you in the language of each question (a thread keeps the language of its first question).'
        : `Done: I answer you in ${p.setting === 'zh' ? 'Chinese' : 'English'}, whatever the language of the question.`,
    zh: (p) =>
      p.setting === 'auto'
        ? '已设置：按每个问题的语言回答您（消息列沿用其第一个问题的语言）。'
        : `已设置：无论用什么语言提问，都用${p.setting === 'zh' ? '中文' : '英文'}回答您。`,
  }),
  'lang.current': message<{ setting: 'zh' | 'en' | 'auto' }>({
    en: (p) =>
      `Your language: ${p.setting === 'auto' ? 'auto (the language of each question)' : p.setting}. Change it with \`lang zh\`, \`lang en\` or \`lang auto\`.`,
    zh: (p) =>
      `您的语言：${p.setting === 'auto' ? 'auto（与每个问题的语言一致）' : p.setting}。可用 \`lang zh\`、\`lang en\` 或 \`lang auto\` 修改。`,
  }),
  'lang.invalid': message<{ value: string }>({
    en: (p) => `"${p.value}" is not a language I answer in: use \`lang zh\`, \`lang en\` or \`lang auto\`.`,
    zh: (p) => `“${p.value}”不是支持的语言：请使用 \`lang zh\`、\`lang en\` 或 \`lang auto\`。`,
  }),

  // App Home
  'home.title': fixed('reachbot: can this pod reach that address?', 'reachbot：这个容器能访问那个地址吗？'),
  'home.intro': fixed(
    'Ask with `/reach prod 192.168.10.52 tcp/3306`, mention me in a thread (`@reachbot can pod in prod reach db1?`), or DM me. `/reach help` lists every form.',
    '用 `/reach prod 的容器能访问 192.168.10.52:3306 吗` 提问，在消息列中提及我（`@reachbot prod 能访问 db1 吗`），或私信我。`/reach help` 列出所有写法。',
  ),
  'home.topologies': message<{ count: number }>({
    en: (p) => `Topologies (${p.count})`,
    zh: (p) => `拓扑（${p.count}）`,
  }),
  'home.no-topology': fixed(
    'No topology is registered yet. An admin can DM me a topology file (YAML or JSON) with the message `topology import NAME`.',
    '尚未注册任何拓扑。管理员可以私信我一个拓扑文件（YAML 或 JSON），并附上消息 `topology import NAME`。',
  ),
  'home.default': fixed(' (default)', '（默认）'),
  'home.counts': message<{ clusters: number; resources: number }>({
    en: (p) => `${p.clusters} cluster${p.clusters === 1 ? '' : 's'}, ${p.resources} resources`,
    zh: (p) => `${p.clusters} 个集群，${p.resources} 个资源`,
  }),
  'home.cluster': message<{ name: string; model: string; vpc: string; version?: string }>({
    en: (p) => `• *${p.name}*: \`${p.model}\` in VPC \`${p.vpc}\`${p.version ? `, ${p.version}` : ''}`,
    zh: (p) => `• *${p.name}*：\`${p.model}\`，VPC \`${p.vpc}\`${p.version ? `，${p.version}` : ''}`,
  }),
  'home.no-clusters': fixed('_no clusters_', '_没有集群_'),
  'home.imported': message<{ at: string }>({
    en: (p) => `imported ${p.at}`,
    zh: (p) => `导入于 ${p.at}`,
  }),
  'home.by': message<{ user: string }>({
    en: (p) => `by <@${p.user}>`,
    zh: (p) => `导入人 <@${p.user}>`,
  }),
  'home.watched': message<{ count: number }>({
    en: (p) => `Watched paths (${p.count})`,
    zh: (p) => `关注的路径（${p.count}）`,
  }),
  'home.no-watches': fixed(
    'Nothing is watched. Press *Watch this path* on an answer, or `/reach watch prod db1:3306`.',
    '尚未关注任何路径。在回答上点击*关注这条路径*，或使用 `/reach watch prod db1:3306`。',
  ),
  'home.verdict': message<{ verdict: Verdict }>({
    en: (p) =>
      ({ reachable: ':white_check_mark: reachable', unreachable: ':x: unreachable', uncertain: ':warning: uncertain' })[
        p.verdict
      ],
    zh: (p) =>
      ({ reachable: ':white_check_mark: 可以访问', unreachable: ':x: 无法访问', uncertain: ':warning: 无法确定' })[
        p.verdict
      ],
  }),
  'home.checked': message<{ at: string }>({
    en: (p) => `(checked ${p.at})`,
    zh: (p) => `（检查于 ${p.at}）`,
  }),
  'home.not-checked': fixed('not checked yet', '尚未检查'),
  'home.in-topology': message<{ question: string; topology: string; channel: string }>({
    en: (p) => `${p.question} in \`${p.topology}\`, <#${p.channel}>`,
    zh: (p) => `${p.question}（拓扑 \`${p.topology}\`，<#${p.channel}>）`,
  }),
  'home.more-blocks': message<{ count: number }>({
    en: (p) => `…and ${p.count} more blocks; use \`/reach topologies\` for the full list.`,
    zh: (p) => `……另有 ${p.count} 个区块；完整列表请用 \`/reach topologies\`。`,
  }),
};
