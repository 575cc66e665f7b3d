// Step `internet-egress`: a path to the internet per source (CCE "Accessing the Internet from a Container", cce_10_0400): the node EIP, or an SNAT
// rule of a NAT gateway on the node subnet (overlay_l2, vpc-router) or the container subnet (eni).
import { type CheckResult, type FlowContext, result } from '../context.js';
import { natGatewayFix } from '../fixes/nat-gateway.js';
import { replanFix } from '../fixes/replan.js';
import { natWithEip, snatFix } from '../fixes/snat-rule.js';

/** Whether every source has an EIP or an SNAT rule toward the internet. */
export function internetEgressCheck(ctx: FlowContext): CheckResult {
  const out = result();
  const egress = ctx.source.internet;
  if (ctx.target.info.kind === 'internet' && ctx.target.family === 6) {
    // docs/ENGINE.md: IPv6 internet is uncertain. IPv6 leaves through an IPv6 bandwidth bound to the address, which
    // the topology format does not describe; NAT gateways and EIPs carry IPv4 only.
    const reason =
      'IPv6 internet egress is not modelled: IPv6 traffic leaves with its own address through an IPv6 bandwidth (not through a NAT gateway or an IPv4 EIP), and the topology does not describe IPv6 bandwidths';
    out.steps.push({ check: 'internet-egress', status: 'warn', summary: reason });
    out.uncertain.push(reason);
    return out;
  }
  if (ctx.target.info.kind !== 'internet' || !egress) {
    out.steps.push({ check: 'internet-egress', status: 'skip', summary: 'not an internet destination' });
    return out;
  }
  const via = egress.via.map((v) => `${v.what} via ${v.how === 'nat' ? `NAT gateway ${v.natGateway}` : 'its EIP'}`);
  if (egress.missing.length === 0) {
    out.steps.push({
      check: 'internet-egress',
      status: 'pass',
      summary: `internet egress: ${via.join('; ')}`,
      evidence: { eips: egress.eips },
    });
    return out;
  }
  const vpc = ctx.compiled.vpcs.get(ctx.cluster.vpcId);
  const subnets = [...new Set(egress.missing.map((m) => m.subnet))];
  // An SNAT rule on the gateway that already has an EIP; else new infrastructure: gateway, EIP and rules.
  if (vpc && natWithEip(vpc)) out.fixes.push(...subnets.map((s) => snatFix(vpc, s, ctx.purpose, ctx.i18n)));
  else if (vpc) out.fixes.push(natGatewayFix(vpc, subnets, ctx.purpose));
  else
    out.fixes.push(
      replanFix(`${ctx.cluster.vpcId} is not in the topology: give it a way out to the internet`, ctx.purpose),
    );
  const missing = egress.missing.map((m) => m.what).join(', ');
  if (egress.eniNodeEipOnly) {
    const reason = `no SNAT rule covers ${missing}; the nodes have EIPs, but CCE documents no node-EIP path for Turbo (eni) pods (CCE "Accessing the Internet from a Container", cce_10_0400; Huawei's docs leave this open; likely no internet access)`;
    out.steps.push({ check: 'internet-egress', status: 'warn', summary: reason });
    out.uncertain.push(reason);
    return out;
  }
  out.steps.push({
    check: 'internet-egress',
    status: 'fail',
    summary: `no internet path for ${missing}: no EIP and no SNAT rule covers ${subnets.map((s) => s.subnet.id).join(', ')}`,
    evidence: { via },
  });
  return out;
}
