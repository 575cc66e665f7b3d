// YAML text for data reachbot writes out (an exported topology, a NetworkPolicy manifest), which a YAML reader must
// read back as the same data.
import { Document, Scalar, visit } from 'yaml';

// U+FFFE and U+FFFF: YAML allows them only in quoted scalars, and `yaml` writes a text holding one without quotes.
// A scan of every other BMP character, alone and among others, round-tripped through js-yaml.
const QUOTED_ONLY = /[\uFFFE\uFFFF]/;

/** `value` as YAML: no line folding, no anchors for objects it shares, texts YAML allows only quoted double-quoted. */
export function yamlText(value: unknown): string {
  // No anchors for shared objects: a person reads the text, and a loader may cap aliases.
  const document = new Document(value, { aliasDuplicateObjects: false });
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && QUOTED_ONLY.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}
