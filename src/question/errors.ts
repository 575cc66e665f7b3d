// A question that cannot be answered as asked: what was not understood, and what would be.

/** Thrown by the question parser and by the engine when a name or address does not resolve. */
export class QuestionError extends Error {
  readonly code = 'reachbot_question_invalid';
  constructor(
    message: string,
    /** Closest valid names or forms, closest first. */
    readonly suggestions: readonly string[] = [],
  ) {
    super(message);
    this.name = 'QuestionError';
  }
}
