// The seed example (CCE "container access to the VPC"), imported from API responses and from a
// Terraform state, gives the seed's answer: unreachable; the fix allows the container CIDR.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/answer/diagnose.js';
import { flowsOf } from '../../src/engine/diagnosis.js';
import { importHuaweiCloud } from '../../src/import/huaweicloud/index.js';
import { importTerraformState } from '../../src/import/terraform/index.js';
import { compileTopology } from '../../src/topology/compile.js';
import type { Topology } from '../../src/topology/schema.js';
import { ENV, mountSeed, PROJECT, REGION } from './huaweicloud/replay.js';

function askSeed(topology: Topology) {
  const result = diagnose(compileTopology(topology), { cluster: 'prod', workload: null, destination: '192.168.10.52' });
  return { result, flows: flowsOf(result) };
}

function expectSeedAnswer(topology: Topology) {
  const { result, flows } = askSeed(topology);
  expect(result.verdict).toBe('unreachable');
  const fixes = flows.flatMap((f) => f.fixes).filter((f) => !('alternative' in f && f.alternative));
  expect(fixes).toContainEqual(
    expect.objectContaining({
      kind: 'security-group-rule',
      securityGroup: '69c999ad-d9ef-4d79-94fd-35e6ceb75325',
      direction: 'ingress',
      remote: '172.16.0.0/16',
    }),
  );
}

describe('the seed example, imported', () => {
  it('from the Huawei Cloud API gives the seed answer', async () => {
    mountSeed();
    const { topology } = await importHuaweiCloud({
      region: REGION,
      projectId: PROJECT,
      env: ENV,
      pageSize: 2,
      sleep: async () => {},
    });
    expectSeedAnswer(topology);
    // The region and project are recorded, so the fixes paste with real values, not placeholders.
    expect(topology.region).toBe(REGION);
    expect(topology.project).toBe(PROJECT);
    const fix = askSeed(topology).flows.flatMap((f) => f.fixes)[0];
    expect(fix?.render.hcloud).toContain(`--cli-region=${REGION}`);
    expect(fix?.render.hcloud).not.toContain('<region>');
    expect(fix?.render.api?.path).toContain(`/${PROJECT}/`);
    expect(fix?.render.terraform).not.toMatch(/\bvar\./);
  });

  it('from a Terraform state gives the seed answer', () => {
    const text = readFileSync(new URL('../fixtures/import/terraform/prod.tfstate.json', import.meta.url), 'utf8');
    const { topology } = importTerraformState(text);
    expectSeedAnswer(topology);
    expect(topology.region).toBe('cn-north-4');
    expect(askSeed(topology).flows.flatMap((f) => f.fixes)[0]?.render.hcloud).toContain('--cli-region=cn-north-4');
  });
});
