// Enterprise routers in topology v1: the sample validates and compiles; each broken reference is reported at the
// path where it is, with what is known.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileTopology } from '../../src/topology/compile.js';
import { parseTopology, validateTopology } from '../../src/topology/load.js';
import { ER_SAMPLE_PATH } from '../fixtures/engine/enterprise-router.js';

type Doc = {
  vpcs: { id: string; routeTables?: { routes?: Record<string, unknown>[] }[] }[];
  enterpriseRouters: {
    id: string;
    attachments: Record<string, unknown>[];
    routeTables: Record<string, unknown>[];
  }[];
};

function sample(): Doc & Record<string, unknown> {
  return parse(readFileSync(ER_SAMPLE_PATH, 'utf8'));
}

function issues(doc: unknown) {
  const result = validateTopology(doc);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('enterpriseRouters', () => {
  it('the sample validates and compiles: propagated VPC blocks, static routes first, associations by attachment', () => {
    const result = parseTopology(readFileSync(ER_SAMPLE_PATH, 'utf8'));
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (!result.ok) return;
    const er = compileTopology(result.topology).enterpriseRouters.get('er-core')!;
    expect(er.associationOf.get('att-data')).toBe('ert-shared');
    const routes = er.tables
      .get('ert-shared')!
      .routes.entries()
      .map((e) => `${e.cidr.text}->${e.value.attachment}`);
    expect(routes.sort()).toEqual(['10.20.0.0/16->att-data', '10.30.0.0/16->att-cache', '192.168.0.0/16->att-prod']);
  });

  it('an attachment associated twice is located at the second association', () => {
    const doc = sample();
    doc.enterpriseRouters[0]!.routeTables.push({ id: 'ert-other', associations: ['att-prod'] });
    expect(issues(doc)).toEqual([
      'enterpriseRouters[0].routeTables[1].associations[0]: attachment "att-prod" is already associated at enterpriseRouters[0].routeTables[0].associations[0]: an attachment is associated with one route table at most',
    ]);
  });

  it('a route to an unknown attachment names the known ones', () => {
    const doc = sample();
    doc.enterpriseRouters[0]!.routeTables[0]!.routes = [{ destination: '172.16.0.0/16', attachment: 'att-prd' }];
    const found = issues(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^enterpriseRouters\[0\]\.routeTables\[0\]\.routes\[0\]\.attachment: unknown attachment of er-core "att-prd"/,
    );
    expect(found[0]).toContain('att-prod');
  });

  it('a static route needs an attachment or blackhole, not both', () => {
    const doc = sample();
    doc.enterpriseRouters[0]!.routeTables[0]!.routes = [
      { destination: '172.16.0.0/16' },
      { destination: '172.17.0.0/16', attachment: 'att-prod', blackhole: true },
    ];
    expect(issues(doc)).toEqual([
      'enterpriseRouters[0].routeTables[0].routes[0]: a static route needs attachment: an attachment id (or blackhole: true)',
      'enterpriseRouters[0].routeTables[0].routes[1].attachment: a blackhole route has no attachment',
    ]);
  });

  it('vpc attachments need a VPC and one of its subnets; propagations and associations resolve', () => {
    const doc = sample();
    const er = doc.enterpriseRouters[0]!;
    er.attachments[0] = { id: 'att-prod', vpc: 'vpc-prod', subnet: 'subnet-db' };
    er.routeTables[0]!.propagations = ['att-prod', 'att-nope'];
    const found = issues(doc);
    expect(
      found.some((i) =>
        i.startsWith('enterpriseRouters[0].attachments[0].subnet: unknown subnet of vpc-prod "subnet-db"'),
      ),
    ).toBe(true);
    expect(
      found.some((i) =>
        i.startsWith('enterpriseRouters[0].routeTables[0].propagations[1]: unknown attachment of er-core "att-nope"'),
      ),
    ).toBe(true);
  });

  it('a VPC route with next hop er must name a declared ER when the file declares ERs', () => {
    const doc = sample();
    doc.vpcs[0]!.routeTables![0]!.routes![0] = { destination: '10.0.0.0/8', type: 'er', nextHop: 'er-cor' };
    expect(issues(doc)).toEqual([
      expect.stringMatching(/^vpcs\[0\]\.routeTables\[0\]\.routes\[0\]\.nextHop: unknown enterprise router "er-cor"/),
    ]);
  });

  it('unknown keys in an ER are schema errors (strict objects)', () => {
    const doc = sample();
    (doc.enterpriseRouters[0] as Record<string, unknown>).routeTable = [];
    expect(issues(doc).some((i) => i.startsWith('enterpriseRouters[0]'))).toBe(true);
  });
});

describe('topology diff', () => {
  it('names an added ER static route by table', async () => {
    const { diffTopologies, formatDiff } = await import('../../src/topology/diff.js');
    const before = parseTopology(readFileSync(ER_SAMPLE_PATH, 'utf8'));
    const doc = sample();
    doc.enterpriseRouters[0]!.routeTables[0]!.routes = [{ destination: '172.16.0.0/16', attachment: 'att-prod' }];
    const after = validateTopology(doc);
    if (!before.ok || !after.ok) throw new Error('sample invalid');
    expect(formatDiff(diffTopologies(before.topology, after.topology))).toBe(
      [
        '1 changed (ER route table er-core/ert-shared)',
        '~ ER route table er-core/ert-shared',
        '    routes: +172.16.0.0/16 -> att-prod',
      ].join('\n'),
    );
  });
});
