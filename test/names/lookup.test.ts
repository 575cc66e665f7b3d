// One owner for "which object does this typed name mean": the engine and the question's spell-checker agree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveQuestion } from '../../src/engine/resolve.js';
import { findNamed, findResource, lookupCluster, lookupWorkload } from '../../src/names/lookup.js';
import { QuestionError } from '../../src/question/errors.js';
import { resolveQuestionNames } from '../../src/question/suggest.js';
import { compileTopology } from '../../src/topology/compile.js';
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
        workloads: [{ name: 'payments/api' }, { name: 'payments/worker' }, { name: 'shop/api' }],
      },
      {
        name: 'Lab',
        vpc: 'vpc-a',
        networkModel: 'vpc-router',
        nodeSubnets: ['sn-a'],
        containerCidrs: ['172.18.0.0/16'],
      },
    ],
    resources: [
      { name: 'db1', type: 'rds', vpc: 'vpc-a', subnet: 'sn-a', addresses: ['192.168.10.52'] },
      { name: 'redis-main', type: 'dcs', vpc: 'vpc-a', subnet: 'sn-a', addresses: ['192.168.10.60'] },
      { name: 'web-1', type: 'ecs', vpc: 'vpc-a', subnet: 'sn-a', addresses: ['192.168.10.70'] },
      { name: 'web-2', type: 'ecs', vpc: 'vpc-a', subnet: 'sn-a', addresses: ['192.168.10.71'] },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.topology;
}

describe('names/lookup', () => {
  it('ignores surrounding spaces and case, preferring the exact spelling', () => {
    const items = [{ name: 'Api' }, { name: 'api' }];
    expect(findNamed(items, ' api ')).toBe(items[1]);
    expect(findNamed(items, 'API')).toBe(items[0]);
    // With the compiled map (which kept one of the two), the exact spelling still wins.
    expect(findNamed(items, 'Api', new Map([['api', items[1]!]]))).toBe(items[0]);
  });

  it('takes a workload by its short name only when one namespace has it', () => {
    const workloads = topology().clusters![0]!.workloads!;
    expect(lookupWorkload('prod', workloads, 'worker').name).toBe('payments/worker');
    const error = catchQuestionError(() => lookupWorkload('prod', workloads, 'api'));
    expect(error.message).toMatch(/^workload "api" is not declared in cluster prod/);
    expect(error.suggestions).toEqual(expect.arrayContaining(['payments/api', 'shop/api']));
  });

  it('takes a resource type for the one resource of that type, never for several', () => {
    const resources = topology().resources!;
    expect(findResource(resources, 'the RDS')?.name).toBe('db1');
    expect(findResource(resources, 'ecs')).toBeUndefined();
  });

  it('says an unknown cluster with the closest names first', () => {
    const error = catchQuestionError(() => lookupCluster(topology().clusters!, 'prd'));
    expect(error.message).toContain('unknown cluster "prd"');
    expect(error.suggestions[0]).toBe('prod');
  });

  it('gives the engine and the question spell-checker the same answer for any spelling', () => {
    const t = topology();
    const compiled = compileTopology(t);
    const spelled = (word: string) =>
      fc
        .tuple(fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }), fc.constantFrom('', ' '))
        .map(([upper, pad]) => pad + [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('') + pad);
    const clusters = fc.constantFrom('prod', 'lab', 'prd').chain(spelled);
    const workloads = fc.option(fc.constantFrom('worker', 'payments/api', 'api', 'nosuch').chain(spelled));
    const destinations = fc.constantFrom('db1', 'rds', 'the rds', 'ecs', 'web-2', 'nosuch').chain(spelled);
    fc.assert(
      fc.property(clusters, workloads, destinations, (cluster, workload, destination) => {
        const question = { cluster, workload, destination, port: 80, protocol: 'tcp' as const };
        const outcome = (run: () => { cluster: string; workload: string | null; destination: string | undefined }) => {
          try {
            return run();
          } catch (error) {
            if (!(error instanceof QuestionError)) throw error;
            return 'not understood';
          }
        };
        const engine = outcome(() => {
          const resolved = resolveQuestion(compiled, question);
          return {
            cluster: resolved.cluster.cluster.name,
            workload: resolved.workload?.name ?? null,
            destination: resolved.resourceName,
          };
        });
        const names = outcome(() => {
          const resolved = resolveQuestionNames(t, question);
          return { cluster: resolved.cluster, workload: resolved.workload, destination: resolved.destination };
        });
        expect(names).toEqual(engine);
      }),
      { numRuns: 300 },
    );
  });
});
