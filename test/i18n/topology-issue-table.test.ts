// One broken document per message of the topology-issue catalog: the issue it gets carries exactly that message's
// texts, its English is the wording the format has always reported (written out here, not computed), and its Chinese
// leaves no English word but the file's own keys, ids and values. A message added to the catalog without a case here
// does not type-check. Zod's own messages (enums, literals, sizes) are checked in Chinese at the end.
import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/i18n.js';
import { localized, type Message } from '../../src/i18n/message.js';
import { topologyIssues as T } from '../../src/i18n/messages/topology-issues.js';
import { formatIssues, issueText, type TopologyIssue } from '../../src/topology/errors.js';
import { parseTopology, type TopologyResult, validateTopology } from '../../src/topology/load.js';
import { PROTOCOLS } from '../../src/topology/schema.js';
import { TOPOLOGY_FILE_WORDS, wordsOf } from './topology-words.js';
import { untranslatedWords } from './untranslated.js';

const ZH = i18n('zh');

type Id = keyof typeof T;
type ParamsOf<K extends Id> = (typeof T)[K] extends Message<infer P> ? P : never;

/** A broken document (data, or text to parse), where its issue is and what it says in English. */
interface Case<P> {
  readonly doc?: Record<string, unknown>;
  readonly text?: string;
  readonly path: string;
  readonly en: string;
  readonly params: P;
}

/** The messages that are issues; `topology.issues.count` heads a list of them (tested below). */
type IssueId = Exclude<Id, 'topology.issues.count'>;

const v1 = (rest: Record<string, unknown>) => ({ version: 1, ...rest });

/** A VPC with one subnet and one default route table, for the whole-document checks. */
const vpcA = (extra: Record<string, unknown> = {}) => ({
  id: 'vpc-a',
  cidr: '10.0.0.0/16',
  subnets: [{ id: 's-1', cidr: '10.0.1.0/24' }],
  routeTables: [{ id: 'rtb-1', default: true }],
  ...extra,
});

/** A cluster in vpc-a, valid unless `extra` breaks it. */
const clusterA = (extra: Record<string, unknown> = {}) => ({
  name: 'prod',
  vpc: 'vpc-a',
  networkModel: 'vpc-router',
  nodeSubnets: ['s-1'],
  containerCidrs: ['172.16.0.0/16'],
  ...extra,
});

/** An enterprise router with vpc-a attached, valid unless `extra` breaks it. */
const erA = (extra: Record<string, unknown> = {}) => ({
  id: 'er-1',
  attachments: [
    { id: 'att-1', type: 'vpc', vpc: 'vpc-a', subnet: 's-1' },
    { id: 'att-2', type: 'vpn', cidrs: ['192.168.0.0/16'] },
  ],
  ...extra,
});

/** A NetworkPolicy in namespace pay whose egress is `egress`. */
const policy = (egress: unknown[]) => ({
  metadata: { name: 'p', namespace: 'pay' },
  spec: { podSelector: {}, policyTypes: ['Egress'], egress },
});

const ALIASES = `a: &a [${Array(10).fill('x').join(',')}]\n${Array.from(
  { length: 7 },
  (_, i) =>
    `b${i}: &b${i} [${Array(10)
      .fill(i ? `*b${i - 1}` : '*a')
      .join(',')}]`,
).join('\n')}\n`;

const CASES: { readonly [K in IssueId]: Case<ParamsOf<K>> | readonly Case<ParamsOf<K>>[] } = {
  'topology.issues.more': {
    doc: v1({
      vpcs: [
        {
          id: 'v',
          cidr: '10.0.0.0/8',
          subnets: Array.from({ length: 1003 }, (_, i) => ({ id: 's', cidr: `10.${i >> 8}.${i & 255}.0/24` })),
        },
      ],
    }),
    path: '',
    en: '... and 2 more issues (fix these first)',
    params: { more: 2 },
  },
  'topology.issue.yaml-syntax': {
    text: 'version: 1\n  vpcs: []\n',
    path: '',
    en: 'bad indentation of a mapping entry',
    params: { reason: 'bad indentation of a mapping entry' },
  },
  'topology.issue.amplified': {
    text: ALIASES,
    path: '',
    en: `the document expands to more than ${10_000 + 10 * ALIASES.length} values from ${ALIASES.length} characters (more than 10 values per character: YAML aliases?); write the values out or use JSON`,
    params: { allowance: 10_000 + 10 * ALIASES.length, length: ALIASES.length, ratio: 10 },
  },
  'topology.issue.unknown-keys': [
    {
      doc: v1({ colour: 'blue' }),
      path: '',
      en: 'unknown key "colour" (unknown keys are rejected so that a typo never changes a verdict)',
      params: { keys: ['colour'] },
    },
    {
      doc: v1({ vpcs: [{ id: 'v', cidr: '10.0.0.0/16', cidrs: [], subnet: [] }] }),
      path: 'vpcs[0]',
      en: 'unknown keys "cidrs", "subnet" (unknown keys are rejected so that a typo never changes a verdict)',
      params: { keys: ['cidrs', 'subnet'] },
    },
  ],
  'topology.issue.required': {
    doc: v1({ vpcs: [{ cidr: '10.0.0.0/16' }] }),
    path: 'vpcs[0].id',
    en: 'is required',
    params: undefined,
  },
  'topology.issue.wrong-type': [
    {
      doc: v1({ vpcs: 'none' }),
      path: 'vpcs',
      en: 'must be a list, not the string "none"',
      params: { expected: 'array', value: { shape: 'string', json: '"none"' } },
    },
    {
      doc: v1({ vpcs: [null] }),
      path: 'vpcs[0]',
      en: 'must be a mapping, not null',
      params: { expected: 'object', value: { shape: 'null' } },
    },
    {
      doc: v1({ vpcs: [{ id: 5, cidr: '10.0.0.0/16' }] }),
      path: 'vpcs[0].id',
      en: 'must be a string, not the number 5',
      params: { expected: 'string', value: { shape: 'number', json: '5' } },
    },
    {
      doc: v1({
        resources: [
          { name: 'r', vpc: 'v', subnet: 's', addresses: ['10.0.0.1'], ports: [{ protocol: 'tcp', port: 1.5 }] },
        ],
      }),
      path: 'resources[0].ports[0].port',
      en: 'must be a int, not the number 1.5',
      params: { expected: 'int', value: { shape: 'number', json: '1.5' } },
    },
  ],
  'topology.issue.not-empty': {
    doc: v1({ vpcs: [{ id: '', cidr: '10.0.0.0/16' }] }),
    path: 'vpcs[0].id',
    en: 'must not be empty',
    params: undefined,
  },
  'topology.issue.give-reason': {
    doc: v1({ vpcs: [vpcA({ routeTables: [{ id: 'rtb-1', default: true, unread: '' }] })] }),
    path: 'vpcs[0].routeTables[0].unread',
    en: 'must give the reason',
    params: undefined,
  },
  'topology.issue.protocol': {
    doc: v1({ securityGroups: [{ id: 'sg', rules: [{ direction: 'ingress', protocol: 'smtp' }] }] }),
    path: 'securityGroups[0].rules[0].protocol',
    en: 'must be one of tcp, udp, icmp, icmpv6, any or an IP protocol number 0-255',
    params: { protocols: PROTOCOLS },
  },
  'topology.issue.record-type': {
    doc: v1({
      dnsZones: [{ name: 'z.example.com', vpcs: ['vpc-a'], records: [{ name: 'c', type: 'MX', values: ['x'] }] }],
    }),
    path: 'dnsZones[0].records[0].type',
    en: 'must be A, AAAA or CNAME (the record types that lead to an address)',
    params: undefined,
  },
  'topology.issue.version': [
    {
      doc: { version: 2 },
      path: 'version',
      en: 'must be 1 (the only topology version this reachbot reads)',
      params: undefined,
    },
  ],
  'topology.issue.not-ip': {
    doc: v1({ resources: [{ name: 'r', vpc: 'v', subnet: 's', addresses: ['not-an-ip'] }] }),
    path: 'resources[0].addresses[0]',
    en: '"not-an-ip" is not an IP address',
    params: { value: 'not-an-ip' },
  },
  'topology.issue.not-cidr': {
    doc: v1({ vpcs: [{ id: 'v', cidr: 'prod/16' }] }),
    path: 'vpcs[0].cidr',
    en: '"prod/16" is not a CIDR',
    params: { value: 'prod/16' },
  },
  'topology.issue.host-bits': {
    doc: v1({ vpcs: [{ id: 'v', cidr: '10.0.0.1/16' }] }),
    path: 'vpcs[0].cidr',
    en: '"10.0.0.1/16" has host bits set: did you mean 10.0.0.0/16 (or 10.0.0.1/32 for the single address)?',
    params: { value: '10.0.0.1/16', canonical: '10.0.0.0/16', single: '10.0.0.1/32' },
  },
  'topology.issue.not-range': {
    doc: v1({ addressGroups: [{ id: 'ag', addresses: ['10.0.0.9-10.0.0.1'] }] }),
    path: 'addressGroups[0].addresses[0]',
    en: '"10.0.0.9-10.0.0.1" is not an address range (first-last, same family, ascending)',
    params: { value: '10.0.0.9-10.0.0.1' },
  },
  'topology.issue.not-port-list': {
    doc: v1({ securityGroups: [{ id: 'sg', rules: [{ direction: 'ingress', ports: 'http' }] }] }),
    path: 'securityGroups[0].rules[0].ports',
    en: '"http" is not a port list (e.g. "3306", "3300-3310", "22,3306")',
    params: { value: 'http' },
  },
  'topology.issue.port-out-of-range': {
    doc: v1({ securityGroups: [{ id: 'sg', rules: [{ direction: 'ingress', ports: '99999' }] }] }),
    path: 'securityGroups[0].rules[0].ports',
    en: '"99999" in "99999" is outside 0-65535 or not ascending',
    params: { part: '99999', value: '99999', min: 0, max: 65535 },
  },
  'topology.issue.network-model': {
    doc: v1({ clusters: [clusterA({ networkModel: 'flannel' })] }),
    path: 'clusters[0].networkModel',
    en: '"flannel" is not a network model: use overlay_l2 (tunnel), vpc-router (vpc) or eni (cnn2)',
    params: { value: 'flannel' },
  },
  'topology.issue.not-host-name': [
    {
      doc: v1({ dnsZones: [{ name: '-bad-', vpcs: ['vpc-a'] }] }),
      path: 'dnsZones[0].name',
      en: '"-bad-" is not a host name (labels of letters, digits, "-" and "_")',
      params: { value: '-bad-', labels: true },
    },
    {
      doc: v1({
        dnsZones: [
          { name: 'z.example.com', vpcs: ['vpc-a'], records: [{ name: 'c', type: 'CNAME', values: ['x..y'] }] },
        ],
      }),
      path: 'dnsZones[0].records[0].values[0]',
      en: '"x..y" is not a host name',
      params: { value: 'x..y', labels: false },
    },
  ],
  'topology.issue.not-in-zone': {
    doc: v1({
      dnsZones: [
        {
          name: 'z.example.com',
          vpcs: ['vpc-a'],
          records: [{ name: 'db.other.com.', type: 'A', values: ['10.0.0.1'] }],
        },
      ],
    }),
    path: 'dnsZones[0].records[0].name',
    en: '"db.other.com." is not a host name in zone z.example.com',
    params: { value: 'db.other.com.', zone: 'z.example.com' },
  },
  'topology.issue.not-family-address': {
    doc: v1({
      dnsZones: [
        { name: 'z.example.com', vpcs: ['vpc-a'], records: [{ name: 'd', type: 'AAAA', values: ['10.0.0.1'] }] },
      ],
    }),
    path: 'dnsZones[0].records[0].values[0]',
    en: '"10.0.0.1" is not an IPv6 address (AAAA)',
    params: { value: '10.0.0.1', family: 6, type: 'AAAA' },
  },
  'topology.issue.record-value': {
    doc: v1({
      dnsZones: [{ name: 'z.example.com', vpcs: ['vpc-a'], records: [{ name: 'e', type: 'A', values: [] }] }],
    }),
    path: 'dnsZones[0].records[0].values',
    en: 'a record needs at least one value',
    params: undefined,
  },
  'topology.issue.cname-one-value': {
    doc: v1({
      dnsZones: [
        {
          name: 'z.example.com',
          vpcs: ['vpc-a'],
          records: [{ name: 'e', type: 'CNAME', values: ['a.z.example.com', 'b.z.example.com'] }],
        },
      ],
    }),
    path: 'dnsZones[0].records[0].values',
    en: 'a CNAME record has exactly one value',
    params: undefined,
  },
  'topology.issue.region': {
    doc: v1({ region: 'Beijing' }),
    path: 'region',
    en: 'must be a Huawei Cloud region id like cn-north-4',
    params: undefined,
  },
  'topology.issue.project': {
    doc: v1({ project: 'my-project' }),
    path: 'project',
    en: 'must be a Huawei Cloud project id (32 hexadecimal characters)',
    params: undefined,
  },
  'topology.issue.node-subnet': {
    doc: v1({ clusters: [clusterA({ nodeSubnets: [] })] }),
    path: 'clusters[0].nodeSubnets',
    en: 'a cluster needs at least one node subnet',
    params: undefined,
  },
  'topology.issue.resource-address': {
    doc: v1({ resources: [{ name: 'r', vpc: 'v', subnet: 's', addresses: [] }] }),
    path: 'resources[0].addresses',
    en: 'a resource needs at least one address',
    params: undefined,
  },
  'topology.issue.duplicate': {
    doc: v1({ securityGroups: [{ id: 'sg-1' }, { id: 'sg-1' }] }),
    path: 'securityGroups[1].id',
    en: '"sg-1" is already used by securityGroups[0]',
    params: { value: 'sg-1', first: 'securityGroups[0]' },
  },
  'topology.issue.unknown-reference': [
    {
      doc: v1({
        vpcs: [
          vpcA({
            subnets: [{ id: 's-1', cidr: '10.0.1.0/24', routeTable: 'rtb-nope' }],
            routeTables: [{ id: 'rtb-1', default: true }, { id: 'rtb-2' }],
          }),
        ],
      }),
      path: 'vpcs[0].subnets[0].routeTable',
      en: 'unknown route table of vpc-a "rtb-nope" (known: rtb-1, rtb-2)',
      params: {
        what: { kind: 'routeTableOf', of: 'vpc-a' },
        value: 'rtb-nope',
        known: { names: ['rtb-1', 'rtb-2'], more: false },
      },
    },
    {
      doc: v1({ vpcs: [vpcA({ subnets: [{ id: 's-1', cidr: '10.0.1.0/24', networkAcl: 'acl-1' }] })] }),
      path: 'vpcs[0].subnets[0].networkAcl',
      en: 'unknown network ACL "acl-1" (none are defined)',
      params: { what: { kind: 'networkAcl' }, value: 'acl-1', known: { names: [], more: false } },
    },
    {
      doc: v1({
        securityGroups: [
          ...['sg-a', 'sg-b', 'sg-c', 'sg-d', 'sg-e', 'sg-f'].map((id) => ({ id })),
          { id: 'sg-g', rules: [{ direction: 'ingress', remote: { securityGroup: 'sg-x' } }] },
        ],
      }),
      path: 'securityGroups[6].rules[0].remote.securityGroup',
      en: 'unknown security group "sg-x" (known: sg-a, sg-b, sg-c, sg-d, sg-e, ...)',
      params: {
        what: { kind: 'securityGroup' },
        value: 'sg-x',
        known: { names: ['sg-a', 'sg-b', 'sg-c', 'sg-d', 'sg-e'], more: true },
      },
    },
  ],
  'topology.issue.overlaps': {
    doc: v1({ vpcs: [vpcA({ secondaryCidrs: ['10.0.128.0/17'] })] }),
    path: 'vpcs[0].secondaryCidrs[0]',
    en: '10.0.128.0/17 overlaps vpcs[0].cidr (10.0.0.0/16)',
    params: { cidr: '10.0.128.0/17', other: 'vpcs[0].cidr', otherCidr: '10.0.0.0/16' },
  },
  'topology.issue.one-default-table': {
    doc: v1({ vpcs: [vpcA({ routeTables: [{ id: 'rtb-1' }] })] }),
    path: 'vpcs[0].routeTables',
    en: 'exactly one route table must be default: true (found 0)',
    params: { found: 0 },
  },
  'topology.issue.outside-vpc': {
    doc: v1({ vpcs: [vpcA({ subnets: [{ id: 's-1', cidr: '10.9.0.0/24' }] })] }),
    path: 'vpcs[0].subnets[0].cidr',
    en: "10.9.0.0/24 is outside the VPC's CIDRs (10.0.0.0/16)",
    params: { cidr: '10.9.0.0/24', blocks: ['10.0.0.0/16'], more: 0 },
  },
  'topology.issue.duplicate-destination': {
    doc: v1({
      vpcs: [
        vpcA({
          routeTables: [
            {
              id: 'rtb-1',
              default: true,
              routes: [
                { destination: '10.5.0.0/16', type: 'vpn' },
                { destination: '10.5.0.0/16', type: 'dc' },
              ],
            },
          ],
        }),
      ],
    }),
    path: 'vpcs[0].routeTables[0].routes[1].destination',
    en: '10.5.0.0/16 is already the destination of vpcs[0].routeTables[0].routes[0]',
    params: { destination: '10.5.0.0/16', first: 'vpcs[0].routeTables[0].routes[0]' },
  },
  'topology.issue.peering-next-hop': {
    doc: v1({
      vpcs: [
        vpcA({
          routeTables: [{ id: 'rtb-1', default: true, routes: [{ destination: '10.1.0.0/16', type: 'peering' }] }],
        }),
      ],
    }),
    path: 'vpcs[0].routeTables[0].routes[0].nextHop',
    en: 'a peering route needs nextHop: a peering id',
    params: undefined,
  },
  'topology.issue.er-next-hop': {
    doc: v1({
      vpcs: [
        vpcA({ routeTables: [{ id: 'rtb-1', default: true, routes: [{ destination: '10.2.0.0/16', type: 'er' }] }] }),
      ],
      enterpriseRouters: [erA()],
    }),
    path: 'vpcs[0].routeTables[0].routes[0].nextHop',
    en: 'an er route needs nextHop: an enterprise router id',
    params: undefined,
  },
  'topology.issue.snat-source': {
    doc: v1({ vpcs: [vpcA({ natGateways: [{ id: 'nat', snatRules: [{ source: 's-2', eip: '203.0.113.7' }] }] })] }),
    path: 'vpcs[0].natGateways[0].snatRules[0].source',
    en: '"s-2" is neither a subnet id nor a CIDR (known: s-1)',
    params: { value: 's-2', known: { names: ['s-1'], more: false } },
  },
  'topology.issue.peering-same-vpc': {
    doc: v1({ vpcs: [vpcA()], peerings: [{ id: 'pcx', requesterVpc: 'vpc-a', accepterVpc: 'vpc-a' }] }),
    path: 'peerings[0]',
    en: 'a peering must join two different VPCs',
    params: undefined,
  },
  'topology.issue.attachment-vpc': {
    doc: v1({ vpcs: [vpcA()], enterpriseRouters: [erA({ attachments: [{ id: 'att-1', subnet: 's-1' }] })] }),
    path: 'enterpriseRouters[0].attachments[0].vpc',
    en: 'a vpc attachment needs vpc: a VPC id',
    params: undefined,
  },
  'topology.issue.attachment-subnet': {
    doc: v1({ vpcs: [vpcA()], enterpriseRouters: [erA({ attachments: [{ id: 'att-1', vpc: 'vpc-a' }] })] }),
    path: 'enterpriseRouters[0].attachments[0].subnet',
    en: 'a vpc attachment needs subnet: a subnet of its VPC',
    params: undefined,
  },
  'topology.issue.attachment-cidrs': {
    doc: v1({
      vpcs: [vpcA()],
      enterpriseRouters: [erA({ attachments: [{ id: 'att-1', vpc: 'vpc-a', subnet: 's-1', cidrs: ['10.0.0.0/16'] }] })],
    }),
    path: 'enterpriseRouters[0].attachments[0].cidrs',
    en: "a vpc attachment propagates its VPC's CIDR blocks: cidrs are for vpn, vgw and peering attachments",
    params: undefined,
  },
  'topology.issue.attachment-no-vpc': {
    doc: v1({
      vpcs: [vpcA()],
      enterpriseRouters: [erA({ attachments: [{ id: 'att-2', type: 'vgw', vpc: 'vpc-a' }] })],
    }),
    path: 'enterpriseRouters[0].attachments[0].vpc',
    en: 'a vgw attachment has no VPC or subnet: only vpc attachments do',
    params: { type: 'vgw' },
  },
  'topology.issue.associated-twice': {
    doc: v1({
      vpcs: [vpcA()],
      enterpriseRouters: [
        erA({
          routeTables: [
            { id: 'ert-1', associations: ['att-1'] },
            { id: 'ert-2', associations: ['att-1'] },
          ],
        }),
      ],
    }),
    path: 'enterpriseRouters[0].routeTables[1].associations[0]',
    en: 'attachment "att-1" is already associated at enterpriseRouters[0].routeTables[0].associations[0]: an attachment is associated with one route table at most',
    params: { attachment: 'att-1', first: 'enterpriseRouters[0].routeTables[0].associations[0]' },
  },
  'topology.issue.propagated-twice': {
    doc: v1({
      vpcs: [vpcA()],
      enterpriseRouters: [erA({ routeTables: [{ id: 'ert-1', propagations: ['att-2', 'att-2'] }] })],
    }),
    path: 'enterpriseRouters[0].routeTables[0].propagations[1]',
    en: 'attachment "att-2" already propagates into ert-1',
    params: { attachment: 'att-2', table: 'ert-1' },
  },
  'topology.issue.blackhole-attachment': {
    doc: v1({
      vpcs: [vpcA()],
      enterpriseRouters: [
        erA({
          routeTables: [{ id: 'ert-1', routes: [{ destination: '0.0.0.0/0', blackhole: true, attachment: 'att-1' }] }],
        }),
      ],
    }),
    path: 'enterpriseRouters[0].routeTables[0].routes[0].attachment',
    en: 'a blackhole route has no attachment',
    params: undefined,
  },
  'topology.issue.static-attachment': {
    doc: v1({
      vpcs: [vpcA()],
      enterpriseRouters: [erA({ routeTables: [{ id: 'ert-1', routes: [{ destination: '10.5.0.0/16' }] }] })],
    }),
    path: 'enterpriseRouters[0].routeTables[0].routes[0]',
    en: 'a static route needs attachment: an attachment id (or blackhole: true)',
    params: undefined,
  },
  'topology.issue.routed-twice': {
    doc: v1({
      vpcs: [vpcA()],
      enterpriseRouters: [
        erA({
          routeTables: [
            {
              id: 'ert-1',
              routes: [
                { destination: '10.5.0.0/16', attachment: 'att-1' },
                { destination: '10.5.0.0/16', attachment: 'att-2' },
              ],
            },
          ],
        }),
      ],
    }),
    path: 'enterpriseRouters[0].routeTables[0].routes[1].destination',
    en: '10.5.0.0/16 is already routed by enterpriseRouters[0].routeTables[0].routes[0]: one static route per destination',
    params: { destination: '10.5.0.0/16', first: 'enterpriseRouters[0].routeTables[0].routes[0]' },
  },
  'topology.issue.ethertype': {
    doc: v1({ securityGroups: [{ id: 'sg-1', rules: [{ direction: 'ingress', remote: '2407:c080::/32' }] }] }),
    path: 'securityGroups[0].rules[0].remote',
    en: '2407:c080::/32 does not match ethertype IPv4',
    params: { remote: '2407:c080::/32', ethertype: 'IPv4' },
  },
  'topology.issue.icmp-v4': {
    doc: v1({
      securityGroups: [
        { id: 'sg-1', rules: [{ direction: 'ingress', ethertype: 'IPv6', protocol: 'icmp', remote: '::/0' }] },
      ],
    }),
    path: 'securityGroups[0].rules[0].protocol',
    en: 'icmp needs ethertype IPv4; use icmpv6 for IPv6',
    params: undefined,
  },
  'topology.issue.icmp-v6': {
    doc: v1({
      securityGroups: [{ id: 'sg-1', rules: [{ direction: 'egress', protocol: 'icmpv6', remote: '10.0.0.0/8' }] }],
    }),
    path: 'securityGroups[0].rules[0].protocol',
    en: 'icmpv6 needs ethertype IPv6',
    params: undefined,
  },
  'topology.issue.eni-needs-subnets': {
    doc: v1({ vpcs: [vpcA()], clusters: [clusterA({ networkModel: 'eni', containerCidrs: undefined })] }),
    path: 'clusters[0].containerSubnets',
    en: 'an eni (Cloud Native Network 2.0) cluster needs containerSubnets',
    params: undefined,
  },
  'topology.issue.eni-no-cidrs': {
    doc: v1({ vpcs: [vpcA()], clusters: [clusterA({ networkModel: 'cnn2', containerSubnets: ['s-1'] })] }),
    path: 'clusters[0].containerCidrs',
    en: 'an eni cluster takes pod IPs from containerSubnets, not containerCidrs',
    params: undefined,
  },
  'topology.issue.needs-container-cidrs': {
    doc: v1({ vpcs: [vpcA()], clusters: [clusterA({ networkModel: 'tunnel', containerCidrs: undefined })] }),
    path: 'clusters[0].containerCidrs',
    en: 'a overlay_l2 cluster needs containerCidrs',
    params: { model: 'overlay_l2' },
  },
  'topology.issue.subnets-eni-only': {
    doc: v1({ vpcs: [vpcA()], clusters: [clusterA({ containerSubnets: ['s-1'] })] }),
    path: 'clusters[0].containerSubnets',
    en: 'containerSubnets are for eni clusters only',
    params: undefined,
  },
  'topology.issue.non-masquerade-model': {
    doc: v1({
      vpcs: [vpcA()],
      clusters: [clusterA({ networkModel: 'overlay_l2', nonMasqueradeCidrs: ['10.0.0.0/8'] })],
    }),
    path: 'clusters[0].nonMasqueradeCidrs',
    en: 'nonMasqueradeCidrs exist only for vpc-router (VPC network) clusters',
    params: undefined,
  },
  'topology.issue.non-masquerade-overlap': {
    doc: v1({ vpcs: [vpcA()], clusters: [clusterA({ nonMasqueradeCidrs: ['10.0.0.0/8', '10.1.0.0/16'] })] }),
    path: 'clusters[0].nonMasqueradeCidrs[1]',
    en: '10.1.0.0/16 overlaps nonMasqueradeCidrs[0] (10.0.0.0/8); CCE rejects overlapping entries',
    params: { cidr: '10.1.0.0/16', other: 0, otherCidr: '10.0.0.0/8' },
  },
  'topology.issue.outside-subnet': {
    doc: v1({ vpcs: [vpcA()], resources: [{ name: 'db', vpc: 'vpc-a', subnet: 's-1', addresses: ['10.0.2.9'] }] }),
    path: 'resources[0].addresses[0]',
    en: '10.0.2.9 is outside subnet s-1 (10.0.1.0/24)',
    params: { address: '10.0.2.9', subnet: 's-1', blocks: ['10.0.1.0/24'] },
  },
  'topology.issue.zone-twice': {
    doc: v1({
      vpcs: [vpcA()],
      dnsZones: [
        { name: 'z.example.com', vpcs: ['vpc-a'] },
        { name: 'z.example.com', vpcs: ['vpc-a'] },
      ],
    }),
    path: 'dnsZones[1].vpcs[0]',
    en: 'VPC vpc-a is already associated with zone z.example.com at dnsZones[0]',
    params: { vpc: 'vpc-a', zone: 'z.example.com', other: 'dnsZones[0]' },
  },
  'topology.issue.cname-alone': {
    doc: v1({
      vpcs: [vpcA()],
      dnsZones: [
        {
          name: 'z.example.com',
          vpcs: ['vpc-a'],
          records: [
            { name: 'a', type: 'A', values: ['10.0.1.5'] },
            { name: 'a', type: 'CNAME', values: ['b.z.example.com'] },
          ],
        },
      ],
    }),
    path: 'dnsZones[0].records[1]',
    en: "a.z.example.com has a CNAME and other records; a CNAME must be the name's only record",
    params: { name: 'a.z.example.com' },
  },
  'topology.issue.declared-twice': {
    doc: v1({ vpcs: [vpcA()], clusters: [clusterA({ namespaces: [{ name: 'pay' }, { name: 'pay' }] })] }),
    path: 'clusters[0].namespaces[1]',
    en: 'namespace "pay" is already declared at clusters[0].namespaces[0]',
    params: { what: 'namespace', key: 'pay', first: 'clusters[0].namespaces[0]' },
  },
  'topology.issue.namespace-mismatch': {
    doc: v1({ vpcs: [vpcA()], clusters: [clusterA({ workloads: [{ name: 'pay/api', namespace: 'shop' }] })] }),
    path: 'clusters[0].workloads[0].namespace',
    en: 'namespace "shop" differs from the namespace in the name "pay/api"',
    params: { namespace: 'shop', name: 'pay/api' },
  },
  'topology.issue.ip-block-alone': {
    doc: v1({
      vpcs: [vpcA()],
      clusters: [
        clusterA({ networkPolicies: [policy([{ to: [{ ipBlock: { cidr: '10.0.0.0/16' }, podSelector: {} }] }])] }),
      ],
    }),
    path: 'clusters[0].networkPolicies[0].spec.egress[0].to[0]',
    en: 'ipBlock cannot be combined with podSelector or namespaceSelector',
    params: undefined,
  },
  'topology.issue.except-inside': {
    doc: v1({
      vpcs: [vpcA()],
      clusters: [
        clusterA({
          networkPolicies: [policy([{ to: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.9.0.0/24'] } }] }])],
        }),
      ],
    }),
    path: 'clusters[0].networkPolicies[0].spec.egress[0].to[0].ipBlock.except[0]',
    en: '10.9.0.0/24 is not inside 10.0.0.0/16',
    params: { except: '10.9.0.0/24', cidr: '10.0.0.0/16' },
  },
  'topology.issue.end-port': {
    doc: v1({
      vpcs: [vpcA()],
      clusters: [clusterA({ networkPolicies: [policy([{ ports: [{ port: 'http', endPort: 90 }] }])] })],
    }),
    path: 'clusters[0].networkPolicies[0].spec.egress[0].ports[0].endPort',
    en: 'endPort needs a numeric port no greater than it',
    params: undefined,
  },
  'topology.issue.dataplane-v2': {
    doc: v1({ vpcs: [vpcA()], clusters: [clusterA({ networkModel: 'overlay_l2', dataPlaneV2: true })] }),
    path: 'clusters[0].dataPlaneV2',
    en: 'DataPlane V2 exists only for vpc-router and eni clusters; tunnel clusters enforce policies without it',
    params: undefined,
  },
};

function issuesOf(c: { doc?: unknown; text?: string }): readonly TopologyIssue[] {
  const result: TopologyResult = c.text !== undefined ? parseTopology(c.text) : validateTopology(c.doc);
  if (result.ok) throw new Error('expected the document to be invalid');
  return result.issues;
}

/** Each issue has a Chinese text with no English word but the file's own, and its English is its `message`. */
function expectChinese(issues: readonly TopologyIssue[], source: unknown) {
  const allowed = [...wordsOf(source), ...TOPOLOGY_FILE_WORDS];
  for (const issue of issues) {
    expect(issue.text?.en).toBe(issue.message);
    const zh = issueText(issue, ZH);
    expect(zh, issue.message).toMatch(/[\u4e00-\u9fff]/);
    expect(untranslatedWords(zh, allowed), `${issue.path}: ${zh}`).toEqual([]);
  }
}

const rows = Object.entries(CASES).flatMap(([id, cases]) =>
  (Array.isArray(cases) ? cases : [cases]).map((c: Case<unknown>, n) => ({ id: id as IssueId, n, c })),
);

describe('every topology issue message', () => {
  it('has a case for each message of the catalog', () => {
    // The type of CASES already demands it; this fails if the catalog test's enumeration and this one drift.
    expect(new Set(rows.map((r) => r.id))).toEqual(
      new Set(Object.keys(T).filter((id) => id !== 'topology.issues.count')),
    );
  });

  it.each(rows)('$id ($n): the issue carries the message in every language, English as always', ({ id, c }) => {
    const issues = issuesOf(c);
    const found = issues.find((issue) => issue.path === c.path && issue.message === c.en);
    expect(found, issues.map((i) => `${i.path}: ${i.message}`).join('\n')).toBeDefined();
    expect(found!.text).toEqual(localized(T[id] as Message<unknown>, c.params));
    expectChinese(issues, c.doc ?? c.text);
  });

  it('heads a list of issues with their count, in the reader language', () => {
    const issues = issuesOf({ doc: v1({ securityGroups: [{ id: 'sg' }, { id: 'sg' }, { id: 'sg' }] }) });
    expect(formatIssues(issues, 'f.yaml', ZH).split('\n')[0]).toBe('共 2 个问题：');
    expect(formatIssues(issues, 'f.yaml').split('\n')[0]).toBe('2 problems:');
  });

  it('keeps every language of an issue through a structured clone (the sync prepares topologies in a worker)', () => {
    const [issue] = issuesOf({
      doc: v1({ vpcs: [vpcA()], peerings: [{ id: 'p', requesterVpc: 'vpc-a', accepterVpc: 'vpc-a' }] }),
    });
    const copy = structuredClone(issue!);
    expect(issueText(copy, ZH)).toBe('对等连接必须连接两个不同的 VPC');
    expect(issueText(copy)).toBe('a peering must join two different VPCs');
  });
});

describe('a value no form of a union takes', () => {
  const rule = (extra: Record<string, unknown>) => ({ direction: 'ingress', ...extra });
  const doc = v1({
    securityGroups: [
      {
        id: 'sg',
        rules: [rule({ remote: 'prod' }), rule({ remote: { foo: 'x' } }), rule({ remote: 5 }), rule({ ports: true })],
      },
    ],
  });

  it("says what the one form taking its type needs, else zod's 'Invalid input'", () => {
    const issues = issuesOf({ doc });
    // A string is a CIDR's form: its need. A mapping fits two forms, a number or a boolean none: naming one would mislead.
    expect(issues.map((i) => [i.path, i.message, issueText(i, ZH)])).toEqual([
      ['securityGroups[0].rules[0].remote', '"prod" is not a CIDR', '“prod”不是 CIDR 网段'],
      ['securityGroups[0].rules[1].remote', 'Invalid input', '无效输入'],
      ['securityGroups[0].rules[2].remote', 'Invalid input', '无效输入'],
      ['securityGroups[0].rules[3].ports', 'Invalid input', '无效输入'],
    ]);
  });
});

describe("zod's own messages", () => {
  // The checks reachbot does not word itself: zod's zh-CN locale, with the kind of value said in Chinese.
  it.each([
    {
      doc: v1({ securityGroups: [{ id: 'sg', rules: [{ direction: 'in', priority: 101 }] }] }),
      zh: ['无效选项：期望以下之一 "ingress"|"egress"', '数值过大：期望 数字 <=100'],
    },
    {
      doc: v1({
        vpcs: [
          {
            id: 'v',
            cidr: '10.0.0.0/16',
            routeTables: [{ id: 'r', routes: [{ destination: '10.0.0.0/8', type: 'bogus' }] }],
          },
        ],
      }),
      zh: [/^无效选项：期望以下之一 "local"\|"peering"\|/],
    },
    {
      doc: v1({
        clusters: [
          clusterA({
            namespaces: [{ name: '' }],
            securityGroupResources: [{ metadata: { name: 's' }, spec: { podSelector: {}, securityGroups: [] } }],
          }),
        ],
      }),
      zh: ['数值过小：期望 字符串 >=1 字符', '数值过小：期望 列表 >=1 项'],
    },
    {
      doc: v1({
        clusters: [
          clusterA({ networkPolicies: [{ apiVersion: 'v1', metadata: { name: 'p' }, spec: { podSelector: {} } }] }),
        ],
      }),
      zh: ['无效输入：期望 "networking.k8s.io/v1"'],
    },
  ])('says them in Chinese: $zh', ({ doc, zh }) => {
    const issues = issuesOf({ doc });
    const said = issues.map((issue) => issueText(issue, ZH));
    for (const expected of zh) {
      if (typeof expected === 'string') expect(said).toContain(expected);
      else
        expect(
          said.some((text) => expected.test(text)),
          said.join('\n'),
        ).toBe(true);
    }
    expectChinese(issues, doc);
  });
});
