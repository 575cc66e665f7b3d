// Slack's message limits as a budget that blocks are added against: at most 50 blocks, section text at most 3000
// characters, and well under the ~13k-character aggregate at which Slack answers `msg_blocks_too_long`.
import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from '../render/mrkdwn.js';

export { escapeMrkdwn, truncate };
export const MAX_BLOCKS = SLACK_LIMITS.maxBlocks;
export const MAX_SECTION_CHARS = SLACK_LIMITS.maxSectionText;
export const MAX_HEADER_CHARS = SLACK_LIMITS.maxHeaderText;
/** A digest keeps 1,000 characters of the total under the shared cap for the footer and notices. */
export const MAX_BLOCK_CHARS = SLACK_LIMITS.maxTotalText - 1_000;
export const MAX_FALLBACK_CHARS = SLACK_LIMITS.maxFallbackText;

/** Room to keep free for blocks still to come. */
export interface Reserve {
  readonly blocks: number;
  readonly chars: number;
}

const NO_RESERVE: Reserve = { blocks: 0, chars: 0 };

/** Blocks added while they fit; `reserve` keeps room for what must come last (an omission note, a footer). */
export class BlockBudget {
  readonly blocks: KnownBlock[] = [];
  private chars = 0;

  constructor(
    private readonly reserveBlocks = 2,
    private readonly reserveChars = 600,
  ) {}

  /** Whether a block of `chars` characters still fits before the reserve (plus any `extra` kept for later). */
  fits(chars: number, extra: Reserve = NO_RESERVE): boolean {
    return (
      this.blocks.length + 1 + this.reserveBlocks + extra.blocks <= MAX_BLOCKS &&
      this.chars + chars + this.reserveChars + extra.chars <= MAX_BLOCK_CHARS
    );
  }

  /** Add a header (cut to 150 characters); headers come first and always fit. */
  header(text: string): void {
    const cut = truncate(text, MAX_HEADER_CHARS);
    this.blocks.push({ type: 'header', text: { type: 'plain_text', text: cut, emoji: true } });
    this.chars += cut.length;
  }

  /** Add a mrkdwn section if it fits; returns false (adding nothing) when it does not. */
  section(text: string, extra: Reserve = NO_RESERVE): boolean {
    const cut = truncate(text, MAX_SECTION_CHARS);
    if (!this.fits(cut.length, extra)) return false;
    this.blocks.push({ type: 'section', text: { type: 'mrkdwn', text: cut } });
    this.chars += cut.length;
    return true;
  }

  /** Add into the reserve: for the closing blocks only. */
  closing(block: { kind: 'section' | 'context'; text: string }): void {
    if (this.blocks.length >= MAX_BLOCKS) return;
    const cut = truncate(block.text, Math.min(MAX_SECTION_CHARS, Math.max(0, MAX_BLOCK_CHARS - this.chars)));
    if (cut.length === 0) return;
    this.blocks.push(
      block.kind === 'section'
        ? { type: 'section', text: { type: 'mrkdwn', text: cut } }
        : { type: 'context', elements: [{ type: 'mrkdwn', text: cut }] },
    );
    this.chars += cut.length;
  }

  /**
   * Add lines packed into as few sections as fit (each ≤ 3000 characters), in order. Returns how many lines were
   * added; the rest did not fit. A line longer than a section is cut. `extra` keeps room for what comes later.
   * `lines` is read only while lines fit (and at most one section's worth more): a generator may word each line as
   * it is asked for.
   */
  lines(lines: Iterable<string>, extra: Reserve = NO_RESERVE): number {
    let added = 0;
    let pending: string[] = [];
    let pendingChars = 0;
    const flush = (): boolean => {
      if (pending.length === 0) return true;
      const ok = this.section(pending.join('\n'), extra);
      if (ok) added += pending.length;
      pending = [];
      pendingChars = 0;
      return ok;
    };
    for (const raw of lines) {
      const line = truncate(raw, MAX_SECTION_CHARS);
      if (pendingChars + line.length + (pending.length ? 1 : 0) > MAX_SECTION_CHARS) {
        if (!flush()) return added;
      }
      // Would this line still fit in the whole message once flushed? If not, stop here.
      if (!this.fits(pendingChars + line.length + (pending.length ? 1 : 0), extra)) {
        flush();
        return added;
      }
      pendingChars += pending.length ? line.length + 1 : line.length;
      pending.push(line);
    }
    flush();
    return added;
  }

  /** Total characters of block text so far. */
  get size(): number {
    return this.chars;
  }
}

/** The text of header, section and context blocks, one per line: a message as a terminal shows it. */
export function blocksToText(blocks: readonly KnownBlock[]): string {
  return blocks
    .flatMap((block) => {
      if (block.type === 'header' || block.type === 'section') return block.text ? [block.text.text] : [];
      if (block.type === 'context')
        return [block.elements.map((element) => ('text' in element ? element.text : '')).join(' ')];
      return [];
    })
    .join('\n');
}
