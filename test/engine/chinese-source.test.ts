// Diagnoses asked for in Chinese: the destination, planning, source-address, security-group, ACL and whitelist
// steps, `source.why`, the assumptions and the replan reasons the engine writes are Chinese with no English left,
// and every machine field is the same as in the English diagnosis of the same question.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateQuestions, generateTopology, toQuestion } from '../../bench/synthetic.js';
import { diagnose } from '../../src/answer/diagnose.js';
import { unreadRouteTableStep } from '../../src/engine/checks/unread.js';
import { result } from '../../src/engine/context.js';
import { type Diagnosis, flowsOf } from '../../src/engine/diagnosis.js';
import { EN, i18n } from '../../src/i18n/i18n.js';
import { engineSource, purposeWords } from '../../src/i18n/messages/engine-source.js';
import type { Question } from '../../src/question/question.js';
import { type CompiledTopology, compileTopology } from '../../src/topology/compile.js';
import { parseTopology } from '../../src/topology/load.js';
import type { Topology, TopologyInput } from '../../src/topology/schema.js';
import { build, seedCrossVpc, seedSameVpc } from '../fixtures/engine/builder.js';
import { untranslatedWords } from '../i18n/untranslated.js';

const ZH = i18n('zh');

/** The checks whose texts this area writes. */
const OWN_CHECKS = new Set([
  'destination',
  'planning',
  'source-address',
  'source-egress',
  'source-acl',
  'destination-acl',
  'destination-sg',
  'whitelist',
]);

// Keys whose string values (or list items) are names and ids in a topology: allowed in any language.
const NAME_KEYS = new Set([
  'id',
  'name',
  'vpc',
  'subnet',
  'cluster',
  'securityGroup',
  'securityGroups',
  'nodeSecurityGroups',
  'podSecurityGroups',
  'nodeSubnets',
  'containerSubnets',
  'unread',
  'flavor',
  'nextHop',
  'requesterVpc',
  'accepterVpc',
]);

/** Every name and id of a topology (and the reasons importers left in `unread`), for `untranslatedWords`. */
function topologyNames(topology: unknown): string[] {
  const names: string[] = [];
  const walk = (value: unknown, key: string | undefined) => {
    if (typeof value === 'string') {
      if (key && NAME_KEYS.has(key)) names.push(value, ...(value.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []));
    } else if (Array.isArray(value)) for (const item of value) walk(item, key);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(topology, undefined);
  return names;
}

function bothLanguages(
  compiled: CompiledTopology,
  question: Question,
): { en: readonly Diagnosis[]; zh: readonly Diagnosis[] } {
  return {
    en: flowsOf(diagnose(compiled, question)),
    zh: flowsOf(diagnose(compiled, question, { lang: 'zh' })),
  };
}

/** The language-neutral part of a diagnosis: everything but its human texts. */
function machine(d: Diagnosis) {
  return {
    verdict: d.verdict,
    question: d.question,
    destination: d.destination,
    seenAs: d.source.seenAs,
    // Evidence carries ids; this area's rule descriptions (`matchedRule`) are words. Other areas' evidence is theirs.
    steps: d.steps.map((s) => {
      const { matchedRule: _, ...evidence } = (s.evidence ?? {}) as Record<string, unknown>;
      return { check: s.check, status: s.status, ...(OWN_CHECKS.has(s.check) ? { evidence } : {}) };
    }),
    assumptions: d.assumptions.length,
    fixes: d.fixes.map((f) => {
      const { render: _render, reason: _reason, ...spec } = f as typeof f & { reason?: string };
      return spec;
    }),
  };
}

const SKIPS = new Set(
  (['diagnose.skip.in-cluster', 'diagnose.skip.unreachable', 'diagnose.skip.no-source'] as const).map((id) =>
    ZH.t(engineSource[id]),
  ),
);

/** The texts of a Chinese diagnosis this area writes, with what is left untranslated in each. */
function untranslatedTexts(zh: Diagnosis, en: Diagnosis, names: readonly string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  const check = (where: string, text: string) => {
    const words = untranslatedWords(text, names);
    if (words.length) found[`${where}: ${text}`] = words;
  };
  check('source.why', zh.source.why);
  // This area's steps, and the skips diagnose writes for every check when the path ends early.
  for (const step of zh.steps)
    if (OWN_CHECKS.has(step.check) || SKIPS.has(step.summary)) check(step.check, step.summary);
  zh.assumptions.forEach((assumption, i) => {
    if (assumption === en.assumptions[i]) return;
    // "Still fails at ..." quotes other steps' summaries: its own words are what precede them.
    check('assumption', assumption.startsWith('应用建议的修复后') ? assumption.split('：')[0]! : assumption);
  });
  zh.fixes.forEach((fix, i) => {
    const reason = (fix as { reason?: string }).reason;
    if (fix.kind === 'replan' && reason && reason !== (en.fixes[i] as { reason?: string }).reason)
      check('replan', reason);
  });
  return found;
}

/** Ask in both languages; expect the same machine fields and Chinese texts with nothing left in English. */
function expectChinese(topology: Topology | TopologyInput, compiled: CompiledTopology, question: Question) {
  const { en, zh } = bothLanguages(compiled, question);
  expect(zh.map(machine)).toEqual(en.map(machine));
  const names = topologyNames(topology);
  for (const [i, d] of zh.entries()) expect(untranslatedTexts(d, en[i]!, names)).toEqual({});
  return zh;
}

const ask = (destination: string, more: Partial<Question> = {}): Question => ({
  cluster: 'prod',
  workload: null,
  destination,
  ...more,
});

const summary = (d: Diagnosis, check: string) => d.steps.find((s) => s.check === check)?.summary;

describe('the seed asked in Chinese', () => {
  it('a VPC-network pod pinging an ECS whose group allows only the node subnet reads like the CCE page', () => {
    const { topology, compiled } = build(seedSameVpc());
    const [d] = expectChinese(topology, compiled, ask('192.168.10.52'));
    expect(d!.verdict).toBe('unreachable');
    expect(summary(d!, 'destination-sg')).toBe('安全组 sg-ecs 的入方向规则未放通容器网段 172.16.0.0/16（icmp echo）');
    expect(summary(d!, 'source-address')).toBe('目的端看到的源地址是容器网段 172.16.0.0/16');
    expect(summary(d!, 'destination')).toBe('192.168.10.52 是 vpc-prod/subnet-nodes 中的ECS ecs1');
    expect(d!.source.why).toBe(
      'VPC网络（vpc-router）访问 nonMasqueradeCIDRs 内的目的地址（192.168.0.0/16）时保留容器IP，不做SNAT（华为云文档 cce_bestpractice_10041）',
    );
    const alternative = d!.fixes.find((f) => f.kind === 'replan' && f.alternative);
    expect((alternative as { reason: string }).reason).toMatch(/^让 prod 将这部分流量SNAT为节点IP/);
  });

  it('the same ECS from a tunnel-network and a Cloud Native 2.0 cluster names what the ECS sees', () => {
    const overlay = build(seedSameVpc('overlay_l2'));
    const [o] = expectChinese(overlay.topology, overlay.compiled, ask('192.168.10.52'));
    expect(o!.source.why).toContain('容器隧道网络');
    expect(summary(o!, 'destination-sg')).toMatch(
      /^安全组 sg-ecs 的入方向规则已放通节点IP 192\.168\.10\.11-192\.168\.10\.12/,
    );
    const eni = build(seedSameVpc('eni'));
    const [e] = expectChinese(eni.topology, eni.compiled, ask('192.168.10.52'));
    expect(e!.source.why).toContain('云原生网络2.0');
    expect(summary(e!, 'destination-sg')).toBe('安全组 sg-ecs 的入方向规则未放通容器子网 192.168.30.0/24（icmp echo）');
  });

  it('the peering case says the database sees the container CIDR and its group allows it', () => {
    const { topology, compiled } = build(seedCrossVpc());
    const [d] = expectChinese(topology, compiled, ask('db2'));
    expect(summary(d!, 'source-address')).toBe('目的端看到的源地址是容器网段 10.0.0.0/16');
    expect(summary(d!, 'destination-sg')).toMatch(
      /^安全组 sg-data 的入方向规则已放通容器网段 10\.0\.0\.0\/16（tcp\/3306）/,
    );
    expect(d!.assumptions).toContain('集群 prod 未列出节点：以其节点子网（192.168.10.0/24）代表节点IP');
  });
});

describe.each(['sample.yaml', 'kubernetes.yaml', 'enterprise-router.yaml'])('data/%s asked in Chinese', (file) => {
  const parsed = parseTopology(readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`data/${file} is invalid`);
  const topology = parsed.topology;
  const compiled = compileTopology(topology);
  const destinations = [
    ...(topology.resources ?? []).map((r) => r.name),
    '192.168.10.11',
    '172.16.0.9',
    '10.247.0.10',
    '192.168.128.7',
    '192.168.99.1',
    '192.168.50.99',
    '10.1.1.99',
    '8.8.8.8',
    '203.0.113.5',
    '100.125.1.1',
    '127.0.0.1',
    '10.200.0.1',
    '2001:db8::5',
  ];
  it.each((topology.clusters ?? []).map((c) => c.name))('every destination from %s', (cluster) => {
    const workloads = (topology.clusters ?? []).find((c) => c.name === cluster)?.workloads ?? [];
    for (const destination of destinations)
      for (const more of [{}, { protocol: 'tcp' as const, port: 443 }])
        expectChinese(topology, compiled, { cluster, workload: null, destination, ...more });
    for (const workload of workloads)
      for (const destination of (topology.resources ?? []).map((r) => r.name).concat('8.8.8.8'))
        expectChinese(topology, compiled, { cluster, workload: workload.name, destination });
  });
});

describe("each branch of this area's checks in Chinese", () => {
  const variants: [string, (t: ReturnType<typeof seedSameVpc>) => void, string, Partial<Question>?][] = [
    ['an own pod', () => {}, '172.16.3.4'],
    ['an own ClusterIP', () => {}, '10.247.0.10'],
    ['a node', () => {}, '192.168.10.11'],
    ['an undeclared address of the cluster VPC', () => {}, '192.168.20.9'],
    ['an address in no subnet', () => {}, '192.168.200.1'],
    ['a public address', () => {}, '8.8.8.8'],
    ['a documentation address', () => {}, '198.51.100.7'],
    ['a cloud-service address', () => {}, '100.125.0.10'],
    ['a multicast address', () => {}, '224.0.0.5'],
    ['a private address outside every VPC', () => {}, '10.99.0.1'],
    [
      'a destination inside the container CIDR',
      (t) => {
        t.clusters![0]!.containerCidrs = ['192.168.20.0/24'];
        t.resources!.push({ name: 'db', vpc: 'vpc-prod', subnet: 'subnet-data', addresses: ['192.168.20.5'] });
      },
      'db',
    ],
    [
      'a second VPC-network cluster with an overlapping container CIDR',
      (t) => {
        t.clusters!.push({ ...t.clusters![0]!, name: 'batch', nodes: [], containerCidrs: ['172.16.128.0/17'] });
      },
      '192.168.10.52',
    ],
    [
      'a container CIDR overlapping the VPC CIDR',
      (t) => {
        t.clusters![0]!.containerCidrs = ['192.168.128.0/17'];
      },
      '192.168.10.52',
    ],
    ['an IPv6 destination from a VPC-network cluster', () => {}, '2001:db8::1'],
    [
      'two node groups that disagree by reading',
      (t) => {
        t.securityGroups!.push({
          id: 'sg-node-2',
          rules: [{ direction: 'egress', action: 'deny', priority: 1 }],
        });
        t.securityGroups![0]!.rules = [{ direction: 'egress', priority: 100 }];
        t.clusters![0]!.nodeSecurityGroups = ['sg-node', 'sg-node-2'];
      },
      '192.168.10.52',
    ],
    [
      'no node security groups',
      (t) => {
        t.clusters![0]!.nodeSecurityGroups = [];
      },
      '192.168.10.52',
    ],
    [
      'an outbound rule that blocks',
      (t) => {
        t.securityGroups![0]!.rules = [{ direction: 'egress', action: 'deny', priority: 1 }];
      },
      '192.168.10.52',
    ],
    [
      'no outbound rule',
      (t) => {
        t.securityGroups![0]!.rules = [{ direction: 'egress', protocol: 'udp', ports: '53' }];
      },
      '192.168.10.52',
    ],
    [
      'a deny rule on the destination and a partial allow',
      (t) => {
        t.securityGroups![2]!.rules = [
          { direction: 'ingress', remote: '172.16.0.0/17', protocol: 'tcp', ports: '3306' },
          { direction: 'ingress', action: 'deny', remote: '0.0.0.0/0', priority: 50 },
        ];
      },
      '192.168.10.52',
      { protocol: 'tcp', port: 3306 },
    ],
    [
      'two destination groups that disagree by reading',
      (t) => {
        t.securityGroups!.push({
          id: 'sg-extra',
          rules: [{ direction: 'ingress', action: 'deny', remote: '172.16.0.0/16', priority: 1 }],
        });
        t.securityGroups![2]!.rules = [{ direction: 'ingress', remote: '172.16.0.0/16', priority: 100 }];
        t.resources![0]!.securityGroups = ['sg-ecs', 'sg-extra'];
      },
      '192.168.10.52',
    ],
    [
      'a remote-group rule the pod CIDR may not match',
      (t) => {
        t.securityGroups![2]!.rules = [{ direction: 'ingress', remote: { securityGroup: 'sg-node' } }];
      },
      '192.168.10.52',
    ],
    [
      'a destination with no security groups',
      (t) => {
        t.resources![0]!.securityGroups = [];
      },
      '192.168.10.52',
    ],
    [
      'an old-generation ECS',
      (t) => {
        t.securityGroups![2]!.rules = [{ direction: 'ingress', action: 'deny', remote: '172.16.0.0/16' }];
        t.resources![0]!.flavor = 's1.large';
      },
      '192.168.10.52',
    ],
    [
      'network ACLs that deny and allow',
      (t) => {
        t.vpcs![0]!.subnets![0]!.networkAcl = 'acl-1';
        t.networkAcls = [
          {
            id: 'acl-1',
            ingress: [{ action: 'deny', protocol: 'icmp', source: '172.16.0.0/17' }],
            egress: [{ action: 'allow', source: '172.16.0.0/16' }],
          },
        ];
      },
      '192.168.10.52',
    ],
    [
      'a network ACL with no rule (the implicit deny) and one that is not defined',
      (t) => {
        t.vpcs![0]!.subnets![0]!.networkAcl = 'acl-1';
        t.networkAcls = [{ id: 'acl-1' }];
      },
      '192.168.10.52',
    ],
    [
      'an ACL rule on the source port',
      (t) => {
        t.vpcs![0]!.subnets![0]!.networkAcl = 'acl-1';
        t.networkAcls = [
          {
            id: 'acl-1',
            ingress: [{ action: 'allow', protocol: 'tcp', sourcePorts: '1000-2000', destinationPorts: '3306' }],
            egress: [{ action: 'allow' }],
          },
        ];
      },
      '192.168.10.52',
      { protocol: 'tcp', port: 3306 },
    ],
    [
      'an unread network ACL',
      (t) => {
        t.vpcs![0]!.subnets![0]!.networkAcl = 'acl-1';
        t.networkAcls = [{ id: 'acl-1', unread: 'permission denied' }];
      },
      '192.168.10.52',
    ],
    [
      'a whitelist that leaves the pods out',
      (t) => {
        t.resources![0]!.securityGroups = [];
        t.resources![0]!.whitelist = { enabled: true, groups: [{ name: 'nodes', addresses: ['192.168.10.0/24'] }] };
      },
      '192.168.10.52',
    ],
    [
      'a whitelist that lets them in',
      (t) => {
        t.resources![0]!.whitelist = { groups: [{ name: 'pods', addresses: ['172.16.0.0/16'] }] };
      },
      '192.168.10.52',
    ],
    [
      'a disabled whitelist',
      (t) => {
        t.resources![0]!.whitelist = { enabled: false, groups: [] };
      },
      '192.168.10.52',
    ],
    [
      'no listed nodes and a hostNetwork workload',
      (t) => {
        delete t.clusters![0]!.nodes;
        t.clusters![0]!.workloads = [{ name: 'agent', hostNetwork: true }];
      },
      '192.168.10.52',
      { workload: 'agent' },
    ],
  ];

  it.each(variants)('%s', (_what, change, destination, more) => {
    const input = seedSameVpc();
    change(input);
    const { topology, compiled } = build(input);
    expectChinese(topology, compiled, ask(destination, more));
  });

  it("reach every status of this area's checks", () => {
    const seen = new Set<string>();
    for (const [, change, destination, more] of variants) {
      const input = seedSameVpc();
      change(input);
      const { compiled } = build(input);
      for (const d of flowsOf(diagnose(compiled, ask(destination, more), { lang: 'zh' })))
        for (const s of d.steps) seen.add(`${s.check}:${s.status}`);
    }
    const expected = ['destination', 'planning', 'source-address', 'source-egress', 'source-acl', 'destination-acl']
      .concat(['destination-sg', 'whitelist'])
      .flatMap((check) => ['pass', 'fail', 'warn', 'skip'].map((status) => `${check}:${status}`))
      // Never reported: the destination and planning are always judged, a source address is never skipped,
      // a whitelist is never order-dependent.
      .filter((s) => !['destination:skip', 'planning:skip', 'source-address:skip', 'whitelist:warn'].includes(s));
    expect(expected.filter((s) => !seen.has(s))).toEqual([]);
  });
});

describe('unread parts of the topology, for the route and enterprise-router checks', () => {
  it('are worded in Chinese when those checks pass the answer language', () => {
    const out = result();
    const table = { id: 'rtb-1', isDefault: false, unread: 'permission denied' };
    for (const check of ['route-forward', 'route-return'] as const) {
      const step = unreadRouteTableStep(check, table, 'subnet-1', out, ZH);
      expect(untranslatedWords(step.summary, ['rtb-1', 'subnet-1', 'permission', 'denied'])).toEqual([]);
      expect(unreadRouteTableStep(check, table, 'subnet-1', result()).summary).toMatch(/^route table rtb-1 \(custom\)/);
    }
    expect(out.uncertain).toHaveLength(2);
    const names = ['er-1', 'rtb-er', 'att-1', 'permission', 'denied'];
    for (const returning of [false, true]) {
      const texts = [
        ZH.t(engineSource['unread.er-table'], {
          er: 'er-1',
          table: 'rtb-er',
          attachment: 'att-1',
          unread: 'permission denied',
          returning,
        }),
        ZH.t(engineSource['unread.er-association'], {
          er: 'er-1',
          attachment: 'att-1',
          tables: [{ id: 'rtb-er', unread: 'permission denied' }],
          returning,
        }),
      ];
      for (const text of texts) expect(untranslatedWords(text, names)).toEqual([]);
    }
  });
});

describe('the purpose line of a fix', () => {
  it('is worded in Chinese for people, and only the description in the fix code follows the language', () => {
    expect(purposeWords('CCE prod pods -> db1 tcp/3306', ZH)).toBe('CCE prod 容器 -> db1 tcp/3306');
    expect(purposeWords('CCE prod workload payments/api -> 10.1.1.20 icmp echo', ZH)).toBe(
      'CCE prod 工作负载 payments/api -> 10.1.1.20 icmp echo',
    );
    expect(purposeWords('CCE prod pods -> db1 tcp/3306', EN)).toBe('CCE prod pods -> db1 tcp/3306');
    expect(
      untranslatedWords(purposeWords('CCE prod workload api -> db1 icmp echo', ZH), ['prod', 'api', 'db1']),
    ).toEqual([]);
    // The API bodies are the same whichever language asked, but for the human description they carry.
    const { compiled } = build(seedSameVpc());
    const [en] = flowsOf(diagnose(compiled, ask('192.168.10.52')));
    const [zh] = flowsOf(diagnose(compiled, ask('192.168.10.52'), { lang: 'zh' }));
    const withoutDescription = (api: unknown) =>
      api === undefined
        ? undefined
        : JSON.parse(JSON.stringify(api).replace(/"description":"[^"]*"/g, '"description":""'));
    expect(zh!.fixes.map((f) => withoutDescription(f.render.api))).toEqual(
      en!.fixes.map((f) => withoutDescription(f.render.api)),
    );
    expect(JSON.stringify(zh!.fixes[0]!.render.api)).toContain(
      '"description":"reachbot: CCE prod 容器 到 ecs1 icmp echo"',
    );
  });
});

describe('generated topologies in Chinese', () => {
  it("leave no English word in this area's texts, and keep the machine fields, for any question", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 39 }), (seed, index) => {
        const topology = generateTopology('small', seed);
        const question = generateQuestions(topology, 40, seed)[index]!;
        expectChinese(topology, compileTopology(topology), toQuestion(question));
      }),
      { numRuns: 60 },
    );
  });
});
