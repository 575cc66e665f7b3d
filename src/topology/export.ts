// A topology back to YAML, in the spec's key order, so that export -> import is lossless.
import { stringify } from 'yaml';
import type { Topology } from './schema.js';

/** YAML text for a validated topology; parsing it again yields an equal topology. */
export function exportTopology(topology: Topology): string {
  // No anchors for objects shared in memory: a person reads this file, and the loader caps aliases.
  return stringify(topology, { lineWidth: 0, flowCollectionPadding: false, aliasDuplicateObjects: false });
}
