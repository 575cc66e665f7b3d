// Hostile topologies: one document per list of the format, with `n` entries that are all identical,
// duplicates or unknown references — the shapes that once made validation quadratic. Used by
// test/topology/worst-case.test.ts (counted work) and bench/measure-worst-cases.ts (timed).

type Doc = Record<string, unknown>;

const vpc = (extra: Doc = {}): Doc => ({
  id: 'vpc-a',
  cidr: '10.0.0.0/16',
  subnets: [{ id: 'subnet-a', cidr: '10.0.1.0/24' }],
  ...extra,
});
const cluster = (extra: Doc = {}): Doc => ({
  name: 'prod',
  vpc: 'vpc-a',
  networkModel: 'vpc-router',
  nodeSubnets: ['subnet-a'],
  containerCidrs: ['172.16.0.0/16'],
  ...extra,
});
const repeat = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

/** Every hostile shape, by the list it fills. */
export const WORST_CASES: Record<string, (n: number) => Doc> = {
  'identical subnets': (n) => ({
    version: 1,
    vpcs: [vpc({ subnets: repeat(n, () => ({ id: 'subnet-a', cidr: '10.0.1.0/24' })) })],
  }),
  'overlapping subnets': (n) => ({
    version: 1,
    vpcs: [vpc({ subnets: repeat(n, (i) => ({ id: `s${i}`, cidr: i % 2 ? '10.0.0.0/17' : '10.0.1.0/24' })) })],
  }),
  'duplicate nonMasqueradeCidrs': (n) => ({
    version: 1,
    vpcs: [vpc()],
    clusters: [cluster({ nonMasqueradeCidrs: repeat(n, () => '10.0.0.0/8') })],
  }),
  'unknown references (distinct names)': (n) => ({
    version: 1,
    vpcs: repeat(n, (i) => vpc({ id: `vpc-${i}`, cidr: '10.0.0.0/16', subnets: [] })),
    resources: repeat(n, (i) => ({ name: `r${i}`, vpc: `vpx-${i}`, subnet: `subnet-${i}`, addresses: ['10.0.1.5'] })),
  }),
  'secondary CIDRs': (n) => ({
    version: 1,
    vpcs: [
      vpc({
        secondaryCidrs: repeat(n, () => '10.1.0.0/16'),
        subnets: repeat(n, (i) => ({ id: `s${i}`, cidr: '10.9.0.0/24' })),
      }),
    ],
  }),
  'route tables': (n) => ({
    version: 1,
    vpcs: [
      vpc({
        subnets: repeat(n, (i) => ({ id: `s${i}`, cidr: `10.0.${i % 256}.${(i >> 8) % 2 ? 128 : 0}/25` })),
        routeTables: repeat(n, (i) => ({ id: `rtb-${i}`, default: i === 0 })),
      }),
    ],
  }),
  routes: (n) => ({
    version: 1,
    vpcs: [
      vpc({
        routeTables: [
          { id: 'rtb', default: true, routes: repeat(n, () => ({ destination: '0.0.0.0/0', type: 'peering' })) },
        ],
      }),
    ],
  }),
  'SNAT rules': (n) => ({
    version: 1,
    vpcs: [
      vpc({ natGateways: [{ id: 'nat', snatRules: repeat(n, (i) => ({ source: `nope-${i}`, eip: '1.2.3.4' })) }] }),
    ],
  }),
  'NAT gateways': (n) => ({ version: 1, vpcs: [vpc({ natGateways: repeat(n, () => ({ id: 'nat' })) })] }),
  peerings: (n) => ({
    version: 1,
    vpcs: [vpc()],
    peerings: repeat(n, () => ({ id: 'pcx', requesterVpc: 'vpc-a', accepterVpc: 'vpc-a' })),
  }),
  'security groups': (n) => ({ version: 1, vpcs: [vpc()], securityGroups: repeat(n, () => ({ id: 'sg' })) }),
  'security group rules': (n) => ({
    version: 1,
    vpcs: [vpc()],
    securityGroups: [
      { id: 'sg', rules: repeat(n, (i) => ({ direction: 'ingress', remote: { securityGroup: `sg-${i}` } })) },
    ],
  }),
  'address groups': (n) => ({
    version: 1,
    vpcs: [vpc()],
    addressGroups: repeat(n, () => ({ id: 'ag', addresses: repeat(8, () => '10.0.0.0/8') })),
  }),
  'network ACL rules': (n) => ({
    version: 1,
    vpcs: [vpc()],
    networkAcls: [
      { id: 'acl', ingress: repeat(n, (i) => ({ action: 'allow', source: { addressGroup: `ag-${i}` } })), egress: [] },
    ],
  }),
  clusters: (n) => ({ version: 1, vpcs: [vpc()], clusters: repeat(n, () => cluster()) }),
  'cluster subnets': (n) => ({
    version: 1,
    vpcs: [vpc()],
    clusters: [cluster({ nodeSubnets: repeat(n, (i) => `subnet-${i}`) })],
  }),
  'container CIDRs': (n) => ({
    version: 1,
    vpcs: [vpc()],
    clusters: [cluster({ containerCidrs: repeat(n, () => '172.16.0.0/16') })],
  }),
  nodes: (n) => ({
    version: 1,
    vpcs: [vpc()],
    clusters: [cluster({ nodes: repeat(n, () => ({ name: 'node', ip: '10.0.1.5' })) })],
  }),
  workloads: (n) => ({
    version: 1,
    vpcs: [vpc()],
    clusters: [cluster({ workloads: repeat(n, (i) => ({ name: 'ns/app', securityGroups: [`sg-${i}`] })) })],
  }),
  resources: (n) => ({
    version: 1,
    vpcs: [vpc()],
    resources: repeat(n, () => ({ name: 'db', vpc: 'vpc-a', subnet: 'subnet-a', addresses: ['10.0.1.5'] })),
  }),
  'resource addresses': (n) => ({
    version: 1,
    vpcs: [vpc()],
    resources: [{ name: 'db', vpc: 'vpc-a', subnet: 'subnet-a', addresses: repeat(n, () => '10.9.9.9') }],
  }),
};
