// Whole-document checks: ids unique, every reference resolves (or says what is known, closest first),
// and the consistency rules of the spec and of CCE.
import { describe, expect, it } from 'vitest';
import type { TopologyIssue } from '../../src/topology/errors.js';
import { validateTopology } from '../../src/topology/load.js';
import { topologySchema } from '../../src/topology/schema.js';
import { checkReferences } from '../../src/topology/validate.js';

type Doc = Record<string, unknown> & {
  vpcs: Record<string, unknown>[];
  clusters: Record<string, unknown>[];
  resources: Record<string, unknown>[];
  securityGroups: Record<string, unknown>[];
  networkAcls: Record<string, unknown>[];
  peerings: Record<string, unknown>[];
};

/** A small valid topology with one of every reference kind; each test breaks one thing. */
function base(): Doc {
  return {
    version: 1,
    vpcs: [
      {
        id: 'vpc-prod',
        cidr: '192.168.0.0/16',
        secondaryCidrs: ['21.8.0.0/16'],
        subnets: [
          { id: 'subnet-nodes', cidr: '192.168.10.0/24', routeTable: 'rtb-app', networkAcl: 'acl-nodes' },
          { id: 'subnet-pods', cidr: '192.168.128.0/18', ipv6Cidr: '2407:c080:1200:10::/64' },
          { id: 'subnet-extra', cidr: '21.8.1.0/24' },
        ],
        routeTables: [
          {
            id: 'rtb-prod',
            default: true,
            routes: [{ destination: '10.1.0.0/16', type: 'peering', nextHop: 'pcx-pd' }],
          },
          { id: 'rtb-app' },
        ],
        natGateways: [{ id: 'nat-prod', snatRules: [{ source: 'subnet-nodes', eip: '203.0.113.7' }] }],
      },
      { id: 'vpc-data', cidr: '10.1.0.0/16', subnets: [{ id: 'subnet-data', cidr: '10.1.1.0/24' }] },
    ],
    peerings: [{ id: 'pcx-pd', requesterVpc: 'vpc-prod', accepterVpc: 'vpc-data' }],
    securityGroups: [
      {
        id: 'sg-node',
        rules: [
          { direction: 'ingress', remote: { securityGroup: 'sg-node' } },
          { direction: 'ingress', remote: { addressGroup: 'ag-pods' } },
          { direction: 'ingress', ethertype: 'IPv6', protocol: 'icmpv6', remote: '2407:c080::/32' },
          { direction: 'egress', protocol: 'icmp', ports: '8', remote: '0.0.0.0/0' },
        ],
      },
      { id: 'sg-db' },
      { id: 'sg-eni' },
    ],
    addressGroups: [{ id: 'ag-pods', addresses: ['172.16.0.0/16', '192.168.3.20-192.168.3.100'] }],
    networkAcls: [{ id: 'acl-nodes', ingress: [{ action: 'allow', source: { addressGroup: 'ag-pods' } }], egress: [] }],
    clusters: [
      {
        name: 'prod',
        vpc: 'vpc-prod',
        networkModel: 'vpc-router',
        nodeSubnets: ['subnet-nodes'],
        nodeSecurityGroups: ['sg-node'],
        containerCidrs: ['172.16.0.0/16'],
        nonMasqueradeCidrs: ['10.0.0.0/8', '172.16.0.0/12'],
        workloads: [{ name: 'payments/api', securityGroups: ['sg-db'], additionalSecurityGroups: ['sg-node'] }],
      },
      {
        name: 'turbo',
        vpc: 'vpc-prod',
        networkModel: 'eni',
        nodeSubnets: ['subnet-nodes'],
        containerSubnets: ['subnet-pods'],
        podSecurityGroups: ['sg-eni'],
      },
    ],
    resources: [
      {
        name: 'db1',
        vpc: 'vpc-prod',
        subnet: 'subnet-nodes',
        addresses: ['192.168.10.52'],
        securityGroups: ['sg-db'],
      },
      { name: 'v6', vpc: 'vpc-prod', subnet: 'subnet-pods', addresses: ['192.168.128.9', '2407:c080:1200:10::9'] },
    ],
  };
}

/** The issues, as path and English message (their Chinese texts are checked in test/i18n/topology-issues.test.ts). */
function issuesOf(doc: Doc): TopologyIssue[] {
  const result = validateTopology(doc);
  return result.ok ? [] : result.issues.map(({ text: _text, ...issue }) => issue);
}

/** The single issue the broken document gets. */
function onlyIssue(doc: Doc): TopologyIssue {
  const issues = issuesOf(doc);
  expect(issues).toHaveLength(1);
  return issues[0]!;
}

const vpc = (doc: Doc, i = 0) => doc.vpcs[i] as Record<string, unknown> & { subnets: Record<string, unknown>[] };
const tables = (doc: Doc) => vpc(doc).routeTables as Record<string, unknown>[];
const rules = (doc: Doc) => doc.securityGroups[0]!.rules as Record<string, unknown>[];

describe('checkReferences', () => {
  it('accepts the base topology', () => {
    expect(issuesOf(base())).toEqual([]);
    const parsed = topologySchema.parse(base());
    expect(checkReferences(parsed)).toEqual([]);
  });

  // [what, break it, path, message start, known ids closest first]
  const cases: [string, (doc: Doc) => void, string, string, string][] = [
    [
      'subnet route table',
      (d) => {
        vpc(d).subnets[0]!.routeTable = 'rtb-ap';
      },
      'vpcs[0].subnets[0].routeTable',
      'unknown route table of vpc-prod "rtb-ap"',
      '(known: rtb-app, rtb-prod)',
    ],
    [
      'subnet network ACL',
      (d) => {
        vpc(d).subnets[0]!.networkAcl = 'acl-node';
      },
      'vpcs[0].subnets[0].networkAcl',
      'unknown network ACL "acl-node"',
      '(known: acl-nodes)',
    ],
    [
      'peering route nextHop',
      (d) => {
        ((tables(d)[0]!.routes as Record<string, unknown>[])[0] as Record<string, unknown>).nextHop = 'pcx-p';
      },
      'vpcs[0].routeTables[0].routes[0].nextHop',
      'unknown peering "pcx-p"',
      '(known: pcx-pd)',
    ],
    [
      'security group remote group',
      (d) => {
        rules(d)[0]!.remote = { securityGroup: 'sg-nod' };
      },
      'securityGroups[0].rules[0].remote.securityGroup',
      'unknown security group "sg-nod"',
      '(known: sg-node, sg-db, sg-eni)',
    ],
    [
      'security group address group',
      (d) => {
        rules(d)[1]!.remote = { addressGroup: 'ag-pod' };
      },
      'securityGroups[0].rules[1].remote.addressGroup',
      'unknown address group "ag-pod"',
      '(known: ag-pods)',
    ],
    [
      'network ACL address group',
      (d) => {
        (d.networkAcls[0]!.ingress as Record<string, unknown>[])[0]!.source = { addressGroup: 'ag-x' };
      },
      'networkAcls[0].ingress[0].source.addressGroup',
      'unknown address group "ag-x"',
      '(known: ag-pods)',
    ],
    [
      'peering VPC',
      (d) => {
        d.peerings[0]!.accepterVpc = 'vpc-dat';
      },
      'peerings[0].accepterVpc',
      'unknown VPC "vpc-dat"',
      '(known: vpc-data, vpc-prod)',
    ],
    [
      'cluster VPC',
      (d) => {
        d.clusters[0]!.vpc = 'vpc-prd';
      },
      'clusters[0].vpc',
      'unknown VPC "vpc-prd"',
      '(known: vpc-prod, vpc-data)',
    ],
    [
      'cluster node subnet',
      (d) => {
        d.clusters[0]!.nodeSubnets = ['subnet-node'];
      },
      'clusters[0].nodeSubnets[0]',
      'unknown subnet of vpc-prod "subnet-node"',
      '(known: subnet-nodes, subnet-pods, subnet-extra)',
    ],
    [
      'cluster node subnet in another VPC',
      (d) => {
        d.clusters[0]!.nodeSubnets = ['subnet-data'];
      },
      'clusters[0].nodeSubnets[0]',
      'unknown subnet of vpc-prod "subnet-data"',
      '(known: subnet-extra, subnet-pods, subnet-nodes)',
    ],
    [
      'cluster container subnet',
      (d) => {
        d.clusters[1]!.containerSubnets = ['subnet-pod'];
      },
      'clusters[1].containerSubnets[0]',
      'unknown subnet of vpc-prod "subnet-pod"',
      '(known: subnet-pods, subnet-nodes, subnet-extra)',
    ],
    [
      'cluster node security group',
      (d) => {
        d.clusters[0]!.nodeSecurityGroups = ['sg-nodes'];
      },
      'clusters[0].nodeSecurityGroups[0]',
      'unknown security group "sg-nodes"',
      '(known: sg-node, sg-db, sg-eni)',
    ],
    [
      'cluster pod security group',
      (d) => {
        d.clusters[1]!.podSecurityGroups = ['sg-en'];
      },
      'clusters[1].podSecurityGroups[0]',
      'unknown security group "sg-en"',
      '(known: sg-eni, sg-db, sg-node)',
    ],
    [
      'workload security group',
      (d) => {
        (d.clusters[0]!.workloads as Record<string, unknown>[])[0]!.securityGroups = ['sg-d'];
      },
      'clusters[0].workloads[0].securityGroups[0]',
      'unknown security group "sg-d"',
      '(known: sg-db, sg-eni, sg-node)',
    ],
    [
      'workload additional security group',
      (d) => {
        (d.clusters[0]!.workloads as Record<string, unknown>[])[0]!.additionalSecurityGroups = ['sg-nod'];
      },
      'clusters[0].workloads[0].additionalSecurityGroups[0]',
      'unknown security group "sg-nod"',
      '(known: sg-node, sg-db, sg-eni)',
    ],
    [
      'resource VPC',
      (d) => {
        d.resources[0]!.vpc = 'vpc-dta';
      },
      'resources[0].vpc',
      'unknown VPC "vpc-dta"',
      '(known: vpc-data, vpc-prod)',
    ],
    [
      'resource subnet',
      (d) => {
        d.resources[0]!.subnet = 'subnet-nod';
      },
      'resources[0].subnet',
      'unknown subnet of vpc-prod "subnet-nod"',
      '(known: subnet-nodes, subnet-pods, subnet-extra)',
    ],
    [
      'resource security group',
      (d) => {
        d.resources[0]!.securityGroups = ['sg-db', 'sg-dbx'];
      },
      'resources[0].securityGroups[1]',
      'unknown security group "sg-dbx"',
      '(known: sg-db, sg-eni, sg-node)',
    ],
  ];

  it.each(cases)('reports an unknown %s, with the known ids closest first', (_what, breakIt, path, start, known) => {
    const doc = base();
    breakIt(doc);
    // An unknown VPC also leaves its subnets unknown; the issue at `path` is the one under test.
    const issues = issuesOf(doc);
    expect(issues.find((i) => i.path === path)?.message).toBe(`${start} ${known}`);
    expect(issues.every((i) => i.path.startsWith(path.replace(/\.[a-z]+$/i, '')))).toBe(true);
  });

  it('reports the subnets of an unknown VPC as unknown too', () => {
    const doc = base();
    doc.clusters[0]!.vpc = 'vpc-prd';
    expect(issuesOf(doc)).toEqual([
      { path: 'clusters[0].vpc', message: 'unknown VPC "vpc-prd" (known: vpc-prod, vpc-data)' },
      { path: 'clusters[0].nodeSubnets[0]', message: 'unknown subnet of vpc-prd "subnet-nodes" (none are defined)' },
    ]);
  });

  it('says when there is nothing to refer to', () => {
    const doc = base();
    doc.securityGroups = [];
    doc.clusters = [];
    doc.resources = [];
    expect(issuesOf(doc)).toEqual([]);
    doc.resources = [
      { name: 'r', vpc: 'vpc-prod', subnet: 'subnet-nodes', addresses: ['192.168.10.5'], securityGroups: ['sg'] },
    ];
    expect(onlyIssue(doc).message).toBe('unknown security group "sg" (none are defined)');
  });

  it('reports a peering route without nextHop', () => {
    const doc = base();
    delete ((tables(doc)[0]!.routes as Record<string, unknown>[])[0] as Record<string, unknown>).nextHop;
    expect(onlyIssue(doc)).toEqual({
      path: 'vpcs[0].routeTables[0].routes[0].nextHop',
      message: 'a peering route needs nextHop: a peering id',
    });
  });

  it('reports an SNAT source that is neither a subnet nor a CIDR', () => {
    const doc = base();
    (vpc(doc).natGateways as { snatRules: Record<string, unknown>[] }[])[0]!.snatRules[0]!.source = 'subnet-node';
    const issue = onlyIssue(doc);
    expect(issue.path).toBe('vpcs[0].natGateways[0].snatRules[0].source');
    expect(issue.message).toMatch(/^"subnet-node" is neither a subnet id nor a CIDR \(known: subnet-nodes, /);
    (vpc(doc).natGateways as { snatRules: Record<string, unknown>[] }[])[0]!.snatRules[0]!.source = '192.168.10.0/24';
    expect(issuesOf(doc)).toEqual([]);
  });

  it('reports a peering of a VPC with itself', () => {
    const doc = base();
    doc.peerings[0]!.accepterVpc = 'vpc-prod';
    expect(onlyIssue(doc)).toEqual({ path: 'peerings[0]', message: 'a peering must join two different VPCs' });
  });

  const duplicates: [string, (d: Doc) => void, string][] = [
    [
      'vpcs',
      (d: Doc) => {
        d.vpcs[1]!.id = 'vpc-prod';
      },
      'vpcs[1].id',
    ],
    [
      'securityGroups',
      (d: Doc) => {
        d.securityGroups[2]!.id = 'sg-db';
      },
      'securityGroups[2].id',
    ],
    [
      'clusters',
      (d: Doc) => {
        d.clusters[1]!.name = 'prod';
      },
      'clusters[1].name',
    ],
    [
      'resources',
      (d: Doc) => {
        d.resources[1]!.name = 'db1';
      },
      'resources[1].name',
    ],
    [
      'routeTables',
      (d: Doc) => {
        tables(d)[1]!.id = 'rtb-prod';
      },
      'vpcs[0].routeTables[1].id',
    ],
  ];
  it.each(duplicates)('reports a duplicate id in %s, pointing at the first use', (_list, duplicate, path) => {
    const doc = base();
    duplicate(doc);
    const issues = issuesOf(doc);
    const issue = issues.find((i) => i.path === path);
    expect(issue?.message).toMatch(/^"[^"]+" is already used by /);
  });

  it('reports a subnet id used in two VPCs', () => {
    const doc = base();
    vpc(doc, 1).subnets[0]!.id = 'subnet-pods';
    const issues = issuesOf(doc);
    expect(issues).toContainEqual({
      path: 'vpcs[1].subnets[0].id',
      message: '"subnet-pods" is already used by vpcs[0].subnets[1]',
    });
  });
});

describe('consistency rules', () => {
  it('needs exactly one default route table per VPC', () => {
    const none = base();
    tables(none)[0]!.default = false;
    expect(onlyIssue(none)).toEqual({
      path: 'vpcs[0].routeTables',
      message: 'exactly one route table must be default: true (found 0)',
    });
    const two = base();
    tables(two)[1]!.default = true;
    expect(onlyIssue(two).message).toBe('exactly one route table must be default: true (found 2)');
    const absent = base();
    delete vpc(absent).routeTables;
    delete vpc(absent).subnets[0]!.routeTable;
    vpc(absent).subnets[0]!.routeTable = undefined;
    expect(issuesOf(absent).filter((i) => i.path === 'vpcs[0].routeTables')).toEqual([]);
  });

  it('reports a subnet outside its VPC CIDRs, and accepts one in a secondary CIDR', () => {
    const doc = base();
    vpc(doc).subnets[2]!.cidr = '21.9.1.0/24';
    expect(onlyIssue(doc)).toEqual({
      path: 'vpcs[0].subnets[2].cidr',
      message: "21.9.1.0/24 is outside the VPC's CIDRs (192.168.0.0/16, 21.8.0.0/16)",
    });
    expect(issuesOf(base())).toEqual([]); // subnet-extra lives in the secondary 21.8.0.0/16
  });

  it('reports overlapping subnets of one VPC', () => {
    const doc = base();
    vpc(doc).subnets[2]!.cidr = '192.168.10.128/25';
    expect(onlyIssue(doc)).toEqual({
      path: 'vpcs[0].subnets[2].cidr',
      message: '192.168.10.128/25 overlaps vpcs[0].subnets[0] (192.168.10.0/24)',
    });
  });

  it('reports a resource address outside its subnet, IPv4 or IPv6', () => {
    const doc = base();
    doc.resources[0]!.addresses = ['192.168.10.52', '192.168.11.52'];
    expect(onlyIssue(doc)).toEqual({
      path: 'resources[0].addresses[1]',
      message: '192.168.11.52 is outside subnet subnet-nodes (192.168.10.0/24)',
    });
    const v6 = base();
    v6.resources[1]!.addresses = ['2407:c080:1200:11::9'];
    expect(onlyIssue(v6)).toEqual({
      path: 'resources[1].addresses[0]',
      message: '2407:c080:1200:11::9 is outside subnet subnet-pods (192.168.128.0/18, 2407:c080:1200:10::/64)',
    });
  });

  it('needs containerSubnets for an eni cluster, and not containerCidrs', () => {
    const doc = base();
    delete doc.clusters[1]!.containerSubnets;
    expect(onlyIssue(doc)).toEqual({
      path: 'clusters[1].containerSubnets',
      message: 'an eni (Cloud Native Network 2.0) cluster needs containerSubnets',
    });
    const cidrs = base();
    cidrs.clusters[1]!.containerCidrs = ['172.18.0.0/16'];
    expect(onlyIssue(cidrs).path).toBe('clusters[1].containerCidrs');
  });

  it('needs containerCidrs for vpc-router and overlay_l2 clusters, and no containerSubnets', () => {
    const doc = base();
    delete doc.clusters[0]!.containerCidrs;
    expect(onlyIssue(doc)).toEqual({
      path: 'clusters[0].containerCidrs',
      message: 'a vpc-router cluster needs containerCidrs',
    });
    const subnets = base();
    subnets.clusters[0]!.containerSubnets = ['subnet-pods'];
    expect(onlyIssue(subnets)).toEqual({
      path: 'clusters[0].containerSubnets',
      message: 'containerSubnets are for eni clusters only',
    });
  });

  it('allows nonMasqueradeCidrs only on vpc-router clusters', () => {
    const doc = base();
    doc.clusters[0]!.networkModel = 'overlay_l2';
    expect(onlyIssue(doc)).toEqual({
      path: 'clusters[0].nonMasqueradeCidrs',
      message: 'nonMasqueradeCidrs exist only for vpc-router (VPC network) clusters',
    });
  });

  it('rejects overlapping nonMasqueradeCidrs, as CCE does', () => {
    const doc = base();
    doc.clusters[0]!.nonMasqueradeCidrs = ['10.0.0.0/8', '172.16.0.0/12', '10.1.0.0/16'];
    expect(onlyIssue(doc)).toEqual({
      path: 'clusters[0].nonMasqueradeCidrs[2]',
      message: '10.1.0.0/16 overlaps nonMasqueradeCidrs[0] (10.0.0.0/8); CCE rejects overlapping entries',
    });
  });

  it('matches the protocol and remote of a rule to its ethertype', () => {
    const icmp6 = base();
    rules(icmp6)[2]!.protocol = 'icmp';
    expect(onlyIssue(icmp6)).toEqual({
      path: 'securityGroups[0].rules[2].protocol',
      message: 'icmp needs ethertype IPv4; use icmpv6 for IPv6',
    });
    const icmpv6on4 = base();
    rules(icmpv6on4)[3]!.protocol = 'icmpv6';
    expect(onlyIssue(icmpv6on4)).toEqual({
      path: 'securityGroups[0].rules[3].protocol',
      message: 'icmpv6 needs ethertype IPv6',
    });
    const remote = base();
    rules(remote)[3]!.remote = '::/0';
    expect(onlyIssue(remote)).toEqual({
      path: 'securityGroups[0].rules[3].remote',
      message: '::/0 does not match ethertype IPv4',
    });
  });

  it('reports every problem of a document, not only the first', () => {
    const doc = base();
    doc.clusters[0]!.vpc = 'nope';
    doc.resources[0]!.securityGroups = ['nope'];
    doc.peerings[0]!.accepterVpc = 'vpc-prod';
    expect(issuesOf(doc).length).toBeGreaterThanOrEqual(3);
  });
});
