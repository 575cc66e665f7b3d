// The partial-import policy: a sync never replaces a good topology with a partial one. An import that could not
// read a section (throttled, a permission missing, an API error) is refused as a whole and the stored topology is
// kept; the sync counts as failed with that reason and is retried with backoff. The one exception is a service
// the region does not offer when the stored topology holds nothing of that service either (no DCS in a region
// without DCS): that is the region's shape, not a failure. The first sync of a topology, with nothing to protect,
// stores what it could read, with its warnings.
import type { ImportResult, SkippedSection } from '../import/model.js';
import type { Topology } from '../topology/schema.js';
import type { SyncFailure } from './failure.js';

/** Whether `result` may replace `previous`; the failure to record when it may not. */
export function refusePartial(result: ImportResult, previous: Topology | undefined): SyncFailure | undefined {
  if (!previous) return undefined;
  const blocking = (result.skipped ?? []).filter(
    (section) => section.reason !== 'unavailable' || holdsService(previous, section.service),
  );
  if (blocking.length === 0) return undefined;
  return {
    kind: kindOf(blocking),
    message: `not replaced, the import was incomplete: ${blocking
      .map((section) => `${section.what} (${section.reason}: ${section.detail})`)
      .join('; ')}`,
  };
}

function kindOf(sections: readonly SkippedSection[]): SyncFailure['kind'] {
  const reasons = new Set(sections.map((section) => section.reason));
  if (reasons.size === 1 && reasons.has('throttled')) return 'throttled';
  if (reasons.has('forbidden')) return 'forbidden';
  if (reasons.size === 1 && reasons.has('unavailable')) return 'service-missing';
  return 'partial';
}

/** Whether the topology holds anything a service's section would have brought. */
function holdsService(topology: Topology, service: string): boolean {
  const resources = topology.resources ?? [];
  const ofType = (...types: string[]) => resources.some((resource) => types.includes(resource.type ?? ''));
  switch (service) {
    case 'vpc':
      return (topology.vpcs ?? []).length > 0;
    case 'cce':
      return (topology.clusters ?? []).length > 0;
    case 'nat':
      return (topology.vpcs ?? []).some((vpc) => (vpc.natGateways ?? []).length > 0);
    case 'dns':
      return (topology.dnsZones ?? []).length > 0;
    case 'er':
      return (topology.enterpriseRouters ?? []).length > 0;
    case 'dms':
      return ofType('kafka', 'rabbitmq');
    default:
      return ofType(service);
  }
}
