// How a cloud object is named to a person: its name first, its id after ("sg-db1 (9d0e…0002)"), or the id alone
// when it has no name. Imported topologies carry UUID ids beside names; a UUID tells a tired reader nothing.
import type { Topology } from '../topology/schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID shortened to its first and last four characters; any other id as it is. */
export function shortId(id: string): string {
  return UUID.test(id) ? `${id.slice(0, 4)}…${id.slice(-4)}` : id;
}

/** "name (short id)" when the object has a name other than its id, else the id. */
export function objectLabel(id: string, name: string | undefined): string {
  return name && name !== id ? `${name} (${shortId(id)})` : id;
}

/** Every named object of a topology: id -> name (VPCs, subnets, route tables, NAT gateways, peerings, groups, ACLs, ERs). */
export function namesById(topology: Topology): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  const add = (o: { id: string; name?: string | undefined }) => {
    if (o.name && o.name !== o.id) names.set(o.id, o.name);
  };
  for (const vpc of topology.vpcs ?? []) {
    add(vpc);
    for (const s of vpc.subnets ?? []) add(s);
    for (const t of vpc.routeTables ?? []) add(t);
    for (const n of vpc.natGateways ?? []) add(n);
  }
  for (const list of [topology.peerings, topology.securityGroups, topology.addressGroups, topology.networkAcls])
    for (const o of list ?? []) add(o);
  for (const er of topology.enterpriseRouters ?? []) add(er);
  return names;
}

const labellers = new WeakMap<ReadonlyMap<string, string>, (text: string) => string>();

/** Replace every whole-token occurrence of a named id in a sentence by its label (callers write bare ids); an id
 * inside a path (".../routetables/ID", as an importer error quotes it) stays as it is. */
export function labelIds(text: string, names: ReadonlyMap<string, string>): string {
  if (names.size === 0) return text;
  let labeller = labellers.get(names);
  if (!labeller) {
    const ids = [...names.keys()]
      .sort((a, b) => b.length - a.length)
      .map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp(`(?<![\\w./-])(${ids.join('|')})(?![\\w-])`, 'g');
    labeller = (t) => t.replace(pattern, (id) => objectLabel(id, names.get(id)));
    labellers.set(names, labeller);
  }
  return labeller(text);
}
