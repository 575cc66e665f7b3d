// A question that cannot be answered as asked: what was not understood, and what would be.
import { EN, type I18n } from '../i18n/i18n.js';
import type { Lang } from '../i18n/lang.js';
import type { Message } from '../i18n/message.js';

/** Thrown by the question parser and by the engine when a name or address does not resolve. */
export class QuestionError extends Error {
  readonly code = 'reachbot_question_invalid';
  constructor(
    /** In English (logs, `--json` errors); `describe` gives it in the asker's language. */
    message: string,
    /** Closest valid names or forms, closest first. */
    readonly suggestions: readonly string[] = [],
    private readonly localized?: (text: I18n) => string,
    /** The language the question was asked in: surfaces that follow the asker say the error in it. */
    readonly lang: Lang = 'en',
  ) {
    super(message);
    this.name = 'QuestionError';
  }

  /** A QuestionError from a catalog message, so that every surface can say it in the asker's language. */
  static of<P>(message: Message<P>, params: P, suggestions: readonly string[] = []): QuestionError {
    return new QuestionError(EN.t(message, params), suggestions, (text) => text.t(message, params));
  }

  /** The message in a language (the English message when it was thrown without a catalog message). */
  describe(text: I18n): string {
    return this.localized ? this.localized(text) : this.message;
  }

  /** The same error, known to be about a question asked in `lang`. */
  askedIn(lang: Lang): QuestionError {
    return new QuestionError(this.message, this.suggestions, this.localized, lang);
  }

  /** The same error about other words (`from` replaced by `to` in every language), with other suggestions. */
  rephrased(from: string, to: string, suggestions: readonly string[]): QuestionError {
    return new QuestionError(
      this.message.replace(from, to),
      suggestions,
      (text) => this.describe(text).replace(from, to),
      this.lang,
    );
  }
}
