// "Not understood": why a question could not be answered as asked, in the asker's language. The suggested
// forms and names that follow are the parser's own (names and question forms, already in both languages).
import { fixed, message } from '../message.js';

/** The names an unknown name is compared with: the closest few, and whether there are more. */
export interface KnownNames {
  readonly ranked: readonly string[];
  readonly more: boolean;
}
const enKnown = (k: KnownNames) =>
  k.ranked.length === 0 ? ' (none are defined)' : ` (known: ${k.ranked.join(', ')}${k.more ? ', ...' : ''})`;
const zhKnown = (k: KnownNames) =>
  k.ranked.length === 0 ? '（尚未定义任何名称）' : `（已知：${k.ranked.join('、')}${k.more ? ' 等' : ''}）`;
const quoted = (words: readonly string[], sep: string) => words.map((w) => `"${w}"`).join(sep);
const zhQuoted = (words: readonly string[]) => words.map((w) => `“${w}”`).join('、');

/** Why a host name did not resolve from a VPC, as data: the words are the catalog's, in either language. */
export type HostMiss = HostMissKind & {
  /** The miss was at the end of a CNAME chain from `name`. */
  readonly through?: { readonly name: string; readonly chain: readonly string[] };
};
type HostMissKind =
  | { readonly kind: 'not-a-host-name'; readonly typed: string }
  | { readonly kind: 'unread-zone'; readonly name: string; readonly zone: string; readonly unread: string }
  | { readonly kind: 'no-record'; readonly name: string; readonly zone: string }
  | { readonly kind: 'not-associated'; readonly name: string; readonly zones: readonly string[]; readonly vpc: string }
  | { readonly kind: 'nowhere'; readonly name: string; readonly vpc: string }
  | { readonly kind: 'loop'; readonly name: string; readonly chain: readonly string[] }
  | { readonly kind: 'too-long'; readonly name: string; readonly chain: readonly string[]; readonly hops: number };

function enMiss(m: HostMiss): string {
  const via = m.through ? `${m.through.name} is a CNAME for ${m.through.chain.join(' -> ')}, but ` : '';
  return `${via}${enMissKind(m)}`;
}

function zhMiss(m: HostMiss): string {
  const via = m.through ? `${m.through.name} 是指向 ${m.through.chain.join(' -> ')} 的 CNAME，但` : '';
  return `${via}${zhMissKind(m)}`;
}

function enMissKind(m: HostMissKind): string {
  switch (m.kind) {
    case 'not-a-host-name':
      return `"${m.typed}" is not a host name`;
    case 'unread-zone':
      return `the record sets of private zone ${m.zone} could not be read when the topology was imported (${m.unread}), so whether it holds ${m.name} is unknown; re-import once they can be read, or ask by IP address`;
    case 'no-record':
      return `private zone ${m.zone} has no A, AAAA or CNAME record for ${m.name}`;
    case 'not-associated':
      return `${m.name} is in private zone ${m.zones.join(', ')}, which is not associated with VPC ${m.vpc}`;
    case 'nowhere':
      return `no private zone of VPC ${m.vpc} and no service domain name holds ${m.name}`;
    case 'loop':
      return `the CNAME chain of ${m.name} loops (${m.chain.join(' -> ')})`;
    case 'too-long':
      return `the CNAME chain of ${m.name} is longer than ${m.hops} hops (${m.chain.join(' -> ')})`;
  }
}

function zhMissKind(m: HostMissKind): string {
  switch (m.kind) {
    case 'not-a-host-name':
      return `“${m.typed}”不是主机名`;
    case 'unread-zone':
      return `导入拓扑时未能读取内网域名 ${m.zone} 的记录集（${m.unread}），因此不确定其中是否有 ${m.name}；请在可以读取后重新导入，或改用 IP 地址提问`;
    case 'no-record':
      return `内网域名 ${m.zone} 中没有 ${m.name} 的 A、AAAA 或 CNAME 记录`;
    case 'not-associated':
      return `${m.name} 位于内网域名 ${m.zones.join('、')} 中，但该内网域名未关联 VPC ${m.vpc}`;
    case 'nowhere':
      return `VPC ${m.vpc} 关联的内网域名和云服务的域名中都没有 ${m.name}`;
    case 'loop':
      return `${m.name} 的 CNAME 链形成了循环（${m.chain.join(' -> ')}）`;
    case 'too-long':
      return `${m.name} 的 CNAME 链超过 ${m.hops} 跳（${m.chain.join(' -> ')}）`;
  }
}

/** The question catalog, keyed by message id. */
export const question = {
  'question.not-understood': message<{ what: string }>({
    en: (p) => `I did not understand the question: ${p.what}.`,
    zh: (p) => `没有理解这个问题：${p.what}。`,
  }),
  'question.too-long': message<{ length: number; max: number }>({
    en: (p) =>
      `The question is ${p.length} characters long; ask in at most ${p.max} characters, e.g. "can prod reach db1 on 3306?".`,
    zh: (p) => `问题长达 ${p.length} 个字符；请在 ${p.max} 个字符以内提问，例如 \`prod 能访问 db1:3306 吗\`。`,
  }),
  'question.empty': fixed('the question is empty', '问题为空'),
  'question.no-cluster': fixed('I could not tell which cluster the pods are in', '无法判断容器所在的集群'),
  'question.two-ports': message<{ a: string | number; b: string | number; oneAtATime: boolean }>({
    en: (p) => `two different ports (${p.a} and ${p.b})${p.oneAtATime ? '; ask about one port at a time' : ''}`,
    zh: (p) => `出现了两个不同的端口（${p.a} 和 ${p.b}）${p.oneAtATime ? '；请一次只问一个端口' : ''}`,
  }),
  'question.spaced-name': message<{ name: string; digits: string; port: number }>({
    en: (p) =>
      `"${p.name} ${p.digits}" reads as ${p.name} on port ${p.digits}, and the question also names port ${p.port}; ` +
      `if you meant the name ${p.name}${p.digits}, write it without a space`,
    zh: (p) =>
      `"${p.name} ${p.digits}" 被理解为 ${p.name} 的 ${p.digits} 端口，而问题中还有端口 ${p.port}；` +
      `如果指的是名称 ${p.name}${p.digits}，请去掉空格`,
  }),
  'question.url-port': message<{ scheme: string; host: string }>({
    en: (p) => `"${p.scheme}://${p.host}" has no port and I do not know ${p.scheme}'s; write it as ${p.host}:PORT`,
    zh: (p) => `"${p.scheme}://${p.host}" 没有端口，也无法推断 ${p.scheme} 的默认端口；请写成 ${p.host}:端口`,
  }),
  'question.two-protocols': message<{ a: string; b: string }>({
    en: (p) => `two different protocols (${p.a} and ${p.b})`,
    zh: (p) => `出现了两种不同的协议（${p.a} 和 ${p.b}）`,
  }),
  'question.bad-port': message<{ value: string | number }>({
    en: (p) => `port ${p.value} is not a port: use 1-65535`,
    zh: (p) => `${p.value} 不是有效的端口：请使用 1-65535`,
  }),
  'question.nothing-found': fixed('I found no cluster and no destination', '没有找到集群，也没有找到目的地址'),
  'question.from-without-cluster': message<{ word: string }>({
    en: (p) => `"${p.word}" is not followed by a cluster name`,
    zh: (p) => `“${p.word}”后面没有集群名称`,
  }),
  'question.bad-source': message<{ word: string }>({
    en: (p) => `I did not understand "${p.word}" where the source should be`,
    zh: (p) => `无法理解源端位置上的“${p.word}”`,
  }),
  'question.two-clusters': message<{ clusters: readonly string[] }>({
    en: (p) => `two clusters (${p.clusters.join(', ')}); ask from one cluster at a time`,
    zh: (p) => `出现了两个集群（${p.clusters.join('、')}）；请一次只从一个集群提问`,
  }),
  'question.words': message<{ words: readonly string[] }>({
    en: (p) => `I did not understand ${quoted(p.words, ', ')}`,
    zh: (p) => `无法理解 ${zhQuoted(p.words)}`,
  }),
  'question.cluster-from': message<{ words: readonly string[] }>({
    en: (p) => `I could not tell the cluster from ${quoted(p.words, ', ')}`,
    zh: (p) => `无法从 ${zhQuoted(p.words)} 判断集群`,
  }),
  'question.after-destination': message<{ word: string }>({
    en: (p) => `I did not understand "${p.word}" after the destination`,
    zh: (p) => `无法理解目的地址之后的“${p.word}”`,
  }),
  'question.no-destination': fixed(
    'I could not find what the pods should reach (an address or a resource name)',
    '没有找到容器要访问的目标（地址或资源名称）',
  ),
  'question.one-destination': message<{ words: readonly string[] }>({
    en: (p) => `I did not understand ${quoted(p.words, ' ')} as one destination`,
    zh: (p) => `无法把 ${zhQuoted(p.words)} 理解为一个目的地址`,
  }),
  'question.bad-ipv6': message<{ word: string; portHint: boolean }>({
    en: (p) => `"${p.word}" is not a valid IPv6 address${p.portHint ? ' (write [address]:port to give a port)' : ''}`,
    zh: (p) => `“${p.word}”不是有效的 IPv6 地址${p.portHint ? '（如需指定端口，请写成 [地址]:端口）' : ''}`,
  }),
  'question.bad-address-port': message<{ word: string }>({
    en: (p) => `"${p.word}" is not an address:port`,
    zh: (p) => `“${p.word}”不是“地址:端口”的格式`,
  }),
  'question.bad-ipv4': message<{ word: string }>({
    en: (p) => `"${p.word}" is not a valid IPv4 address`,
    zh: (p) => `“${p.word}”不是有效的 IPv4 地址`,
  }),
  'question.cidr': message<{ word: string; example: string }>({
    en: (p) => `"${p.word}" is a CIDR; ask about one address in it (e.g. ${p.example})`,
    zh: (p) => `“${p.word}”是一个网段；请问其中的一个地址（例如 ${p.example}）`,
  }),
  'question.ping-protocol': message<{ protocol: string }>({
    en: (p) => `ping uses ICMP, not ${p.protocol}`,
    zh: (p) => `ping 使用 ICMP 协议，而不是 ${p.protocol}`,
  }),
  'question.icmp-port': message<{ port?: number }>({
    en: (p) =>
      p.port === undefined
        ? 'ICMP (ping) has no ports'
        : `ICMP (ping) has no ports; ask "tcp/${p.port}" or "udp/${p.port}", or ping without a port`,
    zh: (p) =>
      p.port === undefined
        ? 'ICMP（ping）没有端口'
        : `ICMP（ping）没有端口；请问 tcp/${p.port} 或 udp/${p.port}，或者 ping 时不带端口`,
  }),
  'question.needs-port': message<{ protocol: string; example: number }>({
    en: (p) => `${p.protocol} needs a port, e.g. ${p.protocol}/${p.example}`,
    zh: (p) => `${p.protocol} 需要指定端口，例如 ${p.protocol}/${p.example}`,
  }),
  'question.cluster-and-resource': message<{ word: string }>({
    en: (p) => `"${p.word}" is both a cluster and a resource; say "from ${p.word}" or "to ${p.word}"`,
    zh: (p) => `“${p.word}”既是集群名也是资源名；请写成“从 ${p.word}”或“到 ${p.word}”`,
  }),
  'question.which-destination': message<{ text: string }>({
    en: (p) => `"${p.text}": which destination?`,
    zh: (p) => `“${p.text}”：目的地址是什么？`,
  }),
  'question.which-cluster': message<{ text: string }>({
    en: (p) => `"${p.text}": I could not tell which cluster the pods are in`,
    zh: (p) => `“${p.text}”：无法判断容器所在的集群`,
  }),
  'question.unknown-name': message<{
    what: 'cluster' | 'workload' | 'resource';
    typed: string;
    known: KnownNames;
    /** The cluster a workload was looked for in. */
    inCluster?: string;
  }>({
    en: (p) => `unknown ${p.what}${p.inCluster ? ` in cluster ${p.inCluster}` : ''} "${p.typed}"${enKnown(p.known)}`,
    zh: (p) =>
      `${p.inCluster ? `集群 ${p.inCluster} 中` : ''}未知的${{ cluster: '集群', workload: '工作负载', resource: '资源' }[p.what]}“${p.typed}”${zhKnown(p.known)}`,
  }),
  'question.unknown-workload': message<{ name: string; cluster: string; known: KnownNames }>({
    en: (p) =>
      `workload "${p.name}" is not declared in cluster ${p.cluster}${enKnown(p.known)}; ask without a workload for the cluster's default pods`,
    zh: (p) =>
      `集群 ${p.cluster} 中没有声明工作负载“${p.name}”${zhKnown(p.known)}；不指定工作负载即按集群默认的容器提问`,
  }),
  'question.unknown-host': message<{ name: string; cluster: string; reason: HostMiss; known?: KnownNames }>({
    en: (p) =>
      `unknown name "${p.name}" from cluster ${p.cluster}: ${enMiss(p.reason)}${p.known ? enKnown(p.known) : ''}`,
    zh: (p) => `从集群 ${p.cluster} 无法解析名称“${p.name}”：${zhMiss(p.reason)}${p.known ? zhKnown(p.known) : ''}`,
  }),
  'question.host-miss': message<HostMiss>({ en: enMiss, zh: zhMiss }),
  'question.bad-ip': message<{ text: string }>({
    en: (p) => `"${p.text}" is not a valid IP address (IPv4 like 192.168.10.52, or IPv6)`,
    zh: (p) => `“${p.text}”不是有效的 IP 地址（IPv4 地址如 192.168.10.52，或 IPv6 地址）`,
  }),
  'question.unknown-destination': message<{ text: string; known: KnownNames }>({
    en: (p) => `unknown destination "${p.text}": not an IP address and no resource has that name${enKnown(p.known)}`,
    zh: (p) => `未知的目的地址“${p.text}”：不是 IP 地址，也没有叫这个名字的资源${zhKnown(p.known)}`,
  }),
  'question.no-topology-named': message<{ name: string }>({
    en: (p) => `no topology named "${p.name}"`,
    zh: (p) => `没有名为“${p.name}”的拓扑`,
  }),
  'question.cluster-in-several': message<{ cluster: string; count: number; choices: readonly string[] }>({
    en: (p) =>
      `cluster "${p.cluster}" is in ${p.count} topologies (${p.choices.join(', ')}); name one as topology:cluster`,
    zh: (p) => `集群“${p.cluster}”出现在 ${p.count} 个拓扑中（${p.choices.join('、')}）；请用“拓扑:集群”指明其一`,
  }),
  'question.unknown-stored-cluster': message<{ cluster: string; stored: boolean; suggestions: readonly string[] }>({
    en: (p) =>
      p.stored
        ? `unknown cluster "${p.cluster}"${p.suggestions.length ? ` (known: ${p.suggestions.join(', ')})` : ''}`
        : `unknown cluster "${p.cluster}": no topologies are stored`,
    zh: (p) =>
      p.stored
        ? `未知的集群“${p.cluster}”${p.suggestions.length ? `（已知：${p.suggestions.join('、')}）` : ''}`
        : `未知的集群“${p.cluster}”：存储中没有任何拓扑`,
  }),
  'question.no-topology': message<{ importHint: boolean }>({
    en: (p) =>
      `No topology is registered yet, so there is nothing to check against.${p.importHint ? ' An admin can import one (`topology import NAME`, see `help`).' : ''}`,
    zh: (p) =>
      `尚未注册任何拓扑，无从检查。${p.importHint ? '管理员可以导入一个（`topology import NAME`，详见 `help`）。' : ''}`,
  }),
  'question.no-default-topology': message<{ count: number }>({
    en: (p) => `${p.count} topologies are stored and none is the default; make one the default (topology default NAME)`,
    zh: (p) => `存储中有 ${p.count} 个拓扑，但没有默认拓扑；请设置一个默认拓扑（\`topology default NAME\`）`,
  }),
  'question.whatif-first': fixed(
    'Ask a question first: "what if" is answered in the thread of an answer, about its path and the channel’s watched paths.',
    '请先提一个问题：“假如”类问题需要在回答的消息列中提出，针对该回答的路径和本频道关注的路径。',
  ),
  'question.thread-topology-gone': message<{ topology: string }>({
    en: (p) => `the thread's topology ${p.topology} is no longer stored`,
    zh: (p) => `本消息列使用的拓扑 ${p.topology} 已不在存储中`,
  }),
  'question.no-fixes-to-apply': fixed(
    'The answer in this thread has no fixes to apply (it is reachable, or only a re-plan would help).',
    '本消息列中的回答没有可应用的修复（路径可以访问，或者只能重新规划）。',
  ),
  'question.port-range': message<{ port: number }>({
    en: (p) => `port ${p.port} is not between 1 and 65535`,
    zh: (p) => `端口 ${p.port} 不在 1 到 65535 之间`,
  }),
  'question.which-port': message<{
    protocol: string;
    resource?: string;
    address: string;
    example: string;
  }>({
    en: (p) =>
      `which ${p.protocol} port? ${p.resource ? `${p.resource} declares no ${p.protocol} ports` : `${p.address} is not a resource with declared ports`}; ask e.g. "${p.example}"`,
    zh: (p) =>
      `哪个 ${p.protocol} 端口？${p.resource ? `${p.resource} 没有声明 ${p.protocol} 端口` : `${p.address} 不是声明了端口的资源`}；请这样问，例如“${p.example}”`,
  }),
};
