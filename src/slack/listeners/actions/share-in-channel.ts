// "Share in channel": an ephemeral answer, posted for everyone through the response_url (which needs no
// channel membership), with who shared it.
import { i18n } from '../../../i18n/i18n.js';
import { slack } from '../../../i18n/messages/slack.js';
import { respondWith } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { answerMessage } from '../../messages.js';
import { answerAgain, buttonHandler } from './button.js';

/** The Share in channel button handler. */
export function shareInChannel(deps: SlackDeps) {
  return buttonHandler(deps, 'Share in channel', async (site, { respond }) => {
    const answer = answerAgain(deps, site.ref);
    const message = answerMessage(answer, { ephemeral: false });
    await respondWith(
      respond,
      { ...message, text: i18n(answer.lang).t(slack['slack.shared'], { user: site.userId, text: message.text }) },
      { responseType: 'in_channel', replaceOriginal: false },
    );
  });
}
