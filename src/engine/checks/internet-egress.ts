// Step `internet-egress`: a path to the internet per source (CCE "Accessing the Internet from a Container", cce_10_0400): the node EIP, or an SNAT
// rule of a NAT gateway on the node subnet (overlay_l2, vpc-router) or the container subnet (eni).
import { EN } from '../../i18n/i18n.js';
import { engineEdges as T } from '../../i18n/messages/engine-path.js';
import { engineSource } from '../../i18n/messages/engine-source.js';
import { type CheckResult, type FlowContext, result } from '../context.js';
import { natGatewayFix } from '../fixes/nat-gateway.js';
import { replanFix } from '../fixes/replan.js';
import { natWithEip, snatFix } from '../fixes/snat-rule.js';

/** Whether every source has an EIP or an SNAT rule toward the internet. */
export function internetEgressCheck(ctx: FlowContext): CheckResult {
  const out = result();
  const egress = ctx.source.internet;
  const text = ctx.i18n;
  const point = (p: { readonly of: 'node' | 'subnet'; readonly name: string }) =>
    text.t(engineSource['source.egress-point'], p);
  if (ctx.target.info.kind === 'internet' && ctx.target.family === 6) {
    // docs/ENGINE.md: IPv6 internet is uncertain. IPv6 leaves through an IPv6 bandwidth bound to the address, which
    // the topology format does not describe; NAT gateways and EIPs carry IPv4 only.
    const reason = text.t(T['internet.v6']);
    out.steps.push({ check: 'internet-egress', status: 'warn', summary: reason });
    out.uncertain.push(reason);
    return out;
  }
  if (ctx.target.info.kind !== 'internet' || !egress) {
    out.steps.push({ check: 'internet-egress', status: 'skip', summary: text.t(T['internet.not-internet']) });
    return out;
  }
  const viaIn = (language: typeof text) =>
    egress.via.map((v) =>
      language.t(T['internet.via'], {
        point: language.t(engineSource['source.egress-point'], v),
        ...(v.how === 'nat' && v.natGateway ? { nat: v.natGateway } : {}),
      }),
    );
  // Evidence stays English (machine-readable); the summary follows the answer's language.
  const via = viaIn(EN);
  if (egress.missing.length === 0) {
    out.steps.push({
      check: 'internet-egress',
      status: 'pass',
      summary: text.t(T['internet.ok'], { via: viaIn(text) }),
      evidence: { eips: egress.eips },
    });
    return out;
  }
  const vpc = ctx.compiled.vpcs.get(ctx.cluster.vpcId);
  const subnets = [...new Set(egress.missing.map((m) => m.subnet))];
  // An SNAT rule on the gateway that already has an EIP; else new infrastructure: gateway, EIP and rules.
  if (vpc && natWithEip(vpc)) out.fixes.push(...subnets.map((s) => snatFix(vpc, s, ctx.purpose, ctx.i18n)));
  else if (vpc) out.fixes.push(natGatewayFix(vpc, subnets, ctx.purpose));
  else out.fixes.push(replanFix(text.t(T['internet.vpc-missing-replan'], { vpc: ctx.cluster.vpcId }), ctx.purpose));
  const missing = egress.missing.map(point);
  if (egress.eniNodeEipOnly) {
    const reason = text.t(T['internet.eni-node-eip'], { missing });
    out.steps.push({ check: 'internet-egress', status: 'warn', summary: reason });
    out.uncertain.push(reason);
    return out;
  }
  out.steps.push({
    check: 'internet-egress',
    status: 'fail',
    summary: text.t(T['internet.missing'], { missing, subnets: subnets.map((s) => s.subnet.id) }),
    evidence: { via },
  });
  return out;
}
