// Message text as Slack sends it -> the words the user typed: mentions removed, links unwrapped
// (`<http://db1.example.com|db1.example.com>`), and the three HTML entities Slack escapes decoded
// (`prod -&gt; db1` must read `prod -> db1`).

/** The user's words from a message or mention text. */
export function messageWords(raw: string): string {
  return raw
    .replace(/<@[UW][A-Z0-9]+(\|[^>]*)?>/g, ' ')
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<(?:https?:\/\/|mailto:)([^|>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
