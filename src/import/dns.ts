// Private DNS zones as both importers read them (API record sets, Terraform zones and record sets) into
// topology `dnsZones`: only the VPCs that were imported, only the record types that lead to an address,
// every value checked, so that one odd record never costs the whole import.
import { canonicalHostName, qualifyRecordName } from '../names/host-name.js';
import { parseIp } from '../net/address.js';
import { DNS_RECORD_TYPES, type DnsRecordType, type TopologyInput } from '../topology/schema.js';
import type { RawDnsZone } from './model.js';

type ZoneIn = NonNullable<TopologyInput['dnsZones']>[number];
type RecordIn = NonNullable<ZoneIn['records']>[number];

/** Record types a zone always has and that hold no address: left out without a word. */
const SILENT_TYPES = new Set(['SOA', 'NS']);

/** Zones in topology terms, sorted by name; what cannot be mapped goes to `warn`. */
export function mapDnsZones(
  zones: readonly RawDnsZone[],
  vpcIds: ReadonlySet<string>,
  warn: (message: string) => void,
): ZoneIn[] {
  const out: ZoneIn[] = [];
  const seen = new Set<string>();
  for (const raw of zones) {
    if (seen.has(raw.id)) continue;
    seen.add(raw.id);
    const name = canonicalHostName(raw.name);
    const label = `DNS zone ${raw.name} (${raw.id})`;
    if (name === null || name.startsWith('*')) {
      warn(`${label}: "${raw.name}" is not a zone name; zone skipped`);
      continue;
    }
    const missing = raw.vpcIds.filter((v) => !vpcIds.has(v));
    if (missing.length) warn(`${label}: associated VPCs ${missing.join(', ')} were not imported; left out`);
    const vpcs = [...new Set(raw.vpcIds.filter((v) => vpcIds.has(v)))].sort();
    if (vpcs.length === 0) {
      warn(`${label}: no imported VPC is associated with it, so no question can use it; zone skipped`);
      continue;
    }
    const other = new Map<string, number>();
    const records: RecordIn[] = [];
    const cnames = new Set<string>();
    const addressNames = new Set<string>();
    for (const record of raw.records) {
      const type = record.type.trim().toUpperCase();
      if (!(DNS_RECORD_TYPES as readonly string[]).includes(type)) {
        if (!SILENT_TYPES.has(type)) other.set(type, (other.get(type) ?? 0) + 1);
        continue;
      }
      const fqdn = qualifyRecordName(record.name, name);
      if (fqdn === null) {
        warn(`${label}: record ${record.name} (${type}) is not a name in the zone; left out`);
        continue;
      }
      const values = record.values.flatMap((value) => {
        const ok = recordValue(type as DnsRecordType, value);
        if (ok === null) warn(`${label}: ${fqdn} ${type} value "${value}" is not valid for the type; left out`);
        return ok === null ? [] : [ok];
      });
      if (values.length === 0) continue;
      // A name is a CNAME or holds addresses, never both; the first seen wins, deterministically.
      if (
        (type === 'CNAME' && (addressNames.has(fqdn) || cnames.has(fqdn))) ||
        (type !== 'CNAME' && cnames.has(fqdn))
      ) {
        warn(`${label}: ${fqdn} has a CNAME and other records; ${type} left out`);
        continue;
      }
      if (type === 'CNAME') cnames.add(fqdn);
      else addressNames.add(fqdn);
      records.push({ name: fqdn, type: type as DnsRecordType, values: type === 'CNAME' ? values.slice(0, 1) : values });
    }
    if (other.size)
      warn(
        `${label}: ${[...other].map(([type, count]) => `${count} ${type}`).join(', ')} record set(s) left out (only A, AAAA and CNAME lead to an address)`,
      );
    records.sort((a, b) => (a.name === b.name ? (a.type < b.type ? -1 : 1) : a.name < b.name ? -1 : 1));
    out.push({
      name,
      id: raw.id,
      vpcs,
      ...(records.length ? { records } : {}),
      ...(raw.unread ? { unread: raw.unread } : {}),
    });
  }
  return out.sort((a, b) => (a.name === b.name ? ((a.id ?? '') < (b.id ?? '') ? -1 : 1) : a.name < b.name ? -1 : 1));
}

/** A record value in canonical text, or null when it does not fit the type. */
function recordValue(type: DnsRecordType, value: string): string | null {
  if (type === 'CNAME') {
    const target = canonicalHostName(value);
    return target === null || target.startsWith('*') ? null : target;
  }
  const ip = parseIp(value);
  return ip && ip.family === (type === 'A' ? 4 : 6) ? ip.text : null;
}

/** The host names of an instance in canonical form; what is not a host name goes to `warn`. */
export function mapDomainNames(
  label: string,
  names: readonly string[] | undefined,
  warn: (m: string) => void,
): string[] | undefined {
  const out = (names ?? []).flatMap((name) => {
    const canonical = canonicalHostName(name);
    if (canonical === null || canonical.startsWith('*')) {
      warn(`${label}: domain name "${name}" is not a host name; left out`);
      return [];
    }
    return [canonical];
  });
  return out.length ? [...new Set(out)].sort() : undefined;
}
