// Errors whose text we wrote, kept in every language, so each surface can say them in its reader's language.
// An error from elsewhere (a cloud API's own message, a parser's) is shown as it came.
import type { I18n } from './i18n.js';
import type { Localized } from './message.js';

/** An error with a message in every language; `message` is the English text (logs, audit). */
export class LocalizedError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
    this.name = 'LocalizedError';
  }
}

/** An error's message for the reader: ours in their language, anyone else's as it came. */
export function errorText(error: unknown, text: I18n): string {
  if (error instanceof LocalizedError) return text.pick(error.text);
  return error instanceof Error ? error.message : String(error);
}
