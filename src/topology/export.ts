// A topology back to YAML, in the spec's key order, so that export -> import is lossless.
import { yamlText } from '../render/syntax/yaml.js';
import type { Topology } from './schema.js';

/** YAML text for a validated topology; parsing it again yields an equal topology. */
export function exportTopology(topology: Topology): string {
  return yamlText(topology);
}
