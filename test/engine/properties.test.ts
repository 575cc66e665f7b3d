// Properties over generated topologies: fixes are verified (applying every fix of an unreachable
// diagnosis makes it reachable, unless a replan remains or the answer turns uncertain), and diagnose
// throws nothing but QuestionError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/answer/diagnose.js';
import { flowsOf } from '../../src/engine/diagnosis.js';
import { applyFixes } from '../../src/engine/fixes/apply.js';
import { patchCompiled } from '../../src/engine/fixes/patch.js';
import { QuestionError } from '../../src/question/errors.js';
import type { Question } from '../../src/question/question.js';
import { compileTopology } from '../../src/topology/compile.js';
import { validateTopology } from '../../src/topology/load.js';
import type { Topology, TopologyInput } from '../../src/topology/schema.js';

type SgRules = NonNullable<NonNullable<TopologyInput['securityGroups']>[number]['rules']>;

const remotes = [
  undefined,
  '172.16.0.0/16',
  '172.16.0.0/17',
  '192.168.10.0/24',
  '192.168.30.0/24',
  '192.168.10.11',
  '0.0.0.0/0',
  { securityGroup: 'sg-node' },
  { securityGroup: 'sg-eni' },
  { addressGroup: 'ag-1' },
] as const;

const sgRule = (direction: 'ingress' | 'egress') =>
  fc.record({
    direction: fc.constant(direction),
    protocol: fc.constantFrom(undefined, 'tcp', 'udp', 'icmp', 6),
    ports: fc.constantFrom(undefined, '22', '80,3306', '1-1000', '8'),
    remote: fc.constantFrom(...remotes),
    action: fc.constantFrom(undefined, 'allow', 'deny'),
    priority: fc.constantFrom(undefined, 1, 2, 50),
  });

const aclRule = fc.record({
  action: fc.constantFrom('allow', 'deny'),
  protocol: fc.constantFrom(undefined, 'tcp', 'icmp'),
  source: fc.constantFrom(undefined, '172.16.0.0/16', '192.168.10.0/24', '192.168.0.0/16'),
  destinationPorts: fc.constantFrom(undefined, '80', '3306'),
});

const scenario = fc.record({
  model: fc.constantFrom('vpc-router', 'overlay_l2', 'eni'),
  nodesListed: fc.boolean(),
  crossVpc: fc.boolean(),
  peeringStatus: fc.constantFrom('ACTIVE', 'PENDING_ACCEPTANCE', 'REJECTED'),
  forwardRoute: fc.boolean(),
  returnRoutes: fc.subarray(['192.168.0.0/16', '172.16.0.0/16', '192.168.30.0/24']),
  customSourceTable: fc.boolean(),
  nodeEgress: fc.oneof(
    fc.constant([{ direction: 'egress' }] as SgRules),
    fc.array(sgRule('egress'), { maxLength: 2 }) as fc.Arbitrary<SgRules>,
  ),
  dstGroups: fc.oneof(
    fc.constant([[{ direction: 'ingress' }]] as SgRules[]),
    fc.array(fc.array(sgRule('ingress'), { maxLength: 4 }), { minLength: 0, maxLength: 2 }) as fc.Arbitrary<SgRules[]>,
  ),
  srcAcl: fc.option(fc.array(aclRule, { maxLength: 3 }), { nil: undefined }),
  dstAcl: fc.option(fc.array(aclRule, { maxLength: 3 }), { nil: undefined }),
  whitelist: fc.option(
    fc.record({
      enabled: fc.constantFrom(undefined, true, false),
      addresses: fc.subarray(['192.168.10.0/24', '172.16.0.0/17', '10.9.0.0/16']),
    }),
    { nil: undefined },
  ),
  bridge: fc.constantFrom(undefined, '172.17.0.0/16', '172.16.0.0/16', '192.168.10.0/24', '192.168.30.0/24'),
  question: fc.record({
    protocol: fc.constantFrom(undefined, 'tcp', 'udp', 'icmp'),
    port: fc.constantFrom(undefined, 22, 80, 3306),
  }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function topologyOf(s: Scenario): Topology {
  const eni = s.model === 'eni';
  const dataVpc = s.crossVpc ? 'vpc-data' : 'vpc-prod';
  const dataCidr = s.crossVpc ? '10.1.1.0/24' : '192.168.20.0/24';
  const dataAddress = s.crossVpc ? '10.1.1.20' : '192.168.20.20';
  const input: TopologyInput = {
    version: 1,
    vpcs: [
      {
        id: 'vpc-prod',
        cidr: '192.168.0.0/16',
        subnets: [
          {
            id: 'subnet-nodes',
            cidr: '192.168.10.0/24',
            ...(s.srcAcl && !eni ? { networkAcl: 'acl-src' } : {}),
            ...(s.customSourceTable ? { routeTable: 'rtb-custom' } : {}),
          },
          { id: 'subnet-pods', cidr: '192.168.30.0/24', ...(s.srcAcl && eni ? { networkAcl: 'acl-src' } : {}) },
          ...(s.crossVpc
            ? []
            : [{ id: 'subnet-data', cidr: dataCidr, ...(s.dstAcl ? { networkAcl: 'acl-dst' } : {}) }]),
        ],
        routeTables: [
          {
            id: 'rtb-prod',
            default: true,
            routes:
              s.crossVpc && s.forwardRoute ? [{ destination: '10.1.0.0/16', type: 'peering', nextHop: 'pcx-1' }] : [],
          },
          { id: 'rtb-custom' },
        ],
      },
      ...(s.crossVpc
        ? [
            {
              id: 'vpc-data',
              cidr: '10.1.0.0/16',
              subnets: [{ id: 'subnet-data', cidr: dataCidr, ...(s.dstAcl ? { networkAcl: 'acl-dst' } : {}) }],
              routeTables: [
                {
                  id: 'rtb-data',
                  default: true,
                  routes: s.returnRoutes.map((destination) => ({
                    destination,
                    type: 'peering' as const,
                    nextHop: 'pcx-1',
                  })),
                },
              ],
            },
          ]
        : []),
    ],
    peerings: s.crossVpc
      ? [{ id: 'pcx-1', requesterVpc: 'vpc-prod', accepterVpc: 'vpc-data', status: s.peeringStatus }]
      : [],
    addressGroups: [{ id: 'ag-1', addresses: ['172.16.0.0-172.16.127.255', '192.168.10.0/24'] }],
    securityGroups: [
      { id: 'sg-node', rules: s.nodeEgress },
      { id: 'sg-eni', rules: s.nodeEgress },
      ...s.dstGroups.map((rules, i) => ({ id: `sg-dst-${i}`, rules })),
    ],
    networkAcls: [
      ...(s.srcAcl ? [{ id: 'acl-src', egress: s.srcAcl, ingress: s.srcAcl }] : []),
      ...(s.dstAcl ? [{ id: 'acl-dst', ingress: s.dstAcl, egress: s.dstAcl }] : []),
    ],
    clusters: [
      {
        name: 'prod',
        vpc: 'vpc-prod',
        networkModel: s.model,
        nodeSubnets: ['subnet-nodes'],
        nodeSecurityGroups: ['sg-node'],
        ...(s.nodesListed
          ? {
              nodes: [
                { name: 'n1', ip: '192.168.10.11' },
                { name: 'n2', ip: '192.168.10.40' },
              ],
            }
          : {}),
        ...(eni
          ? { containerSubnets: ['subnet-pods'], podSecurityGroups: ['sg-eni'] }
          : { containerCidrs: ['172.16.0.0/16'] }),
      },
    ],
    resources: [
      {
        name: 'dst',
        vpc: dataVpc,
        subnet: 'subnet-data',
        addresses: [dataAddress],
        securityGroups: s.dstGroups.map((_, i) => `sg-dst-${i}`),
        ...(s.whitelist
          ? { whitelist: { enabled: s.whitelist.enabled, groups: [{ name: 'g1', addresses: s.whitelist.addresses }] } }
          : {}),
        ...(s.bridge ? { hostBridges: [s.bridge] } : {}),
        ports: [{ protocol: 'tcp', port: 3306 }],
      },
    ],
  };
  const result = validateTopology(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.topology;
}

function questionOf(s: Scenario): Question {
  return { cluster: 'prod', workload: null, destination: 'dst', protocol: s.question.protocol, port: s.question.port };
}

describe('properties', () => {
  it('applying every fix of an unreachable diagnosis makes it reachable (unless replan or uncertain)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const topology = topologyOf(s);
        let result: ReturnType<typeof diagnose>;
        try {
          result = diagnose(compileTopology(topology), questionOf(s));
        } catch (error) {
          if (error instanceof QuestionError) return;
          throw error;
        }
        for (const flow of flowsOf(result)) {
          if (flow.verdict !== 'unreachable') continue;
          if (flow.fixes.some((f) => f.kind === 'replan')) continue;
          const fixed = compileTopology(
            applyFixes(
              topology,
              flow.fixes.filter((f) => !f.alternative),
            ),
          );
          const again = flowsOf(
            diagnose(fixed, {
              ...questionOf(s),
              protocol: flow.question.protocol,
              port: flow.question.port ?? undefined,
            }),
          )[0]!;
          expect(again.verdict, JSON.stringify({ s, fixes: flow.fixes, steps: again.steps })).not.toBe('unreachable');
          expect(flow.assumptions.join(' ')).not.toContain('still fails');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the incremental patch answers like a full recompile', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const topology = topologyOf(s);
        const compiled = compileTopology(topology);
        let result: ReturnType<typeof diagnose>;
        try {
          result = diagnose(compiled, questionOf(s));
        } catch (error) {
          if (error instanceof QuestionError) return;
          throw error;
        }
        for (const flow of flowsOf(result)) {
          const question = {
            ...questionOf(s),
            protocol: flow.question.protocol,
            port: flow.question.port ?? undefined,
          };
          const full = diagnose(compileTopology(applyFixes(topology, flow.fixes)), question);
          const patched = diagnose(patchCompiled(compiled, flow.fixes), question);
          expect(flowsOf(patched).map((f) => f.steps)).toEqual(flowsOf(full).map((f) => f.steps));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('diagnose throws nothing but QuestionError', () => {
    const topology = topologyOf({
      model: 'vpc-router',
      nodesListed: true,
      crossVpc: true,
      peeringStatus: 'ACTIVE',
      forwardRoute: true,
      returnRoutes: [],
      customSourceTable: false,
      nodeEgress: [],
      dstGroups: [],
      srcAcl: undefined,
      dstAcl: undefined,
      whitelist: undefined,
      bridge: undefined,
      question: { protocol: undefined, port: undefined },
    });
    const compiled = compileTopology(topology);
    const destination = fc.oneof(
      fc.ipV4(),
      fc.ipV6(),
      fc.string({ maxLength: 20 }),
      fc.constantFrom('dst', 'DST', '10.1.1.20:3306', '1.2.3', '300.1.1.1', '::1', '10.0.0.0/8'),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('prod', 'PROD', 'prd', ''),
        fc.constantFrom(null, 'x/y'),
        destination,
        fc.constantFrom(undefined, 'tcp', 'udp', 'icmp'),
        fc.option(fc.integer({ min: -5, max: 70000 }), { nil: undefined }),
        (cluster, workload, dest, protocol, port) => {
          try {
            const result = diagnose(compiled, { cluster, workload, destination: dest, protocol, port } as Question);
            expect(['reachable', 'unreachable', 'uncertain']).toContain(result.verdict);
          } catch (error) {
            expect(error).toBeInstanceOf(QuestionError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
