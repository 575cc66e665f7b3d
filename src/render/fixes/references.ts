// How a fix names the cloud objects it touches. Topology ids are often people's names for things
// ("sg-db"), not Huawei ids: those become a visible placeholder (`<sg-db id>`) in commands and API
// bodies and a Terraform variable (`var.sg_db_id`). An id that already is a Huawei UUID is used as is.
import { EN, type I18n } from '../../i18n/i18n.js';
import { purposeWords } from '../../i18n/messages/engine-source.js';
import { enSentence, fixes } from '../../i18n/messages/fixes.js';
import { hclIdentifier, hclString } from '../syntax/hcl.js';
import { shellFlag, singleLine } from '../syntax/shell.js';

const HUAWEI_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cloud object as the three machine formats refer to it. */
export interface CloudRef {
  /** For hcloud flags and API bodies: the id itself, or `<name id>` to be replaced. */
  readonly value: string;
  /** For Terraform: a quoted id, or `var.<name>_id`. */
  readonly terraform: string;
  /** Whether `value` is a placeholder the engineer must replace. */
  readonly placeholder: boolean;
}

/** Refer to the cloud object a topology knows as `id`; `what` qualifies the placeholder ("id", "instance id"). */
export function cloudRef(id: string, what = 'id'): CloudRef {
  if (HUAWEI_UUID.test(id)) return { value: id, terraform: hclString(id), placeholder: false };
  return {
    value: `<${id} ${what}>`,
    terraform: `var.${hclIdentifier(`${id}_${what}`, 'v')}`,
    placeholder: true,
  };
}

/** The region flag value: KooCLI needs one and a topology does not record it. */
export const REGION_PLACEHOLDER = '<region>';

/** `hcloud <Service> <Operation> --cli-region=...`, the first line of every KooCLI command we print. */
export function hcloudHead(operation: string): string {
  return `hcloud ${operation} ${shellFlag('cli-region', REGION_PLACEHOLDER)}`;
}

/**
 * Huawei `description` fields take at most 255 characters and no angle brackets (VPC API v3 "Creating a
 * Security Group Rule"); "->" in a purpose becomes "to" (到) so that it still reads. Counted in characters:
 * the API counts characters, and a Chinese description is as long in characters as it reads.
 */
export function huaweiDescription(purpose: string, text: I18n = EN): string {
  const described = `reachbot: ${purposeWords(purpose, text)}`
    .replaceAll('->', text.t(fixes['fix.description-arrow']))
    .replace(/[<>]/g, ' ')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ')
    .trim();
  return [...described].slice(0, 255).join('');
}

/** End a purpose so that it can close a sentence. */
export const sentence = enSentence;

/** "Do X: because Y." — the action and, when given, why ("做 X（用于 Y）。" in Chinese). */
export function actionText(action: string, purpose: string, text: I18n = EN): string {
  return text.t(fixes['fix.action'], { action, purpose: purposeWords(singleLine(purpose), text) });
}

/** The "verify: hcloud X --help" comment every KooCLI form carries. */
export function verifyComment(operation: string, text: I18n, why?: 'numbering' | 'sg-flag'): string {
  return text.t(fixes['fix.verify'], { operation, ...(why ? { why } : {}) });
}
