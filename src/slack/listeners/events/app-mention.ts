// @reachbot in a channel: answered in the thread of the mention (a new thread if it was top-level).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerIncoming, threadKey } from './conversation.js';

/** The app_mention handler. */
export function appMention(deps: SlackDeps) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>): Promise<void> => {
    // Other bots mentioning us could start a loop; people ask questions.
    if (event.bot_id || !event.user) return;
    const threadTs = event.thread_ts ?? event.ts;
    await answerIncoming(
      {
        surface: 'mention',
        user: event.user,
        channel: event.channel,
        // The payload is Slack's and typed so, but not checked: a mention without text is one with no words.
        text: typeof event.text === 'string' ? event.text : '',
        files: event.files,
        replyThreadTs: threadTs,
        threadKey: threadKey(event.channel, threadTs),
      },
      client,
      deps,
    );
  };
}
