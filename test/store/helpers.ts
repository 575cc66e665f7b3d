// Small valid topologies and temp directories for the store tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { validateTopology } from '../../src/topology/load.js';
import type { Topology } from '../../src/topology/schema.js';

/** A minimal valid topology with one cluster named `cluster`. */
export function topologyWith(cluster: string, vpcCidr = '192.168.0.0/16'): Topology {
  const subnet = vpcCidr.replace(/\.0\.0\/16$/, '.10.0/24');
  const result = validateTopology({
    version: 1,
    vpcs: [{ id: 'vpc-a', cidr: vpcCidr, subnets: [{ id: 'sn-a', cidr: subnet }] }],
    clusters: [
      {
        name: cluster,
        vpc: 'vpc-a',
        networkModel: 'vpc-router',
        nodeSubnets: ['sn-a'],
        containerCidrs: ['172.16.0.0/16'],
      },
    ],
    resources: [{ name: 'db1', vpc: 'vpc-a', subnet: 'sn-a', addresses: [subnet.replace(/0\/24$/, '52')] }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.topology;
}

const dirs: string[] = [];

/** A fresh temp directory, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'reachbot-store-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
