// What every answer button shares: ack first, read the answer reference from the button, know where the
// answer sits (channel, thread, ephemeral or not), and tell the user privately when something fails.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type Answer, answerQuestion } from '../../../commands/converse.js';
import { replyLang } from '../../../commands/language.js';
import type { FixFormat } from '../../../engine/diagnosis.js';
import { i18n } from '../../../i18n/i18n.js';
import { slack } from '../../../i18n/messages/slack.js';
import { QuestionError } from '../../../question/errors.js';
import type { AnswerRef } from '../../answer-ref.js';
import { decodeAnswerRef } from '../../answer-ref.js';
import { slackError } from '../../deliver.js';
import { commandContext, type SlackDeps } from '../../deps.js';

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
      const lang = replyLang(commandContext(deps, body.user.id, channelId ?? ''), '');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: i18n(lang).t(slack['slack.button.stale']),
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
      const text = i18n(ref.lang ?? replyLang(commandContext(deps, site.userId, channelId), ''));
      // The topology changed since the answer (a resource renamed, a cluster or the topology removed): the
      // question is told why, as a typed question would be, and it is not a failure of the bot. It said
      // "Re-check failed: reachbot_question_invalid" (the error's code).
      const gone = error instanceof QuestionError;
      if (gone)
        deps.logger.info({ action: name, user: site.userId, channel: channelId }, "a button's question no longer fits");
      else deps.logger.error({ err: error, action: name, user: site.userId, channel: channelId }, 'button failed');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: gone
          ? text.t(slack['slack.button.question-gone'], { error: error.describe(text) })
          : text.t(slack['slack.button.failed'], { error: slackError(error) }),
      }).catch((second: unknown) => deps.logger.error({ err: second }, 'could not report the button failure'));
    }
  };
}

/** The button's question answered again now, against the current topology, in the answer's language. */
export function answerAgain(deps: SlackDeps, ref: AnswerRef, format?: FixFormat): Answer {
  return answerQuestion(deps.store, ref.question, format, ref.topology, deps.now(), ref.lang);
}
