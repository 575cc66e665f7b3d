// Static name resolution from the imported records, never a live lookup: a VPC sees the private zones
// associated with it (the most specific zone containing a name answers for it), CNAME chains are
// followed a bounded number of hops, and the domain names cloud services report for their instances
// (RDS, DCS, DMS) resolve to the instance. Pure: a function of the topology.
import { EN } from '../i18n/i18n.js';
import { type HostMiss, question } from '../i18n/messages/question.js';
import type { DnsZone, Resource, Topology } from '../topology/schema.js';
import { canonicalHostName, isInZone } from './host-name.js';

/** CNAME hops followed before giving up (resolvers stop around 8-16; a longer chain is a mistake). */
export const MAX_CNAME_HOPS = 8;

interface ZoneNames {
  readonly zone: DnsZone;
  readonly vpcs: ReadonlySet<string>;
  /** Record sets by fully qualified name: the addresses (A and AAAA, in order) or one CNAME target. */
  readonly names: ReadonlyMap<string, { readonly addresses: string[]; cname?: string }>;
}

/** The names of a topology, indexed once per compiled topology. */
export interface HostIndex {
  readonly zones: readonly ZoneNames[];
  /** Service domain names to the resource that reports them. */
  readonly domainNames: ReadonlyMap<string, Resource>;
}

/** What a host name resolved to, and how. */
export interface ResolvedHost {
  /** The name asked, canonical (lowercase, no trailing dot). */
  readonly name: string;
  /** The CNAME targets followed, in order (empty when the name answered directly). */
  readonly chain: readonly string[];
  /** The private zone whose records gave the addresses. */
  readonly zone?: string;
  /** The resource whose service domain name the final name is. */
  readonly resource?: string;
  /** The addresses, in record order, each once. */
  readonly addresses: readonly string[];
}

export type HostLookup =
  | { readonly ok: true; readonly host: ResolvedHost }
  | {
      readonly ok: false;
      readonly reason: 'not-a-host-name' | 'unknown' | 'not-visible' | 'loop' | 'too-long';
      /** Why, as data the catalog words in either language, without the name's "did you mean" (the caller adds it). */
      readonly miss: HostMiss;
      /** Why, in English words. */
      readonly message: string;
    };

/** Index the zones and service domain names of a topology. */
export function indexHostNames(topology: Topology): HostIndex {
  const zones = (topology.dnsZones ?? []).map((zone) => {
    const names = new Map<string, { addresses: string[]; cname?: string }>();
    for (const record of zone.records ?? []) {
      const entry = names.get(record.name) ?? { addresses: [] };
      names.set(record.name, entry);
      if (record.type === 'CNAME') entry.cname = record.values[0];
      else for (const value of record.values) if (!entry.addresses.includes(value)) entry.addresses.push(value);
    }
    return { zone, vpcs: new Set(zone.vpcs), names };
  });
  const domainNames = new Map<string, Resource>();
  for (const resource of topology.resources ?? [])
    for (const name of resource.domainNames ?? []) if (!domainNames.has(name)) domainNames.set(name, resource);
  return { zones, domainNames };
}

/** The address a question about a resource asks about: its first IPv4 address, else its first. */
export function primaryAddress(resource: Resource): string {
  return resource.addresses.find((a) => !a.includes(':')) ?? resource.addresses[0]!;
}

/** The record set of `name` in a zone: exact first, else the closest wildcard ("*.zone" covers "a.b.zone"). */
function recordOf(zone: ZoneNames, name: string): { readonly addresses: string[]; cname?: string } | undefined {
  const exact = zone.names.get(name);
  if (exact) return exact;
  for (let at = name.indexOf('.'); at >= 0; at = name.indexOf('.', at + 1)) {
    const parent = name.slice(at + 1);
    if (!isInZone(parent, zone.zone.name)) break;
    const wildcard = zone.names.get(`*.${parent}`);
    if (wildcard) return wildcard;
  }
  return undefined;
}

/** The most specific zone visible from `vpc` that contains `name`. */
function zoneFor(index: HostIndex, name: string, vpc: string): ZoneNames | undefined {
  let best: ZoneNames | undefined;
  for (const zone of index.zones) {
    if (!zone.vpcs.has(vpc) || !isInZone(name, zone.zone.name)) continue;
    if (!best || zone.zone.name.length > best.zone.name.length) best = zone;
  }
  return best;
}

type Step =
  | { kind: 'addresses'; addresses: readonly string[]; zone?: string; resource?: string }
  | { kind: 'cname'; target: string }
  | { kind: 'miss'; miss: HostMiss; hidden?: boolean };

function step(index: HostIndex, name: string, vpc: string): Step {
  const zone = zoneFor(index, name, vpc);
  const record = zone ? recordOf(zone, name) : undefined;
  if (record?.cname) return { kind: 'cname', target: record.cname };
  if (record && record.addresses.length > 0)
    return { kind: 'addresses', addresses: record.addresses, zone: zone?.zone.name };
  const resource = index.domainNames.get(name);
  if (resource) return { kind: 'addresses', addresses: [primaryAddress(resource)], resource: resource.name };
  if (zone?.zone.unread)
    return { kind: 'miss', miss: { kind: 'unread-zone', name, zone: zone.zone.name, unread: zone.zone.unread } };
  if (zone) return { kind: 'miss', miss: { kind: 'no-record', name, zone: zone.zone.name } };
  const hidden = index.zones.filter((z) => isInZone(name, z.zone.name) && recordOf(z, name));
  if (hidden.length > 0) {
    // Each zone with the VPCs it is associated with: ids, the same in every language.
    const zones = hidden.map((z) => `${z.zone.name} (VPCs ${[...z.vpcs].join(', ') || '-'})`);
    return { kind: 'miss', miss: { kind: 'not-associated', name, zones, vpc }, hidden: true };
  }
  return { kind: 'miss', miss: { kind: 'nowhere', name, vpc } };
}

/** Resolve `typed` as the resolvers of VPC `vpc` would, from the imported records only. */
export function resolveHost(index: HostIndex, typed: string, vpc: string): HostLookup {
  const name = canonicalHostName(typed);
  if (name === null || name.startsWith('*')) return failed('not-a-host-name', { kind: 'not-a-host-name', typed });
  const chain: string[] = [];
  let current = name;
  for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
    const found = step(index, current, vpc);
    if (found.kind === 'addresses') {
      const { addresses, zone, resource } = found;
      return {
        ok: true,
        host: { name, chain, addresses, ...(zone ? { zone } : {}), ...(resource ? { resource } : {}) },
      };
    }
    if (found.kind === 'miss') {
      const through = chain.length > 0 ? { through: { name, chain } } : {};
      return failed(found.hidden ? 'not-visible' : 'unknown', { ...found.miss, ...through });
    }
    if (current === found.target || chain.includes(found.target) || found.target === name)
      return failed('loop', { kind: 'loop', name, chain: [name, ...chain, found.target] });
    chain.push(found.target);
    current = found.target;
  }
  return failed('too-long', { kind: 'too-long', name, chain: [name, ...chain], hops: MAX_CNAME_HOPS });
}

function failed(reason: Extract<HostLookup, { ok: false }>['reason'], miss: HostMiss): HostLookup {
  return { ok: false, reason, miss, message: EN.t(question['question.host-miss'], miss) };
}

/** Every name a question from `vpc` could use: records of its zones and service domain names. */
export function knownHostNames(index: HostIndex, vpc: string): string[] {
  const names = index.zones
    .filter((zone) => zone.vpcs.has(vpc))
    .flatMap((zone) => [...zone.names.keys()].filter((n) => !n.startsWith('*')));
  return [...new Set([...names, ...index.domainNames.keys()])];
}
