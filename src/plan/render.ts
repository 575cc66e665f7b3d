// A plan check for people (terminal text, a pull-request comment in Markdown) and for tools (JSON).
import type { Verdict } from '../engine/diagnosis.js';
import { EN, type I18n } from '../i18n/i18n.js';
import { CHECK_TITLES, VERDICT_WORDS } from '../i18n/messages/common.js';
import { scenarios as M } from '../i18n/messages/scenarios.js';
import { describePath } from '../whatif/render.js';
import type { PlanCheck, PlanPathResult } from './check.js';

export type PlanFormat = 'text' | 'markdown' | 'json';

function title(r: PlanPathResult, text: I18n): string {
  const path = describePath(r.path.question, text);
  return r.path.label && r.path.label !== path ? `${r.path.label} (${path})` : path;
}

function actionsOf(check: PlanCheck, address: string): string {
  return check.planned.find((p) => p.address === address)?.actions.join('+') ?? '';
}

/** A Terraform address with its plan actions: "aws_x.y (delete)"; the actions are Terraform's words, code in Chinese. */
function causeOf(check: PlanCheck, address: string, text: I18n): string {
  const actions = actionsOf(check, address);
  return text.lang === 'zh' ? `${address}（\`${actions}\`）` : `${address} (${actions})`;
}

function move(r: PlanPathResult, text: I18n): string {
  const word = (v: Verdict) => text.t(VERDICT_WORDS[v]);
  return `${word(r.before)} → ${word(r.after)}`;
}

/** A check by its title in the reader's language; the machine name in English, as it always was. */
function checkWords(check: string, text: I18n): string {
  const found = text.lang === 'en' ? undefined : CHECK_TITLES[check as keyof typeof CHECK_TITLES];
  return found ? text.t(found) : check;
}

function counts(check: PlanCheck) {
  const by = (m: string) => check.paths.filter((p) => p.movement === m);
  return { breaks: by('breaks'), fixed: by('fixed'), uncertain: by('uncertain'), same: by('same') };
}

/** The check as JSON: counts, every path with its causes, every resource change with what it did. */
export function planJson(check: PlanCheck, text: I18n = EN): unknown {
  const c = counts(check);
  return {
    summary: {
      paths: check.paths.length,
      breaks: c.breaks.length,
      fixed: c.fixed.length,
      uncertain: c.uncertain.length,
      unchanged: c.same.length,
      resourceChanges: check.planned.length,
      evaluated: check.planned.filter((p) => p.changes.length || p.unknown?.length).length,
    },
    paths: check.paths,
    resourceChanges: check.planned.map((p) => ({
      address: p.address,
      type: p.type,
      actions: p.actions,
      edits: p.changes.length,
      ...(p.unknown?.length ? { unknownAfterApply: p.unknown } : {}),
      ...(p.note ? { note: text.pick(p.note) } : {}),
    })),
  };
}

function detail(check: PlanCheck, r: PlanPathResult, indent: string, text: I18n, withCause = true): string[] {
  const lines: string[] = [];
  const causes = r.causes.map((a) => causeOf(check, a, text)).join(', ');
  if (r.movement === 'uncertain')
    lines.push(`${indent}${text.t(M['plan.dependsOn'], { what: r.unknownBecause ?? causes })}`);
  else if (causes && withCause) lines.push(`${indent}${text.t(M['plan.cause'], { causes })}`);
  if (r.blocker && r.movement === 'breaks') {
    const colon = text.lang === 'zh' ? '：' : ': ';
    lines.push(`${indent}${checkWords(r.blocker.check, text)}${colon}${r.blocker.summary}`);
    if (r.blocker.fix) lines.push(`${indent}${text.t(M['reverse.fix'], { fix: r.blocker.fix })}`);
    lines.push(`${indent}${text.t(M['plan.leaveOut'], { or: Boolean(r.blocker.fix), causes: r.causes.join(', ') })}`);
  }
  return lines;
}

function notEvaluated(check: PlanCheck, text: I18n): string[] {
  return check.planned.flatMap((p) => (p.note && !p.note.quiet ? [`${p.address}: ${text.pick(p.note)}`] : []));
}

/** Terminal text. */
export function planText(check: PlanCheck, text: I18n = EN): string {
  const c = counts(check);
  const lines = [
    text.t(M['plan.headline'], { changes: check.planned.length, paths: check.paths.length }),
    text.t(M['plan.counts'], {
      breaks: c.breaks.length,
      fixed: c.fixed.length,
      uncertain: c.uncertain.length,
      same: c.same.length,
    }),
  ];
  const colon = text.lang === 'zh' ? '：' : ': ';
  const section = (name: string, mark: string, list: readonly PlanPathResult[]) => {
    if (!list.length) return;
    lines.push('', name);
    for (const r of list)
      lines.push(`${mark} ${title(r, text)}${colon}${move(r, text)}`, ...detail(check, r, '    ', text));
  };
  section(text.t(M['plan.breaks']), '✗', c.breaks);
  section(text.t(M['plan.uncertain']), '?', c.uncertain);
  section(text.t(M['plan.fixed']), '✓', c.fixed);
  const skipped = notEvaluated(check, text);
  if (skipped.length) lines.push('', text.t(M['plan.notEvaluated']), ...skipped.map((s) => `  - ${s}`));
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

/** A pull-request comment. */
export function planMarkdown(check: PlanCheck, text: I18n = EN): string {
  const c = counts(check);
  const verdict = c.breaks.length
    ? `:x: ${text.t(M['plan.mdBreak'], { count: c.breaks.length })}`
    : text.t(M['plan.mdNothingBreaks']);
  const lines = [
    '### reachbot check-plan',
    '',
    text.t(M['plan.mdCounts'], {
      verdict,
      fixed: c.fixed.length,
      uncertain: c.uncertain.length,
      same: c.same.length,
      paths: check.paths.length,
      changes: check.planned.length,
    }),
  ];
  const table = (name: string, list: readonly PlanPathResult[]) => {
    if (!list.length) return;
    lines.push('', `#### ${name}`, '', text.t(M['plan.mdHeader']), '| --- | --- | --- | --- |');
    for (const r of list) {
      const why = detail(check, r, '', text, false);
      lines.push(
        `| ${cell(title(r, text))} | ${move(r, text)} | ${cell(r.causes.map((a) => `\`${a}\``).join(', '))} | ${cell(why.join('\n'))} |`,
      );
    }
  };
  table(text.t(M['plan.mdBreaks']), c.breaks);
  table(text.t(M['plan.mdUncertain']), c.uncertain);
  table(text.t(M['plan.mdFixed']), c.fixed);
  const skipped = notEvaluated(check, text);
  if (skipped.length)
    lines.push(
      '',
      `<details><summary>${text.t(M['plan.mdNotEvaluated'])}</summary>`,
      '',
      ...skipped.map((s) => `- ${cell(s)}`),
      '',
      '</details>',
    );
  return lines.join('\n');
}
