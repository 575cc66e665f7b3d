import { describe, expect, it } from 'vitest';
import { resolveCluster, resolveQuestionNames, resolveResource, resolveWorkload } from '../../src/question/suggest.js';
import { validateTopology } from '../../src/topology/load.js';
import type { Topology } from '../../src/topology/schema.js';
import { catchQuestionError } from '../fixtures/question/catch-question-error.js';

function topology(): Topology {
  const result = validateTopology({
    version: 1,
    vpcs: [{ id: 'vpc-a', cidr: '192.168.0.0/16', subnets: [{ id: 'sn-a', cidr: '192.168.10.0/24' }] }],
    clusters: [
      {
        name: 'prod',
        vpc: 'vpc-a',
        networkModel: 'vpc-router',
        nodeSubnets: ['sn-a'],
        containerCidrs: ['172.16.0.0/16'],
        workloads: [{ name: 'payments/api' }, { name: 'payments/worker' }, { name: 'shop/api' }, { name: 'shop/web' }],
      },
      {
        name: 'production-eu',
        vpc: 'vpc-a',
        networkModel: 'vpc-router',
        nodeSubnets: ['sn-a'],
        containerCidrs: ['172.18.0.0/16'],
      },
    ],
    resources: [
      { name: 'db1', vpc: 'vpc-a', subnet: 'sn-a', addresses: ['192.168.10.52'] },
      { name: 'redis-main', vpc: 'vpc-a', subnet: 'sn-a', addresses: ['192.168.10.60'] },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.topology;
}

describe('name resolution', () => {
  it('finds names case-insensitively', () => {
    expect(resolveCluster(topology(), 'PROD').name).toBe('prod');
    expect(resolveResource(topology(), 'Redis-Main').name).toBe('redis-main');
  });

  it('suggests the closest cluster first', () => {
    const error = catchQuestionError(() => resolveCluster(topology(), 'prd'));
    expect(error.message).toContain('unknown cluster "prd"');
    expect(error.suggestions[0]).toBe('prod');
  });

  it('suggests the closest resource first', () => {
    const error = catchQuestionError(() => resolveResource(topology(), 'redis'));
    expect(error.suggestions[0]).toBe('redis-main');
  });

  it('resolves a workload by its short name only when unambiguous', () => {
    const prod = resolveCluster(topology(), 'prod');
    expect(resolveWorkload(prod, 'worker').name).toBe('payments/worker');
    const error = catchQuestionError(() => resolveWorkload(prod, 'api'));
    expect(error.suggestions).toEqual(expect.arrayContaining(['payments/api', 'shop/api']));
  });

  it('spells a whole question as the topology does, keeping addresses', () => {
    expect(
      resolveQuestionNames(topology(), {
        cluster: 'Prod',
        workload: 'PAYMENTS/API',
        destination: 'DB1',
        port: 3306,
        protocol: 'tcp',
      }),
    ).toEqual({ cluster: 'prod', workload: 'payments/api', destination: 'db1', port: 3306, protocol: 'tcp' });
    expect(
      resolveQuestionNames(topology(), { cluster: 'prod', workload: null, destination: '10.9.9.9' }).destination,
    ).toBe('10.9.9.9');
  });
});
