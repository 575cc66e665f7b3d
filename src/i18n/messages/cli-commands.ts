// What the terminal's commands say as they run (topology, whatif, check-plan): results and refusals.
// Topology names, files, commands and options stay as typed in every language.

import type { FileProblem } from '../../runtime/file-problem.js';
import { enUnreadable, zhUnreadable } from '../file-problem-words.js';
import { fixed, message } from '../message.js';

const enUnwritable = (why: FileProblem) => (why === 'missing' ? 'no such directory' : enUnreadable(why));
const zhUnwritable = (why: FileProblem) => (why === 'missing' ? '目录不存在' : zhUnreadable(why));

const SYNCED_ZH = { unchanged: '没有变化', replaced: '网络有变化，已替换', created: '已导入' } as const;
const SYNCED_EN = { unchanged: 'no change', replaced: 'the network changed; replaced', created: 'imported' } as const;

/** The commands' catalog, keyed by message id. */
export const cliCommands = {
  'cli.file.unreadable': message<{ file: string; why: FileProblem }>({
    en: (p) => `cannot read ${p.file}: ${enUnreadable(p.why)}`,
    zh: (p) => `无法读取 ${p.file}：${zhUnreadable(p.why)}`,
  }),
  'cli.file.unwritable': message<{ file: string; why: FileProblem }>({
    en: (p) => `cannot write ${p.file}: ${enUnwritable(p.why)}`,
    zh: (p) => `无法写入 ${p.file}：${zhUnwritable(p.why)}`,
  }),
  'cli.file.invalid-topology': message<{ file: string; lines: readonly string[] }>({
    en: (p) =>
      `${p.file} is not a valid topology (${p.lines.length} problem${p.lines.length === 1 ? '' : 's'}):\n${p.lines.join('\n')}`,
    zh: (p) => `${p.file} 不是有效的拓扑（${p.lines.length} 个问题）：\n${p.lines.join('\n')}`,
  }),
  'cli.topology.bad-name-import': message<{ name: string }>({
    en: (p) =>
      `"${p.name}" is not a valid topology name: use letters, digits, ".", "_" and "-" (choose one with --name)`,
    zh: (p) => `“${p.name}”不是有效的拓扑名称：只能使用字母、数字、“.”、“_”和“-”（可用 --name 另取名称）`,
  }),
  'cli.topology.bad-name': message<{ name: string }>({
    en: (p) => `"${p.name}" is not a valid topology name`,
    zh: (p) => `“${p.name}”不是有效的拓扑名称`,
  }),
  'cli.topology.changes': message<{ name: string }>({
    en: (p) => `changes to topology "${p.name}":`,
    zh: (p) => `拓扑“${p.name}”的变更：`,
  }),
  'cli.topology.differs': message<{ name: string }>({
    en: (p) => `topology "${p.name}" exists and differs; nothing was replaced. Re-run with --yes to replace it.`,
    zh: (p) => `拓扑“${p.name}”已存在且内容不同，未做任何替换。如需替换，请加 --yes 重新运行。`,
  }),
  'cli.topology.stored': message<{
    name: string;
    file: string;
    summary: string;
    replaced: boolean;
    isDefault: boolean;
  }>({
    en: (p) =>
      `${p.replaced ? 'replaced' : 'stored'} topology "${p.name}" from ${p.file} (${p.summary})${p.isDefault ? '; it is the default' : ''}`,
    zh: (p) =>
      `已${p.replaced ? '替换' : '保存'}拓扑“${p.name}”，来自 ${p.file}（${p.summary}）${p.isDefault ? '；它是默认拓扑' : ''}`,
  }),
  'cli.topology.none': fixed(
    'no topologies stored; add one with `reachbot topology import FILE`',
    '没有已保存的拓扑；请用 `reachbot topology import FILE` 添加',
  ),
  'cli.topology.wrote': message<{ file: string }>({
    en: (p) => `wrote ${p.file}`,
    zh: (p) => `已写入 ${p.file}`,
  }),
  'cli.topology.removed': message<{ name: string }>({
    en: (p) => `removed topology "${p.name}"`,
    zh: (p) => `已删除拓扑“${p.name}”`,
  }),
  'cli.topology.now-default': message<{ name: string }>({
    en: (p) => `"${p.name}" is now the default topology`,
    zh: (p) => `“${p.name}”现在是默认拓扑`,
  }),
  'cli.topology.unknown': message<{ name: string; noneStored: boolean }>({
    en: (p) => `no topology named "${p.name}"${p.noneStored ? ': no topologies are stored' : ''}`,
    zh: (p) => `没有名为“${p.name}”的拓扑${p.noneStored ? '：尚未保存任何拓扑' : ''}`,
  }),
  'cli.sync.off': message<{ name: string; removed: boolean }>({
    en: (p) => (p.removed ? `"${p.name}" is no longer synced` : `"${p.name}" had no sync`),
    zh: (p) => (p.removed ? `“${p.name}”已停止同步` : `“${p.name}”原本就没有同步`),
  }),
  'cli.sync.in-cluster': fixed(
    '--in-cluster goes with --kubernetes CLUSTER',
    '--in-cluster 需要与 --kubernetes CLUSTER 一起使用',
  ),
  'cli.sync.no-source': message<{ name: string }>({
    en: (p) => `"${p.name}" has no sync source; give one: reachbot topology sync ${p.name} --from huaweicloud:REGION`,
    zh: (p) => `“${p.name}”没有同步来源，请指定一个：\`reachbot topology sync ${p.name} --from huaweicloud:REGION\``,
  }),
  'cli.sync.schedule': message<{ name: string; source: string; interval: string; clusters: readonly string[] }>({
    en: (p) =>
      `"${p.name}" syncs from ${p.source} every ${p.interval}${p.clusters.length ? `, then the Kubernetes side of ${p.clusters.join(', ')}` : ''}`,
    zh: (p) =>
      `“${p.name}”每 ${p.interval} 从 ${p.source} 同步一次${p.clusters.length ? `，随后读取 ${p.clusters.join('、')} 的 Kubernetes 侧` : ''}`,
  }),
  'cli.sync.failed': message<{ name: string; kind: string; message: string }>({
    en: (p) => `sync of "${p.name}" failed (${p.kind}): ${p.message}`,
    zh: (p) => `“${p.name}”同步失败（${p.kind}）：${p.message}`,
  }),
  'cli.sync.done': message<{ name: string; status: keyof typeof SYNCED_EN }>({
    en: (p) => `synced "${p.name}": ${SYNCED_EN[p.status]}`,
    zh: (p) => `已同步“${p.name}”：${SYNCED_ZH[p.status]}`,
  }),
  'cli.paths.none-stored': fixed(
    'no topologies are stored: give --topology FILE',
    '没有已保存的拓扑：请用 --topology FILE 指定',
  ),
  'cli.paths.no-default': fixed(
    'several topologies are stored and none is the default: give --topology FILE or make one the default',
    '保存了多个拓扑，但没有默认拓扑：请用 --topology FILE 指定，或将其中一个设为默认',
  ),
  'cli.paths.none-to-check': message<{ fromFile: boolean }>({
    en: (p) =>
      p.fromFile
        ? 'no paths to check: give --questions FILE (one question a line)'
        : 'no watched paths in the store for this topology: give --questions FILE',
    zh: (p) =>
      p.fromFile
        ? '没有要检查的路径：请用 --questions FILE 指定（每行一个问题）'
        : '存储中没有这个拓扑的关注路径：请用 --questions FILE 指定',
  }),
  'cli.whatif.one-change': fixed(
    'give the change with --change FILE or --what-if "…" (one of them)',
    '请用 --change FILE 或 --what-if "…" 给出变更（二选一）',
  ),
  'cli.whatif.not-a-change': fixed('the --what-if text is not a change', '--what-if 的文字不是一个变更'),
  'cli.whatif.fixes-need-question': fixed(
    '"apply the fixes" needs the question whose fixes to apply',
    '“应用修复”需要给出要应用其修复方法的问题',
  ),
};

/** What `reachbot import` says: the imported topology, its warnings, what it refused. */
export const cliImport = {
  'cli.import.bad-endpoint': message<{ pair: string }>({
    en: (p) => `--endpoint ${p.pair}: write SERVICE=URL, e.g. dns=https://dns.internal.example`,
    zh: (p) => `--endpoint ${p.pair}：请写成 SERVICE=URL，例如 dns=https://dns.internal.example`,
  }),
  'cli.import.bad-name': message<{ name: string }>({
    en: (p) => `"${p.name}" is not a valid topology name: letters, digits, ".", "_" and "-", at most 64`,
    zh: (p) => `“${p.name}”不是有效的拓扑名称：只能使用字母、数字、“.”、“_”和“-”，最多 64 个字符`,
  }),
  'cli.import.failed': message<{ message: string }>({
    en: (p) => `import failed: ${p.message}`,
    zh: (p) => `导入失败：${p.message}`,
  }),
  'cli.import.unchanged': message<{ name: string }>({
    en: (p) => `topology "${p.name}" is unchanged`,
    zh: (p) => `拓扑“${p.name}”没有变化`,
  }),
  'cli.import.exists': message<{ name: string }>({
    en: (p) => `topology "${p.name}" exists; nothing was replaced. Re-run with --yes to replace it.`,
    zh: (p) => `拓扑“${p.name}”已存在，未做任何替换。如需替换，请加 --yes 重新运行。`,
  }),
  'cli.import.stored': message<{
    name: string;
    replaced: boolean;
    vpcs: number;
    clusters: number;
    resources: number;
    securityGroups: number;
    warnings: number;
  }>({
    en: (p) => {
      const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
      const parts = [n(p.vpcs, 'VPC'), n(p.clusters, 'cluster'), n(p.resources, 'resource')];
      const summary = `${[...parts, n(p.securityGroups, 'security group')].join(', ')}; ${n(p.warnings, 'warning')}`;
      return `${p.replaced ? 'replaced' : 'stored'} topology "${p.name}" (${summary})`;
    },
    zh: (p) =>
      `已${p.replaced ? '替换' : '保存'}拓扑“${p.name}”（${p.vpcs} 个 VPC、${p.clusters} 个集群、${p.resources} 个资源、${p.securityGroups} 个安全组；${p.warnings} 条警告）`,
  }),
  'cli.import.cluster-unchanged': message<{ cluster: string; name: string }>({
    en: (p) => `cluster ${p.cluster} of topology "${p.name}" is unchanged`,
    zh: (p) => `拓扑“${p.name}”中的集群 ${p.cluster} 没有变化`,
  }),
  'cli.import.dry-run': fixed('dry run: nothing was stored', '试运行：未保存任何内容'),
  'cli.import.cluster-updated': message<{
    cluster: string;
    name: string;
    namespaces: number;
    workloads: number;
    policies: number;
    groups: number;
    warnings: number;
  }>({
    en: (p) =>
      `updated cluster ${p.cluster} of topology "${p.name}" (${p.namespaces} namespaces, ${p.workloads} workloads, ${p.policies} NetworkPolicies, ${p.groups} SecurityGroup resources; ${p.warnings} warning${p.warnings === 1 ? '' : 's'})`,
    zh: (p) =>
      `已更新拓扑“${p.name}”中的集群 ${p.cluster}（${p.namespaces} 个命名空间、${p.workloads} 个工作负载、${p.policies} 条网络策略、${p.groups} 个 SecurityGroup 资源；${p.warnings} 条警告）`,
  }),
};
