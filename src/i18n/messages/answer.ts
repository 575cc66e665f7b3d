// The words every surface (terminal and Slack) puts around a diagnosis: the headline, the question as asked, the
// flow, the source as the destination sees it, the headings of the path, the fixes and the assumptions.
import type { Verdict } from '../../engine/diagnosis.js';
import { fixed, message } from '../message.js';

const zhProtocol = (protocol: string) => protocol.toUpperCase();

/** The answer-words catalog, keyed by message id. */
export const answer = {
  'answer.headline': message<{ verdict: Verdict }>({
    en: (p) => ({ reachable: 'REACHABLE', unreachable: 'UNREACHABLE', uncertain: 'UNCERTAIN' })[p.verdict],
    zh: (p) => ({ reachable: '可以访问', unreachable: '无法访问', uncertain: '无法确定' })[p.verdict],
  }),
  'answer.flow': message<{ protocol: string; port: number | null }>({
    en: (p) =>
      p.protocol === 'icmp'
        ? 'ping (ICMP echo)'
        : p.port === null
          ? `${p.protocol} (any port)`
          : `${p.protocol}/${p.port}`,
    zh: (p) =>
      p.protocol === 'icmp'
        ? 'ping（ICMP echo）'
        : p.port === null
          ? `${zhProtocol(p.protocol)}（任意端口）`
          : `${zhProtocol(p.protocol)} ${p.port}`,
  }),
  'answer.source': message<{ workload: string | null; cluster: string }>({
    en: (p) => `${p.workload === null ? 'pod' : p.workload} in ${p.cluster}`,
    zh: (p) => (p.workload === null ? `集群 ${p.cluster} 的容器` : `集群 ${p.cluster} 的工作负载 ${p.workload}`),
  }),
  'answer.question': message<{ source: string; destination: string; on: string }>({
    en: (p) => `can ${p.source} reach ${p.destination} on ${p.on}?`,
    zh: (p) => `${p.source}能否通过 ${p.on} 访问 ${p.destination}？`,
  }),
  'answer.no-flow': fixed('no flow was diagnosed', '没有可诊断的流量'),
  'answer.seen-as': message<{ seen: readonly string[] }>({
    en: (p) => `Seen by the destination as: ${p.seen.length > 0 ? p.seen.join(', ') : 'unknown'}`,
    zh: (p) => `目的端看到的源地址：${p.seen.length > 0 ? p.seen.join('、') : '未知'}`,
  }),
  'answer.why': message<{ why: string }>({
    en: (p) => `why: ${p.why}`,
    zh: (p) => `原因：${p.why}`,
  }),
  'answer.path': fixed('Path', '排查路径'),
  'answer.fixes': message<{ count: number }>({
    en: (p) => (p.count === 1 ? 'Fix' : 'Fixes'),
    zh: () => '修复方法',
  }),
  'answer.alternative': fixed('alternative', '备选'),
  'answer.no-fix': fixed('No fix is needed.', '无需修复。'),
  'answer.assumptions': fixed('Assumptions', '前提假设'),
  'answer.other-checks-pass': message<{ count: number }>({
    en: (p) => `${p.count} other checks pass`,
    zh: (p) => `其余 ${p.count} 项检查通过`,
  }),
  'answer.label.hcloud': fixed('hcloud', 'KooCLI'),
  'answer.label.host': fixed('on the host', '在主机上执行'),
  'answer.label.terraform': fixed('terraform', 'Terraform'),
  'answer.label.api': fixed('api', 'API'),
  'answer.label.kubectl': fixed('kubectl', 'kubectl'),
};
