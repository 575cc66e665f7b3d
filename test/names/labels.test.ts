// Names first (issue 12 item 6): an imported topology's objects have UUID ids and names; answers and `topology show`
// put the name first and a shortened id after it, and the id alone only where there is no name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeTopology } from '../../src/cli/commands/topology-summary.js';
import { labelIds, namesById, objectLabel, shortId } from '../../src/names/labels.js';
import type { TopologyInput } from '../../src/topology/schema.js';
import { ask, build } from '../fixtures/engine/builder.js';

const VPC = '5c2e7a10-1111-4a2b-9c3d-00000000a001';
const SUBNET = '7f3b9e20-2222-4b3c-8d4e-00000000b002';
const DATA = '8a4c0f30-3333-4c4d-9e5f-00000000c003';
const SG_NODE = '1b2c3d40-4444-4d5e-8f60-00000000d004';
const SG_DB = '9d0e1f50-5555-4e6f-9a71-000000000002';

function imported(): TopologyInput {
  return {
    version: 1,
    vpcs: [
      {
        id: VPC,
        name: 'vpc-prod',
        cidr: '192.168.0.0/16',
        subnets: [
          { id: SUBNET, name: 'subnet-nodes', cidr: '192.168.10.0/24' },
          { id: DATA, cidr: '192.168.20.0/24' },
        ],
      },
    ],
    securityGroups: [
      { id: SG_NODE, name: 'sg-node', rules: [{ direction: 'egress' }] },
      {
        id: SG_DB,
        name: 'sg-db1',
        rules: [{ direction: 'ingress', protocol: 'tcp', ports: '22', remote: '10.0.0.0/8' }],
      },
    ],
    clusters: [
      {
        name: 'prod',
        vpc: VPC,
        networkModel: 'vpc-router',
        nodeSubnets: [SUBNET],
        nodeSecurityGroups: [SG_NODE],
        nodes: [{ name: 'n1', ip: '192.168.10.11' }],
        containerCidrs: ['172.16.0.0/16'],
      },
    ],
    resources: [
      { name: 'db1', type: 'rds', vpc: VPC, subnet: DATA, addresses: ['192.168.20.5'], securityGroups: [SG_DB] },
    ],
  };
}

describe('object labels', () => {
  it('puts the name first with a shortened UUID, else the id alone', () => {
    expect(shortId(SG_DB)).toBe('9d0e…0002');
    expect(objectLabel(SG_DB, 'sg-db1')).toBe('sg-db1 (9d0e…0002)');
    expect(objectLabel(DATA, undefined)).toBe(DATA);
    expect(objectLabel('sg-abc', 'sg-abc')).toBe('sg-abc');
    expect(shortId('sg-short')).toBe('sg-short');
  });

  it('labels whole ids only, never a part of a longer token', () => {
    const names = new Map([['sg-1', 'web']]);
    expect(labelIds('sg-1 and sg-12 and xsg-1', names)).toBe('web (sg-1) and sg-12 and xsg-1');
  });

  it('labelling is idempotent on text with no named ids (property)', () => {
    const names = new Map([[SG_DB, 'sg-db1']]);
    fc.assert(fc.property(fc.string(), (s) => labelIds(s.replaceAll(SG_DB, ''), names) === s.replaceAll(SG_DB, '')));
  });

  it('an answer on an imported topology names the security group and the VPC, not their UUIDs', () => {
    const d = ask(build(imported()).compiled, { destination: 'db1', protocol: 'tcp', port: 3306 });
    expect(d.verdict).toBe('unreachable');
    const text = [...d.steps.map((s) => s.summary), d.source.why, ...d.assumptions].join('\n');
    expect(text).toContain('sg-db1 (9d0e…0002)');
    expect(text).not.toContain(SG_DB);
    expect(text).not.toContain(SG_NODE);
    // A subnet without a name keeps its full id.
    expect(text).toContain(DATA);
    // The evidence and the fixes keep the real ids, which commands need.
    expect(JSON.stringify(d.fixes)).toContain(SG_DB);
  });

  it('`topology show` lists names first', () => {
    const { topology } = build(imported());
    const lines = describeTopology(topology).join('\n');
    expect(lines).toContain('vpc-prod (5c2e…a001)');
    expect(lines).toContain('nodes in subnet-nodes (7f3b…b002)');
    expect(lines).not.toContain(VPC);
    expect(namesById(topology).get(SG_DB)).toBe('sg-db1');
  });
});

describe('labelIds inside paths', () => {
  it('leaves an id that is part of a request path as it is, so a quoted API error stays exact', () => {
    const names = new Map([[SG_DB, 'sg-db1']]);
    const text = `GET /v1/p/security-groups/${SG_DB} failed; ${SG_DB} is unknown`;
    expect(labelIds(text, names)).toBe(`GET /v1/p/security-groups/${SG_DB} failed; sg-db1 (9d0e…0002) is unknown`);
  });
});

describe('labelIds by token lookup', () => {
  // Ids of word characters and hyphens are looked up token by token; any other id makes the whole map go through
  // one regular expression. Adding an id with a dot that no text contains forces the expression, so the two
  // ways can be held to the same answers.
  const idPart = fc.constantFrom('sg', 'vpc', 'subnet', 'rtb', '0', '1', '12', 'a', 'db', '_');
  const id = fc.array(idPart, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('-'));
  const piece = fc.oneof(
    id,
    fc.constantFrom(' ', '/', '.', '-', ',', '(', ')', 'x', ': ', '，', '安全组', '/v1/', 'a.'),
  );

  it('labels exactly what the one-expression labeller labels (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(id, fc.constantFrom('web', 'db', 'nodes', 'prod net')), {
          minLength: 1,
          maxLength: 8,
          selector: ([key]) => key,
        }),
        fc.array(piece, { maxLength: 12 }),
        (pairs, pieces) => {
          const text = pieces.join('');
          const names = new Map(pairs);
          const forced = new Map([...pairs, ['never.in.text', 'dotted']]);
          expect(labelIds(text, names)).toBe(labelIds(text, forced));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('labels a Chinese sentence and leaves a host name alone', () => {
    const names = new Map([['sg-1', 'web']]);
    expect(labelIds('安全组sg-1拒绝', names)).toBe('安全组web (sg-1)拒绝');
    expect(labelIds('db.sg-1 and sg-1.', names)).toBe('db.sg-1 and web (sg-1).');
  });
});
