// The texts of scheduled syncs (src/sync/): freshness lines in answers, sync health, failure and recovery posts,
// and the replies of `topology sync`. English is the text syncs always wrote. In Chinese, an importer's own error
// message (from the cloud API or a file) is quoted as code: it is the source's words, not ours.
import type { SyncFailureKind } from '../../store/data.js';
import { fixed, type Message, message } from '../message.js';

/** Why a sync failed, as the reason column of `topology list` says it. */
export const FAILURE_WORDS: Readonly<Record<SyncFailureKind, Message<void>>> = {
  'expired-key': fixed('expired or refused key', '访问密钥已过期或被拒绝'),
  forbidden: fixed('permission missing', '缺少权限'),
  throttled: fixed('throttled', '请求被限流'),
  'service-missing': fixed('service missing', '该区域未提供此服务'),
  unreachable: fixed('source unreachable', '无法连接数据源'),
  partial: fixed('incomplete import', '导入不完整'),
  invalid: fixed('invalid source', '数据源无效'),
  error: fixed('error', '错误'),
};

/** A source's own error message inside our sentence: as is in English, quoted as code in Chinese. */
const quoted = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/** A failure's message: reachbot's own words (`ours`, already Chinese) as they are, a source's quoted as code. */
const said = (p: { message: string; ours?: boolean }) => (p.ours ? p.message : quoted(p.message));

/** The sync catalog, keyed by id. */
export const sync = {
  ...Object.fromEntries(Object.entries(FAILURE_WORDS).map(([kind, m]) => [`sync.failure.${kind}`, m])),

  'sync.justNow': fixed('just now', '刚刚'),
  'sync.ago': message<{ duration: string }>({ en: (p) => `${p.duration} ago`, zh: (p) => `${p.duration}前` }),
  'sync.sourceHuaweiCloud': message<{ region: string; vpcs?: string }>({
    en: (p) => `Huawei Cloud ${p.region}${p.vpcs ? ` (VPC ${p.vpcs})` : ''}`,
    zh: (p) => `华为云 ${p.region}${p.vpcs ? `（VPC ${p.vpcs}）` : ''}`,
  }),
  'sync.sourceTerraform': message<{ name: string }>({
    en: (p) => `Terraform state ${p.name}`,
    zh: (p) => `Terraform 状态文件 ${p.name}`,
  }),

  // Freshness of an answer's topology.
  'sync.byHand': fixed('imported by hand', '手动导入'),
  'sync.freshNotSynced': message<{ topology: string; source: string; imported: string }>({
    en: (p) => `topology ${p.topology}, ${p.source}, imported ${p.imported}, no sync set up`,
    zh: (p) => `拓扑 ${p.topology}，${p.source}，${p.imported}导入（未配置同步）`,
  }),
  'sync.freshSynced': message<{ topology: string; source: string; synced: string; changed?: string }>({
    en: (p) =>
      `topology ${p.topology}, ${p.source}, synced ${p.synced}${p.changed ? `, last changed ${p.changed}` : ''}`,
    zh: (p) => `拓扑 ${p.topology}，${p.source}，${p.synced}同步${p.changed ? `，最近一次变化在${p.changed}` : ''}`,
  }),
  'sync.freshNotYet': message<{ topology: string; source: string; imported: string }>({
    en: (p) => `topology ${p.topology}, ${p.source}, imported ${p.imported}, not synced yet`,
    zh: (p) => `拓扑 ${p.topology}，${p.source}，${p.imported}导入，尚未同步`,
  }),
  'sync.basisSynced': message<{ ago: string }>({ en: (p) => `synced ${p.ago}`, zh: (p) => `${p.ago}同步` }),
  'sync.basisImported': message<{ ago: string }>({ en: (p) => `imported ${p.ago}`, zh: (p) => `${p.ago}导入` }),
  // `ours` (below): the failure's message is reachbot's own, already in the reader's language; else the source's.
  'sync.warnFailed': message<{
    topology: string;
    source: string;
    failed: string;
    reason: string;
    message: string;
    ours?: boolean;
    basis: string;
  }>({
    en: (p) =>
      `The last sync of topology ${p.topology} from ${p.source} failed ${p.failed} (${p.reason}: ${p.message}). This answer uses the topology as ${p.basis}.`,
    zh: (p) =>
      `拓扑 ${p.topology} 最近一次从 ${p.source} 同步失败（${p.failed}，${p.reason}：${said(p)}）。本回答使用的是${p.basis}的拓扑。`,
  }),
  'sync.warnOverdue': message<{
    topology: string;
    synced: boolean;
    since: string;
    intervals: number;
    interval: string;
  }>({
    en: (p) =>
      `Topology ${p.topology} was last ${p.synced ? 'synced' : 'imported'} ${p.since}, more than ${p.intervals} sync intervals (${p.interval}) ago; the network may have changed since.`,
    zh: (p) =>
      `拓扑 ${p.topology} 最近一次${p.synced ? '同步' : '导入'}在${p.since}，已超过 ${p.intervals} 个同步周期（${p.interval}）；网络可能已发生变化。`,
  }),
  'sync.warnKubernetes': message<{ topology: string; clusters: string; message: string }>({
    en: (p) =>
      `The last sync of topology ${p.topology} could not read the Kubernetes side of ${p.clusters} (${p.message}); this answer uses its NetworkPolicies and workloads as last read.`,
    zh: (p) =>
      `拓扑 ${p.topology} 最近一次同步未能读取 ${p.clusters} 的 Kubernetes 侧（${quoted(p.message)}）；本回答使用上次读取的网络策略和工作负载。`,
  }),

  // Sync health in one line (topology list, App Home).
  'sync.healthFrom': message<{ source: string; interval: string }>({
    en: (p) => `synced from ${p.source} every ${p.interval}`,
    zh: (p) => `从 ${p.source} 同步，周期 ${p.interval}`,
  }),
  'sync.healthLastSuccess': message<{ ago: string }>({
    en: (p) => `last success ${p.ago}`,
    zh: (p) => `最近成功：${p.ago}`,
  }),
  'sync.healthNoSuccess': fixed('no success yet', '尚未成功'),
  'sync.healthFailing': message<{ count: number }>({
    en: (p) => `FAILING (${p.count} in a row)`,
    zh: (p) => `连续失败 ${p.count} 次`,
  }),
  'sync.healthLastFailure': fixed('last failure', '最近失败'),
  'sync.healthFailure': message<{ state: string; ago: string; reason: string; message: string; ours?: boolean }>({
    en: (p) => `${p.state} ${p.ago}: ${p.reason} (${p.message})`,
    zh: (p) => `${p.state}（${p.ago}）：${p.reason}（${said(p)}）`,
  }),
  'sync.healthKubernetes': message<{ targets: string }>({
    en: (p) => `Kubernetes side of ${p.targets}`,
    // Each target ends with its full-width bracket: no space before 的.
    zh: (p) => `读取 ${p.targets}的 Kubernetes 侧`,
  }),
  'sync.kubernetesTarget': message<{ cluster: string; context?: string; inCluster: boolean }>({
    en: (p) => `${p.cluster} (${p.inCluster ? 'in-cluster' : p.context ? `context ${p.context}` : 'current context'})`,
    zh: (p) => `${p.cluster}（${p.inCluster ? '集群内' : p.context ? `上下文 ${p.context}` : '当前上下文'}）`,
  }),
  'sync.healthKubernetesNotRead': message<{ cluster: string; ago: string; message: string }>({
    en: (p) => `Kubernetes ${p.cluster} NOT READ ${p.ago}: ${p.message} (previous Kubernetes data kept)`,
    zh: (p) => `${p.cluster} 的 Kubernetes 侧未读取（${p.ago}）：${quoted(p.message)}（保留之前的 Kubernetes 数据）`,
  }),
  'sync.healthNext': message<{ when: string }>({ en: (p) => `next run ${p.when}`, zh: (p) => `下次运行：${p.when}` }),
  'sync.dueNow': fixed('due now', '立即'),
  'sync.inMinutes': message<{ minutes: number; duration: string }>({
    en: (p) => `in ${p.minutes} min`,
    zh: (p) => `${p.duration}后`,
  }),
  'sync.at': message<{ time: string }>({ en: (p) => `at ${p.time}`, zh: (p) => p.time }),

  // Failure and recovery posts in the watching channels.
  'sync.unknown': fixed('unknown', '未知'),
  'sync.reason': message<{ label: string; message: string; ours?: boolean }>({
    en: (p) => `${p.label}: ${p.message}`,
    zh: (p) => `${p.label}：${said(p)}`,
  }),
  'sync.sinceSynced': message<{ time: string }>({
    en: (p) => `answers use it as synced at ${p.time}`,
    zh: (p) => `回答使用 ${p.time} 同步的版本`,
  }),
  'sync.sinceNever': fixed('it has not synced yet', '该拓扑尚未同步成功'),
  'sync.failureText': message<{ topology: string; source: string; count: number; reason: string; since: string }>({
    en: (p) =>
      `Sync of topology ${p.topology} from ${p.source} has failed ${p.count} times in a row (${p.reason}); ${p.since}. Retrying with backoff; recovery will be posted here once.`,
    zh: (p) =>
      `拓扑 ${p.topology} 从 ${p.source} 同步已连续失败 ${p.count} 次（${p.reason}）；${p.since}。正在按退避策略重试；恢复后会在此通知一次。`,
  }),
  'sync.failureBlock': message<{
    topology: string;
    source: string;
    count: number;
    reason: string;
    since: string;
    interval: string;
  }>({
    en: (p) =>
      `*Sync of topology \`${p.topology}\` is failing* (${p.count} times in a row, from ${p.source}).\n*Reason:* ${p.reason}\nUntil it recovers, ${p.since}. Retrying with backoff (interval ${p.interval}); \`/reach topology list\` shows its health.`,
    zh: (p) =>
      `*拓扑 \`${p.topology}\` 同步失败*（连续 ${p.count} 次，数据源：${p.source}）。\n*原因：*${p.reason}\n恢复之前，${p.since}。正在按退避策略重试（同步周期 ${p.interval}）；\`/reach topology list\` 可查看同步状态。`,
  }),
  'sync.recoveryText': message<{ topology: string; source: string }>({
    en: (p) => `Sync of topology ${p.topology} from ${p.source} works again; answers use the current network.`,
    zh: (p) => `拓扑 ${p.topology} 从 ${p.source} 的同步已恢复；回答将使用当前网络。`,
  }),
  'sync.recoveryBlock': message<{ topology: string; source: string }>({
    en: (p) =>
      `:white_check_mark: *Sync of topology \`${p.topology}\` recovered* (from ${p.source}); answers use the current network again.`,
    zh: (p) => `:white_check_mark: *拓扑 \`${p.topology}\` 同步已恢复*（数据源：${p.source}）；回答重新使用当前网络。`,
  }),

  // Replies of `topology sync NAME …`.
  'sync.cmdOff': message<{ name: string }>({
    en: (p) => `:white_check_mark: \`${p.name}\` is no longer synced; it stays as last imported.`,
    zh: (p) => `:white_check_mark: \`${p.name}\` 已停止同步，保留上次导入的版本。`,
  }),
  'sync.cmdNoSync': message<{ name: string }>({
    en: (p) => `\`${p.name}\` has no scheduled sync.`,
    zh: (p) => `\`${p.name}\` 没有定时同步。`,
  }),
  'sync.cmdUsage': message<{ error: string; usage: string; sources: string }>({
    en: (p) => `${p.error}\nUsage: \`${p.usage}\`; sources: ${p.sources}.`,
    zh: (p) => `${p.error}\n用法：\`${p.usage}\`；数据源：${p.sources}。`,
  }),
  'sync.cmdNoSource': message<{ name: string }>({
    en: (p) => `\`${p.name}\` has no sync source yet. First: \`topology sync ${p.name} from huaweicloud:REGION\`.`,
    zh: (p) => `\`${p.name}\` 还没有同步数据源。请先执行：\`topology sync ${p.name} from huaweicloud:REGION\`。`,
  }),
  'sync.cmdKubernetes': message<{ targets: string }>({
    en: (p) => ` After each cloud import it reads the Kubernetes side of ${p.targets}.`,
    zh: (p) => `每次云上导入后读取 ${p.targets} 的 Kubernetes 侧。`,
  }),
  'sync.cmdHead': message<{ name: string; source: string; interval: string; kubernetes: string }>({
    en: (p) => `\`${p.name}\` syncs from \`${p.source}\` every ${p.interval}.${p.kubernetes}`,
    zh: (p) => `\`${p.name}\` 从 \`${p.source}\` 同步，周期 ${p.interval}。${p.kubernetes}`,
  }),
  'sync.k8sNotRead': message<{ cluster: string; message: string }>({
    en: (p) =>
      `The Kubernetes side of \`${p.cluster}\` was not read (${p.message}); its previous Kubernetes data is kept.`,
    zh: (p) => `未读取 \`${p.cluster}\` 的 Kubernetes 侧（${quoted(p.message)}）；保留之前的 Kubernetes 数据。`,
  }),
  'sync.warnings': message<{ count: number; name: string }>({
    en: (p) => ` (${p.count} import warning${p.count === 1 ? '' : 's'}; \`topology show ${p.name}\`)`,
    zh: (p) => `（${p.count} 条导入警告；\`topology show ${p.name}\`）`,
  }),
  'sync.outUnchanged': message<{ name: string; warned: string }>({
    en: (p) => `:white_check_mark: Synced \`${p.name}\`: no change.${p.warned}`,
    zh: (p) => `:white_check_mark: 已同步 \`${p.name}\`：无变化。${p.warned}`,
  }),
  'sync.outReplaced': message<{ name: string; warned: string }>({
    en: (p) =>
      `:white_check_mark: Synced \`${p.name}\`: the network changed and the topology was replaced; watched paths were re-checked.${p.warned}`,
    zh: (p) => `:white_check_mark: 已同步 \`${p.name}\`：网络有变化，拓扑已替换，监控的路径已重新检查。${p.warned}`,
  }),
  'sync.outCreated': message<{ name: string; warned: string }>({
    en: (p) => `:white_check_mark: Synced \`${p.name}\`: imported for the first time.${p.warned}`,
    zh: (p) => `:white_check_mark: 已同步 \`${p.name}\`：首次导入。${p.warned}`,
  }),
  'sync.outFailed': message<{ name: string; reason: string; message: string; ours?: boolean }>({
    en: (p) =>
      `Sync of \`${p.name}\` failed (${p.reason}): ${p.message}\nAnswers keep using the topology as last synced.`,
    zh: (p) => `\`${p.name}\` 同步失败（${p.reason}）：${said(p)}\n回答继续使用上次同步的拓扑。`,
  }),
};
