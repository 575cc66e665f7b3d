// The check behind "a Chinese answer has no English left in it": the ASCII words of a text that are not
// code, names, addresses, numbers or the product and protocol names Huawei's Chinese pages keep in Latin
// letters. Shared by every test that reads a Chinese answer.

/** Latin-letter words Huawei's Chinese documentation itself writes in Latin letters. */
export const KEPT_WORDS: ReadonlySet<string> = new Set(
  [
    'VPC',
    'ACL',
    'IP',
    'IPv4',
    'IPv6',
    'CIDR',
    'ENI',
    'SNAT',
    'DNAT',
    'NAT',
    'DNS',
    'ER',
    'EIP',
    'ECS',
    'CCE',
    'DCS',
    'RDS',
    'DMS',
    'ELB',
    'Redis',
    'Kafka',
    'RabbitMQ',
    'MySQL',
    'Kubernetes',
    'Service',
    'Pod',
    'NetworkPolicy',
    'ClusterIP',
    'NodePort',
    'LoadBalancer',
    'TCP',
    'UDP',
    'ICMP',
    'ICMPv6',
    'KooCLI',
    'hcloud',
    'Terraform',
    'API',
    'JSON',
    'YAML',
    'HTTP',
    'HTTPS',
    'hostNetwork',
    'Docker',
    'docker',
    'kube-proxy',
    'kubectl',
    'Slack',
    'reachbot',
    'UTC',
    'Turbo',
    'CCI',
    'VPCEP',
    'OBS',
    'ID',
    'SG',
    'IAM',
    'Huawei',
    'Cloud',
    'AZ',
    'ping',
    'echo',
    'Block',
    'Kit',
    'iptables',
    'nonMasqueradeCIDRs',
    'SNATIPRanges',
    'cce_10_0399',
    'Ingress',
    'Egress',
    'ipBlock',
    'podSelector',
    'namespaceSelector',
    'any',
    'all',
    'auto',
    'zh',
    'en',
    'App',
    'Home',
    'huaweicloud',
    'provider',
    'SecurityGroup',
    'root',
    'whitelists',
    'kubeconfig',
    'ServiceAccount',
    'CoreDNS',
    'Open',
    'vSwitch',
    'DataPlane',
    'endPort',
  ].map((w) => w.toLowerCase()),
);

/** Text with code spans, code blocks and shell/KooCLI/Terraform lines removed: code stays code in every language. */
function withoutCode(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .split('\n')
    .filter(
      (line) => !/^\s*(\$ |hcloud |resource |terraform |curl |\{|\}|"|#|kubectl |docker |ip |iptables )/.test(line),
    )
    .join('\n');
}

/**
 * The ASCII words of `text` that nothing allows: not code, not a name in `names`, not an address, id or number
 * (a token with a digit, dot, slash, colon, hyphen or underscore is an identifier), not a kept word.
 */
export function untranslatedWords(text: string, names: Iterable<string> = []): string[] {
  const allowed = new Set([...names].map((n) => n.toLowerCase()));
  const words = withoutCode(text)
    // Mrkdwn links and user/channel mentions: <url|label>, <@U123>, <#C1>.
    .replace(/<[^>\s]*>/g, ' ')
    // Slack emoji shortcodes (:warning:) are markup.
    .replace(/:[a-z0-9_+-]+:/g, ' ')
    // Command-line options (--topology) are code.
    .replace(/(^|\s)--?[a-z][\w.-]*(=\S*)?/g, ' ')
    .match(/[A-Za-z][A-Za-z0-9._/:-]*/g);
  return (words ?? []).filter((word) => {
    const bare = word.replace(/[.:]+$/, '');
    if (/[0-9._/:-]/.test(bare)) return false;
    // All capitals: an acronym, an environment variable or a placeholder (VPC, LANG, PLANFILE, X).
    if (bare === bare.toUpperCase()) return false;
    const lower = bare.toLowerCase();
    return !KEPT_WORDS.has(lower) && !allowed.has(lower);
  });
}
