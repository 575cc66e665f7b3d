// What-if results for people: the change in words, how the asked path moves, then every watched path, breaks first.
import type { Verdict } from '../engine/diagnosis.js';
import type { Question } from '../question/question.js';
import type { Change } from './change.js';
import type { Movement, PathComparison } from './compare.js';

const MARK: Record<Movement, string> = { breaks: '✗', fixed: '✓', uncertain: '?', same: '=' };
const ORDER: readonly Movement[] = ['breaks', 'uncertain', 'fixed', 'same'];

/** A path in the terse form: `payments/api in prod → db1 tcp/3306`. */
export function describePath(question: Question): string {
  const source = question.workload ? `${question.workload} in ${question.cluster}` : question.cluster;
  const flow =
    question.port !== undefined
      ? ` ${question.protocol ?? 'tcp'}/${question.port}`
      : question.protocol === 'icmp'
        ? ' ping'
        : '';
  return `${source} → ${question.destination}${flow}`;
}

/** One change in words. */
export function describeChange(change: Change): string {
  switch (change.op) {
    case 'add-rule': {
      const r = change.rule;
      const flow = `${r.protocol ?? 'any'}${r.ports ? `/${r.ports}` : ''}`;
      const remote = typeof r.remote === 'string' ? r.remote : r.remote ? JSON.stringify(r.remote) : 'anywhere';
      return `add ${r.action ?? 'allow'} ${r.direction} ${flow} ${r.direction === 'ingress' ? 'from' : 'to'} ${remote} to ${change.securityGroup}`;
    }
    case 'remove-rule':
      return `remove ${change.index !== undefined ? `rule #${change.index}` : change.ruleId ? `rule ${change.ruleId}` : 'a rule'} of ${change.securityGroup}`;
    case 'add-route':
      return `add the route ${change.route.destination} via ${change.route.type} ${change.route.nextHop ?? ''} in ${change.routeTable ?? `the default table of ${change.vpc}`}`.replace(
        /\s+/g,
        ' ',
      );
    case 'remove-route':
      return `delete the route ${change.destination} in ${change.routeTable ?? `the default table of ${change.vpc}`}`;
    case 'add-whitelist-entry':
      return `add ${change.address} to the whitelist of ${change.resource}`;
    case 'remove-whitelist-entry':
      return `remove ${change.address} from the whitelist of ${change.resource}`;
    case 'set-peering':
      return `set peering ${change.peering} to ${change.status}`;
    case 'add-peering':
      return `add peering ${change.peering.id} (${change.peering.requesterVpc} ↔ ${change.peering.accepterVpc})`;
    case 'remove-peering':
      return `delete peering ${change.peering}`;
    case 'apply-fixes':
      return `apply the ${change.fixes.length} fix${change.fixes.length === 1 ? '' : 'es'} of the answer`;
  }
}

function move(before: Verdict, after: Verdict): string {
  return before === after ? `${after} (unchanged)` : `${before} → ${after}`;
}

/** One compared path on one line (plus its blocker and fix on the next when it is not reachable after). */
export function renderComparison(c: PathComparison): string {
  const label = c.path.label ? `${c.path.label} (${describePath(c.path.question)})` : describePath(c.path.question);
  const head = `${MARK[c.movement]} ${label}: ${move(c.before, c.after)}`;
  if (!c.blocker || c.movement === 'same') return head;
  const fix = c.blocker.fix ? `\n    fix: ${c.blocker.fix}` : '';
  return `${head}\n    ${c.blocker.check}: ${c.blocker.summary}${fix}`;
}

/** The whole what-if report: the changes, this path, the watched paths (counts, then the ones that move). */
export function renderWhatIf(
  changes: readonly Change[],
  asked: readonly PathComparison[],
  watched: readonly PathComparison[],
): string {
  const lines = [
    `What if: ${changes.map(describeChange).join('; ')}`,
    '(evaluated on a copy of the topology; nothing was changed)',
  ];
  if (asked.length) {
    lines.push('', asked.length === 1 ? 'This path:' : 'These paths:');
    for (const c of asked) lines.push(renderComparison(c));
  }
  const counts = ORDER.map(
    (m) => `${watched.filter((c) => c.movement === m).length} ${m === 'same' ? 'unchanged' : m}`,
  );
  lines.push('', `Watched paths: ${watched.length} checked: ${counts.join(', ')}`);
  const moved = ORDER.flatMap((m) => (m === 'same' ? [] : watched.filter((c) => c.movement === m)));
  for (const c of moved) lines.push(renderComparison(c));
  return lines.join('\n');
}
