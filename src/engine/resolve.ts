// Resolving a question against the compiled topology: the cluster and workload by name (case-insensitive),
// the destination as an address or a resource name, and the flows to check. Unknown names and invalid
// addresses throw QuestionError with the closest valid names.

import { question as Q } from '../i18n/messages/question.js';
import { closestNames, knownNames } from '../names/closest.js';
import { canonicalHostName } from '../names/host-name.js';
import { findResource, lookupCluster, lookupWorkload } from '../names/lookup.js';
import { knownHostNames, primaryAddress, type ResolvedHost, resolveHost } from '../names/resolve-host.js';
import { type AddressRange, parseIp } from '../net/address.js';
import { PROTOCOL_NUMBERS } from '../net/ports.js';
import { QuestionError } from '../question/errors.js';
import type { Question } from '../question/question.js';
import type { CompiledCluster, CompiledTopology } from '../topology/compile.js';
import type { Resource, Workload } from '../topology/schema.js';
import type { Flow } from './context.js';

/** One address the destination stands for, with the flows to check there. */
export interface ResolvedTarget {
  readonly address: AddressRange;
  /** The resource named in the question (or whose domain name it was), if any. */
  readonly resourceName?: string;
  readonly flows: readonly Flow[];
}

export interface ResolvedQuestion extends ResolvedTarget {
  readonly cluster: CompiledCluster;
  readonly workload?: Workload;
  /** Set when the destination was a host name: how it resolved. */
  readonly host?: ResolvedHost;
  /** Every address to answer for: one, or each address of a host name (the first is `address`). */
  readonly targets: readonly ResolvedTarget[];
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
  const found = lookupCluster(compiled.topology.clusters ?? [], name, {
    get: (lowercased) => compiled.clusters.get(lowercased)?.cluster,
  });
  return compiled.clusters.get(found.name.toLowerCase())!;
}

function findWorkload(cluster: CompiledCluster, name: string | null): Workload | undefined {
  if (name === null || name.trim() === '') return undefined;
  return lookupWorkload(cluster.cluster.name, cluster.cluster.workloads ?? [], name, cluster.workloads);
}

function resourceAddress(resource: Resource): AddressRange {
  return parseIp(primaryAddress(resource))!;
}

/** A destination that is neither an address nor a resource name, resolved as a host name from the cluster's VPC. */
function resolveHostName(compiled: CompiledTopology, cluster: CompiledCluster, text: string): ResolvedHost | null {
  if (canonicalHostName(text) === null || !text.includes('.')) return null;
  const index = compiled.hostNames();
  const vpc = cluster.cluster.vpc;
  const lookup = resolveHost(index, text, vpc);
  if (lookup.ok) return lookup.host;
  if (lookup.reason === 'not-a-host-name') return null;
  const known = [...knownHostNames(index, vpc), ...compiled.resourceNames()];
  throw QuestionError.of(
    Q['question.unknown-host'],
    {
      name: text,
      cluster: cluster.cluster.name,
      reason: lookup.miss,
      ...(lookup.reason === 'unknown' ? { known: knownNames(text, known) } : {}),
    },
    closestNames(text, known),
  );
}

/** Resolve names and flows; throws QuestionError for what does not resolve. */
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
  let host: ResolvedHost | undefined;
  if (!address) {
    resource = findResource(compiled.topology.resources ?? [], text, compiled.resources);
    if (!resource) {
      if (/^[\d.:/]+$/.test(text) || (/^[0-9a-f:]+$/i.test(text) && text.includes(':')))
        throw QuestionError.of(Q['question.bad-ip'], { text });
      host = resolveHostName(compiled, cluster, text) ?? undefined;
      if (!host) {
        // A name typed without its zone ("orders-db") may be meant as a host: offer those too, after resources.
        const index = compiled.hostNames();
        const hosts = index.zones.length || index.domainNames.size ? knownHostNames(index, cluster.cluster.vpc) : [];
        const names = [...compiled.resourceNames(), ...hosts];
        throw QuestionError.of(
          Q['question.unknown-destination'],
          { text, known: knownNames(text, names) },
          closestNames(text, names),
        );
      }
    } else address = resourceAddress(resource);
  }
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535))
    throw QuestionError.of(Q['question.port-range'], { port });
  const targetOf = (at: AddressRange, named: Resource | undefined): ResolvedTarget => ({
    address: at,
    ...(named ? { resourceName: named.name } : {}),
    flows: flowsAt(cluster, text, at, named ?? compiled.resourcesByAddress.get(at.text)?.[0], question.protocol, port),
  });
  const targets = host
    ? host.addresses.map((a) => {
        const at = parseIp(a)!;
        const named = host.resource ? compiled.resources.get(host.resource.toLowerCase()) : undefined;
        return targetOf(at, named);
      })
    : [targetOf(address!, resource)];
  const first = targets[0]!;
  return { cluster, workload, ...first, ...(host ? { host } : {}), targets };
}

/** The flows to check at one address: the asked protocol and port, else the resource's declared ports, else ping. */
function flowsAt(
  cluster: CompiledCluster,
  text: string,
  address: AddressRange,
  atAddress: Resource | undefined,
  asked: Question['protocol'],
  port: number | undefined,
): Flow[] {
  const family = address.family;
  const protocol = asked ?? (port !== undefined ? 'tcp' : undefined);
  let flows: Flow[];
  if (protocol === 'icmp') flows = [flowOf('icmp', undefined, family)];
  else if (port !== undefined) flows = [flowOf(protocol ?? 'tcp', port, family)];
  else {
    const declared = (atAddress?.ports ?? []).filter((p) => protocol === undefined || p.protocol === protocol);
    if (declared.length) flows = declared.map((p) => flowOf(p.protocol, p.port, family));
    else if (protocol === undefined) flows = [flowOf('icmp', undefined, family)];
    else
      throw QuestionError.of(Q['question.which-port'], {
        protocol,
        ...(atAddress ? { resource: atAddress.name } : {}),
        address: address.text,
        example: `${cluster.cluster.name} ${text} ${protocol}/443`,
      });
  }
  return flows;
}
