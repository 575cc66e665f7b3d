// The replies of the shared subcommands (`clusters`, `topologies`, `topology …`) and the admin refusal, in the
// asker's language. Names, commands and file contents stay as typed.
import { fixed, message } from '../message.js';

const zhList = (items: readonly string[]) => items.join('、');

/** The subcommand replies' catalog, keyed by message id. */
export const commands = {
  'clusters.no-topology': message<{ name: string }>({
    en: (p) => `No topology named \`${p.name}\`. \`topologies\` lists them.`,
    zh: (p) => `没有名为 \`${p.name}\` 的拓扑。\`topologies\` 列出所有拓扑。`,
  }),
  'clusters.line': message<{ name: string; model: string; vpc: string; version?: string; topology: string }>({
    en: (p) =>
      `• *${p.name}*: \`${p.model}\`, VPC \`${p.vpc}\`${p.version ? `, ${p.version}` : ''} (topology \`${p.topology}\`)`,
    zh: (p) =>
      `• *${p.name}*：\`${p.model}\`，VPC \`${p.vpc}\`${p.version ? `，${p.version}` : ''}（拓扑 \`${p.topology}\`）`,
  }),
  'clusters.none': fixed(
    'No clusters are registered yet. An admin can import a topology (`help`).',
    '尚未注册任何集群。管理员可以导入拓扑（见 `help`）。',
  ),
  'clusters.title': message<{ count: number }>({
    en: (p) => `*Clusters (${p.count})*`,
    zh: (p) => `*集群（${p.count}）*`,
  }),
  'topologies.none': fixed(
    'No topology is registered yet. An admin can import one: `topology import NAME` with the file.',
    '尚未注册任何拓扑。管理员可以导入：附上文件并发送 `topology import NAME`。',
  ),
  'topologies.title': message<{ count: number }>({
    en: (p) => `*Topologies (${p.count})*`,
    zh: (p) => `*拓扑（${p.count}）*`,
  }),
  'topologies.line': message<{
    name: string;
    isDefault: boolean;
    clusters: readonly string[];
    at: string;
    by?: string;
    from?: string;
  }>({
    en: (p) =>
      `• *${p.name}*${p.isDefault ? ' (default)' : ''}: ${p.clusters.join(', ') || 'no clusters'}; imported ${p.at}${p.by ? ` by ${p.by}` : ''}${p.from ? ` from ${p.from}` : ''}`,
    zh: (p) =>
      `• *${p.name}*${p.isDefault ? '（默认）' : ''}：${zhList(p.clusters) || '没有集群'}；导入于 ${p.at}${p.by ? `，导入人 ${p.by}` : ''}${p.from ? `，来源 ${p.from}` : ''}`,
  }),
  'admin.refused': message<{ action: string; admins: readonly string[] }>({
    en: (p) =>
      `:no_entry: \`${p.action}\` changes what everyone's answers are based on, so only reachbot admins may run it. ${p.admins.length ? `Ask an admin (${p.admins.map((id) => `<@${id}>`).join(', ')}) to do it, or to add you` : 'No admin is configured: set REACHBOT_ADMINS to the Slack user ids who may change topologies'}. Your request was not applied and has been recorded.`,
    zh: (p) =>
      `:no_entry: \`${p.action}\` 会改变所有人回答所依据的拓扑，只有 reachbot 管理员可以执行。${p.admins.length ? `请联系管理员（${p.admins.map((id) => `<@${id}>`).join('、')}）代为执行，或把您加为管理员` : '尚未配置管理员：请把可以修改拓扑的 Slack 用户 ID 设置到 REACHBOT_ADMINS'}。您的请求未执行，已记录在审计日志中。`,
  }),
  'topology.usage': message<{ usage: string; verb?: string }>({
    en: (p) =>
      `Usage: \`${p.usage}\`, or \`topology list\`.${p.verb ? ` \`${p.verb}\` is not one of list, show, export, import, remove, sync.` : ''}`,
    zh: (p) =>
      `用法：\`${p.usage}\`，或 \`topology list\`。${p.verb ? `\`${p.verb}\` 不是 \`list\`、\`show\`、\`export\`、\`import\`、\`remove\`、\`sync\` 之一。` : ''}`,
  }),
  'topology.invalid-file': message<{ name: string; issues: string }>({
    en: (p) => `:x: \`${p.name}\` was not imported: the file is not a valid v1 topology.\n\`\`\`\n${p.issues}\n\`\`\``,
    zh: (p) => `:x: \`${p.name}\` 未导入：该文件不是有效的 v1 拓扑。\n\`\`\`\n${p.issues}\n\`\`\``,
  }),
  'topology.warnings': message<{ count: number; lines: readonly string[]; more: number }>({
    en: (p) =>
      `\n*${p.count} import warning${p.count === 1 ? '' : 's'}:*\n${p.lines.map((w) => `• ${w}`).join('\n')}${p.more > 0 ? `\n• …and ${p.more} more` : ''}`,
    zh: (p) =>
      `\n*${p.count} 条导入警告：*\n${p.lines.map((w) => `• ${w}`).join('\n')}${p.more > 0 ? `\n• ……另有 ${p.more} 条` : ''}`,
  }),
  'topology.replaced': message<{ name: string; source: string }>({
    en: (p) => `:white_check_mark: Replaced topology \`${p.name}\` (from ${p.source}).`,
    zh: (p) => `:white_check_mark: 已替换拓扑 \`${p.name}\`（来源 ${p.source}）。`,
  }),
  'topology.imported': message<{ name: string; source: string; clusters: string }>({
    en: (p) => `:white_check_mark: Imported topology \`${p.name}\` (from ${p.source}): ${p.clusters || 'no clusters'}.`,
    zh: (p) => `:white_check_mark: 已导入拓扑 \`${p.name}\`（来源 ${p.source}）：${p.clusters || '没有集群'}。`,
  }),
  'topology.what-changed': fixed('*What changed:*', '*变更内容：*'),
  'topology.show-head': message<{ name: string; at: string; by?: string; from?: string }>({
    en: (p) => `*Topology ${p.name}*: imported ${p.at}${p.by ? ` by ${p.by}` : ''}${p.from ? ` from ${p.from}` : ''}`,
    zh: (p) => `*拓扑 ${p.name}*：导入于 ${p.at}${p.by ? `，导入人 ${p.by}` : ''}${p.from ? `，来源 ${p.from}` : ''}`,
  }),
  'topology.show-cluster': message<{ name: string; model: string; vpc: string; subnets: string }>({
    en: (p) => `• cluster *${p.name}*: \`${p.model}\`, VPC \`${p.vpc}\`, node subnets ${p.subnets}`,
    zh: (p) => `• 集群 *${p.name}*：\`${p.model}\`，VPC \`${p.vpc}\`，节点子网 ${p.subnets}`,
  }),
  'topology.show-vpc': message<{ vpc: string; cidr: string; subnets: number }>({
    en: (p) => `• VPC \`${p.vpc}\` ${p.cidr}, ${p.subnets} subnets`,
    zh: (p) => `• VPC \`${p.vpc}\` ${p.cidr}，${p.subnets} 个子网`,
  }),
  'topology.show-counts': message<{ resources: number; groups: number; acls: number; peerings: number }>({
    en: (p) => `${p.resources} resources, ${p.groups} security groups, ${p.acls} network ACLs, ${p.peerings} peerings`,
    zh: (p) => `${p.resources} 个资源，${p.groups} 个安全组，${p.acls} 个网络ACL，${p.peerings} 个对等连接`,
  }),
  'topology.show-export': message<{ name: string }>({
    en: (p) => `\`topology export ${p.name}\` gives the whole file.`,
    zh: (p) => `\`topology export ${p.name}\` 可导出完整文件。`,
  }),
  'topology.export': message<{ name: string }>({
    en: (p) => `Topology \`${p.name}\` as YAML (v1; \`topology import ${p.name}\` takes it back):`,
    zh: (p) => `拓扑 \`${p.name}\` 的 YAML（v1；可用 \`topology import ${p.name}\` 导回）：`,
  }),
  'topology.removed': message<{ name: string; watching: number }>({
    en: (p) =>
      `:wastebasket: Removed topology \`${p.name}\`.${p.watching ? ` ${p.watching} watch${p.watching === 1 ? '' : 'es'} still name it and will report it missing until it is imported again or they are removed.` : ''}`,
    zh: (p) =>
      `:wastebasket: 已删除拓扑 \`${p.name}\`。${p.watching ? `仍有 ${p.watching} 条关注引用它，在重新导入该拓扑或删除这些关注之前，它们会报告拓扑缺失。` : ''}`,
  }),
  'topology.no-sync': fixed('Cloud sync is not configured in this deployment.', '此部署未配置云同步。'),
  // `ours`: the message is reachbot's own (already in the reader's language); else the source's words, as code.
  'topology.sync-failed': message<{ name: string; message: string; ours?: boolean }>({
    en: (p) => `:x: Sync of \`${p.name}\` failed: ${p.message}`,
    zh: (p) => `:x: 同步 \`${p.name}\` 失败：${p.ours ? p.message : `\`${p.message}\``}`,
  }),
  'topology.import-how': message<{ name: string }>({
    en: (p) =>
      `To import \`${p.name}\`, DM me the topology file (YAML or JSON) with the message \`topology import ${p.name}\`, or mention me with the file attached in a channel. You can also paste the YAML right after \`topology import ${p.name}\` on the next lines.`,
    zh: (p) =>
      `导入 \`${p.name}\`：私信我拓扑文件（YAML 或 JSON）并附上消息 \`topology import ${p.name}\`，或在频道中提及我并附上文件。也可以在 \`topology import ${p.name}\` 的下一行直接粘贴 YAML。`,
  }),
  'topology.not-found': message<{ name: string; known: readonly string[] }>({
    en: (p) =>
      `No topology named \`${p.name}\`. Known: ${p.known.length ? p.known.map((k) => `\`${k}\``).join(', ') : 'none yet'}.`,
    zh: (p) =>
      `没有名为 \`${p.name}\` 的拓扑。已有：${p.known.length ? p.known.map((k) => `\`${k}\``).join('、') : '暂无'}。`,
  }),
  'topology.which': message<{ usage: string }>({
    en: (p) => `Which topology? Usage: \`${p.usage}\`.`,
    zh: (p) => `哪个拓扑？用法：\`${p.usage}\`。`,
  }),
  'topology.bad-name': message<{ name: string }>({
    en: (p) => `\`${p.name}\` is not a valid topology name: use letters, digits, \`.\`, \`-\` or \`_\` (at most 64).`,
    zh: (p) => `\`${p.name}\` 不是有效的拓扑名称：只能使用字母、数字、\`.\`、\`-\` 或 \`_\`（最多 64 个字符）。`,
  }),
};
