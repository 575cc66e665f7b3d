// The located issues of a broken topology file, in Chinese: every issue the validation can report carries its
// Chinese text, which leaves no English word outside the file's own keys, ids and values, while the English text
// stays exactly what it was. The terminal (`reachbot validate --lang zh`) and a Slack import asked in Chinese say them.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/commands/registry.js';
import type { CommandContext } from '../../src/commands/subcommand.js';
import { i18n } from '../../src/i18n/i18n.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { formatIssues, issueText, type TopologyIssue } from '../../src/topology/errors.js';
import { parseTopology, validateTopology } from '../../src/topology/load.js';
import { runIn, workspace } from '../cli/harness.js';
import { TOPOLOGY_FILE_WORDS, wordsOf } from './topology-words.js';
import { untranslatedWords } from './untranslated.js';

const ZH = i18n('zh');

/** Schema-valid, but breaking every whole-document rule at least once. */
function inconsistent() {
  return {
    version: 1,
    vpcs: [
      {
        id: 'vpc-a',
        cidr: '10.0.0.0/16',
        secondaryCidrs: ['10.0.128.0/17'],
        subnets: [
          { id: 's-1', cidr: '10.0.1.0/24', routeTable: 'rtb-nope', networkAcl: 'acl-nope' },
          { id: 's-2', cidr: '10.0.1.0/25' },
          { id: 's-3', cidr: '10.9.0.0/24' },
        ],
        routeTables: [
          {
            id: 'rtb-1',
            default: true,
            routes: [
              { destination: '10.1.0.0/16', type: 'peering' },
              { destination: '10.1.0.0/16', type: 'peering', nextHop: 'pcx-nope' },
              { destination: '10.2.0.0/16', type: 'er' },
            ],
          },
          { id: 'rtb-2', default: true },
        ],
        natGateways: [{ id: 'nat', snatRules: [{ source: 'subnet-nope', eip: '203.0.113.7' }] }],
      },
      { id: 'vpc-a', cidr: '10.1.0.0/16', subnets: [{ id: 's-1', cidr: '10.1.1.0/24' }] },
    ],
    peerings: [{ id: 'pcx', requesterVpc: 'vpc-a', accepterVpc: 'vpc-a' }],
    enterpriseRouters: [
      {
        id: 'er-1',
        attachments: [
          { id: 'att-1', type: 'vpc', cidrs: ['10.0.0.0/16'] },
          { id: 'att-2', type: 'vpn', vpc: 'vpc-a' },
          { id: 'att-3', type: 'vpc', vpc: 'vpc-a', subnet: 's-nope' },
        ],
        routeTables: [
          {
            id: 'ert-1',
            associations: ['att-1', 'att-1'],
            propagations: ['att-2', 'att-2', 'att-nope'],
            routes: [
              { destination: '0.0.0.0/0', blackhole: true, attachment: 'att-1' },
              { destination: '10.5.0.0/16' },
              { destination: '10.5.0.0/16', attachment: 'att-2' },
            ],
          },
        ],
      },
    ],
    securityGroups: [
      {
        id: 'sg-1',
        rules: [
          { direction: 'ingress', remote: '2407:c080::/32' },
          { direction: 'ingress', ethertype: 'IPv6', protocol: 'icmp', remote: '2407:c080::/32' },
          { direction: 'ingress', protocol: 'icmpv6', remote: '10.0.0.0/8' },
          { direction: 'ingress', remote: { securityGroup: 'sg-nope' } },
          { direction: 'ingress', remote: { addressGroup: 'ag-nope' } },
        ],
      },
    ],
    clusters: [
      {
        name: 'turbo',
        vpc: 'vpc-a',
        networkModel: 'eni',
        nodeSubnets: ['s-1'],
        containerCidrs: ['172.16.0.0/16'],
      },
      {
        name: 'tunnel',
        vpc: 'vpc-nope',
        networkModel: 'overlay_l2',
        nodeSubnets: ['s-1'],
        containerSubnets: ['s-2'],
        nonMasqueradeCidrs: ['10.0.0.0/8', '10.1.0.0/16'],
        dataPlaneV2: true,
        namespaces: [{ name: 'pay' }, { name: 'pay' }],
        workloads: [{ name: 'pay/api', namespace: 'shop' }],
        networkPolicies: [
          {
            metadata: { name: 'p', namespace: 'pay' },
            spec: {
              podSelector: {},
              policyTypes: ['Egress'],
              egress: [
                {
                  to: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.9.0.0/24'] }, podSelector: {} }],
                  ports: [{ port: 'http', endPort: 90 }],
                },
              ],
            },
          },
        ],
      },
      { name: 'vpc', vpc: 'vpc-a', networkModel: 'vpc-router', nodeSubnets: ['s-1'] },
    ],
    resources: [{ name: 'db', vpc: 'vpc-a', subnet: 's-1', addresses: ['10.0.2.9'] }],
    dnsZones: [
      {
        name: 'z.example.com',
        vpcs: ['vpc-a', 'vpc-a'],
        records: [
          { name: 'a', type: 'CNAME', values: ['b.z.example.com'] },
          { name: 'a', type: 'A', values: ['10.0.1.5'] },
        ],
      },
    ],
  };
}

/** Breaking the schema in every way it words itself. */
function malformed() {
  return {
    version: 2,
    colour: 'blue',
    vpcs: [
      {
        id: '',
        cidr: '10.0.0.1/16',
        subnets: 'none',
        routeTables: [{ id: 'r', unread: '', routes: [{ destination: '10.0.0.0/33', type: 'local' }] }],
      },
      { id: 5, cidr: '10.1.0.0/16', secondaryCidrs: ['prod/16'] },
    ],
    securityGroups: [{ id: 'sg', rules: [{ direction: 'ingress', protocol: 'smtp', ports: '99999' }] }],
    addressGroups: [{ id: 'ag', addresses: ['10.0.0.9-10.0.0.1'] }],
    clusters: [{ name: 'c', vpc: 'v', networkModel: 'flannel', nodeSubnets: ['s'] }],
    resources: [{ name: 'r', vpc: 'v', subnet: 's', addresses: ['not-an-ip'], ports: ['80,x'] }],
    dnsZones: [
      {
        name: 'z.example.com',
        vpcs: ['v'],
        records: [
          { name: 'a..b', type: 'A', values: ['10.0.0.1'] },
          { name: 'c', type: 'MX', values: [] },
          { name: 'd', type: 'AAAA', values: ['10.0.0.1'] },
          { name: 'e', type: 'CNAME', values: ['x..y', 'z.example.com'] },
        ],
      },
      { name: '-bad-', vpcs: ['v'] },
    ],
  };
}

function issuesOf(doc: unknown): readonly TopologyIssue[] {
  const result = validateTopology(doc);
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

/** Each issue in Chinese, checked: a Chinese text, no English word but the document's own, English unchanged. */
function expectChinese(issues: readonly TopologyIssue[], doc: unknown) {
  const allowed = [...wordsOf(doc), ...TOPOLOGY_FILE_WORDS];
  for (const issue of issues) {
    expect(issue.text?.en).toBe(issue.message);
    const zh = issueText(issue, ZH);
    expect(zh, issue.message).toMatch(/[\u4e00-\u9fff]/);
    expect(untranslatedWords(zh, allowed), `${issue.path}: ${zh}`).toEqual([]);
  }
}

describe('topology issues in Chinese', () => {
  it('says every whole-document problem in Chinese, with paths, ids and CIDRs as written', () => {
    const doc = inconsistent();
    const issues = issuesOf(doc);
    // Every rule of validate.ts and of the Kubernetes objects is broken at least once.
    const english = issues.map((i) => i.message).join('\n');
    for (const fragment of [
      'is already used by',
      'unknown route table of vpc-a "rtb-nope"',
      'unknown network ACL',
      'overlaps',
      'exactly one route table must be default',
      "is outside the VPC's CIDRs",
      'is already the destination of',
      'a peering route needs nextHop',
      'an er route needs nextHop',
      'is neither a subnet id nor a CIDR',
      'a peering must join two different VPCs',
      'a vpc attachment needs vpc',
      'a vpc attachment needs subnet',
      "a vpc attachment propagates its VPC's CIDR blocks",
      'a vpn attachment has no VPC or subnet',
      'is already associated at',
      'already propagates into',
      'a blackhole route has no attachment',
      'a static route needs attachment',
      'one static route per destination',
      'does not match ethertype',
      'icmp needs ethertype IPv4',
      'icmpv6 needs ethertype IPv6',
      'needs containerSubnets',
      'takes pod IPs from containerSubnets',
      'cluster needs containerCidrs',
      'containerSubnets are for eni clusters only',
      'nonMasqueradeCidrs exist only for vpc-router',
      'CCE rejects overlapping entries',
      'is outside subnet',
      'is already associated with zone',
      "a CNAME must be the name's only record",
      'is already declared at',
      'differs from the namespace in the name',
      'ipBlock cannot be combined',
      'is not inside',
      'endPort needs a numeric port',
      'DataPlane V2 exists only',
    ])
      expect(english).toContain(fragment);
    expectChinese(issues, doc);
    const zh = issues.map((i) => issueText(i, ZH));
    expect(zh).toContain('vpc-a 中没有路由表“rtb-nope”（已定义：rtb-1、rtb-2）');
    expect(zh).toContain('必须有且只有一个路由表为 default: true（实际 2 个）');
  });

  it('says every schema problem in Chinese: types, required keys, CIDRs, ports, protocols, names, zones', () => {
    const doc = malformed();
    const issues = issuesOf(doc);
    expect(issues.length).toBeGreaterThan(15);
    expectChinese(issues, doc);
    const zh = new Map(issues.map((i) => [i.path, issueText(i, ZH)]));
    expect(zh.get('vpcs[0].cidr')).toBe(
      '“10.0.0.1/16”的主机位不为零：是否应为 10.0.0.0/16（单个地址则写 10.0.0.1/32）？',
    );
    expect(zh.get('vpcs[1].id')).toBe('必须是字符串，而不是数字 5');
    expect(zh.get('')).toBe('未知的键 "colour"（未知的键一律拒绝，以免拼写错误悄悄改变结论）');
    expect(zh.get('version')).toBe('必须是 1（本版本 reachbot 只读取第 1 版拓扑）');
    // A union says what the one form taking a string needs (the protocol list), not zod's "Invalid input".
    expect(zh.get('securityGroups[0].rules[0].protocol')).toBe(
      '必须是 tcp、udp、icmp、icmpv6、any 之一，或 0-255 的 IP 协议号',
    );
  });

  it('frames a YAML syntax error, an amplified document and the cap on reported issues in Chinese', () => {
    const syntax = parseTopology('version: 1\nvpcs: [\n');
    const amplified = parseTopology(
      `a: &a [${Array(10).fill('x').join(',')}]\n${Array.from(
        { length: 7 },
        (_, i) =>
          `b${i}: &b${i} [${Array(10)
            .fill(i ? `*b${i - 1}` : '*a')
            .join(',')}]`,
      ).join('\n')}\n`,
    );
    const many = validateTopology({
      version: 1,
      vpcs: [
        {
          id: 'v',
          cidr: '10.0.0.0/8',
          subnets: Array.from({ length: 1200 }, () => ({ id: 's', cidr: '10.0.0.0/24' })),
        },
      ],
    });
    const texts = [syntax, amplified, many].map((r) => (r.ok ? '' : formatIssues(r.issues.slice(-1), 'f.yaml', ZH)));
    expect(texts[0]).toMatch(/^f\.yaml:\d+: YAML 语法错误：`/);
    expect(texts[1]).toMatch(/^f\.yaml: 该文档由 \d+ 个字符展开成超过 [\d,]+ 个值/);
    expect(texts[2]).toMatch(/^f\.yaml: ……还有 \d+ 个问题（请先修正以上问题）$/);
    expect(formatIssues(issuesOf(malformed()), 'f.yaml', ZH)).toMatch(/^共 \d+ 个问题：\n {2}f\.yaml: /);
  });

  it('reachbot validate --lang zh prints each problem located, in Chinese; without --lang, in English', async () => {
    const { dir, store } = await workspace();
    const file = join(dir, 'broken.yaml');
    await writeFile(file, dump(inconsistent()));
    const zh = await runIn(dir, { REACHBOT_STORE: store }, ['validate', file, '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/broken\.yaml:\d+: peerings\[0\]: 对等连接必须连接两个不同的 VPC\n/);
    const en = await runIn(dir, { REACHBOT_STORE: store }, ['validate', file]);
    expect(en.stderr).toMatch(/broken\.yaml:\d+: peerings\[0\]: a peering must join two different VPCs\n/);
  });

  it('reachbot topology import --lang zh refuses a broken file with its problems located, in Chinese', async () => {
    const { dir, store } = await workspace();
    const file = join(dir, 'broken.yaml');
    await writeFile(file, dump(inconsistent()));
    const zh = await runIn(dir, { REACHBOT_STORE: store }, ['topology', 'import', file, '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/不是有效的拓扑（\d+ 个问题）：/);
    expect(zh.stderr).toMatch(
      /broken\.yaml:\d+: vpcs\[0\]\.subnets\[0\]\.routeTable: vpc-a 中没有路由表“rtb-nope”（已定义：rtb-1、rtb-2）\n/,
    );
    expect(zh.stderr).not.toContain('unknown route table');
    // The locale chooses too, when --lang does not.
    const byLocale = await runIn(dir, { REACHBOT_STORE: store, LANG: 'zh_CN.UTF-8' }, ['topology', 'import', file]);
    expect(byLocale.stderr).toMatch(/broken\.yaml:\d+: peerings\[0\]: 对等连接必须连接两个不同的 VPC\n/);
  });

  it('a topology import in Slack asked in Chinese lists the problems in Chinese', async () => {
    const store = new MemoryStore();
    const topology = createRegistry([]).find('topology')!;
    const context: CommandContext = {
      store,
      userId: 'U1',
      channelId: 'C1',
      isAdmin: true,
      now: () => new Date('2026-12-04T00:00:00Z'),
      lang: 'zh',
    };
    const reply = await topology.run(`import broken\n${dump(inconsistent())}`, context);
    expect(reply.text).toContain('对等连接必须连接两个不同的 VPC');
    expect(reply.text).not.toContain('a peering must join');
    expect(store.data.topologies.broken).toBeUndefined();
  });
});
