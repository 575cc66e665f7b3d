// The terminal's help for each command's arguments and options, and the examples after them. Keyed by
// `cli.help.<command path>.<option or <argument>>`: src/cli/localize-help.ts puts them on the commander
// program, so a command's registration keeps its English and the catalog says it in every language.
import { fixed } from '../message.js';

/** Option and argument descriptions, keyed by command path and flag. */
export const cliHelp = {
  'cli.help.topology import.<file>': fixed(
    'the topology file (YAML or JSON, format v1)',
    '拓扑文件（YAML 或 JSON，格式 v1）',
  ),
  'cli.help.topology import.--name': fixed(
    'the name to store it under (default: its `name:` field, else the file name)',
    '保存时使用的名称（默认取文件中的 `name:` 字段，否则取文件名）',
  ),
  'cli.help.topology import.--default': fixed(
    'make it the topology questions use when a cluster is in several',
    '当一个集群出现在多个拓扑中时，提问默认使用这个拓扑',
  ),
  'cli.help.topology import.--yes': fixed(
    'replace a stored topology that differs without asking (the difference is printed first)',
    '不经确认直接替换内容不同的已保存拓扑（先输出差异）',
  ),
  'cli.help.topology show.<name>': fixed('a stored topology', '已保存的拓扑'),
  'cli.help.topology export.<name>': fixed('a stored topology', '已保存的拓扑'),
  'cli.help.topology export.--out': fixed(
    'write to this file instead of standard output',
    '写入这个文件，而不是标准输出',
  ),
  'cli.help.topology remove.<name>': fixed('a stored topology', '已保存的拓扑'),
  'cli.help.topology sync.<name>': fixed('the topology (created by its first sync)', '拓扑（首次同步时创建）'),
  'cli.help.topology sync.--from': fixed(
    'huaweicloud:REGION, terraform:PATH (a state file) or an https URL of a state',
    'huaweicloud:REGION、terraform:PATH（Terraform 状态文件）或状态文件的 https URL',
  ),
  'cli.help.topology sync.--project': fixed(
    'Huawei Cloud project id (default: the project named after the region)',
    '华为云项目 ID（默认：与区域同名的项目）',
  ),
  'cli.help.topology sync.--vpc': fixed('only these VPCs (comma-separated ids)', '只读取这些 VPC（ID 以逗号分隔）'),
  'cli.help.topology sync.--every': fixed(
    'how often the bot syncs it: 5m, 1h, ... (minimum 1m; default REACHBOT_SYNC_INTERVAL or 10m)',
    '机器人同步它的间隔：`5m`、`1h`……（最小 `1m`；默认取 REACHBOT_SYNC_INTERVAL，否则 `10m`）',
  ),
  'cli.help.topology sync.--kubernetes': fixed(
    "also read this cluster's Kubernetes side on every sync (kubeconfig REACHBOT_KUBECONFIG or the default; a context, or its current one)",
    '每次同步时也读取这个集群的 Kubernetes 侧（kubeconfig 取 REACHBOT_KUBECONFIG 或默认文件；使用指定的上下文，否则使用当前上下文）',
  ),
  'cli.help.topology sync.--in-cluster': fixed(
    "read the --kubernetes cluster with the pod's service account instead of a kubeconfig",
    '使用 Pod 的 ServiceAccount 而不是 kubeconfig 读取 --kubernetes 指定的集群',
  ),
  'cli.help.topology sync.--kubernetes-off': fixed(
    "stop reading this cluster's Kubernetes side (its data stays as last read)",
    '停止读取这个集群的 Kubernetes 侧（保留最后一次读取的数据）',
  ),
  'cli.help.topology sync.--off': fixed('stop syncing it (the topology stays)', '停止同步（拓扑保留）'),
  'cli.help.topology sync.--no-now': fixed('only save the schedule; do not sync now', '只保存同步计划，不立即同步'),
  'cli.help.topology default.<name>': fixed('a stored topology', '已保存的拓扑'),
  'cli.help.import huaweicloud.--region': fixed('region id, e.g. cn-north-4', '区域 ID，例如 cn-north-4'),
  'cli.help.import huaweicloud.--project-id': fixed(
    'project id (default: HUAWEICLOUD_PROJECT_ID, else the project named after the region)',
    '项目 ID（默认取 HUAWEICLOUD_PROJECT_ID，否则取与区域同名的项目）',
  ),
  'cli.help.import huaweicloud.--vpc': fixed('only these VPCs (repeatable)', '只读取这些 VPC（可重复指定）'),
  'cli.help.import huaweicloud.--domain': fixed(
    'the cloud domain in every endpoint, https://{service}.{region}.{domain} (default: HUAWEICLOUD_DOMAIN, else myhuaweicloud.com)',
    '每个终端节点中的云域名，`https://{service}.{region}.{domain}`（默认取 HUAWEICLOUD_DOMAIN，否则 myhuaweicloud.com）',
  ),
  'cli.help.import huaweicloud.--endpoint': fixed(
    "one service's endpoint, e.g. dns=https://dns.internal.example:8443 (repeatable; over HUAWEICLOUD_ENDPOINT_<SERVICE>; services: iam, vpc, er, cce, ecs, dcs, rds, dms, nat, dns)",
    '单个服务的终端节点，例如 dns=https://dns.internal.example:8443（可重复指定；优先于 HUAWEICLOUD_ENDPOINT_<SERVICE>；服务：iam、vpc、er、cce、ecs、dcs、rds、dms、nat、dns）',
  ),
  'cli.help.import huaweicloud.--out': fixed(
    'write the topology YAML to this file (default: standard output)',
    '将拓扑 YAML 写入这个文件（默认：标准输出）',
  ),
  'cli.help.import huaweicloud.--name': fixed(
    'store the topology under this name (shows the difference when replacing)',
    '以这个名称保存拓扑（替换时显示差异）',
  ),
  'cli.help.import huaweicloud.--yes': fixed(
    'replace a stored topology of the same name without asking',
    '不经确认直接替换同名的已保存拓扑',
  ),
  'cli.help.import terraform.<state>': fixed(
    'the state file (terraform.tfstate, or `terraform state pull > state.json`)',
    'Terraform 状态文件（terraform.tfstate，或 `terraform state pull` 的输出）',
  ),
  'cli.help.import terraform.--out': fixed(
    'write the topology YAML to this file (default: standard output)',
    '将拓扑 YAML 写入这个文件（默认：标准输出）',
  ),
  'cli.help.import terraform.--name': fixed(
    'store the topology under this name (shows the difference when replacing)',
    '以这个名称保存拓扑（替换时显示差异）',
  ),
  'cli.help.import terraform.--yes': fixed(
    'replace a stored topology of the same name without asking',
    '不经确认直接替换同名的已保存拓扑',
  ),
  'cli.help.import kubernetes.--cluster': fixed(
    'the cluster of a stored topology (topology:cluster when several hold it)',
    '已保存拓扑中的集群（多个拓扑都有它时写 topology:cluster）',
  ),
  'cli.help.import kubernetes.--context': fixed(
    'kubeconfig context (default: the current context)',
    'kubeconfig 中的上下文（默认：当前上下文）',
  ),
  'cli.help.import kubernetes.--kubeconfig': fixed(
    'kubeconfig file (default: $KUBECONFIG, else ~/.kube/config)',
    'kubeconfig 文件（默认取 $KUBECONFIG，否则 ~/.kube/config）',
  ),
  'cli.help.import kubernetes.--in-cluster': fixed(
    "use the pod's service account instead of a kubeconfig",
    '使用 Pod 的 ServiceAccount 而不是 kubeconfig',
  ),
  'cli.help.import kubernetes.--dry-run': fixed('show the change without storing it', '只显示变更，不保存'),
  'cli.help.whatif.<question>': fixed('the path to evaluate (any question form)', '要评估的路径（任何提问形式均可）'),
  'cli.help.whatif.--topology': fixed('the topology file (default: the store)', '拓扑文件（默认：已保存的拓扑）'),
  'cli.help.whatif.--change': fixed(
    'the changes, in the change format (docs/WHATIF.md)',
    '变更，按变更格式书写（docs/WHATIF.md）',
  ),
  'cli.help.whatif.--what-if': fixed(
    'the change in words: "remove rule #3 of sg-db1", "apply the fixes"',
    '用文字描述的变更："删除 sg-db1 的第 3 条规则"、"应用修复"',
  ),
  'cli.help.whatif.--questions': fixed('more paths: one question a line', '更多路径：每行一个问题'),
  'cli.help.whatif.--channel': fixed(
    "from the store, only this Slack channel's watched paths",
    '从已保存的数据中，只取这个 Slack 频道关注的路径',
  ),
  'cli.help.whatif.--json': fixed('the comparison as JSON', '以 JSON 输出对比结果'),
  'cli.help.check-plan.<plan>': fixed('the plan as JSON', 'JSON 格式的 Terraform 执行计划'),
  'cli.help.check-plan.--topology': fixed('the topology file (default: the store)', '拓扑文件（默认：已保存的拓扑）'),
  'cli.help.check-plan.--questions': fixed(
    'the paths to check, one question a line (default: the stored watched paths)',
    '要检查的路径，每行一个问题（默认：已保存的关注路径）',
  ),
  'cli.help.check-plan.--channel': fixed(
    "from the store, only this Slack channel's watched paths",
    '从已保存的数据中，只取这个 Slack 频道关注的路径',
  ),
  'cli.help.check-plan.--format': fixed('output', '输出格式'),
  'cli.help.topology.after': fixed(
    `
Examples:
  $ reachbot topology import prod.yaml --name prod --default
  $ reachbot topology list
  $ reachbot topology show prod
  $ reachbot topology export prod --out prod.yaml
  $ reachbot topology remove old-lab`,
    `
示例：
  $ reachbot topology import prod.yaml --name prod --default
  $ reachbot topology list
  $ reachbot topology show prod
  $ reachbot topology export prod --out prod.yaml
  $ reachbot topology remove old-lab`,
  ),
  'cli.help.topology import.after': fixed(
    '\nExample:\n  $ reachbot topology import topologies/prod.yaml --name prod --default',
    '\n示例：\n  $ reachbot topology import topologies/prod.yaml --name prod --default',
  ),
  'cli.help.topology sync.after': fixed(
    `
Examples:
  $ reachbot topology sync prod --from huaweicloud:cn-north-4 --vpc vpc-1a2b --every 10m
  $ reachbot topology sync prod                 # sync now, from its source
  $ reachbot topology sync staging --from terraform:infra/staging.tfstate
  $ reachbot topology sync prod --kubernetes prod=ctx-prod   # also read prod's NetworkPolicies, workloads...
  $ reachbot topology sync prod --kubernetes prod --in-cluster
  $ reachbot topology sync prod --off

Syncing writes the store: stop the bot first, or use /reach topology sync in Slack (docs/SYNC.md).`,
    `
示例：
  $ reachbot topology sync prod --from huaweicloud:cn-north-4 --vpc vpc-1a2b --every 10m
  $ reachbot topology sync prod                 # 立即从它的来源同步
  $ reachbot topology sync staging --from terraform:infra/staging.tfstate
  $ reachbot topology sync prod --kubernetes prod=ctx-prod   # 同时读取 prod 的网络策略、工作负载……
  $ reachbot topology sync prod --kubernetes prod --in-cluster
  $ reachbot topology sync prod --off

同步会写入存储：请先停止机器人，或在 Slack 中使用 \`/reach topology sync\`（docs/SYNC.md）。`,
  ),
  'cli.help.whatif.after': fixed(
    `
Exit status: 0 nothing breaks, 1 a path breaks, 2 the change, a question or the topology is not valid.
Nothing is ever written: the change is applied to a copy in memory.

Examples:
  $ reachbot whatif --topology topology.yaml --change change.yaml "can prod reach db1:3306"
  $ reachbot whatif --what-if "remove rule #1 of sg-db1" "prod -> db1 3306"
  $ reachbot whatif --what-if "apply the fixes" "can prod reach redis-main"`,
    `
退出状态：0 没有路径被阻断，1 有路径被阻断，2 变更、问题或拓扑无效。
不会写入任何内容：变更只应用到内存中的副本。

示例：
  $ reachbot whatif --topology topology.yaml --change change.yaml "prod 的容器能访问 db1:3306 吗"
  $ reachbot whatif --what-if "删除 sg-db1 的第 1 条规则" "prod -> db1 3306"
  $ reachbot whatif --what-if "应用修复" "prod 的容器能访问 redis-main 吗"`,
  ),
  'cli.help.check-plan.after': fixed(
    `
Exit status: 0 nothing breaks, 1 a path breaks, 2 the plan, the topology or the questions are not valid.
Resource types evaluated: huaweicloud_networking_secgroup_rule, huaweicloud_vpc_route, huaweicloud_dcs_instance (whitelists),
huaweicloud_vpc_peering_connection; others are listed as not evaluated. Values known only after apply
make the paths through the object they change "uncertain".

Examples:
  $ terraform plan -out tfplan && terraform show -json tfplan > plan.json
  $ reachbot check-plan plan.json
  $ reachbot check-plan plan.json --topology topology.yaml --questions paths.txt --format markdown`,
    `
退出状态：0 没有路径被阻断，1 有路径被阻断，2 执行计划、拓扑或问题无效。
评估的资源类型：huaweicloud_networking_secgroup_rule、huaweicloud_vpc_route、huaweicloud_dcs_instance（白名单）、
huaweicloud_vpc_peering_connection；其他类型列为未评估。只有 \`terraform apply\` 之后才知道的值，会使经过其所改对象的路径
结果为“不确定”。

示例：
  $ terraform plan -out tfplan && terraform show -json tfplan > plan.json
  $ reachbot check-plan plan.json
  $ reachbot check-plan plan.json --topology topology.yaml --questions paths.txt --format markdown`,
  ),
};
