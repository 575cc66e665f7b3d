// The live topology end to end: the real Huawei Cloud importer reads the loopback double, the real scheduler syncs
// on its interval into the real file store, and the real change alerts post to Slack (nock) when the network moves.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/commands/converse.js';
import { parseQuestion } from '../../src/question/parse.js';
import { appWatch, MINUTE, podsTo8080, type Rig, recordSlackPosts, rig, START } from './helpers.js';
import { type HuaweiDouble, REGION, startHuaweiDouble } from './huawei-double.js';

const SOURCE = { kind: 'huaweicloud', region: REGION } as const;
const ASK = parseQuestion('prod -> 192.168.10.52 tcp/8080');

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

const at = (minutes: number) => {
  bot.clock.now = new Date(START.getTime() + minutes * MINUTE);
};

describe('a synced topology', () => {
  it('stays current with no one acting, and a network change reaches the watching channel as exactly one alert with the fix', async () => {
    const posted = recordSlackPosts();
    await bot.scheduler.configure('prod', { source: SOURCE, intervalMs: 10 * MINUTE }, 'U1');
    await bot.store.update((data) => {
      data.watches.push(appWatch('C-orders'));
    });

    await bot.scheduler.runDue();
    const first = bot.store.data.topologies.prod;
    expect(first?.source).toBe('huaweicloud:cn-north-4');
    expect(answerQuestion(bot.store, ASK, undefined, undefined, bot.clock.now).result.verdict).toBe('reachable');
    // Every page of every listing was read (page size 2: subnets and security group rules take two pages each).
    expect(double.requests.filter((r) => r.endsWith('/vpc/security-group-rules'))).toHaveLength(3);
    // The private DNS zone's three record sets came in two pages, and the names are in the topology.
    expect(double.requests.filter((r) => r.endsWith('/recordsets'))).toHaveLength(2);
    expect(JSON.stringify(first?.topology.dnsZones)).toContain('orders-db.internal.example.com');

    // Not due yet: nothing is read.
    at(5);
    const before = double.requests.length;
    await bot.scheduler.runDue();
    expect(double.requests).toHaveLength(before);

    // Due, and nothing changed: only "checked at" moves; the stored topology is the same object.
    at(10);
    await bot.scheduler.runDue();
    expect(double.requests.length).toBeGreaterThan(before);
    expect(bot.store.data.topologies.prod).toBe(first);
    expect(bot.store.data.syncs.prod?.lastSuccessAt).toBe(bot.clock.now.toISOString());
    expect(bot.store.data.syncs.prod?.nextRunAt).toBe(new Date(START.getTime() + 20 * MINUTE).toISOString());
    expect(posted).toEqual([]);

    // Someone deletes the rule in the console; the next sync replaces the topology and alerts once.
    double.network.securityGroupRules = double.network.securityGroupRules.filter((r) => r.id !== 'rule-pods-8080');
    at(20);
    await bot.scheduler.runDue();
    expect(bot.store.data.topologies.prod).not.toBe(first);
    expect(bot.store.data.topologies.prod?.importedAt).toBe(bot.clock.now.toISOString());
    expect(answerQuestion(bot.store, ASK, undefined, undefined, bot.clock.now).result.verdict).toBe('unreachable');
    expect(posted).toHaveLength(1);
    expect(posted[0]?.channel).toBe('C-orders');
    expect(posted[0]?.text).toBe('Topology prod changed: 1 watched path broke. Broke: orders → app.');
    expect(posted[0]?.blocks).toContain('reachable → *unreachable*');
    expect(posted[0]?.blocks).toMatch(/Allow tcp\/8080 .*from 172\.16\.0\.0\/16/);

    // The next, unchanged sync says nothing more.
    at(30);
    await bot.scheduler.runDue();
    expect(posted).toHaveLength(1);
  });

  it('neither loses its schedule nor syncs twice in one interval across a restart', async () => {
    await bot.scheduler.configure('prod', { source: SOURCE, intervalMs: 10 * MINUTE });
    await bot.scheduler.runDue();
    const afterFirst = double.requests.length;
    expect(afterFirst).toBeGreaterThan(0);

    at(4);
    await bot.restart();
    await bot.scheduler.runDue();
    expect(double.requests).toHaveLength(afterFirst);
    expect(bot.store.data.syncs.prod?.nextRunAt).toBe(new Date(START.getTime() + 10 * MINUTE).toISOString());

    // Down across the due time: the restart syncs once, at once, and not again within the interval.
    at(13);
    await bot.restart();
    await bot.scheduler.runDue();
    const afterSecond = double.requests.length;
    expect(afterSecond).toBeGreaterThan(afterFirst);
    await bot.scheduler.runDue();
    at(22);
    await bot.restart();
    await bot.scheduler.runDue();
    expect(double.requests).toHaveLength(afterSecond);
  });

  it('never runs two syncs of one source at once: a second request joins the running one', async () => {
    await bot.scheduler.configure('prod', { source: SOURCE });
    const [a, b] = await Promise.all([bot.scheduler.syncNow('prod'), bot.scheduler.syncNow('prod')]);
    expect(a).toBe(b);
    expect(a.status).toBe('created');
    expect(double.requests.filter((r) => r.endsWith('/vpc/vpcs'))).toHaveLength(1);
    // The scheduled run due at the same moment does not start a third.
    await bot.scheduler.runDue();
    expect(double.requests.filter((r) => r.endsWith('/vpc/vpcs'))).toHaveLength(1);
  });

  it('keeps answering from the previous topology while a sync runs, then switches at once', async () => {
    await bot.scheduler.configure('prod', { source: SOURCE });
    await bot.scheduler.syncNow('prod');
    double.network.securityGroupRules = double.network.securityGroupRules.filter((r) => r.id !== 'rule-pods-8080');
    const running = bot.scheduler.syncNow('prod');
    // The import is under way (its requests are in flight): answers still come from the stored topology.
    expect(answerQuestion(bot.store, ASK, undefined, undefined, bot.clock.now).result.verdict).toBe('reachable');
    expect((await running).status).toBe('replaced');
    expect(answerQuestion(bot.store, ASK, undefined, undefined, bot.clock.now).result.verdict).toBe('unreachable');
  });
});

describe('sync failures', () => {
  it('waits out throttling (429 with Retry-After) and still syncs', async () => {
    const waits: number[] = [];
    await bot.close();
    bot = await rig(double, {}, async (ms) => {
      waits.push(ms);
    });
    double.throttle('/vpc/security-groups', 2, 3);
    await bot.scheduler.configure('prod', { source: SOURCE });
    const outcome = await bot.scheduler.syncNow('prod');
    expect(outcome.status).toBe('created');
    expect(double.requests.filter((r) => r.endsWith('/vpc/security-groups'))).toHaveLength(3);
    // Each 429 was waited out for as long as its Retry-After said (3 s).
    expect(waits).toEqual([3000, 3000]);
  });

  it('an expired key fails the sync with that reason, backs off exponentially, posts once to the watching channel, and posts the recovery once', async () => {
    const posted = recordSlackPosts();
    await bot.scheduler.configure('prod', { source: SOURCE, intervalMs: 10 * MINUTE });
    await bot.store.update((data) => {
      data.watches.push(appWatch('C-orders'));
    });
    await bot.scheduler.runDue();
    const good = bot.store.data.topologies.prod;

    double.expiredKey = true;
    const nextRun = () => (Date.parse(bot.store.data.syncs.prod?.nextRunAt ?? '') - bot.clock.now.getTime()) / MINUTE;
    at(10);
    await bot.scheduler.runDue();
    expect(bot.store.data.syncs.prod).toMatchObject({ failures: 1, lastFailure: { kind: 'expired-key' } });
    expect(bot.store.data.syncs.prod?.lastFailure?.message).toContain('the access key has expired');
    expect(nextRun()).toBe(10);
    expect(bot.store.data.topologies.prod).toBe(good);
    expect(posted).toEqual([]);

    at(20);
    await bot.scheduler.runDue();
    expect(nextRun()).toBe(20);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.channel).toBe('C-orders');
    expect(posted[0]?.text).toContain('Sync of topology prod from Huawei Cloud cn-north-4 has failed 2 times in a row');
    expect(posted[0]?.text).toContain('expired or refused key');

    at(40);
    await bot.scheduler.runDue();
    expect(nextRun()).toBe(40);
    expect(posted).toHaveLength(1);

    // The restart keeps the backoff and that the failure was already posted.
    await bot.restart();
    double.expiredKey = false;
    at(80);
    await bot.scheduler.runDue();
    expect(bot.store.data.syncs.prod).toMatchObject({ failures: 0, lastSuccessAt: bot.clock.now.toISOString() });
    expect(posted).toHaveLength(2);
    expect(posted[1]?.text).toContain('works again');
    at(90);
    await bot.scheduler.runDue();
    expect(posted).toHaveLength(2);
  });

  it('refuses to replace a good topology with a partial import, and keeps serving the previous one', async () => {
    await bot.scheduler.configure('prod', { source: SOURCE, intervalMs: 10 * MINUTE });
    await bot.scheduler.runDue();
    const good = bot.store.data.topologies.prod;
    expect(good?.topology.resources?.some((r) => r.type === 'rds')).toBe(true);

    double.fail('rds', 403, 'RDS.0403');
    at(10);
    const outcome = await bot.scheduler.syncNow('prod');
    expect(outcome.status).toBe('failed');
    expect(bot.store.data.topologies.prod).toBe(good);
    expect(bot.store.data.syncs.prod?.lastFailure).toMatchObject({ kind: 'forbidden' });
    expect(bot.store.data.syncs.prod?.lastFailure?.message).toContain('RDS instances');

    // Throttled past every retry: the same, with reason "throttled".
    double.heal('rds');
    double.throttle('/instances', 100, 0);
    at(20);
    const throttled = await bot.scheduler.syncNow('prod');
    expect(throttled.status === 'failed' && throttled.failure.kind).toBe('throttled');
    expect(bot.store.data.topologies.prod).toBe(good);
  });

  it('accepts a service the region does not offer when the topology never had any of it', async () => {
    await bot.scheduler.configure('prod', { source: SOURCE });
    await bot.scheduler.runDue();
    expect(bot.store.data.topologies.prod?.topology.resources?.some((r) => r.type === 'dcs')).toBe(false);
    double.fail('dcs', 404, 'APIGW.0101');
    double.network.securityGroupRules = double.network.securityGroupRules.filter((r) => r.id !== 'rule-pods-8080');
    at(10);
    const outcome = await bot.scheduler.syncNow('prod');
    expect(outcome.status).toBe('replaced');
    expect(outcome.warnings.some((w) => w.includes('DCS'))).toBe(true);
  });
});
