// An Outcome as the message Slack receives: Block Kit for answers (with buttons carrying a compact
// reference), the plain reply for subcommands, an error with suggestions. Every message has `text`.
import type { KnownBlock } from '@slack/types';
import type { Answer, Outcome } from '../commands/converse.js';
import { i18n } from '../i18n/i18n.js';
import type { Lang } from '../i18n/lang.js';
import { slack } from '../i18n/messages/slack.js';
import { renderBlocks, renderErrorBlocks } from '../render/blocks.js';
import { SLACK_LIMITS } from '../render/mrkdwn.js';
import { encodeAnswerRef } from './answer-ref.js';

/** Section text and readable message text stay under this; longer content goes to a file (or is cut). */
export const TEXT_LIMIT = SLACK_LIMITS.maxSectionText;

export interface SlackMessage {
  readonly text: string;
  readonly blocks?: KnownBlock[];
  /** Content too long for a message: uploaded as a file in the thread, or cut where no upload is possible. */
  readonly file?: { readonly filename: string; readonly content: string; readonly title: string };
  /** The language the message is in, for the words reachbot adds when it is cut (default English). */
  readonly lang?: Lang;
}

/** Why a cut message's rest is not shown, and where it is. */
export type CutWhere = 'file-below' | 'ask-in-thread' | 'upload-failed';

const CUT_WHERE = {
  'file-below': slack['slack.cut.file-below'],
  'ask-in-thread': slack['slack.cut.ask-in-thread'],
  'upload-failed': slack['slack.cut.upload-failed'],
} as const;

/** The Slack message for an outcome; `ephemeral` answers get the "Share in channel" button. */
export function outcomeMessage(outcome: Outcome, options: { readonly ephemeral: boolean }): SlackMessage {
  switch (outcome.kind) {
    case 'answer':
      return answerMessage(outcome.answer, options);
    case 'error': {
      const rendered = renderErrorBlocks(outcome.message, outcome.suggestions, i18n(outcome.lang));
      return { text: rendered.text, blocks: rendered.blocks, lang: outcome.lang };
    }
    case 'reply': {
      const { reply } = outcome;
      const file = reply.attachment ? { ...reply.attachment, title: reply.attachment.filename } : undefined;
      return {
        text:
          file && reply.text.length > TEXT_LIMIT
            ? cutText(reply.text, TEXT_LIMIT, 'file-below', outcome.lang)
            : reply.text,
        ...(reply.blocks ? { blocks: reply.blocks } : {}),
        ...(file ? { file } : {}),
        lang: outcome.lang,
      };
    }
  }
}

/** A diagnosis as Block Kit with its action buttons. */
export function answerMessage(answer: Answer, options: { readonly ephemeral: boolean }): SlackMessage {
  const text = i18n(answer.lang);
  const actionValue = encodeAnswerRef({ topology: answer.topology, question: answer.question, lang: answer.lang });
  const rendered = renderBlocks(answer.result, {
    text,
    ...(answer.format ? { format: answer.format } : {}),
    ...(answer.fixesOnly ? { fixesOnly: true } : {}),
    ephemeral: options.ephemeral,
    actionValue,
    provenance: answer.freshness,
  });
  if (!rendered.overflow) return { text: rendered.text, blocks: rendered.blocks, lang: answer.lang };
  const q = answer.question;
  const stem = `reachbot-${q.cluster}-${q.destination}${q.port !== undefined ? `-${q.port}` : ''}`.replace(
    /[^A-Za-z0-9._-]+/g,
    '_',
  );
  return {
    text: rendered.text,
    blocks: rendered.blocks,
    lang: answer.lang,
    file: {
      filename: `${stem}.txt`,
      content: rendered.overflow.content,
      title: text.t(slack['slack.full-diagnosis'], { cluster: q.cluster, destination: q.destination }),
    },
  };
}

/** `text` cut to `limit` characters with a visible marker, in `lang`, saying what was left out and where it is. */
export function cutText(text: string, limit: number, where: CutWhere, lang: Lang = 'en'): string {
  if (text.length <= limit) return text;
  const words = i18n(lang);
  const marker = `\n${words.t(slack['slack.cut-marker'], { count: text.length - limit, where: words.t(CUT_WHERE[where]) })}`;
  const kept = text.slice(0, Math.max(0, limit - marker.length));
  // Do not leave a code block open, or the marker renders as code.
  const fences = (kept.match(/```/g) ?? []).length;
  return `${kept}${fences % 2 === 1 ? '\n```' : ''}${marker}`;
}
