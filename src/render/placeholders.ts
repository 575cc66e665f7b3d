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

/** One sentence naming every placeholder of the shown forms and where its value comes from; undefined if none. */
export function placeholderNote(
  fixes: readonly Fix[],
  forms: readonly PastedForm[],
  text: I18n = EN,
): string | undefined {
  const shown = fixes
    .flatMap((fix) => [
      forms.includes('hcloud') ? (fix.render.hcloud ?? '') : '',
      forms.includes('api') && fix.render.api !== undefined ? JSON.stringify(fix.render.api) : '',
    ])
    .join('\n');
  const placeholders = [...new Set([...shown.matchAll(ID_PLACEHOLDER)].map((match) => match[0]))];
  const region = shown.includes(REGION_PLACEHOLDER);
  const project = shown.includes('{project_id}');
  if (placeholders.length === 0 && !region && !project) return undefined;
  return text.t(texts['fix.placeholders'], { placeholders, region, project });
}
