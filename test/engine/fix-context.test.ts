// Fixes carry what their API needs to be pasted safely: the default-table flag for routes, and the
// whole current whitelist for DCS (its API overwrites).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/answer/diagnose.js';
import type { Fix } from '../../src/engine/diagnosis.js';
import { parseQuestion } from '../../src/question/parse.js';
import { compileTopology } from '../../src/topology/compile.js';
import { parseTopology, validateTopology } from '../../src/topology/load.js';

function sample() {
  const parsed = parseTopology(readFileSync(new URL('../../data/sample.yaml', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('the sample topology is invalid');
  return parsed.topology;
}

function fixesOf(topology: ReturnType<typeof sample>, question: string): readonly Fix[] {
  const result = diagnose(compileTopology(topology), parseQuestion(question));
  return 'flows' in result ? result.flows.flatMap((f) => f.fixes) : result.fixes;
}

describe('fix context', () => {
  it('marks a route into the VPC default table, which Huawei creates through its own API', () => {
    const route = fixesOf(sample(), "why can't prod ping 10.1.1.20").find((f) => f.kind === 'route');
    expect(route).toMatchObject({ kind: 'route', routeTable: 'rtb-demo2', defaultTable: true });
    expect(route?.render.api?.path).toBe('/v2.0/vpc/routes');
  });

  it('resends every current whitelist entry and group with a new one, in order across fixes', () => {
    const topology = sample();
    const redis = topology.resources?.find((r) => r.name === 'redis-main');
    if (!redis?.whitelist?.groups?.[0]) throw new Error('the sample redis has a whitelist');
    const groups = [...redis.whitelist.groups, { name: 'ops', addresses: ['192.168.99.0/24'] }];
    const changed = validateTopology({
      ...topology,
      resources: topology.resources?.map((r) =>
        r.name === 'redis-main' ? { ...r, whitelist: { ...r.whitelist, groups } } : r,
      ),
    });
    if (!changed.ok) throw new Error(JSON.stringify(changed.issues));
    const entries = fixesOf(changed.topology, 'prod -> redis-main').filter((f) => f.kind === 'whitelist-entry');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      group: groups[0]!.name,
      address: '172.16.0.0/16',
      existing: groups[0]!.addresses,
      otherGroups: [{ name: 'ops', addresses: ['192.168.99.0/24'] }],
    });
    const body = JSON.stringify(entries[0]?.render.api?.body);
    expect(body).toContain('192.168.99.0/24');
    for (const address of groups[0]!.addresses) expect(body).toContain(address);
  });
});
