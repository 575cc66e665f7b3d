// A Terraform state that builds the three-VPC enterprise-router network: every huaweicloud_er_* resource is mapped,
// what Huawei does on its own (default association and propagation, auto_create_vpc_routes) is assumed and warned,
// and the imported topology answers the container-CIDR question end to end.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/answer/diagnose.js';
import { flowsOf } from '../../../src/engine/diagnosis.js';
import { applyFixes } from '../../../src/engine/fixes/apply.js';
import { importTerraformState } from '../../../src/import/terraform/index.js';
import { compileTopology } from '../../../src/topology/compile.js';

const text = readFileSync(new URL('../../fixtures/import/terraform/er.tfstate.json', import.meta.url), 'utf8');
const ER = '33333333-3333-4333-8333-000000000001';
const RT = '44444444-4444-4444-8444-000000000001';
const AP = '55555555-5555-4555-8555-000000000001';
const AD = '55555555-5555-4555-8555-000000000002';
const AC = '55555555-5555-4555-8555-000000000003';

describe('Terraform ER resources', () => {
  const { topology, warnings } = importTerraformState(text, 'er.tfstate.json');
  const er = topology.enterpriseRouters?.[0];

  it('maps the instance, its route table, the VPC attachments and the static blackhole route', () => {
    expect(er).toMatchObject({ id: ER, name: 'er-core', asn: 64512 });
    expect(er?.attachments?.map((a) => [a.id, a.type, a.autoCreateVpcRoutes])).toEqual([
      [AP, 'vpc', true],
      [AD, 'vpc', true],
      [AC, 'vpc', true],
    ]);
    expect(er?.routeTables?.[0]).toMatchObject({
      id: RT,
      name: 'ert-shared',
      default: true,
      routes: [{ destination: '10.99.0.0/16', blackhole: true }],
    });
  });

  it('explicit association/propagation resources, plus the default table for attachments without one (warned)', () => {
    expect(er?.routeTables?.[0]?.associations).toEqual([AP, AD, AC]);
    expect(er?.routeTables?.[0]?.propagations).toEqual([AP, AD, AC]);
    expect(warnings.filter((w) => w.includes('enable_default_association'))).toHaveLength(2);
    expect(warnings.filter((w) => w.includes('enable_default_propagation'))).toHaveLength(2);
  });

  it('auto_create_vpc_routes: the three private ranges to the ER in each VPC default table (warned)', () => {
    for (const vpc of topology.vpcs ?? []) {
      const routes = vpc.routeTables?.find((t) => t.default)?.routes ?? [];
      expect(routes.filter((r) => r.type === 'er').map((r) => `${r.destination}->${r.nextHop}`)).toEqual([
        `10.0.0.0/8->${ER}`,
        `172.16.0.0/12->${ER}`,
        `192.168.0.0/16->${ER}`,
      ]);
    }
    expect(warnings.filter((w) => w.includes('auto_create_vpc_routes'))).toHaveLength(3);
  });

  it('answers: prod pods cannot reach the RDS until the ER table has the container-CIDR route', () => {
    const compiled = compileTopology(topology);
    const question = { cluster: 'prod', workload: null, destination: 'orders-rds' } as const;
    const [d] = flowsOf(diagnose(compiled, question));
    expect(d?.verdict).toBe('unreachable');
    expect(d?.fixes).toEqual([
      expect.objectContaining({ kind: 'er-route', routeTable: RT, destination: '172.16.0.0/16', attachment: AP }),
    ]);
    expect(d?.fixes[0]?.render.terraform).toContain(`route_table_id = "${RT}"`);
    const fixed = compileTopology(applyFixes(topology, d!.fixes));
    expect(diagnose(fixed, question).verdict).toBe('reachable');
  });

  it('a state with an association for an attachment it lacks keeps the topology valid and says why', () => {
    const state = JSON.parse(text);
    state.resources = state.resources.filter(
      (r: { type: string; name: string }) => !(r.type === 'huaweicloud_er_vpc_attachment' && r.name === 'prod'),
    );
    const result = importTerraformState(state, 'partial');
    expect(result.topology.enterpriseRouters?.[0]?.attachments?.map((a) => a.id)).toEqual([AD, AC]);
    expect(result.warnings.some((w) => w.includes(`association of attachment ${AP}, which was not imported`))).toBe(
      true,
    );
  });
});
