// A DM to the bot needs no mention (message.im). Bot messages and edits/joins (subtypes) are ignored, except
// a shared file, which is how topology files arrive.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerIncoming, threadKey } from './conversation.js';

/** The message.im handler. */
export function directMessage(deps: SlackDeps) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>): Promise<void> => {
    if (event.channel_type !== 'im') return;
    if (event.subtype !== undefined && event.subtype !== 'file_share') return;
    if ('bot_id' in event && event.bot_id) return;
    if (!('user' in event) || !event.user) return;
    const threadTs = 'thread_ts' in event && typeof event.thread_ts === 'string' ? event.thread_ts : undefined;
    await answerIncoming(
      {
        surface: 'direct_message',
        user: event.user,
        channel: event.channel,
        text: 'text' in event && typeof event.text === 'string' ? event.text : '',
        files: 'files' in event ? event.files : undefined,
        ...(threadTs ? { replyThreadTs: threadTs } : {}),
        // A DM is one long conversation; a thread inside it is its own.
        threadKey: threadKey(event.channel, threadTs ?? 'im'),
      },
      client,
      deps,
    );
  };
}
