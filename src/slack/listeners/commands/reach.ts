// `/reach <question | subcommand>`: ack at once, then answer privately (ephemeral) through the response_url.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { converse } from '../../../commands/converse.js';
import { replyLang } from '../../../commands/language.js';
import { i18n } from '../../../i18n/i18n.js';
import { slack } from '../../../i18n/messages/slack.js';
import { answerKind, secondsSince } from '../../../ops/metrics.js';
import { respondWith, slackError } from '../../deliver.js';
import { commandContext, type SlackDeps } from '../../deps.js';
import { outcomeMessage } from '../../messages.js';
import { Turns } from '../../turns.js';

/** The /reach handler. */
export function reachCommand(deps: SlackDeps) {
  // One answer's work per turn of the event loop, so that requests arriving meanwhile are read and acked between.
  const turns = deps.turns ?? new Turns();
  return async ({ ack, command, respond }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    const started = process.hrtime.bigint();
    // Slack gives 3 seconds; acknowledge before any work so a slow store never costs a retry.
    await ack();
    try {
      const message = await turns.take(async () => {
        const context = commandContext(deps, command.user_id, command.channel_id);
        const outcome = await converse(command.text ?? '', context, deps.registry);
        return { outcome, message: outcomeMessage(outcome, { ephemeral: true }) };
      });
      const outcome = message.outcome;
      await respondWith(respond, message.message, { responseType: 'ephemeral' });
      deps.metrics?.answered('slash_command', answerKind(outcome), secondsSince(started));
    } catch (error) {
      deps.metrics?.answered('slash_command', 'failed', secondsSince(started));
      deps.logger.error(
        { err: error, command: command.command, user: command.user_id, channel: command.channel_id },
        '/reach failed',
      );
      const lang = replyLang(commandContext(deps, command.user_id, command.channel_id), command.text ?? '');
      await respond({
        response_type: 'ephemeral',
        text: i18n(lang).t(slack['slack.failed'], { error: slackError(error) }),
      }).catch((second: unknown) => deps.logger.error({ err: second }, 'could not report the /reach failure'));
    }
  };
}
