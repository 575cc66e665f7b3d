// A network-policy fix as words and as a manifest for `kubectl apply -f -` (plus, when one policy owns the
// pods' egress, the `kubectl patch` that adds the same rule there). No cloud API is involved: the fix lives
// in the cluster, so there is no KooCLI, Terraform or Huawei API form.
import { stringify } from 'yaml';
import type { FixRender, NetworkPolicyFix } from '../../engine/diagnosis.js';
import { egressRuleOfFix, policyOfFix } from '../../engine/fixes/network-policy.js';
import { actionText } from './references.js';

type NetworkPolicyFixSpec = Omit<NetworkPolicyFix, 'render'>;

function portsWords(fix: NetworkPolicyFixSpec): string {
  if (fix.ports.length === 0) return 'every protocol and port (NetworkPolicy ports cannot name ICMP)';
  return fix.ports.map((p) => `${p.protocol.toLowerCase()}/${p.port}`).join(' and ');
}

function podsWords(fix: NetworkPolicyFixSpec): string {
  const labels = Object.entries(fix.podSelector).map(([k, v]) => `${k}=${v}`);
  return labels.length ? `the pods labelled ${labels.join(', ')} in ${fix.namespace}` : `every pod in ${fix.namespace}`;
}

function targetWords(fix: NetworkPolicyFixSpec): string {
  if ('ipBlock' in fix.to) return fix.to.ipBlock;
  const labels = Object.entries(fix.to.podLabels).map(([k, v]) => `${k}=${v}`);
  return `the pods labelled ${labels.join(', ')} in ${fix.to.namespace}`;
}

/** The `kubectl patch` that adds the fix's egress rule to the policy that owns the pods' egress. */
export function patchCommand(fix: NetworkPolicyFixSpec): string | undefined {
  if (!fix.owner) return undefined;
  const slash = fix.owner.policy.indexOf('/');
  const namespace = fix.owner.policy.slice(0, slash);
  const name = fix.owner.policy.slice(slash + 1);
  const rule = egressRuleOfFix(fix);
  const op =
    fix.owner.egressRules > 0
      ? { op: 'add', path: '/spec/egress/-', value: rule }
      : { op: 'add', path: '/spec/egress', value: [rule] };
  // JSON in single quotes: no single quote can occur in it (names, labels and CIDRs only).
  return `kubectl -n ${namespace} patch networkpolicy ${name} --type=json -p '${JSON.stringify([op])}'`;
}

/** Render a network-policy fix. */
export function renderNetworkPolicy(fix: NetworkPolicyFixSpec, purpose: string): FixRender {
  const text = actionText(
    `In cluster ${fix.cluster}, add NetworkPolicy ${fix.namespace}/${fix.name} letting ${podsWords(fix)} send ${portsWords(fix)} to ${targetWords(fix)}${fix.owner ? ` (or add the same egress rule to ${fix.owner.policy}, which owns their egress)` : ''}`,
    purpose,
  );
  const manifest = stringify(policyOfFix(fix), { lineWidth: 0 });
  const patch = patchCommand(fix);
  const kubectl = [
    `# kubectl apply -f - <<'EOF'   (cluster ${fix.cluster})`,
    manifest.trimEnd(),
    ...(patch ? ['', `# or, instead, patch the policy that owns this egress:`, `# ${patch}`] : []),
  ].join('\n');
  return { text, kubectl };
}
