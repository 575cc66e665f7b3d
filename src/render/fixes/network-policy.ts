// A network-policy fix as words and as a manifest for `kubectl apply -f -` (plus, when one policy owns the
// pods' egress, the `kubectl patch` that adds the same rule there). No cloud API is involved: the fix lives
// in the cluster, so there is no KooCLI, Terraform or Huawei API form.
import type { FixRender, NetworkPolicyFix } from '../../engine/diagnosis.js';
import { egressRuleOfFix, policyOfFix } from '../../engine/fixes/network-policy.js';
import { EN, type I18n } from '../../i18n/i18n.js';
import { fixes } from '../../i18n/messages/fixes.js';
import { yamlText } from '../syntax/yaml.js';
import { actionText } from './references.js';

type NetworkPolicyFixSpec = Omit<NetworkPolicyFix, 'render'>;

function labels(selector: Readonly<Record<string, string>>): string[] {
  return Object.entries(selector).map(([k, v]) => `${k}=${v}`);
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
export function renderNetworkPolicy(fix: NetworkPolicyFixSpec, purpose: string, text: I18n = EN): FixRender {
  const words = actionText(
    text.t(fixes['fix.np'], {
      cluster: fix.cluster,
      namespace: fix.namespace,
      name: fix.name,
      pods: { namespace: fix.namespace, labels: labels(fix.podSelector) },
      ports: fix.ports.map((p) => `${p.protocol.toLowerCase()}/${p.port}`),
      target: 'ipBlock' in fix.to ? fix.to.ipBlock : { namespace: fix.to.namespace, labels: labels(fix.to.podLabels) },
      ...(fix.owner ? { owner: fix.owner.policy } : {}),
    }),
    purpose,
    text,
  );
  const manifest = yamlText(policyOfFix(fix));
  const patch = patchCommand(fix);
  const kubectl = [
    `# kubectl apply -f - <<'EOF'   ${text.t(fixes['fix.np.apply'], { cluster: fix.cluster })}`,
    manifest.trimEnd(),
    ...(patch ? ['', `# ${text.t(fixes['fix.np.or-patch'])}`, `# ${patch}`] : []),
  ].join('\n');
  return { text: words, kubectl };
}
