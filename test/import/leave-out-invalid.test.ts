// An import whose source describes a record inconsistently (a blank id, a subnet outside its VPC, a secondary CIDR
// overlapping the primary) leaves that record out with a warning, instead of failing whole as "a reachbot bug".
// Found by replacing each value of a real Terraform state in turn; the first test does exactly that.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HuaweiCloudApiError, ServiceUnavailableError } from '../../src/import/huaweicloud/client.js';
import { importHuaweiCloud } from '../../src/import/huaweicloud/index.js';
import { ResponseShapeError } from '../../src/import/huaweicloud/read.js';
import { validateLeavingOut } from '../../src/import/leave-out-invalid.js';
import { importTerraformState, TerraformStateError } from '../../src/import/terraform/index.js';
import { ENV, PROJECT, REGION } from './huaweicloud/replay.js';

interface State {
  resources: { type: string; instances: { attributes: Record<string, unknown> }[] }[];
}
const STATE = JSON.parse(
  readFileSync(new URL('../fixtures/import/terraform/prod.tfstate.json', import.meta.url), 'utf8'),
) as State;

/** Paths of the string values of a JSON tree. */
function stringLeaves(node: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof node === 'string') return [path];
  if (typeof node !== 'object' || node === null) return [];
  const entries = Array.isArray(node) ? node.map((child, i) => [i, child] as const) : Object.entries(node);
  return entries.flatMap(([key, child]) => stringLeaves(child, [...path, key]));
}

function withValue<T>(state: T, path: (string | number)[], value: unknown): T {
  const copy = structuredClone(state);
  let node = copy as unknown as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

const attributesOf = (state: State, type: string) =>
  state.resources.find((r) => r.type === type)!.instances[0]!.attributes;

describe('an inconsistent record in an import', () => {
  it('never fails the import but as a TerraformStateError, whichever string of the state is blank or a catch-all CIDR', () => {
    const leaves = stringLeaves(STATE);
    expect(leaves.length).toBeGreaterThan(200);
    const failures: string[] = [];
    for (const path of leaves)
      for (const value of ['', '0.0.0.0/0', '::/0']) {
        try {
          importTerraformState(withValue(STATE, path, value));
        } catch (error) {
          if (!(error instanceof TerraformStateError)) failures.push(`${path.join('.')} = "${value}": ${error}`);
        }
      }
    expect(failures).toEqual([]);
  });

  it('never fails a Huawei Cloud import but as an answer it cannot use, whichever id, name, CIDR or remote prefix is blank or ::/0', async () => {
    const seed = JSON.parse(
      readFileSync(new URL('../fixtures/import/huaweicloud/seed-responses.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const leaves = stringLeaves(seed).filter((path) =>
      ['id', 'name', 'cidr', 'remote_ip_prefix'].includes(String(path.at(-1))),
    );
    expect(leaves.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const path of leaves)
      for (const value of ['', '::/0']) {
        const responses = withValue(seed, path, value);
        const fetch = (async (input: string | URL | Request) => {
          const url = new URL(String(input));
          const service = url.hostname.split('.')[0];
          const body = responses[`${service} ${url.pathname}`] ?? responses[`${service} ${url.pathname}#1`] ?? {};
          return new Response(JSON.stringify(body));
        }) as typeof globalThis.fetch;
        const options = { region: REGION, projectId: PROJECT, env: ENV, sleep: async () => {}, fetch };
        const result = await importHuaweiCloud(options).catch((error: unknown) => error);
        const own = [HuaweiCloudApiError, ServiceUnavailableError, ResponseShapeError].some(
          (kind) => result instanceof kind,
        );
        if (result instanceof Error && !own)
          failures.push(`${path.join('.')} = "${value}": ${result.message.split('\n')[0]}`);
      }
    expect(failures).toEqual([]);
  });

  it('a VPC with a blank id is left out with a warning naming it; the other VPC and its subnet stay', () => {
    const state = structuredClone(STATE);
    attributesOf(state, 'huaweicloud_vpc').id = '';
    const result = importTerraformState(state);
    expect(result.warnings).toContain('vpcs[0] (vpc-prod): id: must not be empty; left out');
    expect(result.topology.vpcs?.map((v) => v.name)).toEqual(['vpc-data']);
    expect(result.topology.vpcs?.[0]?.subnets?.map((s) => s.name)).toEqual(['subnet-db2']);
  });

  it('a subnet outside its VPC is left out, and what was in it with it', () => {
    const state = structuredClone(STATE);
    const nodes = state.resources.find(
      (r) => r.type === 'huaweicloud_vpc_subnet' && r.instances[0]?.attributes.name === 'subnet-nodes',
    )!;
    nodes.instances[0]!.attributes.cidr = '10.9.0.0/24';
    const result = importTerraformState(state);
    expect(result.warnings).toContainEqual(
      expect.stringMatching(
        /^vpcs\[\d\]\.subnets\[\d\] \(subnet-nodes\): cidr: 10\.9\.0\.0\/24 is outside the VPC's CIDRs .*; left out$/,
      ),
    );
    const subnets = (result.topology.vpcs ?? []).flatMap((v) => v.subnets ?? []).map((s) => s.name);
    expect(subnets).not.toContain('subnet-nodes');
    expect(subnets).toContain('subnet-data');
    // The cluster whose only node subnet it was refers to nothing now: left out in the next pass, and said so.
    expect(result.warnings).toContain(
      'clusters[0] (prod): nodeSubnets: a cluster needs at least one node subnet; left out',
    );
    expect(result.topology.clusters ?? []).toEqual([]);
  });

  it('a secondary CIDR overlapping the primary is left out; the VPC stays', () => {
    const state = structuredClone(STATE);
    const data = state.resources.filter((r) => r.type === 'huaweicloud_vpc')[1]!.instances[0]!.attributes;
    data.secondary_cidrs = ['10.1.128.0/17'];
    const result = importTerraformState(state);
    expect(result.warnings).toContain(
      'vpcs[1].secondaryCidrs[0] (10.1.128.0/17): 10.1.128.0/17 overlaps vpcs[1].cidr (10.1.0.0/16); left out',
    );
    expect(result.topology.vpcs?.[1]?.secondaryCidrs ?? []).toEqual([]);
  });

  it('a node or a whitelist group reported without a name keeps its place, named by its IP or its position', () => {
    const state = structuredClone(STATE);
    attributesOf(state, 'huaweicloud_cce_node').name = '';
    (attributesOf(state, 'huaweicloud_dcs_instance').whitelists as { group_name: string }[])[0]!.group_name = ' ';
    const result = importTerraformState(state);
    expect(result.topology.clusters?.[0]?.nodes?.map((n) => n.name)).toContain('192.168.10.11');
    const redis = result.topology.resources?.find((r) => r.name === 'redis-main');
    expect(redis?.whitelist?.groups?.[0]).toEqual({ name: 'group 1', addresses: ['192.168.10.0/24'] });
  });
});

describe('validateLeavingOut', () => {
  it('returns the issues when one points into no list entry, and removes nothing', () => {
    const document = { version: 1, vpcs: [], unknownKey: true };
    const warnings: string[] = [];
    const result = validateLeavingOut(document, (w) => warnings.push(w));
    expect(result.ok).toBe(false);
    expect(warnings).toEqual([]);
    expect(document.unknownKey).toBe(true);
  });

  it('is a plain validation when nothing is wrong', () => {
    const warnings: string[] = [];
    expect(validateLeavingOut({ version: 1 }, (w) => warnings.push(w)).ok).toBe(true);
    expect(warnings).toEqual([]);
  });
});

describe('validateLeavingOut at a given depth', () => {
  it('leaves out the entry that many lists deep, and nothing when an issue is shallower', () => {
    const topology = (extra: Record<string, unknown>) => ({
      version: 1,
      vpcs: [{ id: 'vpc-a', cidr: '10.0.0.0/16', subnets: [{ id: 's1', cidr: '10.0.1.0/24' }] }],
      clusters: [
        {
          name: 'prod',
          networkModel: 'overlay_l2',
          vpc: 'vpc-a',
          nodeSubnets: ['s1'],
          containerCidrs: ['172.16.0.0/16'],
          ...extra,
        },
      ],
    });
    const warnings: string[] = [];
    // A workload naming a security group nobody declares: the workload goes, not the cluster.
    const deep = validateLeavingOut(
      topology({ workloads: [{ name: 'a/b', securityGroups: ['sg-none'] }] }),
      (w) => warnings.push(w),
      { depth: 2 },
    );
    expect(deep.ok && deep.topology.clusters?.[0]?.workloads).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/^clusters\[0\]\.workloads\[0\] \(a\/b\): securityGroups\[0\]: /)]);
    // The cluster's own VPC unknown: an issue one list deep, which depth 2 does not touch.
    const shallow = validateLeavingOut({ ...topology({}), vpcs: [] }, () => undefined, { depth: 2 });
    expect(shallow.ok).toBe(false);
  });
});
