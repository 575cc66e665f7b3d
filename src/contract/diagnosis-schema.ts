// The JSON diagnosis contract (docs/CONTRACT.md) as zod schemas: the source of docs/diagnosis.schema.json
// (scripts/diagnosis-schema.ts writes it; a test checks the file is current) and of the check that what
// `reachbot ask --json` prints matches it. The TypeScript types in src/engine/diagnosis.ts must stay
// assignable to these schemas (checked at compile time below), so the two cannot drift apart.
import * as z from 'zod/v4';
import { CHECKS, type DiagnosisResult } from '../engine/diagnosis.js';
import { SCHEMA_VERSION } from './output.js';

export { diagnosisOutput, SCHEMA_VERSION } from './output.js';

const verdict = z.enum(['reachable', 'unreachable', 'uncertain']);
const protocol = z.enum(['tcp', 'udp', 'icmp', 'icmpv6']);

const question = z.object({
  cluster: z.string(),
  workload: z.string().nullable(),
  destination: z.string().describe('what was asked: a resource name or an address'),
  protocol: z.enum(['tcp', 'udp', 'icmp']),
  port: z.number().int().nullable(),
});

const step = z.object({
  check: z.enum(CHECKS),
  status: z.enum(['pass', 'fail', 'warn', 'skip']),
  summary: z.string(),
  evidence: z.record(z.string(), z.unknown()).optional(),
});

const render = z.object({
  text: z.string(),
  hcloud: z.string().optional(),
  terraform: z.string().optional(),
  api: z
    .object({
      method: z.string(),
      path: z.string(),
      body: z.unknown(),
      next: z
        .array(z.object({ method: z.string(), path: z.string(), body: z.unknown() }))
        .optional()
        .describe('fixes that create several resources: the requests after this one, in order'),
    })
    .optional(),
  kubectl: z.string().optional(),
});

const base = { alternative: z.boolean().optional(), render };
const direction = z.enum(['ingress', 'egress']);

const fix = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('security-group-rule'),
    ...base,
    securityGroup: z.string(),
    direction,
    ethertype: z.enum(['IPv4', 'IPv6']),
    protocol,
    ports: z.string().nullable(),
    remote: z.union([z.string(), z.object({ securityGroup: z.string() })]),
    action: z.literal('allow'),
    priority: z.number().int(),
  }),
  z.object({
    kind: z.literal('route'),
    ...base,
    vpc: z.string(),
    routeTable: z.string(),
    destination: z.string(),
    type: z.string(),
    nextHop: z.string(),
    defaultTable: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('network-acl-rule'),
    ...base,
    networkAcl: z.string(),
    direction,
    protocol,
    source: z.string(),
    destination: z.string(),
    destinationPorts: z.string().nullable(),
    action: z.literal('allow'),
    position: z.number().int(),
  }),
  z.object({
    kind: z.literal('whitelist-entry'),
    ...base,
    resource: z.string(),
    group: z.string(),
    address: z.string(),
    existing: z.array(z.string()).optional(),
    otherGroups: z.array(z.object({ name: z.string(), addresses: z.array(z.string()) })).optional(),
  }),
  z.object({ kind: z.literal('peering-accept'), ...base, peering: z.string() }),
  z.object({
    kind: z.literal('host-bridge'),
    ...base,
    resource: z.string(),
    bridge: z.string(),
    suggested: z.string(),
  }),
  z.object({
    kind: z.literal('snat-rule'),
    ...base,
    vpc: z.string(),
    natGateway: z.string(),
    source: z.string(),
    eip: z.string(),
  }),
  z.object({
    kind: z.literal('nat-gateway'),
    ...base,
    vpc: z.string(),
    subnet: z.string(),
    natGateway: z.string(),
    existing: z.boolean().optional(),
    eip: z.string(),
    sources: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('peering'),
    ...base,
    peering: z.string(),
    requesterVpc: z.string(),
    accepterVpc: z.string(),
    routes: z.array(
      z.object({
        vpc: z.string(),
        routeTable: z.string(),
        destination: z.string(),
        defaultTable: z.boolean().optional(),
      }),
    ),
  }),
  z.object({ kind: z.literal('replan'), ...base, reason: z.string() }),
  z.object({
    kind: z.literal('er-route'),
    ...base,
    enterpriseRouter: z.string(),
    routeTable: z.string(),
    destination: z.string(),
    attachment: z.string(),
    note: z.string().optional(),
    replaces: z.string().optional(),
  }),
  z.object({
    kind: z.literal('er-association'),
    ...base,
    enterpriseRouter: z.string(),
    routeTable: z.string(),
    attachment: z.string(),
  }),
  z.object({
    kind: z.literal('er-propagation'),
    ...base,
    enterpriseRouter: z.string(),
    routeTable: z.string(),
    attachment: z.string(),
    note: z.string().optional(),
  }),
  z.object({
    kind: z.literal('network-policy'),
    ...base,
    cluster: z.string(),
    namespace: z.string(),
    name: z.string(),
    podSelector: z.record(z.string(), z.string()),
    to: z.union([
      z.object({ ipBlock: z.string() }),
      z.object({ namespace: z.string(), podLabels: z.record(z.string(), z.string()) }),
    ]),
    ports: z.array(z.object({ protocol: z.enum(['TCP', 'UDP']), port: z.number().int() })),
    owner: z.object({ policy: z.string(), egressRules: z.number().int() }).optional(),
  }),
]);

const diagnosis = z.object({
  verdict,
  question,
  source: z.object({ seenAs: z.array(z.string()), why: z.string() }),
  destination: z.object({
    kind: z.enum(['resource', 'node', 'pod', 'service', 'vpc', 'peered-vpc', 'internet', 'unknown']),
    address: z.string().optional(),
    resource: z.string().optional(),
    cluster: z.string().optional(),
    node: z.string().optional(),
    vpc: z.string().optional(),
    subnet: z.string().optional(),
    dns: z
      .object({
        name: z.string(),
        chain: z.array(z.string()),
        addresses: z.array(z.string()),
        zone: z.string().optional(),
        domainNameOf: z.string().optional(),
      })
      .optional(),
  }),
  steps: z.array(step),
  fixes: z.array(fix),
  assumptions: z.array(z.string()),
});

/** Which stored topology answered and how fresh it is (only when the answer came from the store). */
const freshness = z.object({
  topology: z.string(),
  source: z.string(),
  importedAt: z.string(),
  checkedAt: z.string().optional(),
  intervalMs: z.number().optional(),
  nextSyncAt: z.string().optional(),
  lastFailure: z.object({ at: z.string(), kind: z.string(), reason: z.string(), message: z.string() }).optional(),
  stale: z.boolean(),
  summary: z.string(),
  warning: z.string().optional(),
});

/** What `reachbot ask --json` prints: one flow, or several with the worst verdict, and the schema version. */
export const diagnosisOutputSchema = z
  .union([
    diagnosis.extend({ schemaVersion: z.literal(SCHEMA_VERSION), freshness: freshness.optional() }),
    z.object({
      schemaVersion: z.literal(SCHEMA_VERSION),
      verdict,
      flows: z.array(diagnosis),
      freshness: freshness.optional(),
    }),
  ])
  .describe('reachbot diagnosis (reachbot ask --json), see docs/CONTRACT.md');

export type DiagnosisOutput = z.infer<typeof diagnosisOutputSchema>;

/** The published JSON Schema (docs/diagnosis.schema.json), derived from the zod schema. */
export function diagnosisJsonSchema(): Record<string, unknown> {
  return {
    title: 'reachbot diagnosis',
    ...z.toJSONSchema(diagnosisOutputSchema, { target: 'draft-2020-12', io: 'output' }),
  };
}

// Compile-time check: every value the engine's types allow is accepted by the schema.
type Assignable<T extends U, U> = T;
export type EngineTypesFitTheSchema = Assignable<
  DiagnosisResult & { readonly schemaVersion: typeof SCHEMA_VERSION },
  DeepReadonly<DiagnosisOutput>
>;
type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
