// The output of `terraform show -json PLANFILE`, validated at the edge: only what the check reads
// (resource_changes: address, type, provider, actions, before, after, after_unknown). Other keys pass.
import * as z from 'zod/v4';

const action = z.enum(['no-op', 'create', 'read', 'update', 'delete', 'forget']);

const resourceChange = z.looseObject({
  address: z.string().min(1),
  mode: z.string().optional(),
  type: z.string().min(1),
  name: z.string().optional(),
  provider_name: z.string().optional(),
  change: z.looseObject({
    actions: z.array(action).min(1),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    after_unknown: z.unknown().optional(),
  }),
});

export const terraformPlan = z.looseObject({
  format_version: z.string({ message: 'is required: is this the output of `terraform show -json PLANFILE`?' }),
  terraform_version: z.string().optional(),
  resource_changes: z.array(resourceChange).optional(),
});

export type TerraformPlan = z.output<typeof terraformPlan>;
export type ResourceChange = z.output<typeof resourceChange>;

/** A plan file that is not JSON or not in Terraform's plan representation. */
export class PlanError extends Error {
  readonly code = 'reachbot_plan_invalid';
  constructor(message: string) {
    super(message);
    this.name = 'PlanError';
  }
}

/** Parse and validate plan JSON text; throws PlanError with the first problem located by its path. */
export function parsePlan(text: string, source = 'plan'): TerraformPlan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PlanError(`${source} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = terraformPlan.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') ?? '';
    throw new PlanError(`${source}: ${path.replace(/^\./, '') || '(top level)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Whether any value in Terraform's `after_unknown` mirror is `true` (for the listed keys, or anywhere). */
export function unknownKeys(afterUnknown: unknown, keys?: readonly string[]): string[] {
  if (typeof afterUnknown !== 'object' || afterUnknown === null) return afterUnknown === true ? ['(all)'] : [];
  const found: string[] = [];
  const has = (value: unknown): boolean =>
    value === true || (typeof value === 'object' && value !== null && Object.values(value).some(has));
  for (const [key, value] of Object.entries(afterUnknown)) {
    if (keys && !keys.includes(key)) continue;
    if (has(value)) found.push(key);
  }
  return found;
}
