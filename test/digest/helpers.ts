// Test doubles for the digest tests: an in-memory Store, a small topology, and an engine whose verdicts follow
// the topology in an obvious way (a resource is reachable on a port when one of its groups allows that port), so
// that tests can assert exact messages without depending on the real engine's wording.
import type { CommandContext } from '../../src/commands/subcommand.js';
import type { PathEngine } from '../../src/digest/check.js';
import type { OutgoingMessage, Poster } from '../../src/digest/poster.js';
import type { Diagnosis, DiagnosisResult, Verdict } from '../../src/engine/diagnosis.js';
import { QuestionError } from '../../src/question/errors.js';
import type { Question } from '../../src/question/question.js';
import type { StoreData, Watch } from '../../src/store/data.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { validateTopology } from '../../src/topology/load.js';
import type { Topology } from '../../src/topology/schema.js';

/** The test topology: cluster prod, db1 (tcp/3306, sg-db) and cache1 (tcp/6379, sg-cache); `open` ports allowed. */
export function topology(open: { db?: string[]; cache?: string[] } = {}): Topology {
  const rules = (ports: string[] | undefined) =>
    (ports ?? []).map((port) => ({ direction: 'ingress', protocol: 'tcp', ports: port, remote: '172.16.0.0/16' }));
  const result = validateTopology({
    version: 1,
    vpcs: [{ id: 'vpc-prod', cidr: '192.168.0.0/16', subnets: [{ id: 'subnet-nodes', cidr: '192.168.10.0/24' }] }],
    securityGroups: [
      { id: 'sg-db', rules: rules(open.db) },
      { id: 'sg-cache', rules: rules(open.cache) },
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
    resources: [
      {
        name: 'db1',
        type: 'rds',
        vpc: 'vpc-prod',
        subnet: 'subnet-nodes',
        addresses: ['192.168.10.52'],
        securityGroups: ['sg-db'],
        ports: [{ protocol: 'tcp', port: 3306 }],
      },
      {
        name: 'cache1',
        type: 'other',
        vpc: 'vpc-prod',
        subnet: 'subnet-nodes',
        addresses: ['192.168.10.60'],
        securityGroups: ['sg-cache'],
        ports: [{ protocol: 'tcp', port: 6379 }],
      },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.topology;
}

/**
 * The fake engine: a resource is reachable on a port an ingress rule of its groups lists; otherwise unreachable
 * (fix: "Allow tcp/PORT into SG from 172.16.0.0/16"), or uncertain for a resource of type "other".
 */
export const fakeEngine: PathEngine & { compiles: number } = {
  compiles: 0,
  compile(topology) {
    fakeEngine.compiles++;
    return topology;
  },
  diagnose(compiled, question): DiagnosisResult {
    const topo = compiled as Topology;
    if (!(topo.clusters ?? []).some((c) => c.name === question.cluster)) {
      throw new QuestionError(`unknown cluster "${question.cluster}"`);
    }
    const resource = (topo.resources ?? []).find(
      (r) => r.name === question.destination || r.addresses.includes(question.destination),
    );
    if (!resource) throw new QuestionError(`unknown resource "${question.destination}"`);
    const port = question.port ?? resource.ports?.[0]?.port ?? 0;
    const sg = resource.securityGroups?.[0] ?? 'none';
    const open = (topo.securityGroups ?? [])
      .filter((group) => resource.securityGroups?.includes(group.id))
      .some((group) => (group.rules ?? []).some((rule) => rule.ports === String(port)));
    const verdict: Verdict = open ? 'reachable' : resource.type === 'other' ? 'uncertain' : 'unreachable';
    const diagnosis: Diagnosis = {
      verdict,
      question: {
        cluster: question.cluster,
        workload: question.workload,
        destination: question.destination,
        protocol: 'tcp',
        port,
      },
      source: { seenAs: ['172.16.0.0/16'], why: 'fake' },
      destination: { kind: 'resource', resource: resource.name },
      steps: [{ check: 'destination-sg', status: open ? 'pass' : 'fail', summary: 'fake' }],
      fixes: open
        ? []
        : [
            {
              kind: 'security-group-rule',
              securityGroup: sg,
              direction: 'ingress',
              ethertype: 'IPv4',
              protocol: 'tcp',
              ports: String(port),
              remote: '172.16.0.0/16',
              action: 'allow',
              priority: 1,
              render: { text: `Allow tcp/${port} into ${sg} from 172.16.0.0/16` },
            },
          ],
      assumptions: [],
    };
    return diagnosis;
  },
};

export function question(destination: string, port?: number): Question {
  return { cluster: 'prod', workload: null, destination, ...(port ? { protocol: 'tcp' as const, port } : {}) };
}

let nextId = 1;
/** A stored watch on topology "prod" in `channel`. */
export function watch(channel: string, destination: string, port: number, extra: Partial<Watch> = {}): Watch {
  return {
    id: `w${nextId++}`,
    channel,
    topology: 'prod',
    question: question(destination, port),
    createdBy: 'U1',
    createdAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

/** A store holding topology "prod" (with `open` ports), the given watches and schedules. */
export function storeWith(options: {
  open?: { db?: string[]; cache?: string[] };
  watches?: Watch[];
  schedules?: StoreData['schedules'];
}): MemoryStore {
  return new MemoryStore({
    topologies: { prod: { name: 'prod', topology: topology(options.open), importedAt: '2026-01-01T00:00:00.000Z' } },
    watches: options.watches ?? [],
    schedules: options.schedules ?? {},
  });
}

/** A poster that records what it was asked to post. */
export function recordingPoster(): Poster & { sent: (OutgoingMessage & { at: number })[] } {
  const sent: (OutgoingMessage & { at: number })[] = [];
  return {
    sent,
    async postMessage(message) {
      sent.push({ ...message, at: Date.now() });
      return { ok: true };
    },
  };
}

export function context(store: Store, channelId = 'C1', now = new Date('2026-03-06T00:00:00Z')): CommandContext {
  return { store, userId: 'U1', channelId, isAdmin: false, now: () => now };
}

/** A logger that keeps its lines. */
export function memoryLogger() {
  const lines: { level: string; fields: object; message: string }[] = [];
  const at = (level: string) => (fields: object, message: string) => {
    lines.push({ level, fields, message });
  };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}
