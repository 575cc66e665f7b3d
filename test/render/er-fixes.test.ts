// Enterprise router fixes in the four forms: words (with the isolation note), KooCLI, Terraform laid out the way
// `terraform fmt` does, and the ER v3 API request.
import { describe, expect, it } from 'vitest';
import type { FixSpec } from '../../src/engine/diagnosis.js';
import { renderFix } from '../../src/render/fix.js';

const PURPOSE = 'CCE prod pods -> orders-rds tcp/3306';

describe('er-route', () => {
  const fix: FixSpec = {
    kind: 'er-route',
    enterpriseRouter: 'er-core',
    routeTable: 'ert-shared',
    destination: '172.16.0.0/16',
    attachment: 'att-prod',
  };
  const render = renderFix(fix, PURPOSE);

  it('says which route, in which table of which ER, and why', () => {
    expect(render.text).toBe(
      'Add a static route 172.16.0.0/16 -> attachment att-prod to route table ert-shared of enterprise router er-core: CCE prod pods -> orders-rds tcp/3306.',
    );
  });

  it('carries a note when one is given', () => {
    const text = renderFix({ ...fix, note: 'isolating them may be intentional' }, PURPOSE).text;
    expect(text).toMatch(/Note: isolating them may be intentional\.$/);
  });

  it('renders CreateStaticRoute, huaweicloud_er_static_route and the v3 request (no er_id in the path)', () => {
    expect(render.hcloud).toContain("hcloud ER CreateStaticRoute --cli-region='<region>'");
    expect(render.hcloud).toContain("--route_table_id='<ert-shared id>'");
    expect(render.hcloud).toContain('--route.destination=172.16.0.0/16');
    expect(render.terraform).toBe(
      [
        'resource "huaweicloud_er_static_route" "ert_shared_to_172_16_0_0_16" {',
        '  route_table_id = var.ert_shared_id',
        '  destination    = "172.16.0.0/16"',
        '  attachment_id  = var.att_prod_id',
        '}',
      ].join('\n'),
    );
    expect(render.api).toEqual({
      method: 'POST',
      path: '/v3/{project_id}/enterprise-router/route-tables/<ert-shared id>/static-routes',
      body: {
        route: {
          destination: '172.16.0.0/16',
          attachment_id: '<att-prod id>',
          is_blackhole: false,
          description: 'reachbot: CCE prod pods to orders-rds tcp/3306',
        },
      },
    });
  });

  it('uses Huawei UUIDs as they are', () => {
    const id = '915a14a6-867b-4af7-83d1-70efceb146f9';
    const render = renderFix({ ...fix, routeTable: id }, PURPOSE);
    expect(render.api?.path).toBe(`/v3/{project_id}/enterprise-router/route-tables/${id}/static-routes`);
    expect(render.terraform).toContain(`route_table_id = "${id}"`);
  });
});

describe('er-association and er-propagation', () => {
  const base = { enterpriseRouter: 'er-core', routeTable: 'ert-shared', attachment: 'att-prod' } as const;

  it('association: AssociateRouteTable, huaweicloud_er_association, POST .../associate', () => {
    const render = renderFix({ kind: 'er-association', ...base }, PURPOSE);
    expect(render.text).toMatch(
      /^Associate attachment att-prod with route table ert-shared of enterprise router er-core/,
    );
    expect(render.hcloud).toContain('hcloud ER AssociateRouteTable');
    expect(render.terraform).toBe(
      [
        'resource "huaweicloud_er_association" "ert_shared_att_prod" {',
        '  instance_id    = var.er_core_id',
        '  route_table_id = var.ert_shared_id',
        '  attachment_id  = var.att_prod_id',
        '}',
      ].join('\n'),
    );
    expect(render.api).toEqual({
      method: 'POST',
      path: '/v3/{project_id}/enterprise-router/<er-core id>/route-tables/<ert-shared id>/associate',
      body: { attachment_id: '<att-prod id>' },
    });
  });

  it('propagation: EnablePropagation, huaweicloud_er_propagation, POST .../enable-propagations', () => {
    const render = renderFix({ kind: 'er-propagation', ...base }, PURPOSE);
    expect(render.text).toContain('wider than a static route');
    expect(render.terraform).toContain('resource "huaweicloud_er_propagation" "ert_shared_att_prod" {');
    expect(render.api?.path).toBe(
      '/v3/{project_id}/enterprise-router/<er-core id>/route-tables/<ert-shared id>/enable-propagations',
    );
  });
});

describe('er-route replacing a static route of the same destination', () => {
  const render = renderFix(
    {
      kind: 'er-route',
      enterpriseRouter: 'er-core',
      routeTable: 'ert-shared',
      destination: '172.16.0.0/16',
      attachment: 'att-prod',
      replaces: 'att-cache',
    },
    PURPOSE,
  );

  it('changes the route instead of creating a second one with the same destination (which the API refuses)', () => {
    expect(render.text).toMatch(
      /^Change the static route 172\.16\.0\.0\/16 in route table ert-shared .* from att-cache to attachment att-prod/,
    );
    expect(render.hcloud).toContain('hcloud ER UpdateStaticRoute');
    expect(render.api).toEqual({
      method: 'PUT',
      path: '/v3/{project_id}/enterprise-router/route-tables/<ert-shared id>/static-routes/<static route 172.16.0.0/16 id>',
      body: { route: { attachment_id: '<att-prod id>', is_blackhole: false } },
    });
    expect(render.terraform).toContain('attachment_id = var.att_prod_id');
  });
});
