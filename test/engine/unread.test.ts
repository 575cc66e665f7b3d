// Parts the importer could not read (`unread` on a route table or a network ACL): a step that needs one says
// uncertain, naming it and why it was not read; a question that does not touch it is answered as before.
import { describe, expect, it } from 'vitest';
import type { TopologyInput } from '../../src/topology/schema.js';
import { ask, build, seedSameVpc, status } from '../fixtures/engine/builder.js';
import { erSample } from '../fixtures/engine/enterprise-router.js';

const REASON = 'unexpected HTTP 500 from vpc /v1/p/routetables/rtb-data: Internal server error';

/** The seed, plus an open ECS in subnet-data; `change` adds the unread parts. */
function seed(change: (input: TopologyInput) => void) {
  const input = seedSameVpc('vpc-router');
  input.securityGroups = [
    ...input.securityGroups!.filter((g) => g.id !== 'sg-ecs'),
    { id: 'sg-ecs', rules: [{ direction: 'ingress' }] },
  ];
  input.resources = [
    ...input.resources!,
    {
      name: 'ecs-data',
      type: 'ecs',
      vpc: 'vpc-prod',
      subnet: 'subnet-data',
      addresses: ['192.168.20.52'],
      securityGroups: ['sg-ecs'],
    },
  ];
  change(input);
  return build(input).compiled;
}

const onSubnet = (input: TopologyInput, subnetId: string, extra: { routeTable?: string; networkAcl?: string }) => {
  const vpc = input.vpcs![0]!;
  input.vpcs = [{ ...vpc, subnets: vpc.subnets!.map((s) => (s.id === subnetId ? { ...s, ...extra } : s)) }];
};

describe('unread route tables and network ACLs', () => {
  it('the control: everything read, both questions are reachable', () => {
    const compiled = seed(() => {});
    expect(ask(compiled, { destination: 'ecs-data', port: 3306 }).verdict).toBe('reachable');
    expect(ask(compiled, { destination: 'ecs1', port: 3306 }).verdict).toBe('reachable');
  });

  it('an unread custom table of the destination subnet makes route-return uncertain, naming it and the reason', () => {
    const compiled = seed((input) => {
      input.vpcs![0]!.routeTables = [
        { id: 'rtb-main', default: true },
        { id: 'rtb-data', unread: REASON },
      ];
      onSubnet(input, 'subnet-data', { routeTable: 'rtb-data' });
    });
    const d = ask(compiled, { destination: 'ecs-data', port: 3306 });
    expect(d.verdict).toBe('uncertain');
    expect(status(d, 'route-return')).toBe('warn');
    const step = d.steps.find((s) => s.check === 'route-return')!;
    expect(step.summary).toContain('rtb-data');
    expect(step.summary).toContain(REASON);
    expect(d.assumptions.some((a) => a.includes('rtb-data') && a.includes(REASON))).toBe(true);
    // The forward leg uses the default table, which was read: judged as usual.
    expect(status(d, 'route-forward')).toBe('pass');
    // A question whose path never uses rtb-data is answered as before.
    const other = ask(compiled, { destination: 'ecs1', port: 3306 });
    expect(other.verdict).toBe('reachable');
    expect(JSON.stringify(other)).not.toContain('rtb-data');
  });

  it('an unread default table makes route-forward uncertain instead of assuming local routes only', () => {
    const compiled = seed((input) => {
      input.vpcs![0]!.routeTables = [
        { id: 'rtb-main', default: true, unread: 'the route tables could not be listed: HTTP 500' },
      ];
    });
    const d = ask(compiled, { destination: 'ecs-data', port: 3306 });
    expect(d.verdict).toBe('uncertain');
    expect(status(d, 'route-forward')).toBe('warn');
    expect(d.steps.find((s) => s.check === 'route-forward')?.summary).toMatch(
      /rtb-main \(default\).*could not be read.*the route tables could not be listed: HTTP 500/,
    );
  });

  it('an unread ACL on the destination subnet makes destination-acl uncertain; on the source subnet, source-acl', () => {
    const reason = 'the credential may not read it (VPC.0003: forbidden)';
    const dst = seed((input) => {
      input.networkAcls = [{ id: 'acl-data', unread: reason }];
      onSubnet(input, 'subnet-data', { networkAcl: 'acl-data' });
    });
    const d = ask(dst, { destination: 'ecs-data', port: 3306 });
    expect(d.verdict).toBe('uncertain');
    expect(status(d, 'destination-acl')).toBe('warn');
    expect(d.steps.find((s) => s.check === 'destination-acl')?.summary).toMatch(
      /network ACL acl-data of subnet-data could not be read.*VPC\.0003: forbidden.*inbound rules are unknown/,
    );
    expect(d.fixes.some((f) => f.kind === 'network-acl-rule')).toBe(false);
    // ecs1 sits in subnet-nodes, which acl-data does not guard.
    expect(ask(dst, { destination: 'ecs1', port: 3306 }).verdict).toBe('reachable');

    const src = seed((input) => {
      input.networkAcls = [{ id: 'acl-nodes', unread: reason }];
      onSubnet(input, 'subnet-nodes', { networkAcl: 'acl-nodes' });
    });
    const s = ask(src, { destination: 'ecs-data', port: 3306 });
    expect(s.verdict).toBe('uncertain');
    expect(status(s, 'source-acl')).toBe('warn');
    expect(s.steps.find((x) => x.check === 'source-acl')?.summary).toMatch(/acl-nodes.*outbound rules are unknown/);
  });

  it('a definite failure elsewhere still makes the answer unreachable', () => {
    const compiled = seed((input) => {
      input.networkAcls = [{ id: 'acl-data', unread: 'HTTP 500' }];
      onSubnet(input, 'subnet-data', { networkAcl: 'acl-data' });
      input.securityGroups = [...input.securityGroups!.filter((g) => g.id !== 'sg-ecs'), { id: 'sg-ecs', rules: [] }];
    });
    const d = ask(compiled, { destination: 'ecs-data', port: 3306 });
    expect(d.verdict).toBe('unreachable');
    expect(status(d, 'destination-acl')).toBe('warn');
  });

  it('the schema wants a reason', () => {
    expect(() =>
      seed((input) => {
        input.networkAcls = [{ id: 'acl-data', unread: '' }];
      }),
    ).toThrow(/networkAcls\.0\.unread|must give the reason/);
  });
});

describe('unread enterprise-router route tables (data/enterprise-router.yaml)', () => {
  const REASON_ER = 'unexpected HTTP 500 from er /v3/p/enterprise-router/er-core/route-tables/ert-shared/associations';
  const withShared = (table: Record<string, unknown>) => {
    const input = erSample('vpc-router');
    const er = input.enterpriseRouters![0]!;
    input.enterpriseRouters = [{ ...er, routeTables: [{ id: 'ert-shared', default: true, ...table }] }];
    return build(input).compiled;
  };

  it('the only table unread: no attachment has a known association, so both directions are uncertain', () => {
    const compiled = withShared({ unread: REASON_ER });
    const d = ask(compiled, { destination: 'orders-rds' });
    expect(d.verdict).toBe('uncertain');
    const transit = d.steps.filter((s) => s.check === 'transit');
    expect(transit.map((s) => s.status)).toEqual(['warn', 'warn']);
    for (const step of transit) expect(step.summary).toContain(`ert-shared (${REASON_ER})`);
    expect(d.fixes.filter((f) => f.kind === 'er-route' || f.kind === 'er-association')).toEqual([]);
  });

  it('a known association with an unread table is uncertain too, naming the table', () => {
    const compiled = withShared({
      associations: ['att-prod', 'att-data', 'att-cache'],
      propagations: ['att-prod', 'att-data', 'att-cache'],
      unread: REASON_ER,
    });
    const d = ask(compiled, { destination: 'orders-rds' });
    expect(d.verdict).toBe('uncertain');
    const forward = d.steps.find((s) => s.check === 'transit' && s.evidence?.direction === 'forward');
    expect(forward).toMatchObject({ status: 'warn', evidence: { routeTable: 'ert-shared' } });
    expect(forward?.summary).toMatch(/route table ert-shared \(associated with att-prod\) could not be read/);
  });

  it('a question that does not cross the ER is answered as with the table read', () => {
    const read = build(erSample('vpc-router')).compiled;
    const unread = withShared({ unread: REASON_ER });
    const before = ask(read, { destination: '192.168.10.12', port: 22 });
    const after = ask(unread, { destination: '192.168.10.12', port: 22 });
    expect(after.verdict).toBe(before.verdict);
    expect(JSON.stringify(after)).not.toContain('ert-shared');
  });
});
