// The seam for the digest feature's "Watch this path" button: Slack hands over who clicked where and the
// answer's reference; the digest module registers the watch and says what to tell the user.
import type { CommandContext } from '../commands/subcommand.js';
import type { AnswerRef } from './answer-ref.js';

export interface WatchButtonRequest {
  readonly ref: AnswerRef;
  readonly context: CommandContext;
}

/** Registers a watch for the clicked answer; returns the (ephemeral) confirmation text. */
export type WatchButton = (request: WatchButtonRequest) => Promise<{ readonly text: string }>;
