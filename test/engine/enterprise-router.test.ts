// Paths through an enterprise router: the association's table decides each direction, longest prefix, static over
// propagated, blackholes, isolation by route table, and the container-CIDR return route of vpc-router clusters.
// Every unreachable answer's fixes are applied and the question asked again.
import { describe, expect, it } from 'vitest';
import type { Diagnosis, Fix } from '../../src/engine/diagnosis.js';
import { applyFixes } from '../../src/engine/fixes/apply.js';
import { compileTopology } from '../../src/topology/compile.js';
import type { TopologyInput } from '../../src/topology/schema.js';
import { ask, build, seedCrossVpc, statuses } from '../fixtures/engine/builder.js';
import { erSample, isolated } from '../fixtures/engine/enterprise-router.js';

const MODELS = ['vpc-router', 'overlay_l2', 'eni'] as const;

function primary(d: Diagnosis): Fix[] {
  return d.fixes.filter((f) => f.kind !== 'replan' && !f.alternative);
}

/** Apply the primary fixes of `d` to `input` and ask the same question again. */
function afterFixes(input: TopologyInput, d: Diagnosis, destination: string): Diagnosis {
  const { topology } = build(input);
  return ask(compileTopology(applyFixes(topology, primary(d))), { destination });
}

function transit(d: Diagnosis, direction: 'forward' | 'return') {
  return d.steps.find((s) => s.check === 'transit' && s.evidence?.direction === direction);
}

function withErTable(
  input: TopologyInput,
  patch: (
    tables: NonNullable<TopologyInput['enterpriseRouters']>[number]['routeTables'],
  ) => NonNullable<TopologyInput['enterpriseRouters']>[number]['routeTables'],
) {
  const er = input.enterpriseRouters![0]!;
  input.enterpriseRouters = [{ ...er, routeTables: patch(er.routeTables) }];
  return input;
}

describe('three VPCs on one ER (data/enterprise-router.yaml)', () => {
  it('vpc-router: RDS unreachable because ert-shared lacks the container-CIDR return route; the static route fixes it', () => {
    const input = erSample('vpc-router');
    const d = ask(build(input).compiled, { destination: 'orders-rds' });
    expect(d.verdict).toBe('unreachable');
    expect(transit(d, 'forward')).toMatchObject({ status: 'pass', evidence: { routeTable: 'ert-shared' } });
    const back = transit(d, 'return')!;
    expect(back.status).toBe('fail');
    expect(back.summary).toContain('route table ert-shared');
    expect(back.summary).toContain('172.16.0.0/16');
    expect(back.summary).toContain('propagates only');
    expect(primary(d)).toEqual([
      expect.objectContaining({
        kind: 'er-route',
        enterpriseRouter: 'er-core',
        routeTable: 'ert-shared',
        destination: '172.16.0.0/16',
        attachment: 'att-prod',
      }),
    ]);
    expect(statuses(d, 'peering')).toEqual(['skip']);
    expect(afterFixes(input, d, 'orders-rds').verdict).toBe('reachable');
  });

  it('vpc-router: the DCS in the third VPC needs the same route', () => {
    const input = erSample('vpc-router');
    const d = ask(build(input).compiled, { destination: 'sessions-dcs' });
    expect(d.verdict).toBe('unreachable');
    expect(primary(d)).toEqual([expect.objectContaining({ kind: 'er-route', destination: '172.16.0.0/16' })]);
    expect(afterFixes(input, d, 'sessions-dcs').verdict).toBe('reachable');
  });

  it('overlay_l2 and eni: the source is inside the cluster VPC, which the attachment propagates: reachable', () => {
    for (const model of ['overlay_l2', 'eni'] as const) {
      const d = ask(build(erSample(model)).compiled, { destination: 'orders-rds' });
      expect(d.verdict, model).toBe('reachable');
      expect(statuses(d, 'transit'), model).toEqual(['pass', 'pass']);
      expect(transit(d, 'return')!.summary, model).toContain('propagated route 192.168.0.0/16 -> att-prod');
    }
  });

  it('a static route in the table makes the vpc-router cluster reachable', () => {
    const input = withErTable(erSample('vpc-router'), (tables) =>
      tables!.map((t) => ({ ...t, routes: [{ destination: '172.16.0.0/16', attachment: 'att-prod' }] })),
    );
    const d = ask(build(input).compiled, { destination: 'orders-rds' });
    expect(d.verdict).toBe('reachable');
    expect(transit(d, 'return')!.summary).toContain('static route 172.16.0.0/16 -> att-prod');
  });
});

describe('isolation by route table', () => {
  for (const model of MODELS) {
    it(`${model}: separate tables without routes to each other: both directions fail, fixes noted as maybe intentional`, () => {
      const input = isolated(erSample(model));
      const d = ask(build(input).compiled, { destination: 'orders-rds' });
      expect(d.verdict).toBe('unreachable');
      const forward = transit(d, 'forward')!;
      expect(forward).toMatchObject({ status: 'fail', evidence: { routeTable: 'ert-prod' } });
      expect(forward.summary).toContain('isolate');
      expect(transit(d, 'return')).toMatchObject({ status: 'fail', evidence: { routeTable: 'ert-data' } });
      const routeFixes = primary(d);
      expect(routeFixes[0]).toMatchObject({
        kind: 'er-route',
        routeTable: 'ert-prod',
        destination: '10.20.1.0/24',
        attachment: 'att-data',
      });
      expect(routeFixes[1]).toMatchObject({ kind: 'er-route', routeTable: 'ert-data', attachment: 'att-prod' });
      for (const fix of routeFixes) expect(fix.render.text).toMatch(/may be intentional/);
      expect(d.assumptions.some((a) => a.includes('may be intentional'))).toBe(true);
      // The wider alternative: propagate the data attachment into prod's table.
      expect(d.fixes).toContainEqual(
        expect.objectContaining({
          kind: 'er-propagation',
          routeTable: 'ert-prod',
          attachment: 'att-data',
          alternative: true,
        }),
      );
      expect(afterFixes(input, d, 'orders-rds').verdict).toBe('reachable');
    });
  }

  it('the least-privilege return route is the container CIDR for vpc-router, the node subnet for overlay_l2', () => {
    const back = (model: (typeof MODELS)[number]) =>
      primary(ask(build(isolated(erSample(model))).compiled, { destination: 'orders-rds' }))[1];
    expect(back('vpc-router')).toMatchObject({ destination: '172.16.0.0/16' });
    expect(back('overlay_l2')).toMatchObject({ destination: '192.168.10.0/24' });
    expect(back('eni')).toMatchObject({ destination: '192.168.64.0/18' });
  });
});

describe('ER route tables', () => {
  it('a static blackhole beats the propagated route of the same prefix; the fix is a more specific static route', () => {
    const input = withErTable(erSample('overlay_l2'), (tables) =>
      tables!.map((t) => ({ ...t, routes: [{ destination: '10.20.0.0/16', blackhole: true }] })),
    );
    const d = ask(build(input).compiled, { destination: 'orders-rds' });
    expect(d.verdict).toBe('unreachable');
    expect(transit(d, 'forward')!.summary).toContain('blackhole route 10.20.0.0/16');
    expect(primary(d)).toEqual([
      expect.objectContaining({ kind: 'er-route', destination: '10.20.1.0/24', attachment: 'att-data' }),
    ]);
    expect(primary(d)[0]!.render.text).toContain('blackhole route may be intentional');
    expect(afterFixes(input, d, 'orders-rds').verdict).toBe('reachable');
  });

  it('longest prefix: a /24 static route to the wrong attachment beats the propagated /16', () => {
    const input = withErTable(erSample('overlay_l2'), (tables) =>
      tables!.map((t) => ({ ...t, routes: [{ destination: '10.20.1.0/24', attachment: 'att-cache' }] })),
    );
    const d = ask(build(input).compiled, { destination: 'orders-rds' });
    expect(d.verdict).toBe('unreachable');
    expect(transit(d, 'forward')!.summary).toContain('static route 10.20.1.0/24 -> att-cache');
    expect(d.fixes).toEqual([expect.objectContaining({ kind: 'replan' })]);
  });

  it('only the associated table decides: routes in the other tables do not count', () => {
    // att-prod associated with a table that has no routes; the shared table (with every route) is not consulted.
    const input = withErTable(erSample('overlay_l2'), (tables) => [
      ...tables!.map((t) => ({ ...t, associations: ['att-data', 'att-cache'] })),
      { id: 'ert-empty', associations: ['att-prod'] },
    ]);
    const d = ask(build(input).compiled, { destination: 'orders-rds' });
    expect(transit(d, 'forward')).toMatchObject({ status: 'fail', evidence: { routeTable: 'ert-empty' } });
    expect(transit(d, 'return')!.status).toBe('pass');
    expect(afterFixes(input, d, 'orders-rds').verdict).toBe('reachable');
  });

  it('an attachment associated with no table: fail with an association fix, verified', () => {
    const input = withErTable(erSample('overlay_l2'), (tables) =>
      tables!.map((t) => ({ ...t, associations: ['att-data', 'att-cache'] })),
    );
    const d = ask(build(input).compiled, { destination: 'orders-rds' });
    expect(transit(d, 'forward')!.summary).toContain('associated with no route table');
    expect(primary(d)).toEqual([
      expect.objectContaining({ kind: 'er-association', routeTable: 'ert-shared', attachment: 'att-prod' }),
    ]);
    expect(afterFixes(input, d, 'orders-rds').verdict).toBe('reachable');
  });

  it('a VPC not attached to the ER its route points at: fail with a replan', () => {
    const input = erSample('overlay_l2');
    const er = input.enterpriseRouters![0]!;
    input.enterpriseRouters = [
      {
        ...er,
        attachments: er.attachments!.filter((a) => a.id !== 'att-data'),
        routeTables: er.routeTables!.map((t) => ({
          ...t,
          associations: ['att-prod', 'att-cache'],
          propagations: ['att-prod', 'att-cache'],
        })),
      },
    ];
    const d = ask(build(input).compiled, { destination: 'orders-rds' });
    expect(d.verdict).toBe('unreachable');
    expect(statuses(d, 'transit')).toEqual(['fail']);
    expect(d.fixes).toEqual([expect.objectContaining({ kind: 'replan' })]);
  });
});

describe('the VPC side: routes with next hop er', () => {
  it('no route to the ER in the source table: a VPC route (type er) for the destination subnet, verified', () => {
    const input = erSample('vpc-router');
    input.vpcs = input.vpcs!.map((v) =>
      v.id === 'vpc-prod' ? { ...v, routeTables: [{ id: 'rtb-prod', default: true }] } : v,
    );
    withErTable(input, (tables) =>
      tables!.map((t) => ({ ...t, routes: [{ destination: '172.16.0.0/16', attachment: 'att-prod' }] })),
    );
    const d = ask(build(input).compiled, { destination: 'orders-rds' });
    expect(d.verdict).toBe('unreachable');
    expect(statuses(d, 'route-forward')).toEqual(['fail']);
    expect(primary(d)).toEqual([
      expect.objectContaining({
        kind: 'route',
        vpc: 'vpc-prod',
        routeTable: 'rtb-prod',
        destination: '10.20.1.0/24',
        type: 'er',
        nextHop: 'er-core',
      }),
    ]);
    const fix = primary(d)[0]!;
    expect(fix.render.terraform).toContain('type        = "er"');
    expect(afterFixes(input, d, 'orders-rds').verdict).toBe('reachable');
  });

  it('no route back to the ER for the container CIDR in the destination table: VPC route fix, verified', () => {
    const input = erSample('vpc-router');
    input.vpcs = input.vpcs!.map((v) =>
      v.id === 'vpc-data'
        ? {
            ...v,
            routeTables: [
              {
                id: 'rtb-data',
                default: true,
                routes: [{ destination: '192.168.0.0/16', type: 'er', nextHop: 'er-core' }],
              },
            ],
          }
        : v,
    );
    const d = ask(build(input).compiled, { destination: 'orders-rds' });
    expect(statuses(d, 'route-return')).toEqual(['fail']);
    expect(primary(d)).toContainEqual(
      expect.objectContaining({
        kind: 'route',
        vpc: 'vpc-data',
        destination: '172.16.0.0/16',
        type: 'er',
        nextHop: 'er-core',
      }),
    );
    expect(primary(d)).toContainEqual(expect.objectContaining({ kind: 'er-route', destination: '172.16.0.0/16' }));
    expect(afterFixes(input, d, 'orders-rds').verdict).toBe('reachable');
  });
});

describe('answers without an ER are unchanged', () => {
  it('no transit step on a peering path', () => {
    const d = ask(build(seedCrossVpc()).compiled, { destination: 'db2' });
    expect(statuses(d, 'transit')).toEqual([]);
  });

  it('a route to an ER the topology does not declare stays uncertain', () => {
    const input = seedCrossVpc();
    input.peerings = [];
    input.vpcs = input.vpcs!.map((v) =>
      v.id === 'vpc-demo'
        ? {
            ...v,
            routeTables: [
              { id: 'rtb-demo', default: true, routes: [{ destination: '10.1.0.0/16', type: 'er', nextHop: 'er-x' }] },
            ],
          }
        : { ...v, routeTables: [{ id: 'rtb-demo2', default: true }] },
    );
    const d = ask(build(input).compiled, { destination: 'db2' });
    expect(statuses(d, 'route-forward')).toEqual(['warn']);
    expect(statuses(d, 'transit')).toEqual([]);
  });
});

describe('a destination named by its type', () => {
  it('"RDS" is the one rds resource; a type with two resources stays unknown', () => {
    const input = erSample('vpc-router');
    expect(ask(build(input).compiled, { destination: 'RDS' }).destination.resource).toBe('orders-rds');
    input.resources = [...input.resources!, { ...input.resources![0]!, name: 'other-rds', addresses: ['10.20.1.11'] }];
    expect(() => ask(build(input).compiled, { destination: 'rds' })).toThrow(/unknown destination "rds"/);
  });
});

describe('route priority at the same prefix (ER user guide "Route Overview")', () => {
  it('a VPC propagation beats a VPN propagation of the same prefix, whatever the declared order', () => {
    const input = erSample('overlay_l2');
    const er = input.enterpriseRouters![0]!;
    input.enterpriseRouters = [
      {
        ...er,
        attachments: [...er.attachments!, { id: 'att-vpn', type: 'vpn', cidrs: ['10.20.0.0/16'] }],
        routeTables: er.routeTables!.map((t) => ({ ...t, propagations: ['att-vpn', ...(t.propagations ?? [])] })),
      },
    ];
    const d = ask(build(input).compiled, { destination: 'orders-rds' });
    expect(d.verdict).toBe('reachable');
    expect(transit(d, 'forward')!.summary).toContain('propagated route 10.20.0.0/16 -> att-data');
  });
});

describe('the return route must lead back to the cluster VPC', () => {
  it('a static route for the container CIDR to another attachment fails the return; the fix changes that route', () => {
    const input = withErTable(erSample('vpc-router'), (tables) =>
      tables!.map((t) => ({ ...t, routes: [{ destination: '172.16.0.0/16', attachment: 'att-cache' }] })),
    );
    const d = ask(build(input).compiled, { destination: 'orders-rds' });
    expect(d.verdict).toBe('unreachable');
    expect(transit(d, 'return')).toMatchObject({ status: 'fail' });
    expect(transit(d, 'return')!.evidence?.routes).toEqual(['the static route 172.16.0.0/16 -> att-cache']);
    expect(primary(d)).toEqual([
      expect.objectContaining({
        kind: 'er-route',
        destination: '172.16.0.0/16',
        attachment: 'att-prod',
        replaces: 'att-cache',
      }),
    ]);
    expect(afterFixes(input, d, 'orders-rds').verdict).toBe('reachable');
  });
});
