// A topology back to YAML, in the spec's key order, so that export -> import is lossless.
import { Document, Scalar, visit } from 'yaml';
import type { Topology } from './schema.js';

// U+FFFE and U+FFFF: YAML allows them only in quoted scalars, and `yaml` writes a text holding one without quotes.
const UNQUOTABLE = /[\uFFFE\uFFFF]/;

/** YAML text for a validated topology; parsing it again yields an equal topology. */
export function exportTopology(topology: Topology): string {
  // No anchors for objects shared in memory: a person reads this file, and the loader caps aliases.
  const document = new Document(topology, { aliasDuplicateObjects: false });
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && UNQUOTABLE.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}
