// A diagnosis as Slack Block Kit, within Slack's limits (Slack "Block Kit" reference: limits on blocks and text): at most
// 50 blocks, 3000 characters per section, 150 per header, and well under the ~13k characters Slack
// accepts in all. A long answer keeps what matters most (the failing steps and the first fixes), marks
// what it cut, and hands the full terminal text back as `overflow`, to be sent as a file.
import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import type { DiagnosisResult, Fix, FixFormat } from '../engine/diagnosis.js';
import { flowsOf } from '../engine/diagnosis.js';
import { EN, type I18n } from '../i18n/i18n.js';
import { answer as words } from '../i18n/messages/answer.js';
import { CHECK_TITLES } from '../i18n/messages/common.js';
import { slack } from '../i18n/messages/slack.js';
import { ACTION_IDS, MAX_ACTION_VALUE } from './actions.js';
import { escapeMrkdwn, SLACK_LIMITS } from './mrkdwn.js';
import { type PastedForm, placeholderNote } from './placeholders.js';
import { oneFileTerraform } from './syntax/hcl.js';
import { singleLine } from './syntax/shell.js';
import { type AnswerProvenance, renderTerminal } from './terminal.js';
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

export interface BlocksOptions {
  /** Which rendering of each fix goes in its code block; default `hcloud`. */
  readonly format?: FixFormat;
  /** Whether the message is ephemeral (then it offers "Share in channel"). */
  readonly ephemeral?: boolean;
  /** Every button's value: what the action listener needs to redo the question (≤ 2000 characters). */
  readonly actionValue: string;
  /** Only the header and the fixes (a thread's "show it as terraform": the diagnosis is already above). */
  readonly fixesOnly?: boolean;
  /** Which topology answered and how fresh it is: a warning before the verdict, the summary under it. */
  readonly provenance?: AnswerProvenance;
  /** The language of the words around the diagnosis (default English). */
  readonly text?: I18n;
}

export interface BlocksMessage {
  /** A plain fallback that stands alone (notifications, screen readers, clients without blocks). */
  readonly text: string;
  readonly blocks: KnownBlock[];
  /** The full answer as a file when the blocks had to be cut. */
  readonly overflow?: { readonly filename: string; readonly content: string };
}

/** Slack's limits, from the one module that owns them (re-exported for the renderers' tests). */
export const BLOCK_LIMITS = SLACK_LIMITS;

// Room kept back for the blocks that are always there (header, source, cut notice, actions).
const TOTAL_BUDGET = 11_500;
const OVERFLOW_FILENAME = 'reachbot-diagnosis.txt';

export { escapeMrkdwn };

/** The characters of text a set of blocks carries: every `text` string, as Slack counts toward its limit. */
export function blocksTextLength(blocks: readonly unknown[]): number {
  let total = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') total += value.length;
        else walk(value);
      }
    }
  };
  walk(blocks);
  return total;
}

/** Cut text to `max` characters, ending with a marker that says so. */
function clamp(text: string, max: number, marker = '…'): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  return { text: `${text.slice(0, Math.max(0, max - marker.length))}${marker}`, cut: true };
}

function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** Text escaped for inside a code block: a literal ``` inside would close the block early. */
function codeText(body: string): string {
  return escapeMrkdwn(body).replaceAll('```', '`\u200b``');
}

function codeBlock(body: string): string {
  return `\`\`\`${codeText(body)}\`\`\``;
}

function inlineCode(text: string): string {
  return `\`${escapeMrkdwn(singleLine(text)).replaceAll('`', "'")}\``;
}

/** The body of a fix in the chosen format, if the fix has that format. */
function fixBody(fix: Fix, format: FixFormat, terraform: string | undefined): string | undefined {
  // A Kubernetes fix has one machine form, the manifest: it stands in for every cloud format.
  if (fix.render.kubectl !== undefined) return format === 'text' ? undefined : fix.render.kubectl;
  if (format === 'hcloud') return fix.render.hcloud;
  if (format === 'terraform') return terraform;
  if (format === 'api') return fix.render.api === undefined ? undefined : apiWords(fix.render.api);
  return undefined;
}

/** One fix as a section: its words, then its exact change in a code block, cut to fit a section. */
function fixSection(
  number: number,
  fix: Fix,
  label: string,
  format: FixFormat,
  terraform: string | undefined,
  text: I18n,
): { block: SectionBlock; cut: boolean } {
  const tags = [
    fix.alternative ? `_${text.t(words['answer.alternative'])}_` : '',
    label ? `_${escapeMrkdwn(label)}_` : '',
  ].filter(Boolean);
  const joined = text.lang === 'zh' ? `（${tags.join('，')}）` : ` (${tags.join(', ')})`;
  const head = `${text.t(slack['slack.fix'], { number })}${tags.length > 0 ? joined : ''} ${escapeMrkdwn(singleLine(fix.render.text))}`;
  const body = fixBody(fix, format, terraform);
  const headClamped = clamp(head, BLOCK_LIMITS.maxSectionText - 200);
  if (body === undefined) return { block: section(headClamped.text), cut: headClamped.cut };
  const room = BLOCK_LIMITS.maxSectionText - headClamped.text.length - 1;
  const full = codeBlock(body);
  if (full.length <= room) return { block: section(`${headClamped.text}\n${full}`), cut: headClamped.cut };
  const marker = `\n${text.t(slack['slack.cut-in-fix'])}`;
  const cutBody = clamp(codeText(body), room - 6, marker).text;
  return { block: section(`${headClamped.text}\n\`\`\`${cutBody}\`\`\``), cut: true };
}

/** Pack lines into as few sections as fit, each within the section limit; `steps` counts the step lines. */
function packLines(lines: readonly StepLine[]): { text: string; steps: number }[] {
  const max = BLOCK_LIMITS.maxSectionText;
  const out: { text: string; steps: number }[] = [];
  let current: { text: string; steps: number } | null = null;
  for (const raw of lines) {
    const line = clamp(raw.text, max).text;
    const steps = raw.isStep ? 1 : 0;
    if (current !== null && current.text.length + 1 + line.length <= max) {
      current = { text: `${current.text}\n${line}`, steps: current.steps + steps };
    } else {
      if (current !== null) out.push(current);
      current = { text: line, steps };
    }
  }
  if (current !== null) out.push(current);
  return out;
}

interface StepLine {
  readonly text: string;
  /** Whether the line is worth keeping when the message must be cut (fail, warn, flow headlines). */
  readonly notable: boolean;
  readonly isStep: boolean;
}

function stepLines(result: DiagnosisResult, text: I18n): StepLine[] {
  const flows = flowsOf(result);
  const lines: StepLine[] = [];
  for (const flow of flows) {
    if (flows.length > 1) {
      const verdict = `${VERDICT_SYMBOL[flow.verdict]} ${verdictLabel(flow.verdict, text).toLowerCase()}`;
      lines.push({
        text: `*${escapeMrkdwn(flowTitle(result, flow, text))}*${text.lang === 'zh' ? '：' : ': '}${verdict}`,
        notable: true,
        isStep: false,
      });
    }
    for (const step of flow.steps) {
      lines.push({
        text: `${STEP_SYMBOL[step.status]} *${text.lang === 'en' ? step.check : text.t(CHECK_TITLES[step.check])}* ${escapeMrkdwn(singleLine(step.summary))}`,
        notable: step.status === 'fail' || step.status === 'warn',
        isStep: true,
      });
    }
  }
  return lines;
}

function headerText(result: DiagnosisResult, text: I18n): string {
  const label = verdictLabel(result.verdict, text);
  const colon = text.lang === 'zh' ? '：' : ': ';
  return clamp(
    `${VERDICT_SYMBOL[result.verdict]} ${label}${colon}${questionWords(result, text)}`,
    BLOCK_LIMITS.maxHeaderText,
  ).text;
}

function sourceText(result: DiagnosisResult, text: I18n): string {
  const flows = flowsOf(result);
  const distinct = [...new Map(flows.map((flow) => [JSON.stringify(flow.source), flow])).values()];
  const parts = distinct.map((flow) => {
    const seen =
      flow.source.seenAs.length > 0 ? flow.source.seenAs.map(inlineCode).join(', ') : text.t(slack['slack.unknown']);
    const prefix = distinct.length > 1 ? `*${escapeMrkdwn(flowTitle(result, flow, text))}* ` : '';
    return `${prefix}${text.t(slack['slack.seen-as'], { seen })}\n${escapeMrkdwn(singleLine(flow.source.why))}`;
  });
  return clamp(parts.join('\n'), 1000).text;
}

function button(text: string, actionId: string, value: string, style?: 'primary'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

function actionsBlock(result: DiagnosisResult, options: BlocksOptions, format: FixFormat, text: I18n): ActionsBlock {
  const value = options.actionValue;
  const fixes = numberedFixes(result).map((entry) => entry.fix);
  const elements: Button[] = [button(text.t(slack['slack.button.recheck']), ACTION_IDS.recheck, value, 'primary')];
  const offers: { format: FixFormat; label: string; id: string; has: (fix: Fix) => boolean }[] = [
    {
      format: 'hcloud',
      label: text.t(slack['slack.button.hcloud']),
      id: ACTION_IDS.showHcloud,
      has: (fix) => !!fix.render.hcloud,
    },
    {
      format: 'terraform',
      label: text.t(slack['slack.button.terraform']),
      id: ACTION_IDS.showTerraform,
      has: (fix) => !!fix.render.terraform,
    },
    { format: 'api', label: text.t(slack['slack.button.api']), id: ACTION_IDS.showApi, has: (fix) => !!fix.render.api },
  ];
  for (const offer of offers) {
    if (offer.format !== format && fixes.some(offer.has)) elements.push(button(offer.label, offer.id, value));
  }
  elements.push(button(text.t(slack['slack.button.watch']), ACTION_IDS.watch, value));
  if (options.ephemeral) elements.push(button(text.t(slack['slack.button.share']), ACTION_IDS.share, value));
  return { type: 'actions', elements };
}

/** The plain-text fallback: the verdict, the question, what blocks, and the first fix. */
function fallbackText(result: DiagnosisResult, text: I18n): string {
  const lines = [
    `${verdictLabel(result.verdict, text)}${text.lang === 'zh' ? '：' : ': '}${questionWords(result, text)}`,
  ];
  const first = flowsOf(result)[0];
  if (first !== undefined && first.source.seenAs.length > 0) {
    lines.push(text.t(slack['slack.seen-as-plain'], { seen: first.source.seenAs }));
  }
  const blocking = flowsOf(result)
    .flatMap((flow) => flow.steps)
    .filter((step) => step.status === 'fail' || step.status === 'warn');
  for (const step of blocking.slice(0, 3))
    lines.push(
      `${STEP_SYMBOL[step.status]} ${text.lang === 'en' ? step.check : text.t(CHECK_TITLES[step.check])}${text.lang === 'zh' ? '：' : ': '}${singleLine(step.summary)}`,
    );
  if (blocking.length > 3) lines.push(text.t(slack['slack.and-more'], { count: blocking.length - 3 }));
  const fixes = numberedFixes(result);
  if (fixes[0] !== undefined) {
    lines.push(
      text.t(slack['slack.fix-plain'], { text: singleLine(fixes[0].fix.render.text), more: fixes.length - 1 }),
    );
  }
  return clamp(escapeMrkdwn(lines.join('\n')), BLOCK_LIMITS.maxFallbackText).text;
}

/** Render a diagnosis as a Slack message: blocks within limits, a standalone fallback, and the overflow file. */
export function renderBlocks(result: DiagnosisResult, options: BlocksOptions): BlocksMessage {
  if (options.actionValue.length > MAX_ACTION_VALUE) {
    throw new RangeError(`actionValue is ${options.actionValue.length} characters; Slack allows ${MAX_ACTION_VALUE}`);
  }
  const format = options.format ?? 'hcloud';
  const text = options.text ?? EN;
  const header: KnownBlock = { type: 'header', text: { type: 'plain_text', text: headerText(result, text) } };
  const source = section(sourceText(result, text));
  const actions = actionsBlock(result, options, format, text);
  const provenance = options.provenance;
  const warningBlocks: KnownBlock[] = provenance?.warning
    ? [section(clamp(`:warning: *${escapeMrkdwn(provenance.warning)}*`, BLOCK_LIMITS.maxSectionText).text)]
    : [];
  const summaryBlocks: KnownBlock[] = provenance
    ? [
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: clamp(escapeMrkdwn(provenance.summary), 500).text }],
        },
      ]
    : [];
  const notes: string[] = [];
  let cut = false;

  // Always-present blocks, plus a cut notice we may need, come off the budget first.
  let blocksLeft = BLOCK_LIMITS.maxBlocks - 4 - warningBlocks.length - summaryBlocks.length;
  let charsLeft = TOTAL_BUDGET - blocksTextLength([header, source, actions, ...warningBlocks, ...summaryBlocks]) - 300;
  const take = (block: KnownBlock): boolean => {
    const length = blocksTextLength([block]);
    if (blocksLeft < 1 || length > charsLeft) return false;
    blocksLeft -= 1;
    charsLeft -= length;
    return true;
  };

  // Steps: all of them if they fit (keeping room for one fix), otherwise the ones that did not pass.
  const lines = stepLines(result, text);
  const totalSteps = lines.filter((line) => line.isStep).length;
  const allSections = packLines(lines).map((packed) => section(packed.text));
  const allLength = blocksTextLength(allSections);
  const stepBlocks: KnownBlock[] = [];
  if (allSections.length <= blocksLeft - 2 && allLength <= charsLeft - 1500) {
    stepBlocks.push(...allSections);
    blocksLeft -= allSections.length;
    charsLeft -= allLength;
  } else {
    cut = true;
    let shown = 0;
    for (const packed of packLines(lines.filter((line) => line.notable))) {
      const block = section(packed.text);
      if (!take(block)) break;
      stepBlocks.push(block);
      shown += packed.steps;
    }
    if (totalSteps > shown) notes.push(text.t(slack['slack.more-steps'], { count: totalSteps - shown }));
  }

  // Fixes, in order, each in its own section, while they fit.
  const fixBlocks: KnownBlock[] = [];
  const fixes = numberedFixes(result);
  const multi = 'flows' in result;
  let fixesShown = 0;
  // Shown one after the other, the Terraform forms paste into one file: each variable is declared once.
  const terraform = oneFileTerraform(fixes.map(({ fix }) => fix.render.terraform));
  for (const [index, { number, fix, flow }] of fixes.entries()) {
    const rendered = fixSection(
      number,
      fix,
      multi ? flowTitle(result, flow, text) : '',
      format,
      terraform[index],
      text,
    );
    if (!take(rendered.block)) break;
    fixBlocks.push(rendered.block);
    fixesShown += 1;
    if (rendered.cut) cut = true;
  }
  const forms: PastedForm[] = format === 'hcloud' || format === 'api' ? [format] : [];
  const note = placeholderNote(
    fixes.slice(0, fixesShown).map(({ fix }) => fix),
    forms,
    text,
  );
  if (note !== undefined) {
    // A section, not a context block: context blocks are kept for the notice that the answer was cut.
    const block: KnownBlock = section(`_${escapeMrkdwn(note)}_`);
    if (take(block)) fixBlocks.push(block);
  }
  if (fixesShown < fixes.length) {
    cut = true;
    notes.push(text.t(slack['slack.more-fixes'], { count: fixes.length - fixesShown }));
  }

  const assumptions = allAssumptions(result);
  const assumptionBlocks: KnownBlock[] = [];
  if (assumptions.length > 0) {
    const body = `*${text.t(words['answer.assumptions'])}*\n${assumptions.map((item) => `• ${escapeMrkdwn(item)}`).join('\n')}`;
    const clamped = clamp(body, BLOCK_LIMITS.maxSectionText);
    const block = section(clamped.text);
    if (take(block)) {
      assumptionBlocks.push(block);
      if (clamped.cut) {
        cut = true;
        notes.push(text.t(slack['slack.assumptions-continue']));
      }
    } else {
      cut = true;
      notes.push(text.t(slack['slack.more-assumptions'], { count: assumptions.length }));
    }
  }

  const notice: KnownBlock[] =
    notes.length > 0 || cut
      ? [
          {
            type: 'context',
            elements: [
              {
                type: 'mrkdwn',
                text: notes.length > 0 ? notes.join(' · ') : text.t(slack['slack.cut']),
              },
            ],
          },
        ]
      : [];
  const blocks: KnownBlock[] = options.fixesOnly
    ? [
        ...warningBlocks,
        header,
        ...(fixBlocks.length > 0 ? fixBlocks : [section(text.t(words['answer.no-fix']))]),
        ...notice,
        actions,
      ]
    : [
        ...warningBlocks,
        header,
        ...summaryBlocks,
        source,
        ...stepBlocks,
        ...fixBlocks,
        ...assumptionBlocks,
        ...notice,
        actions,
      ];
  const plain = fallbackText(result, text);
  const fallback = provenance?.warning
    ? clamp(`⚠ ${escapeMrkdwn(singleLine(provenance.warning))}\n${plain}`, BLOCK_LIMITS.maxFallbackText).text
    : plain;
  if (!cut) return { text: fallback, blocks };
  return {
    text: fallback,
    blocks,
    overflow: {
      filename: OVERFLOW_FILENAME,
      content: renderTerminal(result, { format: 'all', text, ...(provenance ? { provenance } : {}) }),
    },
  };
}

/** A question error as blocks: what was not understood, and what to try instead. */
export function renderErrorBlocks(
  message: string,
  suggestions: readonly string[],
  text: I18n = EN,
): { text: string; blocks: KnownBlock[] } {
  const said = clamp(escapeMrkdwn(singleLine(message)), 2500).text;
  const blocks: KnownBlock[] = [section(`⚠ ${said}`)];
  const tried = suggestions.slice(0, 10);
  if (tried.length > 0) {
    const list = tried.map((item) => `• ${inlineCode(item)}`).join('\n');
    blocks.push(section(clamp(`${text.t(slack['slack.try'])}\n${list}`, BLOCK_LIMITS.maxSectionText).text));
  }
  const fallback = clamp(
    escapeMrkdwn(
      [singleLine(message), ...tried.map((item) => text.t(slack['slack.try-plain'], { form: singleLine(item) }))].join(
        '\n',
      ),
    ),
    BLOCK_LIMITS.maxFallbackText,
  ).text;
  return { text: fallback, blocks };
}
