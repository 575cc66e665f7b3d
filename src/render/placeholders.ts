// The placeholders left in the commands of an answer (ids a hand-written topology does not record, the region,
// the project id), explained once under the fixes rather than in every command.
import type { Fix } from '../engine/diagnosis.js';
import { EN, type I18n } from '../i18n/i18n.js';
import { fixes as texts } from '../i18n/messages/fixes.js';
import { REGION_PLACEHOLDER } from './fixes/references.js';

/** The machine forms whose placeholders a reader replaces by hand (Terraform declares variables instead). */
export type PastedForm = 'hcloud' | 'api';

// `<sg-db id>`, `<redis-main instance id>`: what cloudRef writes for an id that is not a Huawei id.
const ID_PLACEHOLDER = /<([^\s<>]+) (?:instance )?id>/g;
const HAS_ID_PLACEHOLDER = new RegExp(ID_PLACEHOLDER.source);

/**
 * The KooCLI operation that lists the object a fix changes, whose id is its main placeholder: the reader is pointed
 * at the list that holds it (a DCS instance's id is not found among security groups).
 */
const LIST_OPERATION: Partial<Record<Fix['kind'], string>> = {
  'security-group-rule': 'hcloud VPC ListSecurityGroups/v3',
  'network-acl-rule': 'hcloud VPC ListFirewall/v3',
  route: 'hcloud VPC ListRouteTables',
  'whitelist-entry': 'hcloud DCS ListInstances',
  'peering-accept': 'hcloud VPC ListVpcPeerings',
  peering: 'hcloud VPC ListVpcs',
  'snat-rule': 'hcloud NAT ListNatGateways',
  'nat-gateway': 'hcloud VPC ListSubnets',
  'er-route': 'hcloud ER ListRouteTables',
  'er-association': 'hcloud ER ListRouteTables',
  'er-propagation': 'hcloud ER ListRouteTables',
};

/** One sentence naming every placeholder of the shown forms and where its value comes from; undefined if none. */
export function placeholderNote(
  fixes: readonly Fix[],
  forms: readonly PastedForm[],
  text: I18n = EN,
): string | undefined {
  const perFix = fixes.map((fix) => ({
    fix,
    text: [
      forms.includes('hcloud') ? (fix.render.hcloud ?? '') : '',
      forms.includes('api') && fix.render.api !== undefined ? JSON.stringify(fix.render.api) : '',
    ].join('\n'),
  }));
  const shown = perFix.map((f) => f.text).join('\n');
  const placeholders = [...new Set([...shown.matchAll(ID_PLACEHOLDER)].map((match) => match[0]))];
  const region = shown.includes(REGION_PLACEHOLDER);
  const project = shown.includes('{project_id}');
  if (placeholders.length === 0 && !region && !project) return undefined;
  const lists = [
    ...new Set(
      perFix.flatMap(({ fix, text: form }) => {
        const list = LIST_OPERATION[fix.kind];
        return list && HAS_ID_PLACEHOLDER.test(form) ? [list] : [];
      }),
    ),
  ];
  return text.t(texts['fix.placeholders'], { placeholders, lists, region, project });
}
