// "Share in channel": an ephemeral answer, posted for everyone through the response_url (which needs no
// channel membership), with who shared it.
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
      { ...message, text: `<@${site.userId}> shared: ${message.text}` },
      { responseType: 'in_channel', replaceOriginal: false },
    );
  });
}
