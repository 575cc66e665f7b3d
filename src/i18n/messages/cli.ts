// The terminal command's own texts: its help (descriptions, options, examples, headings) and the lines it
// writes around answers and errors. Command names, options and examples stay as typed.
import { fixed, message } from '../message.js';

/** Commander's help headings, by the English heading commander passes to `styleTitle`. */
export const HELP_TITLES_ZH: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/** The CLI catalog, keyed by message id. */
export const cli = {
  'cli.program': fixed(
    "Why can't my pod reach that address? Static reachability diagnosis for Huawei Cloud CCE.",
    '我的容器为什么访问不了那个地址？华为云 CCE 容器网络可达性的静态诊断。',
  ),
  'cli.version': fixed('print the reachbot version', '显示 reachbot 的版本'),
  'cli.help-option': fixed('display help for command', '显示命令的帮助'),
  'cli.help-command': fixed('display help for command', '显示命令的帮助'),
  'cli.lang': fixed(
    'answer and write in this language: zh or en (default: LC_ALL / LC_MESSAGES / LANG, else the language of the question)',
    '使用此语言回答和输出：zh 或 en（默认：LC_ALL / LC_MESSAGES / LANG，否则与提问的语言一致）',
  ),
  'cli.program.after': message<{ store: string }>({
    en: (p) => `
Examples:
  $ reachbot ask "can pod in prod reach 192.168.10.52?"
  $ reachbot ask "prod -> db1 tcp/3306" --topology topology.yaml --json
  $ reachbot validate topology.yaml
  $ reachbot topology import topology.yaml --name prod --default

Without --topology, questions are answered from the store (REACHBOT_STORE, default ${p.store}),
or from the sample topology (data/sample.yaml) while the store is empty.`,
    zh: (p) => `
示例：
  $ reachbot ask "prod 的容器能访问 192.168.10.52 吗"
  $ reachbot ask "prod -> db1 tcp/3306" --topology topology.yaml --json
  $ reachbot validate topology.yaml
  $ reachbot topology import topology.yaml --name prod --default

不指定 --topology 时，根据存储中的拓扑回答（REACHBOT_STORE，默认 ${p.store}）；
存储为空时，根据示例拓扑（data/sample.yaml）回答。`,
  }),
  'cli.ask': fixed(
    'answer "can pod in cluster X reach address Y?", step by step, with the exact fix',
    '回答“集群 X 的容器能否访问地址 Y？”：逐步排查，并给出确切的修复方法',
  ),
  'cli.ask.question': fixed(
    'the question, quoted or not (English or Chinese)',
    '问题，可加引号，也可不加（中文或英文）',
  ),
  'cli.ask.topology': fixed(
    'answer from this topology file instead of the store',
    '根据此拓扑文件回答，而不是存储中的拓扑',
  ),
  'cli.ask.json': fixed(
    'print the diagnosis as JSON (docs/CONTRACT.md, schema docs/diagnosis.schema.json)',
    '以 JSON 输出诊断结果（docs/CONTRACT.md，模式见 docs/diagnosis.schema.json）',
  ),
  'cli.ask.format': fixed(
    'show fixes in this form (default: hcloud, the words plus KooCLI; all: every form)',
    '修复方法的展示形式（默认 hcloud：文字说明加 KooCLI 命令；all：全部形式）',
  ),
  'cli.no-color': fixed('plain text, even on a terminal', '即使在终端中也输出纯文本'),
  'cli.ask.after': fixed(
    `
Exit status: 0 reachable, 1 unreachable, 3 uncertain, 2 the question or topology is not valid.

Examples:
  $ reachbot ask "can pod in prod reach 192.168.10.52?"
  $ reachbot ask "can payments/api in prod reach redis-main on 6379?"
  $ reachbot ask "prod -> db1 tcp/3306" --topology my-topology.yaml
  $ reachbot ask "why can't prod ping 10.1.1.20" --format terraform
  $ reachbot ask "prod 的容器能访问 192.168.10.52:3306 吗" --json
  $ reachbot ask "who can reach db1:3306?"            (every cluster and workload; exit 0 once answered)
  $ reachbot ask "what can pods in prod reach?" --json`,
    `
退出状态：0 可以访问，1 无法访问，3 无法确定，2 问题或拓扑无效。

示例：
  $ reachbot ask "prod 的容器能访问 192.168.10.52 吗"
  $ reachbot ask "prod 的容器能访问 192.168.10.52:3306 吗" --json
  $ reachbot ask "prod 的 payments/api 能访问 redis-main:6379 吗"
  $ reachbot ask "prod -> db1 tcp/3306" --topology my-topology.yaml
  $ reachbot ask "can pod in prod reach 192.168.10.52?" --format terraform
  $ reachbot ask "who can reach db1:3306?"            （所有集群和工作负载；回答后退出状态为 0）`,
  ),
  'cli.validate': fixed(
    'check a topology file (YAML or JSON, format v1) and report every problem with its line',
    '检查拓扑文件（YAML 或 JSON，v1 格式），逐条报告问题及其所在行',
  ),
  'cli.validate.file': fixed('the topology file', '拓扑文件'),
  'cli.validate.after': fixed(
    `
Exit status: 0 valid, 2 not valid (one line per problem: file:line: path: message).

Examples:
  $ reachbot validate topology.yaml
  $ reachbot validate data/sample.yaml`,
    `
退出状态：0 有效，2 无效（每个问题一行：文件:行: 路径: 说明）。

示例：
  $ reachbot validate topology.yaml
  $ reachbot validate data/sample.yaml`,
  ),
  'cli.validate.valid': message<{ file: string; summary: string }>({
    en: (p) => `${p.file}: valid (${p.summary})`,
    zh: (p) => `${p.file}：有效（${p.summary}）`,
  }),
  'cli.check-plan': fixed(
    'would this Terraform plan break a path? (terraform show -json PLANFILE > plan.json)',
    '这个 Terraform 计划会不会断开某条路径？（`terraform show -json PLANFILE > plan.json`）',
  ),
  'cli.import': fixed(
    "build a topology from Huawei Cloud (read-only API calls) or a Terraform state; add a cluster's Kubernetes objects",
    '从华为云（只读 API 调用）或 Terraform 状态文件构建拓扑；添加集群的 Kubernetes 对象',
  ),
  'cli.import.huaweicloud': fixed(
    'read VPCs, subnets, routes, peerings, security groups, ACLs, CCE clusters and cloud services of one region',
    '读取一个区域的 VPC、子网、路由、对等连接、安全组、网络ACL、CCE 集群和云服务',
  ),
  'cli.import.terraform': fixed(
    'read a Terraform state (format version 4) with huaweicloud provider resources',
    '读取包含 huaweicloud provider 资源的 Terraform 状态文件（格式版本 4）',
  ),
  'cli.import.kubernetes': fixed(
    'read namespaces, workloads, NetworkPolicies and Turbo SecurityGroup resources (read-only) into a stored cluster',
    '（只读）读取命名空间、工作负载、网络策略和 Turbo 的 SecurityGroup 资源，写入存储中的集群',
  ),
  'cli.topology': message<{ store: string }>({
    en: (p) => `manage the named topologies in the store (REACHBOT_STORE, default ${p.store})`,
    zh: (p) => `管理存储中的命名拓扑（REACHBOT_STORE，默认 ${p.store}）`,
  }),
  'cli.topology.import': fixed(
    'store a topology file under a name (replacing one of the same name)',
    '以指定名称保存拓扑文件（替换同名拓扑）',
  ),
  'cli.topology.list': fixed('list the stored topologies (* marks the default)', '列出已保存的拓扑（* 表示默认拓扑）'),
  'cli.topology.show': fixed(
    'describe a stored topology: clusters, resources, VPCs, peerings',
    '描述已保存的拓扑：集群、资源、VPC、对等连接',
  ),
  'cli.topology.export': fixed(
    'print a stored topology as YAML (v1), or write it to a file',
    '以 YAML（v1）输出已保存的拓扑，或写入文件',
  ),
  'cli.topology.remove': fixed('remove a stored topology', '删除已保存的拓扑'),
  'cli.topology.sync': fixed(
    'sync a topology from its source now; with --from or --every, schedule it (the bot re-imports it)',
    '立即从来源同步拓扑；指定 --from 或 --every 时按计划同步（由机器人重新导入）',
  ),
  'cli.topology.default': fixed('make a stored topology the default', '将已保存的拓扑设为默认'),
  'cli.whatif': fixed(
    'evaluate a change on a copy of the topology: how this path and the watched paths would move',
    '在拓扑副本上评估一项变更：这条路径和关注的路径会如何变化',
  ),
  'cli.sample-note': message<{ path: string; importHint: boolean }>({
    en: (p) =>
      `(no topologies stored: answering from the sample topology ${p.path}${p.importHint ? '; import yours with `reachbot topology import FILE`' : ''})`,
    zh: (p) =>
      `（存储中没有拓扑：根据示例拓扑 ${p.path} 回答${p.importHint ? '；可用 `reachbot topology import FILE` 导入您的拓扑' : ''}）`,
  }),
  'cli.warning': message<{ warning: string }>({
    en: (p) => `warning: ${p.warning}`,
    zh: (p) => `警告：${p.warning}`,
  }),
  'cli.did-you-mean': message<{ names: readonly string[] }>({
    en: (p) => `  did you mean: ${p.names.join(', ')}`,
    zh: (p) => `  您是不是要找：${p.names.join('、')}`,
  }),
  'cli.try': message<{ forms: readonly string[] }>({
    en: (p) => `  try: ${p.forms.map((s) => `"${s}"`).join('\n       ')}`,
    zh: (p) => `  可以这样问：${p.forms.map((s) => `"${s}"`).join('\n              ')}`,
  }),
  'cli.internal-error': message<{ message: string }>({
    en: (p) => `reachbot: internal error: ${p.message}`,
    zh: (p) => `reachbot：内部错误：${p.message}`,
  }),
  'cli.debug-hint': fixed('  (set REACHBOT_DEBUG=1 to see where)', '  （设置 REACHBOT_DEBUG=1 可查看出错位置）'),
  'cli.error': message<{ message: string }>({
    en: (p) => `reachbot: ${p.message}`,
    zh: (p) => `reachbot：${p.message}`,
  }),
};

/** Commander's own usage errors, read back from its English and said in Chinese (English is commander's text). */
export const cliUsage = {
  'usage.missing-argument': message<{ name: string }>({
    en: (p) => `error: missing required argument '${p.name}'`,
    zh: (p) => `错误：缺少必需的参数 '${p.name}'`,
  }),
  'usage.option-argument': message<{ flags: string }>({
    en: (p) => `error: option '${p.flags}' argument missing`,
    zh: (p) => `错误：选项 '${p.flags}' 缺少参数值`,
  }),
  'usage.required-option': message<{ flags: string }>({
    en: (p) => `error: required option '${p.flags}' not specified`,
    zh: (p) => `错误：未指定必需的选项 '${p.flags}'`,
  }),
  'usage.unknown-option': message<{ flag: string }>({
    en: (p) => `error: unknown option '${p.flag}'`,
    zh: (p) => `错误：未知选项 '${p.flag}'`,
  }),
  'usage.unknown-command': message<{ name: string }>({
    en: (p) => `error: unknown command '${p.name}'`,
    zh: (p) => `错误：未知命令 '${p.name}'`,
  }),
  'usage.too-many': message<{ expected: number; got: number }>({
    en: (p) => `error: too many arguments. Expected ${p.expected} arguments but got ${p.got}.`,
    zh: (p) => `错误：参数过多。应为 ${p.expected} 个，实际为 ${p.got} 个。`,
  }),
  'usage.did-you-mean': message<{ names: string }>({
    en: (p) => `(Did you mean ${p.names}?)`,
    zh: (p) => `（您是不是要用 ${p.names}？）`,
  }),
};
