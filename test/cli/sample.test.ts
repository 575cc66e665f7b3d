// The sample topology is a new user's first answer: it must validate, and each question its header
// suggests must give the answer the header promises.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/answer/diagnose.js';
import { SAMPLE_TOPOLOGY_PATH } from '../../src/cli/paths.js';
import { type Fix, flowsOf } from '../../src/engine/diagnosis.js';
import { parseQuestion } from '../../src/question/parse.js';
import { compileTopology } from '../../src/topology/compile.js';
import { parseTopology } from '../../src/topology/load.js';

async function sample() {
  const result = parseTopology(await readFile(SAMPLE_TOPOLOGY_PATH, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return compileTopology(result.topology);
}

function fixesOf(question: string, compiled: Awaited<ReturnType<typeof sample>>) {
  const result = diagnose(compiled, parseQuestion(question));
  return { verdict: result.verdict, fixes: flowsOf(result).flatMap((flow) => flow.fixes) as Fix[] };
}

describe('data/sample.yaml', () => {
  it('validates', async () => {
    const result = parseTopology(await readFile(SAMPLE_TOPOLOGY_PATH, 'utf8'));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('reproduces the CCE documentation: ping 192.168.10.52 from prod fails until 172.16.0.0/16 is allowed', async () => {
    const { verdict, fixes } = fixesOf('can pod in prod reach 192.168.10.52?', await sample());
    expect(verdict).toBe('unreachable');
    expect(fixes[0]).toMatchObject({
      kind: 'security-group-rule',
      securityGroup: 'sg-db1',
      protocol: 'icmp',
      remote: '172.16.0.0/16',
    });
  });

  it('reproduces the cross-VPC example: vpc-demo2 lacks the route back to the container CIDR', async () => {
    const compiled = await sample();
    const demo = fixesOf('can demo reach 10.1.1.20', compiled);
    expect(demo.verdict).toBe('unreachable');
    expect(demo.fixes).toEqual([
      expect.objectContaining({ kind: 'route', routeTable: 'rtb-demo2', destination: '10.0.0.0/16' }),
    ]);
    const prod = fixesOf("why can't prod ping 10.1.1.20", compiled);
    expect(prod.fixes.map((fix) => fix.kind)).toEqual(expect.arrayContaining(['route', 'security-group-rule']));
  });

  it.each([
    ['can payments/api in prod reach redis-main on 6379?', 'unreachable', 'whitelist-entry'],
    ['can batch reach build-host', 'unreachable', 'host-bridge'],
    ['can turbo reach orders-db', 'unreachable', 'security-group-rule'],
    ['can staging reach 8.8.8.8 on 443', 'unreachable', 'snat-rule'],
    ['can prod reach build-host', 'reachable', undefined],
    ['can prod reach orders-db', 'reachable', undefined],
    ['can staging reach 10.1.1.20', 'reachable', undefined],
  ])('%s -> %s', async (question, verdict, fixKind) => {
    const result = fixesOf(question, await sample());
    expect(result.verdict).toBe(verdict);
    if (fixKind) expect(result.fixes[0]?.kind).toBe(fixKind);
    else expect(result.fixes).toEqual([]);
  });

  it('has one cluster of each network model', async () => {
    const compiled = await sample();
    const models = new Set((compiled.topology.clusters ?? []).map((c) => c.networkModel));
    expect(models).toEqual(new Set(['overlay_l2', 'vpc-router', 'eni']));
  });
});
