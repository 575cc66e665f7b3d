// A diagnosis as terminal text, for someone paged at 3 a.m.: the verdict and the question first, then
// what the destination sees as the source, the path step by step, the fixes ready to paste, and the
// assumptions the verdict rests on. Pure: color is ANSI only when asked for.
import type { Diagnosis, DiagnosisResult, Fix, FixFormat, StepStatus, Verdict } from '../engine/diagnosis.js';
import { flowsOf } from '../engine/diagnosis.js';
import { EN, type I18n } from '../i18n/i18n.js';
import { answer } from '../i18n/messages/answer.js';
import { CHECK_TITLES } from '../i18n/messages/common.js';
import { type PastedForm, placeholderNote } from './placeholders.js';
import { oneFileTerraform } from './syntax/hcl.js';
import { singleLine } from './syntax/shell.js';
import {
  allAssumptions,
  apiWords,
  flowTitle,
  numberedFixes,
  questionWords,
  STEP_SYMBOL,
  VERDICT_SYMBOL,
  verdictLabel,
} from './words.js';

export interface TerminalOptions {
  readonly color?: boolean;
  readonly format?: FixFormat | 'all';
  /** Only the headline and the fixes (a follow-up asked for another form; the diagnosis was shown already). */
  readonly fixesOnly?: boolean;
  /** Which topology answered and how fresh it is; its warning goes before the verdict. */
  readonly provenance?: AnswerProvenance;
  /** The language of the words around the diagnosis (default English); the diagnosis's own texts are already in it. */
  readonly text?: I18n;
}

/** Where an answer's topology came from and how fresh it is, as the adapters word it (docs/SYNC.md). */
export interface AnswerProvenance {
  /** "topology prod, Huawei Cloud cn-north-4, synced 3 min ago". */
  readonly summary: string;
  /** Said before the verdict: the last sync failed, or the topology is overdue. */
  readonly warning?: string;
}

type Paint = (code: string, text: string) => string;

const VERDICT_COLOR: Record<Verdict, string> = { reachable: '32', unreachable: '31', uncertain: '33' };
const STEP_COLOR: Record<StepStatus, string> = { pass: '32', fail: '31', warn: '33', skip: '2' };

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : `${prefix}${line}`))
    .join('\n');
}

/** A step's name: the contract's check name in English, the console's words in Chinese. */
function checkName(check: Diagnosis['steps'][number]['check'], text: I18n): string {
  return text.lang === 'en' ? check : text.t(CHECK_TITLES[check]);
}

// Wide (CJK) characters take two columns of a terminal.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Display width of a text in terminal columns. */
function columns(value: string): number {
  let width = 0;
  for (const char of value) width += WIDE.test(char) ? 2 : 1;
  return width;
}

function stepLines(flow: Diagnosis, paint: Paint, prefix: string, text: I18n): string[] {
  const names = flow.steps.map((step) => checkName(step.check, text));
  const width = Math.max(0, ...names.map(columns));
  return flow.steps.map((step, i) => {
    const name = names[i] ?? step.check;
    const mark = paint(STEP_COLOR[step.status], STEP_SYMBOL[step.status]);
    return `${prefix}${mark} ${name}${' '.repeat(width - columns(name))}  ${singleLine(step.summary)}`;
  });
}

/** The formats of one fix, labelled, as the chosen format asks; the host-bridge snippet is shell, not KooCLI. */
function fixSections(
  fix: Fix,
  format: FixFormat | 'all',
  terraform: string | undefined,
  text: I18n,
): { label: string; body: string }[] {
  const render = fix.render;
  const sections: { label: string; body: string }[] = [];
  const want = (name: FixFormat): boolean => format === 'all' || format === name;
  if (render.hcloud !== undefined && want('hcloud')) {
    sections.push({
      label: text.t(answer[fix.kind === 'host-bridge' ? 'answer.label.host' : 'answer.label.hcloud']),
      body: render.hcloud,
    });
  }
  if (terraform !== undefined && want('terraform'))
    sections.push({ label: text.t(answer['answer.label.terraform']), body: terraform });
  if (render.api !== undefined && want('api'))
    sections.push({ label: text.t(answer['answer.label.api']), body: apiWords(render.api) });
  // A Kubernetes fix has no cloud form: its manifest is shown for every format but plain text.
  if (render.kubectl !== undefined && format !== 'text')
    sections.push({ label: text.t(answer['answer.label.kubectl']), body: render.kubectl });
  return sections;
}

function fixLines(result: DiagnosisResult, format: FixFormat | 'all', paint: Paint, text: I18n): string[] {
  const fixes = numberedFixes(result);
  if (fixes.length === 0) return [];
  const multi = 'flows' in result;
  const lines = ['', paint('1', text.t(answer['answer.fixes'], { count: fixes.length }))];
  // Printed one after the other, the Terraform forms paste into one file: each variable is declared once.
  const terraform = oneFileTerraform(fixes.map(({ fix }) => fix.render.terraform));
  for (const [index, { number, fix, flow }] of fixes.entries()) {
    const tags = [
      fix.alternative ? text.t(answer['answer.alternative']) : '',
      multi ? flowTitle(result, flow, text) : '',
    ].filter(Boolean);
    const tag = tags.length === 0 ? '' : text.lang === 'zh' ? `【${tags.join('，')}】` : `[${tags.join(', ')}] `;
    lines.push(`  ${number}. ${tag}${singleLine(fix.render.text)}`);
    for (const section of fixSections(fix, format, terraform[index], text)) {
      lines.push(`     ${paint('2', `${section.label}:`)}`, indent(section.body, '       '));
    }
  }
  const forms: PastedForm[] =
    format === 'all' ? ['hcloud', 'api'] : format === 'hcloud' || format === 'api' ? [format] : [];
  const note = placeholderNote(
    fixes.map(({ fix }) => fix),
    forms,
    text,
  );
  if (note !== undefined) lines.push('', `  ${paint('2', note)}`);
  return lines;
}

function sourceLines(flow: Diagnosis, text: I18n): string[] {
  return [
    text.t(answer['answer.seen-as'], { seen: flow.source.seenAs }),
    `  ${text.t(answer['answer.why'], { why: singleLine(flow.source.why) })}`,
  ];
}

/** Render a diagnosis (one flow or several) as terminal text. */
export function renderTerminal(result: DiagnosisResult, options: TerminalOptions = {}): string {
  const paint: Paint = options.color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
  const format = options.format ?? 'all';
  const text = options.text ?? EN;
  const verdict = result.verdict;
  const headline = paint(`1;${VERDICT_COLOR[verdict]}`, `${VERDICT_SYMBOL[verdict]} ${verdictLabel(verdict, text)}`);
  const provenance = options.provenance;
  const lines = provenance?.warning ? [paint('1;33', `⚠ ${singleLine(provenance.warning)}`), ''] : [];
  lines.push(`${headline}  ${questionWords(result, text)}`);
  if (provenance) lines.push(paint('2', `(${singleLine(provenance.summary)})`));
  if (options.fixesOnly) {
    const fixes = fixLines(result, format, paint, text);
    return `${[...lines, ...(fixes.length > 0 ? fixes : ['', text.t(answer['answer.no-fix'])])].join('\n')}\n`;
  }
  const flows = flowsOf(result);

  if (flows.length === 1 && flows[0] !== undefined) {
    const flow = flows[0];
    lines.push(
      '',
      ...sourceLines(flow, text),
      '',
      paint('1', text.t(answer['answer.path'])),
      ...stepLines(flow, paint, '  ', text),
    );
  } else {
    // Several flows: the source once when they agree, then per flow only what did not simply pass.
    const sameSource = new Set(flows.map((flow) => JSON.stringify(flow.source))).size === 1;
    if (sameSource && flows[0] !== undefined) lines.push('', ...sourceLines(flows[0], text));
    for (const flow of flows) {
      const mark = paint(
        VERDICT_COLOR[flow.verdict],
        `${VERDICT_SYMBOL[flow.verdict]} ${verdictLabel(flow.verdict, text)}`,
      );
      lines.push('', `${paint('1', flowTitle(result, flow, text))}${text.lang === 'zh' ? '：' : ': '}${mark}`);
      if (!sameSource) lines.push(...sourceLines(flow, text).map((line) => `  ${line}`));
      const notable = { ...flow, steps: flow.steps.filter((step) => step.status === 'fail' || step.status === 'warn') };
      lines.push(...stepLines(notable, paint, '  ', text));
      const passed = flow.steps.filter((step) => step.status === 'pass').length;
      if (passed > 0)
        lines.push(
          `  ${paint(STEP_COLOR.pass, STEP_SYMBOL.pass)} ${text.t(answer['answer.other-checks-pass'], { count: passed })}`,
        );
    }
  }

  lines.push(...fixLines(result, format, paint, text));
  const assumptions = allAssumptions(result);
  if (assumptions.length > 0) {
    lines.push(
      '',
      paint('1', text.t(answer['answer.assumptions'])),
      ...assumptions.map((assumption) => `  - ${assumption}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
