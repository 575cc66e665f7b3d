// Each fix as words, KooCLI, Terraform and an API request. (Owned by the render module; the engine
// calls renderFix once per fix it proposes.)
import type { Fix, FixRender, FixSpec } from '../engine/diagnosis.js';

/** Render a fix; `purpose` says in a few words why it exists ("CCE prod pods -> db1 tcp/3306"). */
export function renderFix(fix: FixSpec, purpose: string): FixRender {
  return { text: `${fix.kind}: ${purpose}` };
}

/** Attach the rendering to a fix spec. */
export function withRender(fix: FixSpec, purpose: string): Fix {
  return { ...fix, render: renderFix(fix, purpose) } as Fix;
}
