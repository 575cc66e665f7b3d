import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/i18n.js';
import { type DiffEntry, describeChange, diffTopologies, formatDiff, isEmptyDiff } from '../../src/topology/diff.js';
import { validateTopology } from '../../src/topology/load.js';
import type { Topology } from '../../src/topology/schema.js';
import { untranslatedWords } from '../i18n/untranslated.js';

function topology(data: unknown): Topology {
  const result = validateTopology(data);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.topology;
}

/** Changed entries with their field changes as the English lines a reader sees. */
const asLines = (entries: readonly DiffEntry[]) =>
  entries.map((e) => ({ kind: e.kind, id: e.id, changes: (e.changes ?? []).map((c) => describeChange(e.kind, c)) }));

const base = {
  version: 1,
  vpcs: [
    {
      id: 'vpc-prod',
      cidr: '192.168.0.0/16',
      subnets: [{ id: 'subnet-nodes', cidr: '192.168.10.0/24' }],
      routeTables: [{ id: 'rtb', default: true, routes: [] }],
    },
  ],
  securityGroups: [
    { id: 'sg-db', rules: [{ direction: 'ingress', protocol: 'tcp', ports: '3306', remote: '192.168.10.0/24' }] },
  ],
  networkAcls: [
    {
      id: 'acl',
      ingress: [
        { action: 'deny', protocol: 'tcp', destinationPorts: '23' },
        { action: 'allow', source: '192.168.0.0/16' },
      ],
    },
  ],
  clusters: [
    {
      name: 'prod',
      vpc: 'vpc-prod',
      networkModel: 'vpc-router',
      nodeSubnets: ['subnet-nodes'],
      containerCidrs: ['172.16.0.0/16'],
    },
  ],
  resources: [{ name: 'db1', vpc: 'vpc-prod', subnet: 'subnet-nodes', addresses: ['192.168.10.52'] }],
};

describe('diffTopologies', () => {
  it('finds nothing between a topology and itself', () => {
    const t = topology(base);
    const diff = diffTopologies(t, t);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(formatDiff(diff)).toBe('no changes');
  });

  it('reports added, removed and changed objects by kind and id, with field-level changes', () => {
    const after = structuredClone(base) as typeof base & { peerings?: unknown };
    after.securityGroups[0]?.rules.push({
      direction: 'ingress',
      protocol: 'tcp',
      ports: '3306',
      remote: '172.16.0.0/16',
    });
    after.resources = [{ name: 'db2', vpc: 'vpc-prod', subnet: 'subnet-nodes', addresses: ['192.168.10.53'] }];
    after.clusters[0]!.containerCidrs = ['172.16.0.0/16', '172.17.0.0/16'];
    const diff = diffTopologies(topology(base), topology(after));
    expect(diff.added).toEqual([{ kind: 'resource', id: 'db2' }]);
    expect(diff.removed).toEqual([{ kind: 'resource', id: 'db1' }]);
    expect(asLines(diff.changed)).toEqual([
      {
        kind: 'securityGroup',
        id: 'sg-db',
        changes: ['rules: +ingress allow tcp/3306 from 172.16.0.0/16 (priority 1)'],
      },
      { kind: 'cluster', id: 'prod', changes: ['containerCidrs: +172.17.0.0/16'] },
    ]);
    const text = formatDiff(diff);
    expect(text.split('\n')[0]).toBe(
      '1 added (resource db2), 1 removed (resource db1), 2 changed (security group sg-db, cluster prod)',
    );
    expect(text).toContain('+ resource db2');
    expect(text).toContain('- resource db1');
    expect(text).toContain('~ security group sg-db');
  });

  it('reads in Chinese with the console words, ids, CIDRs and file keys as written', () => {
    const after = structuredClone(base) as typeof base & { peerings?: unknown };
    after.securityGroups[0]?.rules.push({
      direction: 'ingress',
      protocol: 'tcp',
      ports: '3306',
      remote: '172.16.0.0/16',
    });
    after.networkAcls[0]!.ingress.reverse();
    after.resources = [{ name: 'db2', vpc: 'vpc-prod', subnet: 'subnet-nodes', addresses: ['192.168.10.53'] }];
    const text = formatDiff(diffTopologies(topology(base), topology(after)), i18n('zh'));
    expect(text.split('\n')).toEqual([
      '新增 1 项（资源 db2），删除 1 项（资源 db1），修改 2 项（安全组 sg-db、网络ACL acl）',
      '+ 资源 db2',
      '- 资源 db1',
      '~ 安全组 sg-db',
      '    rules: +入方向 允许 tcp/3306 源地址 172.16.0.0/16（优先级 1）',
      '~ 网络ACL acl',
      '    ingress: 规则顺序有变化',
    ]);
    expect(untranslatedWords(text, ['db1', 'db2', 'sg-db', 'acl', 'rules', 'ingress'])).toEqual([]);
    expect(formatDiff(diffTopologies(topology(base), topology(base)), i18n('zh'))).toBe('无变化');
  });

  it('treats a new order of network ACL rules as a change (first match wins)', () => {
    const after = structuredClone(base);
    after.networkAcls[0]!.ingress.reverse();
    const diff = diffTopologies(topology(base), topology(after));
    expect(asLines(diff.changed)).toEqual([
      { kind: 'networkAcl', id: 'acl', changes: ['ingress: rule order changed'] },
    ]);
  });

  it('shows a changed scalar field with its old and new value', () => {
    const after = structuredClone(base) as typeof base & { clusters: { serviceCidr?: string }[] };
    after.clusters[0]!.serviceCidr = '10.247.0.0/16';
    const diff = diffTopologies(topology(base), topology(after));
    expect(asLines(diff.changed)[0]?.changes).toEqual(['serviceCidr: (none) -> 10.247.0.0/16']);
    expect(formatDiff(diff, i18n('zh'))).toContain('    serviceCidr: （无） -> 10.247.0.0/16');
  });

  it('is empty exactly when the documents are equal, and symmetric in size', () => {
    const cidrs = fc.subarray(['172.16.0.0/16', '172.17.0.0/16', '172.18.0.0/16', '10.0.0.0/16'], { minLength: 1 });
    fc.assert(
      fc.property(cidrs, cidrs, (a, b) => {
        const x = structuredClone(base);
        const y = structuredClone(base);
        x.clusters[0]!.containerCidrs = a;
        y.clusters[0]!.containerCidrs = b;
        const forward = diffTopologies(topology(x), topology(y));
        const back = diffTopologies(topology(y), topology(x));
        expect(isEmptyDiff(forward)).toBe(JSON.stringify(a) === JSON.stringify(b));
        expect(forward.changed.length).toBe(back.changed.length);
      }),
    );
  });
});
