// What-if results for people: the change in words, how the asked path moves, then every watched path, breaks first.
import type { CheckName, Verdict } from '../engine/diagnosis.js';
import { EN, type I18n } from '../i18n/i18n.js';
import { CHECK_TITLES, VERDICT_WORDS } from '../i18n/messages/common.js';
import { digest as DIGEST } from '../i18n/messages/digest.js';
import { scenarios as M } from '../i18n/messages/scenarios.js';
import type { Question } from '../question/question.js';
import type { Change } from './change.js';
import type { Movement, PathComparison } from './compare.js';

const MARK: Record<Movement, string> = { breaks: '✗', fixed: '✓', uncertain: '?', same: '=' };
const ORDER: readonly Movement[] = ['breaks', 'uncertain', 'fixed', 'same'];

/** A path in the terse form: `payments/api in prod → db1 tcp/3306` / `prod 中的 payments/api → db1 tcp/3306`. */
export function describePath(question: Question, text: I18n = EN): string {
  const source = question.workload
    ? text.t(DIGEST['digest.workloadIn'], { workload: question.workload, cluster: question.cluster })
    : question.cluster;
  const flow =
    question.port !== undefined
      ? ` ${question.protocol ?? 'tcp'}/${question.port}`
      : question.protocol === 'icmp'
        ? ' ping'
        : '';
  return `${source} → ${question.destination}${flow}`;
}

/** One change in words. */
export function describeChange(change: Change, text: I18n = EN): string {
  switch (change.op) {
    case 'add-rule': {
      const r = change.rule;
      const flow = `${r.protocol ?? 'any'}${r.ports ? `/${r.ports}` : ''}`;
      const remote = typeof r.remote === 'string' ? r.remote : r.remote ? JSON.stringify(r.remote) : undefined;
      return text.t(M['whatif.addRule'], {
        group: change.securityGroup,
        ingress: r.direction === 'ingress',
        deny: r.action === 'deny',
        flow,
        ...(remote ? { remote } : {}),
      });
    }
    case 'remove-rule':
      return text.t(M['whatif.removeRule'], {
        group: change.securityGroup,
        ...(change.index !== undefined ? { index: change.index } : {}),
        ...(change.ruleId ? { ruleId: change.ruleId } : {}),
      });
    case 'add-route':
      return text.t(M['whatif.addRoute'], {
        destination: change.route.destination,
        type: change.route.type,
        ...(change.route.nextHop ? { nextHop: change.route.nextHop } : {}),
        ...(change.routeTable ? { table: change.routeTable } : {}),
        ...(change.vpc ? { vpc: change.vpc } : {}),
      });
    case 'remove-route':
      return text.t(M['whatif.removeRoute'], {
        destination: change.destination,
        ...(change.routeTable ? { table: change.routeTable } : {}),
        ...(change.vpc ? { vpc: change.vpc } : {}),
      });
    case 'add-whitelist-entry':
      return text.t(M['whatif.addWhitelist'], { address: change.address, resource: change.resource });
    case 'remove-whitelist-entry':
      return text.t(M['whatif.removeWhitelist'], { address: change.address, resource: change.resource });
    case 'set-peering':
      return text.t(M['whatif.setPeering'], { peering: change.peering, status: change.status });
    case 'add-peering':
      return text.t(M['whatif.addPeering'], {
        id: change.peering.id,
        requester: change.peering.requesterVpc,
        accepter: change.peering.accepterVpc,
      });
    case 'remove-peering':
      return text.t(M['whatif.removePeering'], { peering: change.peering });
    case 'apply-fixes':
      return text.t(M['whatif.applyFixes'], { count: change.fixes.length });
  }
}

function move(before: Verdict, after: Verdict, text: I18n): string {
  const word = (v: Verdict) => text.t(VERDICT_WORDS[v]);
  return before === after
    ? text.t(M['whatif.unchanged'], { verdict: word(after) })
    : `${word(before)} → ${word(after)}`;
}

/** A check by its title in the reader's language; the machine name in English, as it always was. */
function checkWords(check: string, text: I18n): string {
  const title = text.lang === 'en' ? undefined : CHECK_TITLES[check as CheckName];
  return title ? text.t(title) : check;
}

/** One compared path on one line (plus its blocker and fix on the next when it is not reachable after). */
export function renderComparison(c: PathComparison, text: I18n = EN): string {
  const path = describePath(c.path.question, text);
  const label = c.path.label ? `${c.path.label} (${path})` : path;
  const colon = text.lang === 'zh' ? '：' : ': ';
  const head = `${MARK[c.movement]} ${label}${colon}${move(c.before, c.after, text)}`;
  if (!c.blocker || c.movement === 'same') return head;
  const fix = c.blocker.fix ? `\n    ${text.t(SCENARIO_FIX, { fix: c.blocker.fix })}` : '';
  return `${head}\n    ${checkWords(c.blocker.check, text)}${colon}${c.blocker.summary}${fix}`;
}

/** The whole what-if report: the changes, this path, the watched paths (counts, then the ones that move). */
export function renderWhatIf(
  changes: readonly Change[],
  asked: readonly PathComparison[],
  watched: readonly PathComparison[],
  text: I18n = EN,
): string {
  const lines = [
    text.t(M['whatif.heading'], { changes: changes.map((change) => describeChange(change, text)) }),
    text.t(M['whatif.onCopy']),
  ];
  if (asked.length) {
    lines.push('', text.t(asked.length === 1 ? M['whatif.thisPath'] : M['whatif.thesePaths']));
    for (const c of asked) lines.push(renderComparison(c, text));
  }
  const counts = ORDER.map((m) => text.t(COUNT[m], { count: watched.filter((c) => c.movement === m).length }));
  lines.push('', text.t(M['whatif.watched'], { count: watched.length, counts }));
  const moved = ORDER.flatMap((m) => (m === 'same' ? [] : watched.filter((c) => c.movement === m)));
  for (const c of moved) lines.push(renderComparison(c, text));
  return lines.join('\n');
}

const SCENARIO_FIX = M['reverse.fix'];
const COUNT = {
  breaks: M['whatif.breaks'],
  uncertain: M['whatif.uncertain'],
  fixed: M['whatif.fixed'],
  same: M['whatif.same'],
} as const;
