// What `topology sync NAME from … every … kubernetes …` says about settings it cannot take (Slack and the
// terminal). Keywords, sources, regions, URLs and cluster names stay as written.
import { fixed, message } from '../message.js';

/** The sync-settings catalog, keyed by id. */
export const syncSettings = {
  'sync.settings.sources': fixed(
    '`huaweicloud:REGION` (e.g. huaweicloud:cn-north-4), `terraform:PATH` (a state file on the bot host) or an `https://` URL of a state',
    '`huaweicloud:REGION`（例如 huaweicloud:cn-north-4）、`terraform:PATH`（机器人所在主机上的状态文件）或状态文件的 `https://` URL',
  ),
  'sync.settings.needs-value': message<{ word: string }>({
    en: (p) => `\`${p.word}\` needs a value`,
    zh: (p) => `\`${p.word}\` 后面需要一个值`,
  }),
  'sync.settings.needs-context': fixed(
    '`context` needs a kubeconfig context name',
    '`context` 后面需要 kubeconfig 中的上下文名称',
  ),
  'sync.settings.not-understood': message<{ word: string }>({
    en: (p) => `\`${p.word}\` is not understood here`,
    zh: (p) => `这里不认识 \`${p.word}\``,
  }),
  'sync.settings.filters-need-huaweicloud': fixed(
    '`project` and `vpc` go with `from huaweicloud:REGION`',
    '`project` 和 `vpc` 只能与 `from huaweicloud:REGION` 一起使用',
  ),
  'sync.settings.bad-region': message<{ region: string }>({
    en: (p) => `"${p.region}" is not a Huawei Cloud region id (e.g. huaweicloud:cn-north-4)`,
    zh: (p) => `“${p.region}”不是华为云区域 ID（例如 huaweicloud:cn-north-4）`,
  }),
  'sync.settings.filter-not-huaweicloud': fixed(
    'a project or VPC filter applies only to a huaweicloud: source',
    '项目或 VPC 过滤条件只适用于 huaweicloud: 数据源',
  ),
  'sync.settings.not-url': message<{ text: string }>({
    en: (p) => `"${p.text}" is not a URL`,
    zh: (p) => `“${p.text}”不是 URL`,
  }),
  'sync.settings.needs-https': message<{ text: string }>({
    en: (p) => `a state URL must be https (plain http only to a loopback address): ${p.text}`,
    zh: (p) => `状态文件 URL 必须使用 https（只有本机回环地址可以用 http）：${p.text}`,
  }),
  'sync.settings.url-credentials': fixed(
    'put no credentials in a state URL; use a pre-signed https URL instead',
    '不要在状态文件 URL 中放入凭证；请改用预签名的 https URL',
  ),
  'sync.settings.not-source': message<{ text: string; sources: string }>({
    en: (p) => `"${p.text}" is not a sync source; use ${p.sources}`,
    zh: (p) => `“${p.text}”不是同步数据源；请使用 ${p.sources}`,
  }),
  'sync.settings.bad-cluster': message<{ name: string }>({
    en: (p) => `"${p.name}" is not a cluster name`,
    zh: (p) => `“${p.name}”不是集群名称`,
  }),
  'sync.settings.bad-context': message<{ name: string }>({
    en: (p) => `"${p.name}" is not a kubeconfig context name`,
    zh: (p) => `“${p.name}”不是 kubeconfig 上下文名称`,
  }),
  'sync.settings.context-or-in-cluster': fixed(
    'give a kubeconfig context or in-cluster, not both',
    '请给出 kubeconfig 上下文或 in-cluster，不能同时给出',
  ),
  'sync.settings.bad-interval': message<{ typed: string }>({
    en: (p) => `"${p.typed}" is not an interval; write it like 5m, 90s or 1h`,
    zh: (p) => `“${p.typed}”不是时间间隔；请写成 \`5m\`、\`90s\` 或 \`1h\` 这样的形式`,
  }),
  'sync.settings.too-often': message<{ interval: string }>({
    en: (p) => `${p.interval} is too often: the minimum is 1 minute`,
    zh: (p) => `${p.interval} 太频繁：最短为 1 分钟`,
  }),
  'sync.settings.which-region': fixed(
    'which region? `topology sync NAME cn-north-4` (or set HUAWEICLOUD_REGION)',
    '哪个区域？请写 `topology sync NAME cn-north-4`（或设置 HUAWEICLOUD_REGION）',
  ),
} as const;
