// Resolving a question against the compiled topology: the cluster and workload by name (case-insensitive),
// the destination as an address or a resource name, and the flows to check. Unknown names and invalid
// addresses throw QuestionError with the closest valid names.

import { closestNames, knownHint } from '../names/closest.js';
import { type AddressRange, parseIp } from '../net/address.js';
import { PROTOCOL_NUMBERS } from '../net/ports.js';
import { QuestionError } from '../question/errors.js';
import type { Question } from '../question/question.js';
import type { CompiledCluster, CompiledTopology } from '../topology/compile.js';
import { RESOURCE_TYPES, type Resource, type Workload } from '../topology/schema.js';
import type { Flow } from './context.js';

export interface ResolvedQuestion {
  readonly cluster: CompiledCluster;
  readonly workload?: Workload;
  readonly address: AddressRange;
  /** The resource named in the question, if it named one. */
  readonly resourceName?: string;
  readonly flows: readonly Flow[];
}

/** The flow for a protocol and port (ICMP: echo request, type 8; 128 for ICMPv6). */
function flowOf(protocol: 'tcp' | 'udp' | 'icmp', port: number | undefined, family: 4 | 6): Flow {
  if (protocol === 'icmp')
    return family === 6
      ? { protocol: 'icmpv6', number: PROTOCOL_NUMBERS.icmpv6, port: 128, label: 'icmpv6 echo' }
      : { protocol: 'icmp', number: PROTOCOL_NUMBERS.icmp, port: 8, label: 'icmp echo' };
  return { protocol, number: PROTOCOL_NUMBERS[protocol], port: port ?? 0, label: `${protocol}/${port}` };
}

function findCluster(compiled: CompiledTopology, name: string): CompiledCluster {
  const cluster = compiled.clusters.get(name.trim().toLowerCase());
  if (cluster) return cluster;
  const known = compiled.clusterNames;
  throw new QuestionError(`unknown cluster "${name}"${knownHint(name, known)}`, closestNames(name, known));
}

function findWorkload(cluster: CompiledCluster, name: string | null): Workload | undefined {
  if (name === null || name.trim() === '') return undefined;
  const workload = cluster.workloads.get(name.trim().toLowerCase());
  if (workload) return workload;
  const known = [...cluster.workloads.values()].map((w) => w.name);
  throw new QuestionError(
    `workload "${name}" is not declared in cluster ${cluster.cluster.name}${knownHint(name, known)}; ask without a workload for the cluster's default pods`,
    closestNames(name, known),
  );
}

function resourceAddress(resource: Resource): AddressRange {
  const parsed = resource.addresses.map((a) => parseIp(a)).filter((a): a is AddressRange => a !== null);
  return parsed.find((a) => a.family === 4) ?? parsed[0]!;
}

/** Resolve names and flows; throws QuestionError for what does not resolve. */
/** "the RDS", "rds": the one resource of that type, when the topology has exactly one. */
function onlyOfType(compiled: CompiledTopology, text: string): Resource | undefined {
  const type = text.toLowerCase().replace(/^the\s+/, '');
  if (!(RESOURCE_TYPES as readonly string[]).includes(type) || type === 'other') return undefined;
  const matches = (compiled.topology.resources ?? []).filter((r) => r.type === type);
  return matches.length === 1 ? matches[0] : undefined;
}

export function resolveQuestion(compiled: CompiledTopology, question: Question): ResolvedQuestion {
  const cluster = findCluster(compiled, question.cluster);
  const workload = findWorkload(cluster, question.workload);
  let text = question.destination.trim();
  let port = question.port;
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$/.exec(text) ?? /^\[([0-9a-f:.]+)\]:(\d{1,5})$/i.exec(text);
  if (withPort) {
    text = withPort[1]!;
    port ??= Number(withPort[2]);
  }
  // Only digits and dots (IPv4) or a colon (IPv6) can make an address: a resource name skips the parse, whose
  // failure path (ipaddr.js throws and catches) dominated resolving named destinations.
  let address = /^[\d.]+$/.test(text) || text.includes(':') ? parseIp(text) : null;
  let resource: Resource | undefined;
  if (!address) {
    resource = compiled.resources.get(text.toLowerCase()) ?? onlyOfType(compiled, text);
    if (!resource) {
      if (/^[\d.:/]+$/.test(text) || (/^[0-9a-f:]+$/i.test(text) && text.includes(':')))
        throw new QuestionError(`"${text}" is not a valid IP address (IPv4 like 192.168.10.52, or IPv6)`, []);
      const names = compiled.resourceNames();
      throw new QuestionError(
        `unknown destination "${text}": not an IP address and no resource has that name${knownHint(text, names)}`,
        closestNames(text, names),
      );
    }
    address = resourceAddress(resource);
  }
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535))
    throw new QuestionError(`port ${port} is not between 1 and 65535`, []);
  const family = address.family;
  const protocol = question.protocol ?? (port !== undefined ? 'tcp' : undefined);
  const atAddress = resource ?? compiled.resourcesByAddress.get(address.text)?.[0];
  let flows: Flow[];
  if (protocol === 'icmp') flows = [flowOf('icmp', undefined, family)];
  else if (port !== undefined) flows = [flowOf(protocol ?? 'tcp', port, family)];
  else {
    const declared = (atAddress?.ports ?? []).filter((p) => protocol === undefined || p.protocol === protocol);
    if (declared.length) flows = declared.map((p) => flowOf(p.protocol, p.port, family));
    else if (protocol === undefined) flows = [flowOf('icmp', undefined, family)];
    else
      throw new QuestionError(
        `which ${protocol} port? ${atAddress ? `${atAddress.name} declares no ${protocol} ports` : `${address.text} is not a resource with declared ports`}; ask e.g. "${cluster.cluster.name} ${text} ${protocol}/443"`,
        [],
      );
  }
  return { cluster, workload, address, resourceName: resource?.name, flows };
}
