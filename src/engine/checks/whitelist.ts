// Step `whitelist`: services controlled by an IP whitelist (DCS Redis 4.0+, CCE "Configuring Intra-VPC Access", cce_10_0399). Enabled with
// groups: every address the destination sees must be in some entry. Disabled or no groups: all IPs that
// can reach the VPC may access.
import { mustCidr } from '../../net/address.js';
import { type CheckResult, type FlowContext, result } from '../context.js';
import { whitelistFixes } from '../fixes/whitelist-entry.js';
import { spansOf, spansText, subtract } from '../spans.js';

/** The destination's whitelist against the seen source. */
export function whitelistCheck(ctx: FlowContext): CheckResult {
  const out = result();
  const { target, source, cluster } = ctx;
  const resource = target.resource;
  const whitelist = resource?.whitelist;
  if (!resource || !whitelist || target.info.kind === 'internet') {
    out.steps.push({ check: 'whitelist', status: 'skip', summary: 'the destination has no IP whitelist' });
    return out;
  }
  const entries = (whitelist.groups ?? []).flatMap((g) => g.addresses);
  if (whitelist.enabled === false || entries.length === 0) {
    out.steps.push({
      check: 'whitelist',
      status: 'pass',
      summary: `the whitelist of ${resource.name} is ${whitelist.enabled === false ? 'disabled' : 'empty'}: all IPs that can reach the VPC can access it (CCE "Configuring Intra-VPC Access", cce_10_0399)`,
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
      summary: `the whitelist of ${resource.name} contains ${spansText(source.family, source.spans)}`,
    });
    return out;
  }
  out.steps.push({
    check: 'whitelist',
    status: 'fail',
    summary: `the whitelist of ${resource.name} does not contain ${spansText(source.family, missing)}`,
    evidence: { resource: resource.name, groups: (whitelist.groups ?? []).map((g) => g.name) },
  });
  out.fixes.push(...whitelistFixes(resource, cluster.cluster.name, source.stable, ctx.purpose));
  return out;
}
