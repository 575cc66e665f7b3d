// Message text as Slack sends it -> the words the user typed: mentions removed, links unwrapped
// (`<http://db1.example.com|db1.example.com>`), and the three HTML entities Slack escapes decoded
// (`prod -&gt; db1` must read `prod -> db1`).
import { unescapeMrkdwn } from '../render/mrkdwn.js';

/** The user's words from a message or mention text. */
export function messageWords(raw: string): string {
  // Markup first, entities last: a typed `&lt;@U1&gt;` is text, not a mention.
  const unwrapped = raw
    .replace(/<@[UW][A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<(?:https?:\/\/|mailto:)([^|>]*)>/g, '$1');
  return unescapeMrkdwn(unwrapped)
    .replace(/[ \t]+/g, ' ')
    .trim();
}
