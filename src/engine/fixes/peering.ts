// Fix kind `peering`: a new VPC peering between two VPCs that have none, with the routes that make it carry the
// flow: the destination block in each source subnet's table, the source's stable CIDRs in the destination
// subnet's table (VPC "VPC Peering Connection Overview", vpc_peering_0009; VPC "Route Table Overview").
import { EN, type I18n } from '../../i18n/i18n.js';
import { fixes } from '../../i18n/messages/fixes.js';
import { type Cidr, overlaps, parseCidr } from '../../net/address.js';
import type { CompiledTopology } from '../../topology/compile.js';
import type { PlannedFix } from '../context.js';
import type { PeeringFixRoute } from '../diagnosis.js';
import { freshName } from './names.js';
import { replanFix } from './replan.js';

/** What the peering must carry: the tables and blocks on each side. */
export interface PeeringNeed {
  readonly requesterVpc: string;
  readonly accepterVpc: string;
  /** Route tables of the source subnets (requester side) and the block of the destination to send there. */
  readonly forward: { readonly tables: readonly string[]; readonly destination: string };
  /** The destination subnet's route table (accepter side) and the source CIDRs replies go back to. */
  readonly back?: { readonly table: string; readonly destinations: readonly string[] };
}

const peeringIdsCache = new WeakMap<CompiledTopology, ReadonlySet<string>>();

/** The peering ids in use, once per compiled topology (a reverse question asks this for thousands of paths). */
function peeringIds(compiled: CompiledTopology): ReadonlySet<string> {
  let ids = peeringIdsCache.get(compiled);
  if (!ids) {
    ids = new Set((compiled.topology.peerings ?? []).map((p) => p.id));
    peeringIdsCache.set(compiled, ids);
  }
  return ids;
}

/** Peering fixes kept per compiled topology (bounded: cleared when full). */
const CACHED_NEEDS = 10_000;

const specCache = new WeakMap<CompiledTopology, Map<string, PlannedFix['spec']>>();

/**
 * A new peering and its routes; a replan when a route could never win because the blocks overlap. The spec depends
 * on the need alone (and the language of a replan's reason): a reverse question asks it for thousands of
 * destinations behind the same pair of VPCs, so it is built once per need.
 */
export function peeringFix(
  compiled: CompiledTopology,
  need: PeeringNeed,
  purpose: string,
  alternative = false,
  text: I18n = EN,
): PlannedFix {
  let byNeed = specCache.get(compiled);
  if (!byNeed) {
    byNeed = new Map();
    specCache.set(compiled, byNeed);
  }
  const key = `${text.lang}\u0000${alternative}\u0000${JSON.stringify(need)}`;
  let spec = byNeed.get(key);
  if (!spec) {
    spec = buildPeeringFix(compiled, need, purpose, alternative, text).spec;
    if (byNeed.size >= CACHED_NEEDS) byNeed.clear();
    byNeed.set(key, spec);
  }
  return { spec, purpose };
}

function buildPeeringFix(
  compiled: CompiledTopology,
  need: PeeringNeed,
  purpose: string,
  alternative: boolean,
  text: I18n,
): PlannedFix {
  const requester = compiled.vpcs.get(need.requesterVpc);
  const accepter = compiled.vpcs.get(need.accepterVpc);
  const clash = (vpcBlocks: readonly Cidr[] | undefined, cidr: string) => {
    const parsed = parseCidr(cidr);
    return parsed.ok && (vpcBlocks ?? []).some((b) => overlaps(b, parsed.cidr));
  };
  // A peering route to a block inside the sender's own VPC loses to the local route: nothing to create in place.
  const overlapping = [
    ...(clash(requester?.blocks, need.forward.destination) ? [need.forward.destination] : []),
    ...(need.back?.destinations ?? []).filter((d) => clash(accepter?.blocks, d)),
  ];
  if (!requester || !accepter || overlapping.length > 0)
    return replanFix(
      text.t(fixes['fix.peering.replan-overlap'], {
        requesterVpc: need.requesterVpc,
        accepterVpc: need.accepterVpc,
        overlapping,
      }),
      purpose,
      alternative,
    );
  const taken = peeringIds(compiled);
  const peering = freshName(`peering-${need.requesterVpc}-${need.accepterVpc}`, taken);
  const route = (vpc: string, table: string, destination: string): PeeringFixRoute => ({
    vpc,
    routeTable: table,
    destination,
    ...(compiled.vpcs.get(vpc)?.defaultTableId === table ? { defaultTable: true } : {}),
  });
  const routes = [
    ...[...new Set(need.forward.tables)].map((t) => route(need.requesterVpc, t, need.forward.destination)),
    ...[...new Set(need.back?.destinations ?? [])].map((d) => route(need.accepterVpc, need.back!.table, d)),
  ];
  return {
    spec: {
      kind: 'peering',
      peering,
      requesterVpc: need.requesterVpc,
      accepterVpc: need.accepterVpc,
      routes,
      ...(alternative ? { alternative: true } : {}),
    },
    purpose,
  };
}
