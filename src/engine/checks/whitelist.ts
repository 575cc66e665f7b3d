// Step `whitelist`: services controlled by an IP whitelist (DCS Redis 4.0+, CCE "Configuring Intra-VPC Access", cce_10_0399). Enabled with
// groups: every address the destination sees must be in some entry. Disabled or no groups: all IPs that
// can reach the VPC may access.
import { engineSource as TEXTS } from '../../i18n/messages/engine-source.js';
import { mustCidr } from '../../net/address.js';
import { type CheckResult, type FlowContext, result } from '../context.js';
import { whitelistFixes } from '../fixes/whitelist-entry.js';
import { spansOf, spansText, subtract } from '../spans.js';

/** The destination's whitelist against the seen source. */
export function whitelistCheck(ctx: FlowContext): CheckResult {
  const out = result();
  const { target, source, cluster, i18n: text } = ctx;
  const resource = target.resource;
  const whitelist = resource?.whitelist;
  if (!resource || !whitelist || target.info.kind === 'internet') {
    out.steps.push({ check: 'whitelist', status: 'skip', summary: text.t(TEXTS['whitelist.none']) });
    return out;
  }
  const entries = (whitelist.groups ?? []).flatMap((g) => g.addresses);
  if (whitelist.enabled === false || entries.length === 0) {
    out.steps.push({
      check: 'whitelist',
      status: 'pass',
      summary: text.t(TEXTS['whitelist.open'], { resource: resource.name, disabled: whitelist.enabled === false }),
    });
    return out;
  }
  const allowed = spansOf(
    entries.map((e) => mustCidr(e)),
    source.family,
  );
  const missing = subtract(source.spans, allowed);
  if (missing.length === 0) {
    out.steps.push({
      check: 'whitelist',
      status: 'pass',
      summary: text.t(TEXTS['whitelist.contains'], {
        resource: resource.name,
        spans: spansText(source.family, source.spans),
      }),
    });
    return out;
  }
  out.steps.push({
    check: 'whitelist',
    status: 'fail',
    summary: text.t(TEXTS['whitelist.missing'], { resource: resource.name, spans: spansText(source.family, missing) }),
    evidence: { resource: resource.name, groups: (whitelist.groups ?? []).map((g) => g.name) },
  });
  out.fixes.push(...whitelistFixes(resource, cluster.cluster.name, source.stable, ctx.purpose));
  return out;
}
