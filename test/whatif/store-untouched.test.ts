// What-if never writes: after a what-if in a thread (converse, as every Slack surface calls it) and from the
// CLI, the store file is byte-identical, and the watched paths of the channel are reported.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { converse } from '../../src/commands/converse.js';
import { createRegistry } from '../../src/commands/registry.js';
import { addWatch } from '../../src/digest/watches.js';
import { openFileStore } from '../../src/store/file-store.js';
import { runIn } from '../cli/harness.js';
import { CHANNEL, FIXED_NOW, FIXTURE_TEXT, seedTopology, USER } from '../slack/helpers.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

async function seededStore() {
  const dir = mkdtempSync(join(tmpdir(), 'reachbot-whatif-'));
  const path = join(dir, 'reachbot.json');
  const store = await openFileStore(path);
  await seedTopology(store);
  await addWatch(store, {
    channel: CHANNEL,
    topology: 'prod-net',
    question: { cluster: 'prod', workload: null, destination: 'redis-main', protocol: 'tcp', port: 6379 },
    label: 'prod to redis',
    createdBy: USER,
    at: FIXED_NOW,
  });
  return { dir, path, store };
}

describe('what-if leaves the store as it was', () => {
  it('in a thread: reports this path and the channel’s watched paths; the file is byte-identical', async () => {
    const { path, store } = await seededStore();
    closers.push(() => store.close());
    const bytes = readFileSync(path);
    const context = { store, userId: USER, channelId: CHANNEL, isAdmin: false, now: () => FIXED_NOW };
    const previous = {
      topology: 'prod-net',
      question: { cluster: 'prod', workload: null, destination: 'db1', protocol: 'tcp' as const, port: 3306 },
    };
    const outcome = await converse('what if I remove rule #1 of sg-redis', context, createRegistry(), previous);
    expect(outcome.kind).toBe('reply');
    const text = outcome.kind === 'reply' ? outcome.reply.text : '';
    expect(text).toMatch(/^What if: remove rule #1 of sg-redis/);
    expect(text).toContain('= prod → db1 tcp/3306: unreachable (unchanged)');
    expect(text).toContain('Watched paths: 1 checked: 1 breaks');
    expect(text).toMatch(
      /✗ prod to redis \(prod → redis-main tcp\/6379\): reachable → unreachable\n {4}destination-sg:/,
    );

    const fixes = await converse('what if I apply the fixes', context, createRegistry(), previous);
    expect(fixes.kind === 'reply' ? fixes.reply.text : '').toContain('✓ prod → db1 tcp/3306: unreachable → reachable');

    const bad = await converse('what if I remove rule #1 of sg-rdis', context, createRegistry(), previous);
    expect(bad).toMatchObject({ kind: 'error' });
    expect(bad.kind === 'error' ? bad.message : '').toMatch(/unknown security group "sg-rdis" \(known: sg-redis/);

    const alone = await converse('what if I apply the fixes', context, createRegistry());
    expect(alone).toMatchObject({ kind: 'error' });
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(
      store.data.topologies['prod-net']?.topology.securityGroups?.find((g) => g.id === 'sg-redis')?.rules,
    ).toHaveLength(1);
  });

  it('from the CLI: reachbot whatif over the store reports the watched paths, exits 1 when one breaks, writes nothing', async () => {
    const { dir, path, store } = await seededStore();
    await store.close();
    const bytes = readFileSync(path);
    writeFileSync(
      join(dir, 'change.yaml'),
      'changes:\n  - op: remove-rule\n    securityGroup: sg-redis\n    index: 1\n',
    );
    const env = { REACHBOT_STORE: path };
    const out = await runIn(dir, env, ['whatif', '--change', 'change.yaml', 'can prod reach db1:3306']);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('✗ prod to redis (prod → redis-main tcp/6379): reachable → unreachable');
    const json = await runIn(dir, env, ['whatif', '--change', 'change.yaml', '--json', 'prod -> redis-main 6379']);
    expect(JSON.parse(json.stdout).asked[0]).toMatchObject({
      before: 'reachable',
      after: 'unreachable',
      movement: 'breaks',
    });
    writeFileSync(join(dir, 'bad.yaml'), 'changes:\n  - op: remove-rule\n    securityGroup: sg-redis\n    index: 0\n');
    const bad = await runIn(dir, env, ['whatif', '--change', 'bad.yaml', 'prod -> redis-main 6379']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^bad\.yaml:4: changes\[0\]\.index: /m);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('check-plan over the store compares the stored watched paths and writes nothing', async () => {
    const { dir, path, store } = await seededStore();
    await store.close();
    const bytes = readFileSync(path);
    const rule = {
      security_group_id: 'sg-redis',
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      ports: '6379',
      remote_ip_prefix: '172.16.0.0/16',
      action: 'allow',
      priority: 1,
    };
    writeFileSync(
      join(dir, 'plan.json'),
      JSON.stringify({
        format_version: '1.2',
        resource_changes: [
          {
            address: 'huaweicloud_networking_secgroup_rule.redis_pods',
            type: 'huaweicloud_networking_secgroup_rule',
            change: { actions: ['delete'], before: { id: 'rule-1', ...rule }, after: null, after_unknown: {} },
          },
        ],
      }),
    );
    const out = await runIn(dir, { REACHBOT_STORE: path }, ['check-plan', 'plan.json', '--channel', CHANNEL]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('✗ prod to redis (prod → redis-main tcp/6379): reachable → unreachable');
    expect(out.stdout).toContain('cause: huaweicloud_networking_secgroup_rule.redis_pods (delete)');
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('from the CLI with --topology FILE: the file is untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reachbot-whatif-'));
    writeFileSync(join(dir, 'topology.yaml'), FIXTURE_TEXT);
    const out = await runIn(dir, {}, [
      'whatif',
      '--topology',
      'topology.yaml',
      '--what-if',
      'add an ingress rule to sg-db allowing tcp/3306 from 172.16.0.0/16',
      'can prod reach db1:3306',
    ]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('✓ prod → db1 tcp/3306: unreachable → reachable');
    expect(readFileSync(join(dir, 'topology.yaml'), 'utf8')).toBe(FIXTURE_TEXT);
  });
});
