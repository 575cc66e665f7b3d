// Issue #15's figures: a reverse question over a synthetic topology ("who can reach X?" over every cluster and
// workload; "what can pods in C reach?" over every resource), and a Terraform plan check of N changed resources
// against M watched paths. Topology generation, compilation of the stored topology and plan synthesis are not timed.
import { checkPlan } from '../src/plan/check.js';
import { parsePlan } from '../src/plan/plan.js';
import { answerReverse } from '../src/reverse/reverse.js';
import { compileTopology } from '../src/topology/compile.js';
import type { SecurityGroupRule, Topology } from '../src/topology/schema.js';
import { mulberry32 } from './prng.js';
import { type BenchSize, generateQuestions, generateTopology, toQuestion } from './synthetic.js';

export interface BeyondReport {
  readonly size: BenchSize;
  readonly clusters: number;
  readonly workloads: number;
  readonly resources: number;
  /** "who can reach R on its port?": one answer per cluster and workload; median and max over the runs. */
  readonly whoCanReach: {
    readonly medianMs: number;
    readonly maxMs: number;
    readonly runs: number;
    readonly entries: number;
  };
  /** "what can pods in C reach?": one answer per resource plus the internet. */
  readonly whatCanReach: {
    readonly medianMs: number;
    readonly maxMs: number;
    readonly runs: number;
    readonly entries: number;
  };
  /** check-plan: the stored topology already compiled (as the bot keeps it), and with that compile included. */
  readonly planCheck: {
    readonly changes: number;
    readonly paths: number;
    readonly medianMs: number;
    readonly withCompileMs: number;
    readonly runs: number;
    readonly moved: number;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = run();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

const PROVIDER = 'registry.terraform.io/huaweicloud/huaweicloud';

/** A topology rule as the provider's huaweicloud_networking_secgroup_rule attributes. */
function ruleAttributes(group: string, rule: SecurityGroupRule, id?: string): Record<string, unknown> {
  const remote = rule.remote;
  return {
    ...(id ? { id } : {}),
    security_group_id: group,
    direction: rule.direction,
    ethertype: rule.ethertype ?? 'IPv4',
    protocol: rule.protocol === undefined || rule.protocol === 'any' ? '' : String(rule.protocol),
    ports: rule.ports ?? '',
    remote_ip_prefix: typeof remote === 'string' ? remote : remote ? '' : '0.0.0.0/0',
    remote_group_id: remote && typeof remote === 'object' && 'securityGroup' in remote ? remote.securityGroup : '',
    remote_address_group_id:
      remote && typeof remote === 'object' && 'addressGroup' in remote ? remote.addressGroup : '',
    action: rule.action ?? 'allow',
    priority: rule.priority ?? 1,
  };
}

/** A plan JSON of `count` resource changes over `topology`: rule deletions and creations, route deletions. */
export function synthesizePlan(topology: Topology, count: number, seed = 1): string {
  const rng = mulberry32(seed);
  const groups = (topology.securityGroups ?? []).filter((g) => (g.rules ?? []).length > 0);
  const tables = (topology.vpcs ?? []).flatMap((v) =>
    (v.routeTables ?? []).flatMap((t) => (t.routes ?? []).map((r) => ({ vpc: v.id, table: t.id, route: r }))),
  );
  const changes: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 3;
    const address = `huaweicloud_${kind === 2 ? 'vpc_route' : 'networking_secgroup_rule'}.c${i}`;
    if (kind === 2 && tables.length) {
      const { vpc, table, route } = tables[Math.floor(rng() * tables.length)]!;
      const before = {
        vpc_id: vpc,
        route_table_id: table,
        destination: route.destination,
        type: route.type,
        nexthop: route.nextHop ?? '',
      };
      changes.push({
        address,
        mode: 'managed',
        type: 'huaweicloud_vpc_route',
        name: `c${i}`,
        provider_name: PROVIDER,
        change: { actions: ['delete'], before, after: null, after_unknown: {} },
      });
      continue;
    }
    const group = groups[Math.floor(rng() * groups.length)]!;
    const rules = group.rules ?? [];
    const rule = rules[Math.floor(rng() * rules.length)]!;
    if (kind === 0) {
      const before = ruleAttributes(group.id, rule, rule.id);
      changes.push({
        address,
        mode: 'managed',
        type: 'huaweicloud_networking_secgroup_rule',
        name: `c${i}`,
        provider_name: PROVIDER,
        change: { actions: ['delete'], before, after: null, after_unknown: {} },
      });
    } else {
      const after = ruleAttributes(group.id, {
        direction: 'ingress',
        protocol: 'tcp',
        ports: String(1000 + i),
        remote: '10.0.0.0/8',
      });
      changes.push({
        address,
        mode: 'managed',
        type: 'huaweicloud_networking_secgroup_rule',
        name: `c${i}`,
        provider_name: PROVIDER,
        change: { actions: ['create'], before: null, after, after_unknown: { id: true } },
      });
    }
  }
  return JSON.stringify({ format_version: '1.2', terraform_version: '1.9.8', resource_changes: changes });
}

/** Measure the reverse questions and the plan check on one synthetic size. */
export function measureBeyond(
  size: BenchSize,
  options: { runs: number; planChanges: number; planPaths: number; seed?: number },
): BeyondReport {
  const topology = generateTopology(size, options.seed ?? 1);
  const compiled = compileTopology(topology);
  const clusters = topology.clusters ?? [];
  const resources = topology.resources ?? [];
  const who: number[] = [];
  const what: number[] = [];
  let whoEntries = 0;
  let whatEntries = 0;
  for (let run = 0; run < options.runs; run++) {
    const resource = resources[(run * 7919) % resources.length]!;
    const port = resource.ports?.[0];
    const a = time(() =>
      answerReverse(compiled, {
        kind: 'sources',
        destination: resource.name,
        workloads: true,
        ...(port ? { protocol: port.protocol, port: port.port } : {}),
      }),
    );
    who.push(a.ms);
    whoEntries = a.value.entries.length;
    const cluster = clusters[(run * 31) % clusters.length]!;
    const b = time(() =>
      answerReverse(compiled, {
        kind: 'destinations',
        cluster: cluster.name,
        workload: null,
        protocol: 'tcp',
        port: 443,
      }),
    );
    what.push(b.ms);
    whatEntries = b.value.entries.length;
  }
  const plan = parsePlan(synthesizePlan(topology, options.planChanges, options.seed ?? 1));
  const paths = generateQuestions(topology, options.planPaths, options.seed ?? 1).map((q) => ({
    question: toQuestion(q),
  }));
  const checks: number[] = [];
  const totals: number[] = [];
  let moved = 0;
  for (let run = 0; run < Math.max(1, Math.min(options.runs, 3)); run++) {
    const c = time(() => checkPlan(topology, plan, paths, compiled));
    checks.push(c.ms);
    moved = c.value.paths.filter((p) => p.movement !== 'same').length;
    totals.push(time(() => checkPlan(topology, plan, paths)).ms);
  }
  return {
    size,
    clusters: clusters.length,
    workloads: clusters.reduce((n, c) => n + (c.workloads ?? []).length, 0),
    resources: resources.length,
    whoCanReach: { medianMs: median(who), maxMs: Math.max(...who), runs: who.length, entries: whoEntries },
    whatCanReach: { medianMs: median(what), maxMs: Math.max(...what), runs: what.length, entries: whatEntries },
    planCheck: {
      changes: options.planChanges,
      paths: paths.length,
      medianMs: median(checks),
      withCompileMs: median(totals),
      runs: checks.length,
      moved,
    },
  };
}

/** The figures as a Markdown table with targets. */
export function renderBeyond(r: BeyondReport): string {
  const f = (ms: number) => (ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
  const status = (ms: number, limit: number) => (ms < limit ? 'met' : 'MISSED');
  const rows = [
    ['figure', 'value', 'target', 'status'],
    ['---', '---', '---', '---'],
    [
      `who can reach R? (${r.size}: ${r.whoCanReach.entries} clusters and workloads)`,
      `median ${f(r.whoCanReach.medianMs)}, max ${f(r.whoCanReach.maxMs)} (n=${r.whoCanReach.runs})`,
      '< 1 s',
      status(r.whoCanReach.medianMs, 1000),
    ],
    [
      `what can pods in C reach? (${r.size}: ${r.whatCanReach.entries} resources and the internet)`,
      `median ${f(r.whatCanReach.medianMs)}, max ${f(r.whatCanReach.maxMs)} (n=${r.whatCanReach.runs})`,
      '< 1 s',
      status(r.whatCanReach.medianMs, 1000),
    ],
    [
      `check-plan: ${r.planCheck.changes} changed resources x ${r.planCheck.paths} watched paths (${r.planCheck.moved} moved), stored topology compiled`,
      `median ${f(r.planCheck.medianMs)} (n=${r.planCheck.runs})`,
      '< 2 s',
      status(r.planCheck.medianMs, 2000),
    ],
    ['check-plan, the same, including compiling the topology before', `median ${f(r.planCheck.withCompileMs)}`, '', ''],
  ];
  return rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
