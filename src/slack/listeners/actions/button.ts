// What every answer button shares: ack first, read the answer reference from the button, know where the
// answer sits (channel, thread, ephemeral or not), and tell the user privately when something fails.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type Answer, answerQuestion } from '../../../commands/converse.js';
import type { FixFormat } from '../../../engine/diagnosis.js';
import type { AnswerRef } from '../../answer-ref.js';
import { decodeAnswerRef } from '../../answer-ref.js';
import { slackError } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';

export type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Where the clicked answer is. */
export interface ButtonSite {
  readonly ref: AnswerRef;
  readonly userId: string;
  readonly channelId: string;
  readonly ephemeral: boolean;
  /** The thread the answer is in (its own ts when it is a thread's first message). */
  readonly threadTs?: string;
}

/** Wrap a button handler: ack, decode, and report failures ephemerally. */
export function buttonHandler(
  deps: SlackDeps,
  name: string,
  handle: (site: ButtonSite, args: ButtonArgs) => Promise<void>,
) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { body, action, respond } = args;
    const ref = decodeAnswerRef(action.value);
    const channelId = body.channel?.id ?? body.container?.channel_id;
    if (!ref || !channelId) {
      deps.logger.warn({ action: action.action_id, user: body.user.id }, 'button without a valid answer reference');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'This button is from an older answer I can no longer read; please ask again.',
      });
      return;
    }
    const message = body.message as { ts?: string; thread_ts?: string } | undefined;
    const threadTs = message?.thread_ts ?? message?.ts;
    const site: ButtonSite = {
      ref,
      userId: body.user.id,
      channelId,
      ephemeral: body.container?.is_ephemeral === true || !message,
      ...(threadTs ? { threadTs } : {}),
    };
    try {
      await handle(site, args);
    } catch (error) {
      deps.logger.error({ err: error, action: name, user: site.userId, channel: channelId }, 'button failed');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: `:warning: ${name} failed: ${slackError(error)}`,
      }).catch((second: unknown) => deps.logger.error({ err: second }, 'could not report the button failure'));
    }
  };
}

/** The button's question answered again now, against the current topology, in the answer's language. */
export function answerAgain(deps: SlackDeps, ref: AnswerRef, format?: FixFormat): Answer {
  return answerQuestion(deps.store, ref.question, format, ref.topology, deps.now(), ref.lang);
}
