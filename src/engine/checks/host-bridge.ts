// Step `host-bridge`: a container-engine bridge on the destination host containing the source it sees
// captures the replies (CCE "Configuring Intra-VPC Access", cce_10_0399). Which source matters follows the model: the pod CIDR for
// vpc-router, the container subnet for eni, only the node IPs for overlay_l2.
import { engineEdges as T } from '../../i18n/messages/engine-path.js';
import { mustCidr } from '../../net/address.js';
import { type CheckResult, type FlowContext, result } from '../context.js';
import { hostBridgeFix, suggestBridge } from '../fixes/host-bridge.js';
import { replanFix } from '../fixes/replan.js';
import { intersect, spansOf, spansText } from '../spans.js';

/** The destination host's bridges against the seen source. */
export function hostBridgeCheck(ctx: FlowContext): CheckResult {
  const out = result();
  const { target, source, compiled, purpose } = ctx;
  const text = ctx.i18n;
  const bridges = target.resource?.hostBridges ?? [];
  if (bridges.length === 0 || target.info.kind === 'internet') {
    out.steps.push({
      check: 'host-bridge',
      status: 'skip',
      summary: text.t(T['host-bridge.none']),
    });
    return out;
  }
  const conflicts: string[] = [];
  for (const bridge of bridges) {
    const cidr = mustCidr(bridge);
    const hit = intersect(spansOf([cidr], source.family), source.spans);
    if (hit.length === 0) continue;
    conflicts.push(text.t(T['host-bridge.conflict'], { bridge, spans: spansText(source.family, hit) }));
    const avoid = [...source.stable, ...bridges.filter((b) => b !== bridge)].map((t) => mustCidr(t));
    const suggested = suggestBridge(compiled, avoid, cidr);
    out.fixes.push(
      suggested
        ? hostBridgeFix(target.resource!.name, bridge, suggested, purpose)
        : replanFix(text.t(T['host-bridge.replan'], { bridge, resource: target.resource!.name }), purpose),
    );
  }
  if (conflicts.length === 0) {
    out.steps.push({
      check: 'host-bridge',
      status: 'pass',
      summary: text.t(T['host-bridge.ok'], { resource: target.resource!.name, bridges }),
    });
    return out;
  }
  out.steps.push({
    check: 'host-bridge',
    status: 'fail',
    summary: text.t(T['host-bridge.fail'], { resource: target.resource!.name, conflicts }),
    evidence: { resource: target.resource!.name, bridges },
  });
  return out;
}
