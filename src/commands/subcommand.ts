// One vocabulary of commands for every surface: the Slack `/reach` command, @-mentions, and the
// local chat shell dispatch to the same subcommands, so the same words get the same answers.
import type { KnownBlock } from '@slack/types';
import type { Lang } from '../i18n/lang.js';
import type { Store } from '../store/store.js';

/** Who is asking, where, and what the command may touch. */
export interface CommandContext {
  readonly store: Store;
  readonly userId: string;
  readonly channelId: string;
  /** Whether the user may write (REACHBOT_ADMINS). */
  readonly isAdmin: boolean;
  /** Who the admins are (Slack user ids), so a refused user knows whom to ask; unknown on some surfaces. */
  readonly admins?: readonly string[];
  /** The clock, injected so that tests and digests are deterministic. */
  readonly now: () => Date;
  /** The workspace's default language (REACHBOT_LANG); absent: follow each question. */
  readonly defaultLang?: Lang;
  /** The language this message is answered in, once chosen (converse sets it before a subcommand runs). */
  readonly lang?: Lang;
}

/** A surface-neutral answer: `text` is always a complete fallback; `blocks` are for Slack. */
export interface Reply {
  readonly text: string;
  readonly blocks?: KnownBlock[];
  /** Long content better sent as a file (Slack) or printed in full (shell). */
  readonly attachment?: { readonly filename: string; readonly content: string };
}

/** A `/reach <name> ...` subcommand. */
export interface Subcommand {
  readonly name: string;
  /** e.g. `watch <cluster> <destination>[:port] [as "label"]` */
  readonly usage: string;
  readonly summary: string;
  /** Writes need an admin. */
  readonly admin?: boolean;
  run(args: string, context: CommandContext): Promise<Reply>;
}
