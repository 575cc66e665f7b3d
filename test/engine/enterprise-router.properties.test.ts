// Properties over generated enterprise-router designs (the three-VPC sample with random associations, propagations,
// static and blackhole routes, and VPC routes to the ER, in each network model): diagnose throws nothing; every
// unreachable answer's fixes, applied, make the flow reachable unless a replan remains; the incremental patch equals
// a full recompile; and an answer is reachable only when both ER tables really route both ways.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/answer/diagnose.js';
import { type Diagnosis, flowsOf } from '../../src/engine/diagnosis.js';
import { applyFixes } from '../../src/engine/fixes/apply.js';
import { patchCompiled } from '../../src/engine/fixes/patch.js';
import { compileTopology } from '../../src/topology/compile.js';
import { validateTopology } from '../../src/topology/load.js';
import type { Topology, TopologyInput } from '../../src/topology/schema.js';
import { erSample } from '../fixtures/engine/enterprise-router.js';

const ATTACHMENTS = ['att-prod', 'att-data', 'att-cache'] as const;
const TABLES = ['ert-a', 'ert-b'] as const;
const DESTINATIONS = ['172.16.0.0/16', '10.20.0.0/16', '10.20.1.0/24', '192.168.0.0/16', '10.0.0.0/8'] as const;

const design = fc.record({
  model: fc.constantFrom('vpc-router', 'overlay_l2', 'eni'),
  // Where each attachment is associated (or not at all).
  association: fc.tuple(...ATTACHMENTS.map(() => fc.constantFrom<0 | 1 | null>(0, 1, null))),
  propagations: fc.tuple(fc.subarray([...ATTACHMENTS]), fc.subarray([...ATTACHMENTS])),
  routes: fc.tuple(
    ...TABLES.map(() =>
      fc.uniqueArray(
        fc.record({
          destination: fc.constantFrom(...DESTINATIONS),
          target: fc.constantFrom<(typeof ATTACHMENTS)[number] | 'blackhole'>(...ATTACHMENTS, 'blackhole'),
        }),
        { selector: (r) => r.destination, maxLength: 3 },
      ),
    ),
  ),
  prodRoutes: fc.boolean(),
  dataRoutes: fc.boolean(),
});

type Design = typeof design extends fc.Arbitrary<infer T> ? T : never;

function build(d: Design): Topology {
  const input: TopologyInput = erSample(d.model);
  const er = input.enterpriseRouters![0]!;
  input.enterpriseRouters = [
    {
      ...er,
      routeTables: TABLES.map((id, t) => ({
        id,
        ...(t === 0 ? { default: true } : {}),
        associations: ATTACHMENTS.filter((_, i) => d.association[i] === t),
        propagations: d.propagations[t],
        routes: d.routes[t]!.map((r) =>
          r.target === 'blackhole'
            ? { destination: r.destination, blackhole: true }
            : { destination: r.destination, attachment: r.target },
        ),
      })),
    },
  ];
  const erRoutes = (dsts: string[]) =>
    dsts.map((destination) => ({ destination, type: 'er' as const, nextHop: 'er-core' }));
  input.vpcs = input.vpcs!.map((v) => {
    if (v.id === 'vpc-prod' && !d.prodRoutes) return { ...v, routeTables: [{ id: 'rtb-prod', default: true }] };
    if (v.id === 'vpc-data' && !d.dataRoutes)
      return { ...v, routeTables: [{ id: 'rtb-data', default: true, routes: erRoutes(['192.168.0.0/16']) }] };
    return v;
  });
  const result = validateTopology(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.topology;
}

const QUESTION = { cluster: 'prod', workload: null, destination: 'orders-rds' } as const;

function single(topology: Topology): Diagnosis {
  return flowsOf(diagnose(compileTopology(topology), QUESTION))[0]!;
}

describe('enterprise router designs (property)', () => {
  it('fixes, applied, make the RDS reachable unless a replan remains', () => {
    fc.assert(
      fc.property(design, (d) => {
        const topology = build(d);
        const first = single(topology);
        if (first.verdict !== 'unreachable') return;
        const primary = first.fixes.filter((f) => !f.alternative);
        if (primary.some((f) => f.kind === 'replan')) return;
        expect(single(applyFixes(topology, primary)).verdict).toBe('reachable');
      }),
      { numRuns: 150 },
    );
  });

  it('the incremental patch answers like a full recompile of the fixed topology', () => {
    fc.assert(
      fc.property(design, (d) => {
        const topology = build(d);
        const first = single(topology);
        const patched = flowsOf(diagnose(patchCompiled(compileTopology(topology), first.fixes), QUESTION))[0]!;
        const full = single(applyFixes(topology, first.fixes));
        expect(patched.verdict).toBe(full.verdict);
        expect(patched.steps).toEqual(full.steps);
      }),
      { numRuns: 100 },
    );
  });

  it('reachable exactly when an independent reading of the tables routes both ways', () => {
    fc.assert(
      fc.property(design, (d) => {
        const verdict = single(build(d)).verdict;
        const forward = lookup(d, d.association[0] ?? null, '10.20.1.10') === 'att-data';
        const probe = { 'vpc-router': '172.16.128.1', overlay_l2: '192.168.10.11', eni: '192.168.64.1' }[d.model];
        const back = lookup(d, d.association[1] ?? null, probe) === 'att-prod';
        const vpcRoutes = d.prodRoutes && (d.dataRoutes || d.model !== 'vpc-router');
        expect(verdict).toBe(forward && back && vpcRoutes ? 'reachable' : 'unreachable');
      }),
      { numRuns: 200 },
    );
  });
});

const PROPAGATED: Record<(typeof ATTACHMENTS)[number], string> = {
  'att-prod': '192.168.0.0/16',
  'att-data': '10.20.0.0/16',
  'att-cache': '10.30.0.0/16',
};

function inCidr(address: string, cidr: string): boolean {
  const toInt = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  const [base, bits] = cidr.split('/') as [string, string];
  const size = 2 ** (32 - Number(bits));
  return Math.floor(toInt(address) / size) === Math.floor(toInt(base) / size);
}

/** Where table `t` sends `address`: longest prefix, static before propagated; null for no route or a blackhole. */
function lookup(d: Design, t: 0 | 1 | null, address: string): string | null {
  if (t === null) return null;
  const candidates = [
    ...d.routes[t]!.map((r) => ({ cidr: r.destination, to: r.target, rank: 0 })),
    ...d.propagations[t]!.map((a) => ({ cidr: PROPAGATED[a], to: a, rank: 1 })),
  ].filter((c) => inCidr(address, c.cidr));
  candidates.sort((a, b) => Number(b.cidr.split('/')[1]) - Number(a.cidr.split('/')[1]) || a.rank - b.rank);
  const best = candidates[0];
  return best && best.to !== 'blackhole' ? best.to : null;
}
