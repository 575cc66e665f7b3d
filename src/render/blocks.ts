// A diagnosis as Slack Block Kit, within Slack's limits (Slack "Block Kit" reference: limits on blocks and text): at most
// 50 blocks, 3000 characters per section, 150 per header, and well under the ~13k characters Slack
// accepts in all. A long answer keeps what matters most (the failing steps and the first fixes), marks
// what it cut, and hands the full terminal text back as `overflow`, to be sent as a file.
import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import type { DiagnosisResult, Fix, FixFormat } from '../engine/diagnosis.js';
import { flowsOf } from '../engine/diagnosis.js';
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
  VERDICT_LABEL,
  VERDICT_SYMBOL,
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
): { block: SectionBlock; cut: boolean } {
  const tags = [fix.alternative ? '_alternative_' : '', label ? `_${escapeMrkdwn(label)}_` : ''].filter(Boolean);
  const head = `*Fix ${number}*${tags.length > 0 ? ` (${tags.join(', ')})` : ''} ${escapeMrkdwn(singleLine(fix.render.text))}`;
  const body = fixBody(fix, format, terraform);
  const headClamped = clamp(head, BLOCK_LIMITS.maxSectionText - 200);
  if (body === undefined) return { block: section(headClamped.text), cut: headClamped.cut };
  const room = BLOCK_LIMITS.maxSectionText - headClamped.text.length - 1;
  const full = codeBlock(body);
  if (full.length <= room) return { block: section(`${headClamped.text}\n${full}`), cut: headClamped.cut };
  const marker = '\n… (cut: the full text is in the attached file)';
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

function stepLines(result: DiagnosisResult): StepLine[] {
  const flows = flowsOf(result);
  const lines: StepLine[] = [];
  for (const flow of flows) {
    if (flows.length > 1) {
      const verdict = `${VERDICT_SYMBOL[flow.verdict]} ${VERDICT_LABEL[flow.verdict].toLowerCase()}`;
      lines.push({ text: `*${escapeMrkdwn(flowTitle(result, flow))}*: ${verdict}`, notable: true, isStep: false });
    }
    for (const step of flow.steps) {
      lines.push({
        text: `${STEP_SYMBOL[step.status]} *${step.check}* ${escapeMrkdwn(singleLine(step.summary))}`,
        notable: step.status === 'fail' || step.status === 'warn',
        isStep: true,
      });
    }
  }
  return lines;
}

function headerText(result: DiagnosisResult): string {
  const label = VERDICT_LABEL[result.verdict];
  return clamp(`${VERDICT_SYMBOL[result.verdict]} ${label}: ${questionWords(result)}`, BLOCK_LIMITS.maxHeaderText).text;
}

function sourceText(result: DiagnosisResult): string {
  const flows = flowsOf(result);
  const distinct = [...new Map(flows.map((flow) => [JSON.stringify(flow.source), flow])).values()];
  const parts = distinct.map((flow) => {
    const seen = flow.source.seenAs.length > 0 ? flow.source.seenAs.map(inlineCode).join(', ') : '_unknown_';
    const prefix = distinct.length > 1 ? `*${escapeMrkdwn(flowTitle(result, flow))}* ` : '';
    return `${prefix}*Seen by the destination as* ${seen}\n${escapeMrkdwn(singleLine(flow.source.why))}`;
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

function actionsBlock(result: DiagnosisResult, options: BlocksOptions, format: FixFormat): ActionsBlock {
  const value = options.actionValue;
  const fixes = numberedFixes(result).map((entry) => entry.fix);
  const elements: Button[] = [button('Recheck', ACTION_IDS.recheck, value, 'primary')];
  const offers: { format: FixFormat; label: string; id: string; has: (fix: Fix) => boolean }[] = [
    { format: 'hcloud', label: 'Show hcloud', id: ACTION_IDS.showHcloud, has: (fix) => !!fix.render.hcloud },
    {
      format: 'terraform',
      label: 'Show Terraform',
      id: ACTION_IDS.showTerraform,
      has: (fix) => !!fix.render.terraform,
    },
    { format: 'api', label: 'Show API', id: ACTION_IDS.showApi, has: (fix) => !!fix.render.api },
  ];
  for (const offer of offers) {
    if (offer.format !== format && fixes.some(offer.has)) elements.push(button(offer.label, offer.id, value));
  }
  elements.push(button('Watch this path', ACTION_IDS.watch, value));
  if (options.ephemeral) elements.push(button('Share in channel', ACTION_IDS.share, value));
  return { type: 'actions', elements };
}

/** The plain-text fallback: the verdict, the question, what blocks, and the first fix. */
function fallbackText(result: DiagnosisResult): string {
  const lines = [`${VERDICT_LABEL[result.verdict]}: ${questionWords(result)}`];
  const first = flowsOf(result)[0];
  if (first !== undefined && first.source.seenAs.length > 0) {
    lines.push(`Seen by the destination as ${first.source.seenAs.join(', ')}.`);
  }
  const blocking = flowsOf(result)
    .flatMap((flow) => flow.steps)
    .filter((step) => step.status === 'fail' || step.status === 'warn');
  for (const step of blocking.slice(0, 3))
    lines.push(`${STEP_SYMBOL[step.status]} ${step.check}: ${singleLine(step.summary)}`);
  if (blocking.length > 3) lines.push(`… and ${blocking.length - 3} more.`);
  const fixes = numberedFixes(result);
  if (fixes[0] !== undefined) {
    const more = fixes.length > 1 ? ` (+${fixes.length - 1} more)` : '';
    lines.push(`Fix: ${singleLine(fixes[0].fix.render.text)}${more}`);
  }
  return clamp(escapeMrkdwn(lines.join('\n')), BLOCK_LIMITS.maxFallbackText).text;
}

/** Render a diagnosis as a Slack message: blocks within limits, a standalone fallback, and the overflow file. */
export function renderBlocks(result: DiagnosisResult, options: BlocksOptions): BlocksMessage {
  if (options.actionValue.length > MAX_ACTION_VALUE) {
    throw new RangeError(`actionValue is ${options.actionValue.length} characters; Slack allows ${MAX_ACTION_VALUE}`);
  }
  const format = options.format ?? 'hcloud';
  const header: KnownBlock = { type: 'header', text: { type: 'plain_text', text: headerText(result) } };
  const source = section(sourceText(result));
  const actions = actionsBlock(result, options, format);
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
  const lines = stepLines(result);
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
    if (totalSteps > shown) notes.push(`… ${totalSteps - shown} more steps in the attached file`);
  }

  // Fixes, in order, each in its own section, while they fit.
  const fixBlocks: KnownBlock[] = [];
  const fixes = numberedFixes(result);
  const multi = 'flows' in result;
  let fixesShown = 0;
  // Shown one after the other, the Terraform forms paste into one file: each variable is declared once.
  const terraform = oneFileTerraform(fixes.map(({ fix }) => fix.render.terraform));
  for (const [index, { number, fix, flow }] of fixes.entries()) {
    const rendered = fixSection(number, fix, multi ? flowTitle(result, flow) : '', format, terraform[index]);
    if (!take(rendered.block)) break;
    fixBlocks.push(rendered.block);
    fixesShown += 1;
    if (rendered.cut) cut = true;
  }
  const forms: PastedForm[] = format === 'hcloud' || format === 'api' ? [format] : [];
  const note = placeholderNote(
    fixes.slice(0, fixesShown).map(({ fix }) => fix),
    forms,
  );
  if (note !== undefined) {
    // A section, not a context block: context blocks are kept for the notice that the answer was cut.
    const block: KnownBlock = section(`_${escapeMrkdwn(note)}_`);
    if (take(block)) fixBlocks.push(block);
  }
  if (fixesShown < fixes.length) {
    cut = true;
    notes.push(`… ${fixes.length - fixesShown} more fixes in the attached file`);
  }

  const assumptions = allAssumptions(result);
  const assumptionBlocks: KnownBlock[] = [];
  if (assumptions.length > 0) {
    const body = `*Assumptions*\n${assumptions.map((item) => `• ${escapeMrkdwn(item)}`).join('\n')}`;
    const clamped = clamp(body, BLOCK_LIMITS.maxSectionText);
    const block = section(clamped.text);
    if (take(block)) {
      assumptionBlocks.push(block);
      if (clamped.cut) {
        cut = true;
        notes.push('… the assumptions continue in the attached file');
      }
    } else {
      cut = true;
      notes.push(`… ${assumptions.length} assumptions in the attached file`);
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
                text: notes.length > 0 ? notes.join(' · ') : '… cut to fit: the full text is attached',
              },
            ],
          },
        ]
      : [];
  const blocks: KnownBlock[] = options.fixesOnly
    ? [
        ...warningBlocks,
        header,
        ...(fixBlocks.length > 0 ? fixBlocks : [section('No fix is needed.')]),
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
  const plain = fallbackText(result);
  const text = provenance?.warning
    ? clamp(`⚠ ${escapeMrkdwn(singleLine(provenance.warning))}\n${plain}`, BLOCK_LIMITS.maxFallbackText).text
    : plain;
  if (!cut) return { text, blocks };
  return {
    text,
    blocks,
    overflow: {
      filename: OVERFLOW_FILENAME,
      content: renderTerminal(result, { format: 'all', ...(provenance ? { provenance } : {}) }),
    },
  };
}

/** A question error as blocks: what was not understood, and what to try instead. */
export function renderErrorBlocks(
  message: string,
  suggestions: readonly string[],
): { text: string; blocks: KnownBlock[] } {
  const said = clamp(escapeMrkdwn(singleLine(message)), 2500).text;
  const blocks: KnownBlock[] = [section(`⚠ ${said}`)];
  const tried = suggestions.slice(0, 10);
  if (tried.length > 0) {
    const list = tried.map((item) => `• ${inlineCode(item)}`).join('\n');
    blocks.push(section(clamp(`*Try:*\n${list}`, BLOCK_LIMITS.maxSectionText).text));
  }
  const text = clamp(
    escapeMrkdwn([singleLine(message), ...tried.map((item) => `Try: ${singleLine(item)}`)].join('\n')),
    BLOCK_LIMITS.maxFallbackText,
  ).text;
  return { text, blocks };
}
