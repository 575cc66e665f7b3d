// Each fix as words, KooCLI, Terraform and an API request. (Owned by the render module; the engine
// attaches a lazy rendering to every fix it proposes, see withRender.) One module per fix kind under ./fixes.
import type { Fix, FixPlace, FixRender, FixSpec } from '../engine/diagnosis.js';
import { EN, type I18n, WORDLESS_TEXT } from '../i18n/i18n.js';
import { renderErAssociation, renderErPropagation, renderErRoute } from './fixes/er.js';
import { renderHostBridge } from './fixes/host-bridge.js';
import { renderNatGateway } from './fixes/nat-gateway.js';
import { renderNetworkAclRule } from './fixes/network-acl-rule.js';
import { renderNetworkPolicy } from './fixes/network-policy.js';
import { peeringWords, renderPeering } from './fixes/peering.js';
import { renderPeeringAccept } from './fixes/peering-accept.js';
import { REGION_PLACEHOLDER } from './fixes/references.js';
import { renderReplan } from './fixes/replan.js';
import { renderRoute, routeWords } from './fixes/route.js';
import { renderSecurityGroupRule, securityGroupRuleWords } from './fixes/security-group-rule.js';
import { renderSnatRule } from './fixes/snat-rule.js';
import { renderWhitelistEntry } from './fixes/whitelist-entry.js';
import { withVariableBlocks } from './syntax/hcl.js';
import { shellFlag } from './syntax/shell.js';

export type { FixPlace };

/**
 * Render a fix; `purpose` says in a few words why it exists ("CCE prod pods -> db1 tcp/3306"); `place` fills in
 * the region and project id so that commands paste as printed. Terraform declares every variable it uses.
 */
export function renderFix(fix: FixSpec, purpose: string, place: FixPlace = {}, text: I18n = EN): FixRender {
  const render = renderKind(fix, purpose, text);
  const hcloud =
    render.hcloud !== undefined && place.region !== undefined
      ? render.hcloud.replaceAll(shellFlag('cli-region', REGION_PLACEHOLDER), shellFlag('cli-region', place.region))
      : render.hcloud;
  const api =
    render.api !== undefined && place.project !== undefined ? withProject(render.api, place.project) : render.api;
  const terraform = render.terraform === undefined ? undefined : withVariableBlocks(render.terraform, text);
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

function renderKind(fix: FixSpec, purpose: string, text: I18n): FixRender {
  switch (fix.kind) {
    case 'security-group-rule':
      return renderSecurityGroupRule(fix, purpose, text);
    case 'route':
      return renderRoute(fix, purpose, text);
    case 'network-acl-rule':
      return renderNetworkAclRule(fix, purpose, text);
    case 'whitelist-entry':
      return renderWhitelistEntry(fix, purpose, text);
    case 'peering-accept':
      return renderPeeringAccept(fix, purpose, text);
    case 'host-bridge':
      return renderHostBridge(fix, purpose, text);
    case 'snat-rule':
      return renderSnatRule(fix, purpose, text);
    case 'nat-gateway':
      return renderNatGateway(fix, purpose, text);
    case 'peering':
      return renderPeering(fix, purpose, text);
    case 'er-route':
      return renderErRoute(fix, purpose, text);
    case 'er-association':
      return renderErAssociation(fix, purpose, text);
    case 'er-propagation':
      return renderErPropagation(fix, purpose, text);
    case 'network-policy':
      return renderNetworkPolicy(fix, purpose, text);
    case 'replan':
      return renderReplan(fix, purpose, text);
  }
}

/**
 * Attach the rendering to a fix spec (its human texts in `text`'s language), rendered on first read: most diagnoses are reduced to a verdict or shown
 * with one fix, so the four forms of every fix are built only when someone reads `render`. `render` is an
 * enumerable, memoized getter, the last key, so spreads, `JSON.stringify` and equality see it as before.
 */
export function withRender(fix: FixSpec, purpose: string, place: FixPlace = {}, text: I18n = EN): Fix {
  let render: FixRender | undefined;
  const attached = Object.defineProperty({ ...fix }, 'render', {
    enumerable: true,
    get: (): FixRender => {
      render ??= renderFix(fix, purpose, place, text);
      return render;
    },
  }) as Fix;
  wordsOnly.set(attached, () => render?.text ?? fixWordsOf(fix, purpose, text));
  return attached;
}

// The rendering of every fix of a walk without words: one shared object, nothing built.
const WORDLESS_RENDER: FixRender = Object.freeze({ text: WORDLESS_TEXT });

/**
 * Attach a placeholder rendering to a fix spec, for walks without words (`words: false`), whose callers keep only
 * the kinds of the fixes: withRender's getter and its memo would be built for every fix and never read.
 */
export function withoutRender(fix: FixSpec): Fix {
  return { ...fix, render: WORDLESS_RENDER } as Fix;
}

/** For each fix withRender made: its words without rendering the commands (a fix's text ignores `place`). */
const wordsOnly = new WeakMap<Fix, () => string>();

/**
 * A fix's words (`render.text`) without building its KooCLI, Terraform and API forms when they are not built yet:
 * a reverse answer shows the first fix of 20,000 paths in words and nothing else.
 */
export function fixWords(fix: Fix): string {
  return wordsOnly.get(fix)?.() ?? fix.render.text;
}

// The kinds whose words are worth computing alone (the ones that block most paths of a large network); the others
// are rendered whole, which gives the same text.
function fixWordsOf(fix: FixSpec, purpose: string, text: I18n): string {
  switch (fix.kind) {
    case 'peering':
      return peeringWords(fix, purpose, text);
    case 'route':
      return routeWords(fix, purpose, text);
    case 'security-group-rule':
      return securityGroupRuleWords(fix, purpose, text);
    default:
      return renderKind(fix, purpose, text).text;
  }
}
