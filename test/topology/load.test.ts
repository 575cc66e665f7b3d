// Reading topology text: YAML or JSON in, a validated Topology or located issues out, and never a crash.
// The generated cases mutate data/sample.yaml's document in ways that must each make it invalid.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { TopologyIssue } from '../../src/topology/errors.js';
import { parseTopology, type TopologyResult, validateTopology } from '../../src/topology/load.js';

const SAMPLE_TEXT = readFileSync(new URL('../../data/sample.yaml', import.meta.url), 'utf8');
const SAMPLE: Record<string, unknown> = parseYaml(SAMPLE_TEXT);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Key = string | number;
type Located = { path: Key[]; value: Json };

/** A fresh copy of the sample document, to mutate. */
const sample = (): { [key: string]: Json } => structuredClone(SAMPLE) as { [key: string]: Json };
const firstCluster = () => (sample().clusters as { [key: string]: Json }[])[0] as { [key: string]: Json };

/** Every node below the root with its path. */
function nodes(value: Json, path: Key[] = []): Located[] {
  const out: Located[] = path.length ? [{ path, value }] : [];
  if (Array.isArray(value)) {
    for (const [i, child] of value.entries()) out.push(...nodes(child, [...path, i]));
  } else if (value !== null && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) out.push(...nodes(child, [...path, key]));
  return out;
}

function parentOf(root: Json, path: Key[]): { [key: string]: Json } | Json[] {
  let node = root;
  for (const key of path.slice(0, -1)) node = (node as Record<Key, Json>)[key] as Json;
  return node as { [key: string]: Json } | Json[];
}

function setAt(root: Json, path: Key[], value: Json): void {
  const parent = parentOf(root, path);
  Object.defineProperty(parent, path[path.length - 1]!, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** The collection an object sits in ("subnets" for vpcs[0].subnets[1]), or its own key for a single object. */
function context(path: Key[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return 'root';
}

// Keys the schema requires, by the collection their object sits in.
const REQUIRED: Record<string, readonly string[]> = {
  root: ['version'],
  vpcs: ['id', 'cidr'],
  subnets: ['id', 'cidr'],
  routeTables: ['id'],
  routes: ['destination', 'type'],
  natGateways: ['id'],
  snatRules: ['source', 'eip'],
  peerings: ['id', 'requesterVpc', 'accepterVpc'],
  securityGroups: ['id'],
  rules: ['direction'],
  remote: ['securityGroup', 'addressGroup'],
  addressGroups: ['id', 'addresses'],
  networkAcls: ['id'],
  ingress: ['action'],
  egress: ['action'],
  clusters: ['name', 'vpc', 'networkModel', 'nodeSubnets'],
  nodes: ['name', 'ip'],
  workloads: ['name'],
  resources: ['name', 'vpc', 'subnet', 'addresses'],
  groups: ['name', 'addresses'],
  ports: ['protocol', 'port'],
};

// Fields where any string other than a known id, keyword or address is invalid.
const STRICT_STRING_KEYS = new Set([
  'cidr',
  'ipv6Cidr',
  'destination',
  'remote',
  'source',
  'ip',
  'eip',
  'containerCidr',
  'serviceCidr',
  'direction',
  'action',
  'type',
  'networkModel',
  'protocol',
  'ethertype',
  'status',
  'vpc',
  'subnet',
  'requesterVpc',
  'accepterVpc',
  'routeTable',
  'networkAcl',
  'nextHop',
  'securityGroup',
  'addressGroup',
]);
const STRICT_STRING_LISTS = new Set([
  'nodeSubnets',
  'containerSubnets',
  'nodeSecurityGroups',
  'podSecurityGroups',
  'securityGroups',
  'additionalSecurityGroups',
  'secondaryCidrs',
  'containerCidrs',
  'nonMasqueradeCidrs',
  'hostBridges',
  'addresses',
]);
const REFERENCE_KEYS = new Set([
  'vpc',
  'subnet',
  'requesterVpc',
  'accepterVpc',
  'routeTable',
  'nextHop',
  'securityGroup',
]);
const REFERENCE_LISTS = new Set(['nodeSubnets', 'containerSubnets', 'nodeSecurityGroups', 'podSecurityGroups']);
// Where a number is a valid value.
const NUMBER_OK = new Set(['ports', 'sourcePorts', 'destinationPorts', 'protocol', 'port', 'priority', 'version']);

/** Every word that could be valid somewhere: ids and names of the sample, keywords, model aliases. */
const VALID_WORDS = new Set<string>(
  [
    ...nodes(SAMPLE as Json)
      .map((n) => n.value)
      .filter((v): v is string => typeof v === 'string'),
    ...['ingress', 'egress', 'allow', 'deny', 'tcp', 'udp', 'icmp', 'icmpv6', 'any', 'ipv4', 'ipv6', 'local'],
    ...['peering', 'nat', 'ecs', 'eni', 'vip', 'vpn', 'dc', 'cc', 'er', 'egw', 'cce', 'overlay_l2', 'tunnel'],
    ...['vpc', 'vpc-router', 'cnn2', 'active', 'pending_acceptance', 'rejected', 'expired', 'deleted'],
  ].map((w) => w.toLowerCase()),
);
const invalidWord = fc
  .string({ maxLength: 12 })
  .filter((s) => !VALID_WORDS.has(s.trim().toLowerCase()) && !/[\d:]/.test(s));

const isStrictString = (n: Located): boolean => {
  if (typeof n.value !== 'string') return false;
  const key = n.path[n.path.length - 1];
  if (typeof key === 'string') return STRICT_STRING_KEYS.has(key);
  return STRICT_STRING_LISTS.has(String(n.path[n.path.length - 2]));
};
const isReference = (n: Located): boolean => {
  if (typeof n.value !== 'string') return false;
  const key = n.path[n.path.length - 1];
  if (typeof key === 'string') return REFERENCE_KEYS.has(key);
  return REFERENCE_LISTS.has(String(n.path[n.path.length - 2])) || n.path.includes('securityGroups');
};
const isCidr = (n: Located): n is Located & { value: string } => typeof n.value === 'string' && /\/\d+$/.test(n.value);

/** Ways to break a CIDR: a prefix too long, host bits, a truncated address, trailing garbage. */
function corruptCidr(cidr: string, how: number): string {
  const [address, bits] = cidr.split('/') as [string, string];
  const v6 = address.includes(':');
  switch (how % 4) {
    case 0:
      return `${address}/${v6 ? 129 : 33}`;
    case 1:
      if (Number(bits) === (v6 ? 128 : 32)) return `${address}/${v6 ? 200 : 40}`;
      return v6 ? `${address.replace(/::$/, '')}::1/${bits}` : `${address.replace(/\.\d+$/, '.1')}/${bits}`;
    case 2:
      return v6 ? `${address}:::/${bits}` : `${address.split('.').slice(0, 2).join('.')}/${bits}`;
    default:
      return `${cidr}x`;
  }
}

type Doc = { [key: string]: Json };
type Mutation = { describe: string; apply: (doc: Doc) => void };

const ALL = nodes(SAMPLE as Json);
const OBJECTS: Located[] = [{ path: [], value: SAMPLE as Json }, ...ALL].filter(
  (n) => n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value),
);
const DELETABLE = OBJECTS.flatMap((n) =>
  (REQUIRED[context(n.path)] ?? []).filter((key) => key in (n.value as object)).map((key) => [...n.path, key] as Key[]),
);
const NOT_NUMBER = ALL.filter((n) => typeof n.value !== 'number' && !NUMBER_OK.has(String(n.path[n.path.length - 1])));
const NOT_LIST = ALL.filter((n) => !Array.isArray(n.value));
const STRICT = ALL.filter(isStrictString);
const REFERENCES = ALL.filter(isReference);
const CIDRS = ALL.filter(isCidr);
const UNIQUE_LISTS = ALL.flatMap((n) => {
  const key = n.path[n.path.length - 1];
  if (!Array.isArray(n.value) || n.value.length < 2) return [];
  const by = key === 'clusters' || key === 'resources' || key === 'workloads' ? 'name' : 'id';
  if (!['vpcs', 'subnets', 'securityGroups', 'clusters', 'resources', 'routeTables', 'peerings'].includes(String(key)))
    return [];
  return [{ path: n.path, by, length: n.value.length }];
});
const ALL_KEYS = new Set(
  [...ALL, { path: [] as Key[], value: null }].flatMap((n) => n.path.filter((k) => typeof k === 'string')),
);

const pick = <T>(list: readonly T[]) => fc.nat({ max: list.length - 1 }).map((i) => list[i]!);
const pathText = (path: Key[]) => path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  pick(DELETABLE).map((path) => ({
    describe: `delete ${pathText(path)}`,
    apply: (doc: Doc) => {
      delete (parentOf(doc, path) as Record<Key, Json>)[path[path.length - 1]!];
    },
  })),
  fc
    .tuple(pick(NOT_NUMBER), fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })))
    .map(([n, value]) => ({
      describe: `${pathText(n.path)} = ${value}`,
      apply: (doc: Doc) => setAt(doc, n.path, value),
    })),
  pick(ALL).map((n) => ({ describe: `${pathText(n.path)} = null`, apply: (doc: Doc) => setAt(doc, n.path, null) })),
  fc.tuple(pick(NOT_LIST), fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 2 })).map(([n, list]) => ({
    describe: `${pathText(n.path)} = ${JSON.stringify(list)}`,
    apply: (doc: Doc) => setAt(doc, n.path, list),
  })),
  fc.tuple(pick(STRICT), invalidWord).map(([n, word]) => ({
    describe: `${pathText(n.path)} = ${JSON.stringify(word)}`,
    apply: (doc: Doc) => setAt(doc, n.path, word),
  })),
  fc
    .tuple(
      pick(OBJECTS),
      fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !ALL_KEYS.has(k) && !Object.hasOwn(REQUIRED, k)),
      fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    )
    .filter(([, key]) => !['name', 'description', 'id', 'flavor', 'default', 'enabled'].includes(key))
    .map(([n, key, value]) => ({
      describe: `insert ${pathText([...n.path, key])}`,
      apply: (doc: Doc) => setAt(doc, [...n.path, key], value),
    })),
  fc.tuple(pick(UNIQUE_LISTS), fc.nat(), fc.nat()).map(([list, i, j]) => {
    const from = i % list.length;
    const to = (from + 1 + (j % (list.length - 1))) % list.length;
    return {
      describe: `duplicate ${pathText(list.path)}[${from}].${list.by} into [${to}]`,
      apply: (doc: Doc) => {
        const items = parentOf(doc, [...list.path, 0]) as { [key: string]: Json }[];
        items[to]![list.by] = items[from]![list.by]!;
      },
    };
  }),
  fc.tuple(pick(REFERENCES), fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/)).map(([n, suffix]) => ({
    describe: `break reference ${pathText(n.path)}`,
    apply: (doc: Doc) => setAt(doc, n.path, `${n.value}-missing-${suffix}`),
  })),
  fc.tuple(pick(CIDRS), fc.nat()).map(([n, how]) => ({
    describe: `corrupt ${pathText(n.path)} (${n.value} -> ${corruptCidr(n.value as string, how)})`,
    apply: (doc: Doc) => setAt(doc, n.path, corruptCidr(n.value as string, how)),
  })),
);

/** Parse without letting an exception escape the assertion that there is none. */
function parseSafely(text: string): TopologyResult | Error {
  try {
    return parseTopology(text);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** The issues as path, English message and line (their Chinese texts: test/i18n/topology-issues.test.ts). */
function expectInvalid(result: TopologyResult): TopologyIssue[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map(({ text: _text, ...issue }) => issue);
}

describe('parseTopology on the sample', () => {
  it('accepts data/sample.yaml as it is (the baseline every mutation starts from)', () => {
    const result = parseTopology(SAMPLE_TEXT);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('gives every generated malformation located issues, never a crash', () => {
    fc.assert(
      fc.property(mutation, fc.boolean(), (m, asJson) => {
        const doc = sample();
        m.apply(doc);
        const text = asJson ? JSON.stringify(doc, null, 2) : stringifyYaml(doc);
        const result = parseSafely(text);
        if (result instanceof Error) throw new Error(`${m.describe}: threw ${result.stack}`);
        if (result.ok) throw new Error(`${m.describe}: accepted`);
        if (result.issues.length === 0) throw new Error(`${m.describe}: no issues`);
        for (const issue of result.issues) {
          const where = `${m.describe}: ${JSON.stringify(issue)}`;
          if (!issue.message.trim()) throw new Error(`${where}: empty message`);
          if (!issue.message.length || /\n\s+at /.test(issue.message)) throw new Error(`${where}: stack trace`);
          if (typeof issue.line !== 'number' || issue.line < 1) throw new Error(`${where}: no line`);
          // Only an unknown key at the top level is reported at the document itself, with the key named.
          if (!issue.path && !/^unknown key/.test(issue.message)) throw new Error(`${where}: no path`);
        }
      }),
      // Each run parses and locates a whole sample file: 100 runs keep this under the timeout on a loaded
      // 2-core machine; FUZZ_RUNS=5000 hunts longer.
      { numRuns: Number(process.env.FUZZ_RUNS ?? 100) },
    );
  });
});

const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'version: 1',
        'vpcs:',
        '- ',
        '  ',
        '\n',
        ':',
        ', ',
        '&a ',
        '*a',
        '[',
        ']',
        '{',
        '}',
        '"',
        "'",
        '# c',
        '!!str ',
        '!!binary ',
        '!!timestamp ',
        '!tag ',
        '---',
        '...',
        '? ',
        '|',
        '>-',
        '%YAML 1.2',
        '<<: *a',
        '\t',
        'id: x',
        'cidr: 10.0.0.0/8',
        'cidr: 10.0.0.0/33',
        '__proto__: ',
        'constructor: ',
        'toString: ',
        '2024-01-01',
        '0x1F',
        '.inf',
        '~',
        '\\u0000',
        '\u0000',
        '\ufeff',
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('parseTopology on arbitrary text', () => {
  it.each([
    ['printable strings', fc.string({ maxLength: 200 })],
    ['any unicode', fc.string({ unit: 'binary', maxLength: 200 })],
    ['YAML-ish text', yamlish],
    ['YAML-ish text after a valid header', yamlish.map((t) => `version: 1\n${t}`)],
  ] as const)('never throws on %s, and explains every rejection', (_name, text) => {
    fc.assert(
      fc.property(text, (input) => {
        const result = parseSafely(input);
        if (result instanceof Error) throw new Error(`${JSON.stringify(input)}: threw ${result.stack}`);
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) expect(issue.message.trim()).not.toBe('');
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('parseTopology located messages', () => {
  const base = [
    'version: 1',
    'vpcs:',
    '  - id: vpc-prod',
    '    cidr: 192.168.0.0/16',
    '    subnets:',
    '      - { id: subnet-nodes, cidr: 192.168.10.0/24 }',
    'clusters:',
    '  - name: prod',
    '    vpc: vpc-prod',
    '    networkModel: vpc-router',
    '    nodeSubnets: [subnet-nodes]',
  ];

  it("reports the spec's own example with its path and message", () => {
    const text = [...base, '    containerCidrs:', '      - 172.16.0.0/16', '      - 172.16.0.0/33'].join('\n');
    const issues = expectInvalid(parseTopology(text));
    expect(issues).toEqual([
      { path: 'clusters[0].containerCidrs[1]', message: '"172.16.0.0/33" is not a CIDR', line: 14 },
    ]);
  });

  it('rejects an unknown key, naming it, at its object', () => {
    const text = [...base, '    containerCidrs: [172.16.0.0/16]', '    colour: blue'].join('\n');
    const issues = expectInvalid(parseTopology(text));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'clusters[0]', line: 8 });
    expect(issues[0]!.message).toMatch(/^unknown key "colour"/);
    const top = expectInvalid(parseTopology('version: 1\nvpc: []\n'));
    expect(top[0]!.message).toMatch(/^unknown key "vpc"/);
  });

  it.each([
    ['tunnel', 'overlay_l2'],
    ['vpc', 'vpc-router'],
    ['cnn2', 'eni'],
    ['VPC', 'vpc-router'],
  ])('accepts the network model alias %s as %s', (alias, model) => {
    const lines = base.map((l) => l.replace('vpc-router', alias));
    const extra = model === 'eni' ? ['    containerSubnets: [subnet-pods]'] : ['    containerCidrs: [172.16.0.0/16]'];
    const text = [
      ...lines,
      ...extra,
      ...(model === 'eni' ? ['      - { id: subnet-pods, cidr: 192.168.128.0/18 }'] : []),
    ];
    // The eni cluster's container subnet is declared in the VPC.
    if (model === 'eni') text.splice(6, 0, text.pop()!);
    const result = parseTopology(text.join('\n'));
    expect(result.ok ? result.topology.clusters?.[0]?.networkModel : result.issues).toBe(model);
  });

  it('rejects an unknown network model, listing the valid ones', () => {
    const text = [...base.map((l) => l.replace('vpc-router', 'calico')), '    containerCidrs: [172.16.0.0/16]'];
    const issues = expectInvalid(parseTopology(text.join('\n')));
    expect(issues[0]).toMatchObject({ path: 'clusters[0].networkModel', line: 10 });
    expect(issues[0]!.message).toContain('overlay_l2');
  });

  it('says what type a value must be and what it was', () => {
    const text = base.join('\n').replace('id: vpc-prod', 'id: 5');
    const issues = expectInvalid(parseTopology(text));
    expect(issues[0]).toEqual({ path: 'vpcs[0].id', message: 'must be a string, not the number 5', line: 3 });
    const list = expectInvalid(parseTopology('version: 1\nvpcs: {id: x}\n'));
    expect(list[0]).toMatchObject({ path: 'vpcs', message: 'must be a list, not a mapping' });
    const nul = expectInvalid(parseTopology('version: 1\nvpcs:\n'));
    expect(nul[0]).toMatchObject({ path: 'vpcs', message: 'must be a list, not null', line: 2 });
  });

  it('says a missing key "is required", located at its object', () => {
    const text = base.filter((l) => !l.includes('cidr: 192.168.0.0/16')).join('\n');
    const issues = expectInvalid(parseTopology(text));
    expect(issues).toContainEqual({ path: 'vpcs[0].cidr', message: 'is required', line: 3 });
    expect(expectInvalid(parseTopology('name: x\n'))[0]).toMatchObject({ path: 'version', message: 'is required' });
  });

  it('rejects another version', () => {
    const issues = expectInvalid(parseTopology('version: 2\n'));
    expect(issues[0]).toMatchObject({ path: 'version', line: 1 });
    expect(issues[0]!.message).toContain('must be 1');
  });

  it('gives YAML syntax errors a line', () => {
    const issues = expectInvalid(parseTopology('version: 1\nvpcs: [\n  - id: x\n'));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.line).toBeGreaterThanOrEqual(2);
    expect(issues[0]!.message).not.toBe('');
    const tab = expectInvalid(parseTopology('version: 1\nvpcs:\n\t- id: x\n'));
    expect(tab[0]!.line).toBe(3);
  });

  it('rejects duplicate keys, with the line of the second', () => {
    const issues = expectInvalid(parseTopology('version: 1\nname: a\nname: b\n'));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.line).toBe(3);
    expect(issues[0]!.message).toMatch(/duplicate/i);
  });

  it('rejects a YAML alias bomb with a clear message', () => {
    const names = 'abcdefghij'.split('');
    const lines = ['version: 1', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < names.length; i++)
      lines.push(
        `${names[i]}: &${names[i]} [${Array(9)
          .fill(`*${names[i - 1]}`)
          .join(',')}]`,
      );
    const issues = expectInvalid(parseTopology(lines.join('\n')));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/alias/i);
    // Many aliases of a small node are refused outright.
    const many = expectInvalid(parseTopology(`version: 1\nx: &x [1]\ny: [${Array(2000).fill('*x').join(',')}]\n`));
    expect(many[0]!.message).toMatch(/alias/i);
  });

  it('keeps date-like, number-like and boolean-like words in string fields as strings', () => {
    const text = ['version: 1', 'name: 2024-01-01', 'description: 2024-01-01T10:00:00Z'].join('\n');
    const result = parseTopology(text);
    expect(result.ok && result.topology.name).toBe('2024-01-01');
    expect(result.ok && result.topology.description).toBe('2024-01-01T10:00:00Z');
    const yes = parseTopology('version: 1\nname: yes\n');
    expect(yes.ok && yes.topology.name).toBe('yes');
  });

  it('does not accept tags that would build other types', () => {
    for (const text of ['version: 1\nname: !!js/function "x"\n', 'version: 1\nname: !!binary aGk=\n']) {
      const issues = expectInvalid(parseTopology(text));
      expect(issues[0]!.line).toBe(2);
    }
  });

  it('rejects several documents in one file and an empty file', () => {
    expect(expectInvalid(parseTopology('version: 1\n---\nversion: 1\n'))[0]!.message).not.toBe('');
    expect(expectInvalid(parseTopology(''))[0]!.message).not.toBe('');
    expect(expectInvalid(parseTopology('# only a comment\n'))[0]!.message).not.toBe('');
  });

  it('rejects a document that is not a mapping, saying what it is', () => {
    expect(expectInvalid(parseTopology('[1, 2]'))[0]!.message).toBe('must be a mapping, not a list');
    expect(expectInvalid(parseTopology('5'))[0]!.message).toBe('must be a mapping, not the number 5');
  });

  it('does not let __proto__ or constructor keys through as anything but unknown keys', () => {
    const issues = expectInvalid(parseTopology('{"version": 1, "__proto__": {"vpcs": 5}}'));
    expect(issues[0]!.message).toMatch(/^unknown key "__proto__"/);
    const ctor = expectInvalid(parseTopology('version: 1\nconstructor: 1\n'));
    expect(ctor[0]!.message).toMatch(/^unknown key "constructor"/);
  });
});

describe('JSON input', () => {
  it('reads the sample as JSON to the same topology as from YAML', () => {
    const fromJson = parseTopology(JSON.stringify(SAMPLE));
    const fromYaml = parseTopology(SAMPLE_TEXT);
    expect(fromJson.ok && fromYaml.ok).toBe(true);
    expect(fromJson).toEqual(fromYaml);
  });

  it('locates issues in JSON text by line', () => {
    const doc = sample();
    ((doc.vpcs as { [key: string]: Json }[])[0] as { [key: string]: Json }).cidr = '192.168.0.0/33';
    const text = JSON.stringify(doc, null, 2);
    const issues = expectInvalid(parseTopology(text));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('vpcs[0].cidr');
    const line = text.split('\n').findIndex((l) => l.includes('192.168.0.0/33')) + 1;
    expect(issues[0]!.line).toBe(line);
  });

  it('rejects a key repeated in one JSON object, with the line of the second (JSON.parse would take the last)', () => {
    const text = '{\n  "version": 1,\n  "name": "a",\n  "vpcs": [],\n  "name": "b"\n}';
    const issues = expectInvalid(parseTopology(text));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/duplicate/i);
    expect(issues[0]!.line).toBe(5);
    // The same key in two different objects, and key-like text inside strings, are fine.
    const fine = JSON.stringify({ ...sample(), description: 'a "name": "b", {"name": 1} [' });
    expect(parseTopology(fine)).toEqual(parseTopology(stringifyYaml(JSON.parse(fine))));
  });

  it('tells a repeated key from distinct ones whatever the keys hold (quotes, backslashes, colons, spacing)', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('a', 'a"', 'a\\', '"', ':', 'a": "b', '__proto__', '\\"'));
    const space = fc.constantFrom('', ' ', '\n', '\t ');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(key, fc.string()), { selector: ([k]) => k, maxLength: 6 }),
        fc.option(fc.nat(), { nil: undefined }),
        space,
        space,
        (entries, repeat, before, after) => {
          const written = [...entries];
          const again = repeat === undefined || entries.length === 0 ? undefined : entries[repeat % entries.length];
          if (again) written.push([again[0], 'again']);
          const labels = `{${written.map(([k, v]) => `${JSON.stringify(k)}${before}:${after}${JSON.stringify(v)}`).join(',')}}`;
          const doc = {
            ...sample(),
            clusters: [{ ...firstCluster(), namespaces: [{ name: 'ns', labels: 'LABELS' }] }],
          };
          const text = JSON.stringify(doc).replace('"LABELS"', () => labels);
          const result = parseTopology(text);
          if (again) {
            expect(expectInvalid(result)[0]?.message).toMatch(/duplicate/i);
          } else {
            expect(result.ok).toBe(true);
            // (A label key "__proto__", which Kubernetes does not allow, is not kept by the schema's record.)
            const kept = Object.fromEntries(entries.filter(([k]) => k !== '__proto__'));
            if (result.ok) expect({ ...result.topology.clusters?.[0]?.namespaces?.[0]?.labels }).toEqual(kept);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads any JSON text as the YAML parser does (BOM, whitespace, escapes in keys and values)', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), fc.integer({ min: 0, max: 3 }), (description, bom, indent) => {
        const text = `${bom ? '\uFEFF' : ''}  ${JSON.stringify({ ...sample(), description }, null, indent)}`;
        const viaYaml = parseTopology(`${stringifyYaml({ ...sample(), description })}`);
        expect(parseTopology(text)).toEqual(viaYaml);
      }),
      { numRuns: 50 },
    );
  });
});

describe('validateTopology', () => {
  it('validates already-parsed data and normalizes CIDRs and addresses', () => {
    const result = validateTopology({
      version: 1,
      vpcs: [{ id: 'v', cidr: '10.0.0.0/8', subnets: [{ id: 's', cidr: '10.1.0.0/16', ipv6Cidr: '2407:C080::/64' }] }],
      resources: [{ name: 'r', vpc: 'v', subnet: 's', addresses: ['10.1.0.5', '2407:C080:0::5'] }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.topology.vpcs?.[0]?.subnets?.[0]?.ipv6Cidr).toBe('2407:c080::/64');
    expect(result.topology.resources?.[0]?.addresses).toEqual(['10.1.0.5', '2407:c080::5']);
  });

  it('stores single addresses of an address group bare, but keeps an IPv6 /32 prefix a prefix', () => {
    const result = validateTopology({
      version: 1,
      addressGroups: [{ id: 'ag', addresses: ['10.0.0.5/32', '2001:db8::1/128', '2001:db8::/32', '10.0.0.0/24'] }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.topology.addressGroups?.[0]?.addresses).toEqual([
      '10.0.0.5',
      '2001:db8::1',
      '2001:db8::/32',
      '10.0.0.0/24',
    ]);
  });

  it('refuses a bare address where a network is meant, and takes it as /32 in a rule remote', () => {
    const bare = validateTopology({
      version: 1,
      vpcs: [{ id: 'v', cidr: '10.0.0.1', subnets: [{ id: 's', cidr: '10.0.0.2' }] }],
    });
    expect(expectInvalid(bare).map((i) => `${i.path}: ${i.message}`)).toEqual([
      'vpcs[0].cidr: "10.0.0.1" is not a CIDR',
      'vpcs[0].subnets[0].cidr: "10.0.0.2" is not a CIDR',
    ]);
    const remote = validateTopology({
      version: 1,
      securityGroups: [
        { id: 'sg', rules: [{ direction: 'ingress', protocol: 'tcp', ports: '22', remote: '10.0.0.1' }] },
      ],
    });
    expect(remote.ok).toBe(true);
    if (remote.ok) expect(remote.topology.securityGroups?.[0]?.rules?.[0]?.remote).toBe('10.0.0.1/32');
  });

  it('reports every schema issue, not only the first, without lines', () => {
    const result = validateTopology({ version: 1, vpcs: [{ id: 1 }, { cidr: 'x' }] });
    const issues = expectInvalid(result);
    expect(issues.map((i) => i.path).sort()).toEqual(['vpcs[0].cidr', 'vpcs[0].id', 'vpcs[1].cidr', 'vpcs[1].id']);
    expect(issues.every((i) => i.line === undefined)).toBe(true);
  });
});

describe('parseTopology afterYaml', () => {
  it('is called once a YAML text is data, before it is checked, and not for JSON', () => {
    const calls: string[] = [];
    const yaml = parseTopology(SAMPLE_TEXT, undefined, { afterYaml: () => calls.push('yaml') });
    expect(yaml.ok).toBe(true);
    expect(calls).toEqual(['yaml']);
    // Called even when the data then fails its checks: the parse's garbage is there all the same.
    const invalid = parseTopology('name: 3\nvpcs: nope\n', undefined, { afterYaml: () => calls.push('invalid') });
    expect(invalid.ok).toBe(false);
    expect(calls).toEqual(['yaml', 'invalid']);
    parseTopology(JSON.stringify(SAMPLE), undefined, { afterYaml: () => calls.push('json') });
    expect(calls).toEqual(['yaml', 'invalid']);
  });
});
