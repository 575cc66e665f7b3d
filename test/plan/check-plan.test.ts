// check-plan on a recorded plan (written by hand in Terraform's JSON plan shape: create, update, delete,
// replace, no-op, an unmapped type, unknown values): exactly the paths that change, with their causes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/plan/check.js';
import { mapResourceChange } from '../../src/plan/map.js';
import { PlanError, parsePlan } from '../../src/plan/plan.js';
import { parseQuestion } from '../../src/question/parse.js';
import { parseTopology } from '../../src/topology/load.js';
import type { Topology } from '../../src/topology/schema.js';
import { runIn } from '../cli/harness.js';

const DIR = join(import.meta.dirname, '../fixtures/plan');
const PLAN_TEXT = readFileSync(join(DIR, 'plan.json'), 'utf8');

function topology(): Topology {
  const result = parseTopology(readFileSync(join(DIR, 'topology.yaml'), 'utf8'));
  if (!result.ok) throw new Error('fixture topology is invalid');
  return result.topology;
}

function paths() {
  return readFileSync(join(DIR, 'paths.txt'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((line) => ({ question: parseQuestion(line), label: line }));
}

describe('checkPlan on the recorded plan', () => {
  it('reports exactly the paths that change, each with its cause', () => {
    const check = checkPlan(topology(), parsePlan(PLAN_TEXT), paths());
    const moved = check.paths.map((p) => [p.path.label, p.before, p.after, p.movement, p.causes]);
    expect(moved).toEqual([
      ['prod -> db1 3306', 'reachable', 'unreachable', 'breaks', ['huaweicloud_networking_secgroup_rule.db_from_pods']],
      ['prod -> app-b 8080', 'reachable', 'unreachable', 'breaks', ['module.peering.huaweicloud_vpc_route.b_to_pods']],
      ['prod -> web 443', 'unreachable', 'reachable', 'fixed', ['huaweicloud_networking_secgroup_rule.web_from_pods']],
      [
        'prod -> cache 6379',
        'unreachable',
        'uncertain',
        'uncertain',
        ['huaweicloud_networking_secgroup_rule.cache_from_peer'],
      ],
      ['can prod ping db1', 'unreachable', 'unreachable', 'same', []],
    ]);
    const cache = check.paths[3];
    expect(cache?.unknownBecause).toContain('remote_ip_prefix known only after apply');
    const db = check.paths[0];
    expect(db?.blocker?.check).toBe('destination-sg');
    expect(db?.blocker?.fix).toMatch(/Allow tcp\/3306 from 172\.16\.0\.0\/16 into sg-db/);
  });

  it('maps each action: delete, create (computed id), update that changes nothing, replace with unknowns, no-op, unmapped', () => {
    const plan = parsePlan(PLAN_TEXT);
    const mapped = (plan.resource_changes ?? []).map((rc) => mapResourceChange(rc, topology()));
    expect(mapped.map((m) => [m.address, m.changes.map((c) => c.op), m.unknown ?? [], m.note?.en ?? ''])).toEqual([
      ['huaweicloud_networking_secgroup_rule.db_from_pods', ['remove-rule'], [], ''],
      ['module.peering.huaweicloud_vpc_route.b_to_pods', ['remove-route'], [], ''],
      ['huaweicloud_networking_secgroup_rule.web_from_pods', ['add-rule'], [], ''],
      ['huaweicloud_networking_secgroup_rule.cache_from_peer', ['remove-rule'], ['remote_ip_prefix'], ''],
      ['huaweicloud_vpc_route.a_to_b', [], [], 'no change to routing'],
      ['huaweicloud_compute_instance.bastion', [], [], expect.stringContaining('not evaluated by check-plan')],
      ['huaweicloud_networking_secgroup_rule.unchanged', [], [], 'no change to the network'],
    ]);
    const added = mapped[2]?.changes[0];
    expect(added).toMatchObject({
      op: 'add-rule',
      securityGroup: 'sg-web',
      rule: { ports: '443', remote: '172.16.0.0/16' },
    });
    expect(added?.op === 'add-rule' ? added.rule.id : 'x').toBeUndefined();
  });

  it('a deleted peering breaks the paths across it, and only those', () => {
    const peering = (actions: string[], before: unknown, after: unknown, afterUnknown: unknown = {}) => ({
      format_version: '1.2',
      resource_changes: [
        {
          address: 'huaweicloud_vpc_peering_connection.ab',
          mode: 'managed',
          type: 'huaweicloud_vpc_peering_connection',
          name: 'ab',
          provider_name: 'registry.terraform.io/huaweicloud/huaweicloud',
          change: { actions, before, after, after_unknown: afterUnknown },
        },
      ],
    });
    const across = [{ question: parseQuestion('prod -> app-b 8080') }, { question: parseQuestion('prod -> db1 3306') }];
    const deleted = checkPlan(
      topology(),
      parsePlan(JSON.stringify(peering(['delete'], { id: 'pcx-ab', vpc_id: 'vpc-a', peer_vpc_id: 'vpc-b' }, null))),
      across,
    );
    expect(deleted.paths.map((p) => p.movement)).toEqual(['breaks', 'same']);
    expect(deleted.paths[0]?.causes).toEqual(['huaweicloud_vpc_peering_connection.ab']);
  });

  it('a DCS whitelist updated in place: entries added and removed, through the importer', () => {
    const sample = parseTopology(readFileSync(join(import.meta.dirname, '../../data/sample.yaml'), 'utf8'));
    if (!sample.ok) throw new Error('sample is invalid');
    const dcs = (entries: string[]) => ({
      id: 'dcs-1',
      name: 'redis-main',
      engine: 'Redis',
      engine_version: '5.0',
      vpc_id: 'vpc-demo',
      subnet_id: 'subnet-data',
      private_ip: '192.168.50.10',
      port: 6379,
      whitelist_enable: true,
      whitelists: [{ group_name: 'nodes', ip_address: entries }],
    });
    const plan = (before: string[], after: string[], afterUnknown: unknown = {}) =>
      parsePlan(
        JSON.stringify({
          format_version: '1.2',
          resource_changes: [
            {
              address: 'huaweicloud_dcs_instance.redis',
              type: 'huaweicloud_dcs_instance',
              change: { actions: ['update'], before: dcs(before), after: dcs(after), after_unknown: afterUnknown },
            },
          ],
        }),
      );
    const paths = [
      { question: parseQuestion('prod -> redis-main 6379') },
      { question: parseQuestion('prod -> db1 3306') },
    ];
    const opened = checkPlan(sample.topology, plan(['192.168.10.0/24'], ['192.168.10.0/24', '172.16.0.0/16']), paths);
    expect(opened.planned[0]?.changes).toEqual([
      {
        op: 'add-whitelist-entry',
        resource: 'redis-main',
        group: 'nodes',
        address: '172.16.0.0/16',
        at: 'huaweicloud_dcs_instance.redis',
      },
    ]);
    expect(opened.paths.map((p) => [p.movement, p.causes])).toEqual([
      ['fixed', ['huaweicloud_dcs_instance.redis']],
      ['same', []],
    ]);
    const unknown = checkPlan(sample.topology, plan(['192.168.10.0/24'], [], { whitelists: true }), paths);
    expect(unknown.paths.map((p) => p.movement)).toEqual(['uncertain', 'same']);
    expect(unknown.paths[0]?.after).toBe('uncertain');
  });

  it('bad plans are PlanErrors naming the problem', () => {
    expect(() => parsePlan('{', 'p.json')).toThrow(PlanError);
    expect(() => parsePlan('{"resource_changes": []}', 'p.json')).toThrow(/p\.json: format_version: is required/);
    expect(() =>
      parsePlan(
        '{"format_version":"1.2","resource_changes":[{"address":"a","type":"t","change":{"actions":["explode"]}}]}',
        'p.json',
      ),
    ).toThrow(/p\.json: resource_changes\[0\]\.change\.actions\[0\]/);
  });
});

describe('reachbot check-plan', () => {
  it('exit 1 when a path breaks; markdown and json formats; 2 on bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reachbot-plan-'));
    const args = ['--topology', join(DIR, 'topology.yaml'), '--questions', join(DIR, 'paths.txt')];
    const text = await runIn(dir, {}, ['check-plan', join(DIR, 'plan.json'), ...args]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('✗ 2 breaking · ✓ 1 fixed · ? 1 uncertain · 1 unchanged');
    expect(text.stdout).toContain('or leave huaweicloud_networking_secgroup_rule.db_from_pods out of the plan');
    const markdown = await runIn(dir, {}, ['check-plan', join(DIR, 'plan.json'), ...args, '--format', 'markdown']);
    expect(markdown.stdout).toMatch(/^### reachbot check-plan\n\n:x: \*\*2 paths break\*\*/);
    expect(markdown.stdout).toContain('| `module.peering.huaweicloud_vpc_route.b_to_pods` |');
    const json = await runIn(dir, {}, ['check-plan', join(DIR, 'plan.json'), ...args, '--format', 'json']);
    expect(JSON.parse(json.stdout).summary).toMatchObject({
      paths: 5,
      breaks: 2,
      fixed: 1,
      uncertain: 1,
      unchanged: 1,
    });

    writeFileSync(join(dir, 'safe.json'), JSON.stringify({ format_version: '1.2', resource_changes: [] }));
    expect((await runIn(dir, {}, ['check-plan', 'safe.json', ...args])).code).toBe(0);
    writeFileSync(join(dir, 'bad.json'), '{"not": "a plan"}');
    const bad = await runIn(dir, {}, ['check-plan', 'bad.json', ...args]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/format_version/);
    const noPaths = await runIn(dir, {}, ['check-plan', 'safe.json', '--topology', join(DIR, 'topology.yaml')]);
    expect(noPaths.code).toBe(2);
  });
});
