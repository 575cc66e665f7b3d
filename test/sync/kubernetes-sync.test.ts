// A scheduled sync that reads the Kubernetes side: the Huawei double stands in for the cloud, the loopback fake
// Kubernetes API for the cluster. Between two syncs the cluster gains a NetworkPolicy; the stored topology, the
// answer and the watching channel all see it. A forbidden CRD is a warning; an unreachable API keeps the data.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/answer/diagnose.js';
import { converse } from '../../src/commands/converse.js';
import { createRegistry } from '../../src/commands/registry.js';
import type { Watch } from '../../src/store/data.js';
import { putTopology } from '../../src/store/topologies.js';
import { scheduledSyncCommand } from '../../src/sync/commands.js';
import { freshnessOf } from '../../src/sync/freshness.js';
import { syncHealthLine } from '../../src/sync/health.js';
import { kubernetesReader } from '../../src/sync/kubernetes.js';
import { compileTopology } from '../../src/topology/compile.js';
import type { Topology } from '../../src/topology/schema.js';
import { runIn, workspace } from '../cli/harness.js';
import { type FakeApi, realisticCluster, type Served, startFakeApi } from '../kubernetes/fake-api.js';
import { MINUTE, podsTo8080, type Rig, recordSlackPosts, rig, START } from './helpers.js';
import { type HuaweiDouble, REGION, startHuaweiDouble } from './huawei-double.js';

const POLICIES = '/apis/networking.k8s.io/v1/networkpolicies';

let double: HuaweiDouble;
let api: FakeApi;
let routes: Record<string, Served>;
let dir: string;
let bot: Rig;

beforeEach(async () => {
  double = await startHuaweiDouble();
  double.network.securityGroupRules.push(podsTo8080());
  // The cluster starts without NetworkPolicies; a test adds them between syncs (the double reads `routes` live).
  routes = { ...realisticCluster(), [POLICIES]: [] };
  api = await startFakeApi(routes);
  dir = await mkdtemp(join(tmpdir(), 'reachbot-k8ssync-'));
  const kubeconfig = join(dir, 'kubeconfig');
  await writeFile(kubeconfig, api.kubeconfig());
  bot = await rig(double, { kubernetes: kubernetesReader({ kubeconfig, pageSize: 2 }) });
});

afterEach(async () => {
  nock.cleanAll();
  await bot.close();
  await api.close();
  await double.close();
  await rm(dir, { recursive: true, force: true });
});

const prodOf = (topology: Topology | undefined) => topology?.clusters?.find((c) => c.name === 'prod');

/** payments/api in prod -> ecs-app (192.168.10.52) tcp/8080. */
const apiQuestion = {
  cluster: 'prod',
  workload: 'payments/api',
  destination: '192.168.10.52',
  protocol: 'tcp' as const,
  port: 8080,
};

const defaultDeny = {
  metadata: { name: 'default-deny-egress', namespace: 'payments', uid: 'u1', resourceVersion: '7' },
  spec: { podSelector: {}, policyTypes: ['Egress'] },
};

async function configureWithCluster(context: string) {
  await bot.scheduler.configure(
    'prod',
    {
      source: { kind: 'huaweicloud', region: REGION },
      intervalMs: 10 * MINUTE,
      kubernetes: { cluster: 'prod', context },
    },
    'U1',
  );
}

/** What an operator declares once (the cluster API does not report it): policies are enforced here. */
async function declareEnforced() {
  const stored = bot.store.data.topologies.prod!;
  await putTopology(bot.store, {
    name: 'prod',
    source: stored.source,
    topology: {
      ...stored.topology,
      clusters: (stored.topology.clusters ?? []).map((c) =>
        c.name === 'prod' ? { ...c, dataPlaneV2: true, egressPoliciesEnforced: true } : c,
      ),
    },
  });
}

describe('a scheduled sync with a configured cluster', () => {
  it('picks up a NetworkPolicy added between two syncs: the stored topology, the answer and the watching channel change', async () => {
    await configureWithCluster('fake');
    await bot.scheduler.runDue();
    const first = bot.store.data.topologies.prod!;
    const prod = prodOf(first.topology);
    // The cloud import and the cluster's side, in one sync.
    expect(first.topology.vpcs?.length).toBeGreaterThan(0);
    expect(prod?.workloads?.find((w) => w.name === 'payments/api')?.podLabels).toEqual({ app: 'api', version: 'v3' });
    expect(prod?.networkPolicies).toEqual([]);
    await declareEnforced();
    expect(diagnose(compileTopology(bot.store.data.topologies.prod!.topology), apiQuestion).verdict).toBe('reachable');

    const watch: Watch = {
      id: 'w-api',
      channel: 'C-PAY',
      topology: 'prod',
      question: apiQuestion,
      label: 'payments/api → app',
      createdBy: 'U1',
      createdAt: START.toISOString(),
      last: { verdict: 'reachable', at: START.toISOString() },
    };
    await bot.store.update((data) => {
      data.watches.push(watch);
    });
    const posted = recordSlackPosts();

    // Nothing changed in the cloud or the cluster: no change, no post.
    bot.clock.now = new Date(START.getTime() + 10 * MINUTE);
    await bot.scheduler.runDue();
    expect(bot.store.data.syncs.prod?.lastSuccessAt).toBe(bot.clock.now.toISOString());
    expect(posted).toEqual([]);

    // Someone applies a default-deny egress policy in payments.
    routes[POLICIES] = [defaultDeny];
    bot.clock.now = new Date(START.getTime() + 20 * MINUTE);
    await bot.scheduler.runDue();
    const after = bot.store.data.topologies.prod!;
    expect(prodOf(after.topology)?.networkPolicies?.map((p) => p.metadata.name)).toEqual(['default-deny-egress']);
    // Declared facts and the cloud side survive the merge.
    expect(prodOf(after.topology)?.dataPlaneV2).toBe(true);
    const answer = diagnose(compileTopology(after.topology), apiQuestion);
    expect(answer.verdict).toBe('unreachable');
    expect(JSON.stringify(answer)).toContain('default-deny-egress');
    expect(posted.map((p) => p.channel)).toEqual(['C-PAY']);
    expect(posted[0]?.text).toContain('prod');
    expect(bot.store.data.syncs.prod?.lastChangeAt).toBe(bot.clock.now.toISOString());
  });

  it('reports a forbidden SecurityGroup CRD as a sync warning and the sync still succeeds', async () => {
    expect(routes['/apis/crd.yangtse.cni/v1/securitygroups']).toEqual({ status: 403 });
    await configureWithCluster('fake');
    const outcome = await bot.scheduler.syncNow('prod');
    // The whole outcome on failure: a failed sync says why.
    expect(outcome).toMatchObject({ status: 'created' });
    expect(outcome.warnings.some((w) => w.startsWith('kubernetes prod:') && w.includes('forbidden'))).toBe(true);
    expect(bot.store.data.syncs.prod?.failures).toBe(0);
    expect(bot.store.data.syncs.prod?.lastFailure).toBeUndefined();
    expect(bot.store.data.syncs.prod?.kubernetesFailures).toBeUndefined();
    expect(prodOf(bot.store.data.topologies.prod?.topology)?.namespaces?.map((n) => n.name)).toContain('payments');
  });

  it('keeps the previous Kubernetes data when the API is unreachable, says so in the health and the answers, and recovers', async () => {
    routes[POLICIES] = [defaultDeny];
    await configureWithCluster('fake');
    await bot.scheduler.runDue();
    expect(prodOf(bot.store.data.topologies.prod?.topology)?.networkPolicies).toHaveLength(1);

    // The cluster points at a port nothing listens on, and the cloud side changes meanwhile.
    await bot.scheduler.configure('prod', { kubernetes: { cluster: 'prod', context: 'other' } });
    double.network.securityGroupRules = double.network.securityGroupRules.filter((r) => r.id !== 'rule-pods-8080');
    bot.clock.now = new Date(START.getTime() + 10 * MINUTE);
    const outcome = await bot.scheduler.syncNow('prod');
    expect(outcome.status).toBe('replaced');
    expect(outcome.status !== 'failed' && outcome.kubernetesFailures?.map((f) => f.cluster)).toEqual(['prod']);
    const stored = bot.store.data.topologies.prod!;
    expect(stored.importedAt).toBe(bot.clock.now.toISOString());
    // The cloud part was applied; the cluster's NetworkPolicies and workloads are as last read.
    expect(JSON.stringify(stored.topology)).not.toContain('rule-pods-8080');
    expect(prodOf(stored.topology)?.networkPolicies?.map((p) => p.metadata.name)).toEqual(['default-deny-egress']);
    expect(prodOf(stored.topology)?.workloads?.some((w) => w.name === 'payments/api')).toBe(true);

    const schedule = bot.store.data.syncs.prod!;
    expect(schedule.failures).toBe(0);
    expect(schedule.kubernetesFailures?.[0]).toMatchObject({ cluster: 'prod', at: bot.clock.now.toISOString() });
    expect(syncHealthLine(schedule, bot.clock.now)).toMatch(
      /Kubernetes side of prod \(context other\) · Kubernetes prod NOT READ just now: .+\(previous Kubernetes data kept\)/,
    );
    const freshness = freshnessOf(stored, schedule, bot.clock.now);
    expect(freshness.stale).toBe(true);
    expect(freshness.warning).toContain('could not read the Kubernetes side of prod');

    // Both survive a restart (the store's syncs section keeps them).
    await bot.restart();
    expect(bot.store.data.syncs.prod?.kubernetes).toEqual([{ cluster: 'prod', context: 'other' }]);
    expect(bot.store.data.syncs.prod?.kubernetesFailures?.[0]?.cluster).toBe('prod');

    // Reachable again: the failure clears.
    await bot.scheduler.configure('prod', { kubernetes: { cluster: 'prod', context: 'fake' } });
    await bot.scheduler.syncNow('prod');
    expect(bot.store.data.syncs.prod?.kubernetesFailures).toBeUndefined();
    expect(freshnessOf(bot.store.data.topologies.prod!, bot.store.data.syncs.prod!, bot.clock.now).stale).toBe(false);
  });

  it('a cluster the topology does not have is a Kubernetes failure, not a failed sync', async () => {
    await bot.scheduler.configure(
      'prod',
      { source: { kind: 'huaweicloud', region: REGION }, kubernetes: { cluster: 'staging', context: 'fake' } },
      'U1',
    );
    const outcome = await bot.scheduler.syncNow('prod');
    expect(outcome.status).toBe('created');
    expect(bot.store.data.syncs.prod?.kubernetesFailures?.[0]?.message).toContain('topology has no cluster "staging"');
  });
});

describe('topology sync NAME kubernetes ... in /reach and the shell', () => {
  it('adds a cluster with a context, reads it at once, switches it to in-cluster, and removes it', async () => {
    const registry = createRegistry([], { scheduled: scheduledSyncCommand(bot.scheduler) });
    const say = async (text: string) => {
      const outcome = await converse(
        text,
        { store: bot.store, userId: 'U1', channelId: 'C1', isAdmin: true, now: () => bot.clock.now },
        registry,
      );
      return outcome.kind === 'reply' ? outcome.reply.text : JSON.stringify(outcome);
    };
    expect(await say('topology sync prod kubernetes prod context fake')).toContain('has no sync source yet');
    expect(await say(`topology sync prod from huaweicloud:${REGION} kubernetes prod context fake`)).toContain(
      'After each cloud import it reads the Kubernetes side of `prod (context fake)`.',
    );
    expect(bot.store.data.syncs.prod?.kubernetes).toEqual([{ cluster: 'prod', context: 'fake' }]);
    expect(prodOf(bot.store.data.topologies.prod?.topology)?.namespaces?.length).toBe(4);

    const unreachable = await say('topology sync prod kubernetes prod context other');
    expect(unreachable).toContain(':warning: The Kubernetes side of `prod` was not read');
    expect(unreachable).toContain('its previous Kubernetes data is kept');

    expect(await say('topology sync prod kubernetes prod context')).toContain('`context` needs a kubeconfig context');
    expect(bot.store.data.syncs.prod?.kubernetes).toEqual([{ cluster: 'prod', context: 'other' }]);

    await say('topology sync prod every 5m kubernetes prod in-cluster');
    expect(bot.store.data.syncs.prod?.kubernetes).toEqual([{ cluster: 'prod', inCluster: true }]);

    expect(await say('topology sync prod kubernetes prod off')).not.toContain('Kubernetes side of');
    expect(bot.store.data.syncs.prod?.kubernetes).toBeUndefined();
    // The data last read stays.
    expect(prodOf(bot.store.data.topologies.prod?.topology)?.namespaces?.length).toBe(4);
  });
});

describe('reachbot topology sync --kubernetes', () => {
  it('schedules a Terraform state source with a cluster read from REACHBOT_KUBECONFIG, and stops reading it', async () => {
    const { dir: cwd, store } = await workspace();
    await copyFile(
      join(import.meta.dirname, '../fixtures/import/terraform/prod.tfstate.json'),
      join(cwd, 'prod.tfstate'),
    );
    const env = { REACHBOT_STORE: store, REACHBOT_KUBECONFIG: join(dir, 'kubeconfig') };
    const run = (...argv: string[]) => runIn(cwd, env, argv);

    const bad = await run('topology', 'sync', 'prod', '--from', 'terraform:prod.tfstate', '--in-cluster');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--in-cluster goes with --kubernetes CLUSTER');

    const setup = await run(
      'topology',
      'sync',
      'prod',
      '--from',
      'terraform:prod.tfstate',
      '--kubernetes',
      'prod=fake',
    );
    expect(setup.stdout).toContain('then the Kubernetes side of prod (context fake)');
    expect(setup.stdout).toContain('synced "prod": imported');
    expect(setup.stderr).toMatch(/warning: kubernetes prod: .*forbidden/);
    const list = await run('topology', 'list');
    expect(list.stdout).toContain('Kubernetes side of prod (context fake)');
    const saved = JSON.parse(await readFile(store, 'utf8'));
    const cluster = saved.topologies.prod.topology.clusters.find((c: { name: string }) => c.name === 'prod');
    expect(cluster.workloads.map((w: { name: string }) => w.name)).toContain('payments/api');

    const off = await run('topology', 'sync', 'prod', '--kubernetes-off', 'prod', '--no-now');
    expect(off.stdout).not.toContain('Kubernetes side');
    const listed = await run('topology', 'list');
    expect(listed.stdout).not.toContain('Kubernetes side of');
  });
});
