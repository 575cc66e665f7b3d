// How a fix names the cloud objects it touches. Topology ids are often people's names for things
// ("sg-db"), not Huawei ids: those become a visible placeholder (`<sg-db id>`) in commands and API
// bodies and a Terraform variable (`var.sg_db_id`). An id that already is a Huawei UUID is used as is.
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
 * Security Group Rule"); "->" in a purpose becomes "to" so that it still reads.
 */
export function huaweiDescription(purpose: string): string {
  const text = `reachbot: ${purpose}`
    .replaceAll('->', 'to')
    .replace(/[<>]/g, ' ')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ')
    .trim();
  return [...text].slice(0, 255).join('');
}

/** End a purpose so that it can close a sentence. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "Do X: because Y." — the action and, when given, why. */
export function actionText(action: string, purpose: string): string {
  const why = singleLine(purpose);
  return why === '' ? sentence(action) : `${action}: ${sentence(why)}`;
}
