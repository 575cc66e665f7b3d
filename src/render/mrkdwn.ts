// Slack's text rules in one place: the Block Kit limits every message is built under, and mrkdwn escaping for
// any text that came from a user or a file (labels, names, file names), so that `<!channel>` in a watch label
// is shown, never sent as a mention. Every Slack surface (answers, digests, alerts, App Home) uses these.

/** Slack's limits (Block Kit reference), and the budgets we keep under them. */
export const SLACK_LIMITS = {
  /** Blocks in a message. */
  maxBlocks: 50,
  /** Blocks in a Home tab (or modal). */
  maxHomeBlocks: 100,
  /** Characters of a section's text. */
  maxSectionText: 3000,
  /** Characters of a header's plain text. */
  maxHeaderText: 150,
  /** Characters of a button's value. */
  maxButtonValue: 2000,
  /**
   * The total of all block text we allow ourselves: Slack answers `msg_blocks_too_long` at about 13.2k in all,
   * well under the per-block limits.
   */
  maxTotalText: 12_000,
  /** The notification fallback `text`, kept short for readability (Slack cuts only at 40k). */
  maxFallbackText: 3000,
} as const;

/** Escape the three characters Slack's mrkdwn treats as markup (its own rule for all message text). */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The reverse of `escapeMrkdwn`: text as Slack sends it back to what was typed (`&amp;` last, so `&amp;lt;` stays `&lt;`). */
export function unescapeMrkdwn(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** Cut text to `max` characters, ending in an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
