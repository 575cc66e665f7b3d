// A scheduled cloud sync replaces the topology with what the cloud says, which knows nothing of the Kubernetes
// side: the NetworkPolicies and workload labels `import kubernetes` merged must survive it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putTopology } from '../../src/store/topologies.js';
import { MINUTE, podsTo8080, type Rig, rig, START } from './helpers.js';
import { type HuaweiDouble, REGION, startHuaweiDouble } from './huawei-double.js';

let double: HuaweiDouble;
let bot: Rig;

beforeEach(async () => {
  double = await startHuaweiDouble();
  double.network.securityGroupRules.push(podsTo8080());
  bot = await rig(double);
});

afterEach(async () => {
  await bot.close();
  await double.close();
});

describe('a synced topology with a Kubernetes side', () => {
  it('keeps its NetworkPolicies and workloads when the cloud side changes', async () => {
    await bot.scheduler.configure(
      'prod',
      { source: { kind: 'huaweicloud', region: REGION }, intervalMs: 10 * MINUTE },
      'U1',
    );
    await bot.scheduler.runDue();
    const synced = bot.store.data.topologies.prod!;
    const policy = {
      apiVersion: 'networking.k8s.io/v1' as const,
      kind: 'NetworkPolicy' as const,
      metadata: { name: 'default-deny-egress', namespace: 'payments' },
      spec: { podSelector: {}, policyTypes: ['Egress' as const] },
    };
    const workload = { name: 'payments/api', kind: 'Deployment' as const, podLabels: { app: 'api' } };
    // What `reachbot import kubernetes --cluster prod` stores.
    await putTopology(bot.store, {
      name: 'prod',
      source: synced.source,
      topology: {
        ...synced.topology,
        clusters: (synced.topology.clusters ?? []).map((c) =>
          c.name === 'prod' ? { ...c, networkPolicies: [policy], workloads: [...(c.workloads ?? []), workload] } : c,
        ),
      },
    });

    double.network.securityGroupRules = double.network.securityGroupRules.filter((r) => r.id !== 'rule-pods-8080');
    bot.clock.now = new Date(START.getTime() + 10 * MINUTE);
    await bot.scheduler.runDue();
    const after = bot.store.data.topologies.prod!;
    expect(after.importedAt).toBe(bot.clock.now.toISOString());
    const prod = after.topology.clusters?.find((c) => c.name === 'prod');
    expect(prod?.networkPolicies).toEqual([policy]);
    expect(prod?.workloads?.find((w) => w.name === 'payments/api')?.podLabels).toEqual({ app: 'api' });
  });
});
