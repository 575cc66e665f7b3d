// dnsZones and resources[].domainNames: names qualified and canonical, values checked by record type,
// references to VPCs resolved, and a CNAME never sharing its name; zone changes show in the diff.
import { describe, expect, it } from 'vitest';
import { diffTopologies, formatDiff } from '../../src/topology/diff.js';
import { validateTopology } from '../../src/topology/load.js';
import type { TopologyInput } from '../../src/topology/schema.js';

const base: TopologyInput = {
  version: 1,
  vpcs: [{ id: 'vpc-a', cidr: '10.0.0.0/16', subnets: [{ id: 's', cidr: '10.0.1.0/24' }] }],
};

function withZone(zone: unknown): unknown {
  return { ...base, dnsZones: [zone] };
}

function issues(data: unknown): string[] {
  const result = validateTopology(data);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('dnsZones', () => {
  it('qualifies record names and stores names and values canonically', () => {
    const result = validateTopology(
      withZone({
        name: 'Internal.Example.COM.',
        vpcs: ['vpc-a'],
        records: [
          { name: 'db', type: 'A', values: ['10.0.1.5'] },
          { name: '@', type: 'AAAA', values: ['FD00::0001'] },
          { name: 'API.internal.example.com.', type: 'CNAME', values: ['Web.Internal.Example.com.'] },
          { name: '*.apps', type: 'A', values: ['10.0.1.6'] },
        ],
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const zone = result.topology.dnsZones![0]!;
    expect(zone.name).toBe('internal.example.com');
    expect(zone.records!.map((r) => [r.name, r.values[0]])).toEqual([
      ['db.internal.example.com', '10.0.1.5'],
      ['internal.example.com', 'fd00::1'],
      ['api.internal.example.com', 'web.internal.example.com'],
      ['*.apps.internal.example.com', '10.0.1.6'],
    ]);
  });

  it('rejects values of the wrong kind, names outside the zone and unknown VPCs, each at its path', () => {
    const found = issues(
      withZone({
        name: 'internal.example.com',
        vpcs: ['vpc-a', 'vpc-x'],
        records: [
          { name: 'a', type: 'A', values: ['fd00::1'] },
          { name: 'b', type: 'AAAA', values: ['10.0.0.1'] },
          { name: 'c', type: 'CNAME', values: ['x.example.com', 'y.example.com'] },
          { name: 'd', type: 'CNAME', values: ['not a host'] },
          { name: 'other.example.org.', type: 'A', values: ['10.0.0.1'] },
          { name: 'bad name', type: 'A', values: ['10.0.0.1'] },
        ],
      }),
    );
    expect(found.join('\n')).toMatch(/records\[0\]\.values\[0\].*not an IPv4 address/);
    expect(found.join('\n')).toMatch(/records\[1\]\.values\[0\].*not an IPv6 address/);
    expect(found.join('\n')).toMatch(/records\[2\]\.values.*exactly one value/);
    expect(found.join('\n')).toMatch(/records\[3\]\.values\[0\].*not a host name/);
    expect(found.join('\n')).toMatch(/records\[4\]\.name.*not a host name in zone internal\.example\.com/);
    expect(found.join('\n')).toMatch(/records\[5\]\.name/);
    const mx = issues(
      withZone({
        name: 'z.example.com',
        vpcs: ['vpc-a'],
        records: [{ name: 'e', type: 'MX', values: ['10 m.z.example.com'] }],
      }),
    );
    expect(mx.join()).toMatch(/records\[0\]\.type.*A, AAAA or CNAME/);
  });

  it('checks references once the schema passes: VPCs, one zone name per VPC, CNAME alone', () => {
    const found = issues({
      ...base,
      dnsZones: [
        {
          name: 'z.example.com',
          vpcs: ['vpc-x'],
          records: [
            { name: 'a', type: 'A', values: ['10.0.0.1'] },
            { name: 'a', type: 'CNAME', values: ['b.z.example.com'] },
          ],
        },
        { name: 'z.example.com', vpcs: ['vpc-a'] },
        { name: 'z.example.com', vpcs: ['vpc-a'] },
      ],
    });
    expect(found.join('\n')).toMatch(/dnsZones\[0\]\.vpcs\[0\].*unknown VPC "vpc-x"/);
    expect(found.join('\n')).toMatch(/dnsZones\[0\]\.records\[1\].*CNAME must be the name's only record/);
    expect(found.join('\n')).toMatch(/dnsZones\[2\]\.vpcs\[0\].*already associated with zone z\.example\.com/);
  });

  it('domainNames on a resource are host names, stored canonically', () => {
    const resource = { name: 'db', vpc: 'vpc-a', subnet: 's', addresses: ['10.0.1.5'] };
    const ok = validateTopology({ ...base, resources: [{ ...resource, domainNames: ['X.RDS.Example.com.'] }] });
    if (!ok.ok) throw new Error(JSON.stringify(ok.issues));
    expect(ok.topology.resources![0]!.domainNames).toEqual(['x.rds.example.com']);
    expect(issues({ ...base, resources: [{ ...resource, domainNames: ['10.0.1.5:3306'] }] }).join()).toMatch(
      /resources\[0\]\.domainNames\[0\].*not a host name/,
    );
  });

  it('a topology without zones is unchanged (the field is optional)', () => {
    expect(issues(base)).toEqual([]);
  });

  it('the diff names a changed zone and its records', () => {
    const zone = { name: 'z.example.com', vpcs: ['vpc-a'], records: [{ name: 'a', type: 'A', values: ['10.0.0.1'] }] };
    const before = validateTopology(withZone(zone));
    const after = validateTopology(withZone({ ...zone, records: [{ name: 'a', type: 'A', values: ['10.0.0.2'] }] }));
    if (!before.ok || !after.ok) throw new Error('invalid');
    const diff = diffTopologies(before.topology, after.topology);
    expect(diff.changed.map((c) => c.kind)).toEqual(['dnsZone']);
    expect(formatDiff(diff)).toContain('a.z.example.com A 10.0.0.2');
  });
});
