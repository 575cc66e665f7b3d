// Export then import is lossless: the exported text parses back to a deep-equal topology.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateTopology } from '../../bench/synthetic.js';
import { exportTopology } from '../../src/topology/export.js';
import { parseTopology } from '../../src/topology/load.js';
import type { Topology } from '../../src/topology/schema.js';

const SAMPLE_TEXT = readFileSync(new URL('../../data/sample.yaml', import.meta.url), 'utf8');

function parsed(text: string): Topology {
  const result = parseTopology(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 5)));
  return result.topology;
}

describe('exportTopology', () => {
  it('round-trips data/sample.yaml', () => {
    const topology = parsed(SAMPLE_TEXT);
    expect(parsed(exportTopology(topology))).toEqual(topology);
  });

  it.each([1, 2, 3, 17])('round-trips the small synthetic topology of seed %i', (seed) => {
    const topology = generateTopology('small', seed);
    expect(parsed(exportTopology(topology))).toEqual(topology);
  });

  it('writes shared objects out in full, not as YAML aliases', () => {
    const topology = parsed(SAMPLE_TEXT);
    const shared = ['sg-db1'];
    const resources = topology.resources!.map((r) => ({ ...r, securityGroups: shared }));
    const text = exportTopology({ ...topology, resources });
    expect(text).not.toMatch(/[&*]a\d/);
    expect(parsed(text).resources!.map((r) => r.securityGroups)).toEqual(resources.map(() => ['sg-db1']));
  });

  it('round-trips a topology that shares one list among more objects than the loader allows aliases', () => {
    const topology = parsed(SAMPLE_TEXT);
    const shared = ['sg-db1'];
    const many = Array.from({ length: 1100 }, (_, i) => ({
      name: `host-${i}`,
      vpc: 'vpc-demo',
      subnet: 'subnet-turbo-pods',
      addresses: [`192.168.${128 + Math.floor(i / 250)}.${1 + (i % 250)}`],
      securityGroups: shared,
    }));
    const big = { ...topology, resources: [...topology.resources!, ...many] };
    expect(parsed(exportTopology(big))).toEqual(big);
  });

  it('keeps any text in names and descriptions exactly', () => {
    // The smallest valid topology: the rest of a document does not change how these two texts are written.
    const topology: Topology = { version: 1, name: 'x' };
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom(
        '2024-01-01',
        'yes',
        'no',
        'null',
        '~',
        '1e3',
        '0x1F',
        '.inf',
        '- x',
        '#x',
        ': x',
        '*a',
        '&a',
        '!x',
        // YAML allows these two only in quoted scalars (a property run found the first).
        '\uFFFE',
        'x\uFFFFy',
      ),
    );
    fc.assert(
      fc.property(text, text, (name, description) => {
        const changed = { ...topology, name, description };
        expect(parsed(exportTopology(changed))).toEqual(changed);
      }),
      { numRuns: 200 },
    );
  });

  it('quotes texts holding U+FFFE or U+FFFF, map keys included: YAML allows them only in quoted scalars', () => {
    const topology = parsed(SAMPLE_TEXT);
    const [first, ...rest] = topology.clusters ?? [];
    if (!first) throw new Error('the sample has clusters');
    const namespaces = [...(first.namespaces ?? []), { name: 'ns\uFFFE', labels: { 'team\uFFFF': 'a\uFFFEb' } }];
    const changed = { ...topology, clusters: [{ ...first, namespaces }, ...rest] };
    const text = exportTopology(changed);
    expect(text).toContain('"team\uFFFF"');
    expect(parsed(text)).toEqual(changed);
  });

  it('writes keys in the order they were read, version first', () => {
    const text = exportTopology(parsed(SAMPLE_TEXT));
    expect(text.startsWith('version: 1\n')).toBe(true);
    expect(text.indexOf('\nvpcs:')).toBeLessThan(text.indexOf('\nclusters:'));
  });
});
