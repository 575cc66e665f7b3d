// Each fix as words, KooCLI, Terraform and an API request. (Owned by the render module; the engine
// attaches a lazy rendering to every fix it proposes, see withRender.) One module per fix kind under ./fixes.
import type { Fix, FixRender, FixSpec } from '../engine/diagnosis.js';
import { renderErAssociation, renderErPropagation, renderErRoute } from './fixes/er.js';
import { renderHostBridge } from './fixes/host-bridge.js';
import { renderNatGateway } from './fixes/nat-gateway.js';
import { renderNetworkAclRule } from './fixes/network-acl-rule.js';
import { renderNetworkPolicy } from './fixes/network-policy.js';
import { renderPeering } from './fixes/peering.js';
import { renderPeeringAccept } from './fixes/peering-accept.js';
import { REGION_PLACEHOLDER } from './fixes/references.js';
import { renderReplan } from './fixes/replan.js';
import { renderRoute } from './fixes/route.js';
import { renderSecurityGroupRule } from './fixes/security-group-rule.js';
import { renderSnatRule } from './fixes/snat-rule.js';
import { renderWhitelistEntry } from './fixes/whitelist-entry.js';
import { withVariableBlocks } from './syntax/hcl.js';
import { shellFlag } from './syntax/shell.js';

/** Where the fix applies, when the topology records it (imported topologies do). */
export interface FixPlace {
  readonly region?: string;
  readonly project?: string;
}

/**
 * Render a fix; `purpose` says in a few words why it exists ("CCE prod pods -> db1 tcp/3306"); `place` fills in
 * the region and project id so that commands paste as printed. Terraform declares every variable it uses.
 */
export function renderFix(fix: FixSpec, purpose: string, place: FixPlace = {}): FixRender {
  const render = renderKind(fix, purpose);
  const hcloud =
    render.hcloud !== undefined && place.region !== undefined
      ? render.hcloud.replaceAll(shellFlag('cli-region', REGION_PLACEHOLDER), shellFlag('cli-region', place.region))
      : render.hcloud;
  const api =
    render.api !== undefined && place.project !== undefined ? withProject(render.api, place.project) : render.api;
  const terraform = render.terraform === undefined ? undefined : withVariableBlocks(render.terraform);
  return {
    ...render,
    ...(hcloud === undefined ? {} : { hcloud }),
    ...(terraform === undefined ? {} : { terraform }),
    ...(api === undefined ? {} : { api }),
  };
}

function withProject(api: NonNullable<FixRender['api']>, project: string): NonNullable<FixRender['api']> {
  const path = (p: string) => p.replaceAll('{project_id}', project);
  return {
    ...api,
    path: path(api.path),
    ...(api.next ? { next: api.next.map((r) => ({ ...r, path: path(r.path) })) } : {}),
  };
}

function renderKind(fix: FixSpec, purpose: string): FixRender {
  switch (fix.kind) {
    case 'security-group-rule':
      return renderSecurityGroupRule(fix, purpose);
    case 'route':
      return renderRoute(fix, purpose);
    case 'network-acl-rule':
      return renderNetworkAclRule(fix, purpose);
    case 'whitelist-entry':
      return renderWhitelistEntry(fix, purpose);
    case 'peering-accept':
      return renderPeeringAccept(fix, purpose);
    case 'host-bridge':
      return renderHostBridge(fix, purpose);
    case 'snat-rule':
      return renderSnatRule(fix, purpose);
    case 'nat-gateway':
      return renderNatGateway(fix, purpose);
    case 'peering':
      return renderPeering(fix, purpose);
    case 'er-route':
      return renderErRoute(fix, purpose);
    case 'er-association':
      return renderErAssociation(fix, purpose);
    case 'er-propagation':
      return renderErPropagation(fix, purpose);
    case 'network-policy':
      return renderNetworkPolicy(fix, purpose);
    case 'replan':
      return renderReplan(fix, purpose);
  }
}

/**
 * Attach the rendering to a fix spec, rendered on first read: most diagnoses are reduced to a verdict or shown
 * with one fix, so the four forms of every fix are built only when someone reads `render`. `render` is an
 * enumerable, memoized getter, the last key, so spreads, `JSON.stringify` and equality see it as before.
 */
export function withRender(fix: FixSpec, purpose: string, place: FixPlace = {}): Fix {
  let render: FixRender | undefined;
  return Object.defineProperty({ ...fix }, 'render', {
    enumerable: true,
    get: (): FixRender => {
      render ??= renderFix(fix, purpose, place);
      return render;
    },
  }) as Fix;
}
