// A plan check for people (terminal text, a pull-request comment in Markdown) and for tools (JSON).
import { describePath } from '../whatif/render.js';
import type { PlanCheck, PlanPathResult } from './check.js';

export type PlanFormat = 'text' | 'markdown' | 'json';

function title(r: PlanPathResult): string {
  const path = describePath(r.path.question);
  return r.path.label && r.path.label !== path ? `${r.path.label} (${path})` : path;
}

function actionsOf(check: PlanCheck, address: string): string {
  return check.planned.find((p) => p.address === address)?.actions.join('+') ?? '';
}

function counts(check: PlanCheck) {
  const by = (m: string) => check.paths.filter((p) => p.movement === m);
  return { breaks: by('breaks'), fixed: by('fixed'), uncertain: by('uncertain'), same: by('same') };
}

/** The check as JSON: counts, every path with its causes, every resource change with what it did. */
export function planJson(check: PlanCheck): unknown {
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
      ...(p.note ? { note: p.note } : {}),
    })),
  };
}

function detail(check: PlanCheck, r: PlanPathResult, indent: string): string[] {
  const lines: string[] = [];
  const causes = r.causes.map((a) => `${a} (${actionsOf(check, a)})`).join(', ');
  if (r.movement === 'uncertain') lines.push(`${indent}depends on ${r.unknownBecause ?? causes}`);
  else if (causes) lines.push(`${indent}cause: ${causes}`);
  if (r.blocker && r.movement === 'breaks') {
    lines.push(`${indent}${r.blocker.check}: ${r.blocker.summary}`);
    if (r.blocker.fix) lines.push(`${indent}fix: ${r.blocker.fix}`);
    lines.push(`${indent}${r.blocker.fix ? 'or ' : ''}leave ${r.causes.join(', ')} out of the plan`);
  }
  return lines;
}

function notEvaluated(check: PlanCheck): string[] {
  return check.planned.filter((p) => p.note && !p.note.startsWith('no change')).map((p) => `${p.address}: ${p.note}`);
}

/** Terminal text. */
export function planText(check: PlanCheck): string {
  const c = counts(check);
  const lines = [
    `check-plan: ${check.planned.length} resource change${check.planned.length === 1 ? '' : 's'}, ${check.paths.length} path${check.paths.length === 1 ? '' : 's'} checked`,
    `✗ ${c.breaks.length} breaking · ✓ ${c.fixed.length} fixed · ? ${c.uncertain.length} uncertain · ${c.same.length} unchanged`,
  ];
  const section = (name: string, mark: string, list: readonly PlanPathResult[]) => {
    if (!list.length) return;
    lines.push('', name);
    for (const r of list) lines.push(`${mark} ${title(r)}: ${r.before} → ${r.after}`, ...detail(check, r, '    '));
  };
  section('Breaks:', '✗', c.breaks);
  section('Uncertain (values known only after apply):', '?', c.uncertain);
  section('Fixed:', '✓', c.fixed);
  const skipped = notEvaluated(check);
  if (skipped.length) lines.push('', 'Not evaluated:', ...skipped.map((s) => `  - ${s}`));
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

/** A pull-request comment. */
export function planMarkdown(check: PlanCheck): string {
  const c = counts(check);
  const verdict = c.breaks.length
    ? `:x: **${c.breaks.length} path${c.breaks.length === 1 ? '' : 's'} break**`
    : ':white_check_mark: **nothing breaks**';
  const lines = [
    '### reachbot check-plan',
    '',
    `${verdict} · ${c.fixed.length} fixed · ${c.uncertain.length} uncertain · ${c.same.length} unchanged (${check.paths.length} paths, ${check.planned.length} resource changes)`,
  ];
  const table = (name: string, list: readonly PlanPathResult[]) => {
    if (!list.length) return;
    lines.push('', `#### ${name}`, '', '| path | before → after | cause | why / fix |', '| --- | --- | --- | --- |');
    for (const r of list) {
      const why = detail(check, r, '').filter((l) => !l.startsWith('cause: '));
      lines.push(
        `| ${cell(title(r))} | ${r.before} → ${r.after} | ${cell(r.causes.map((a) => `\`${a}\``).join(', '))} | ${cell(why.join('\n'))} |`,
      );
    }
  };
  table('Breaks', c.breaks);
  table('Uncertain: values known only after apply', c.uncertain);
  table('Fixed', c.fixed);
  const skipped = notEvaluated(check);
  if (skipped.length)
    lines.push(
      '',
      '<details><summary>Not evaluated</summary>',
      '',
      ...skipped.map((s) => `- ${cell(s)}`),
      '',
      '</details>',
    );
  return lines.join('\n');
}
