// Security groups and network ACLs are compiled on first use (issue #16, item 6): a start compiles none of them, a
// question compiles the few it touches, and each compiled form is what compiling it up front gives.
import { describe, expect, it } from 'vitest';
import { generateTopology } from '../../bench/synthetic.js';
import { compileAcl, compileSecurityGroup, compileTopology, lazyLookup } from '../../src/topology/compile.js';

describe('lazyLookup', () => {
  it('compiles nothing up front, each item once on its first get, and nothing for an unknown id', () => {
    const compiled: string[] = [];
    const lookup = lazyLookup([{ id: 'a' }, { id: 'b' }, { id: 'c' }], (item) => {
      compiled.push(item.id);
      return { compiledFrom: item.id };
    });
    expect(compiled).toEqual([]);
    expect(lookup.get('b')).toEqual({ compiledFrom: 'b' });
    expect(lookup.get('b')).toBe(lookup.get('b'));
    expect(lookup.get('missing')).toBeUndefined();
    expect(compiled).toEqual(['b']);
  });

  it('keeps the last item of a repeated id, as a Map filled in order does', () => {
    const lookup = lazyLookup(
      [
        { id: 'a', n: 1 },
        { id: 'a', n: 2 },
      ],
      (item) => item.n,
    );
    expect(lookup.get('a')).toBe(2);
  });
});

describe('compileTopology with lazily compiled groups and ACLs', () => {
  const topology = generateTopology('small', 7);
  const addressGroups = new Map(
    (topology.addressGroups ?? []).map((group) => [group.id, compileTopology(topology).addressGroups.get(group.id)!]),
  );

  it('gives every security group and network ACL exactly its up-front compiled form', () => {
    const compiled = compileTopology(topology);
    expect(topology.securityGroups?.length).toBeGreaterThan(0);
    for (const group of topology.securityGroups ?? [])
      expect(compiled.securityGroups.get(group.id)).toEqual(compileSecurityGroup(group, addressGroups));
    for (const acl of topology.networkAcls ?? [])
      expect(compiled.networkAcls.get(acl.id)).toEqual(compileAcl(acl, addressGroups));
    expect(compiled.securityGroups.get('sg-does-not-exist')).toBeUndefined();
    expect(compiled.networkAcls.get('acl-does-not-exist')).toBeUndefined();
  });
});
