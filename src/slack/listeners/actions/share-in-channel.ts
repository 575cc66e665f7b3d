// "Share in channel": an ephemeral answer, posted for everyone through the response_url (which needs no
// channel membership), with who shared it.
import { answerQuestion } from '../../../commands/converse.js';
import { respondWith } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { answerMessage } from '../../messages.js';
import { buttonHandler } from './button.js';

/** The Share in channel button handler. */
export function shareInChannel(deps: SlackDeps) {
  return buttonHandler(deps, 'Share in channel', async (site, { respond }) => {
    const answer = answerQuestion(
      deps.store,
      site.ref.question,
      undefined,
      site.ref.topology,
      deps.now(),
      site.ref.lang,
    );
    const message = answerMessage(answer, { ephemeral: false });
    await respondWith(
      respond,
      { ...message, text: `<@${site.userId}> shared: ${message.text}` },
      { responseType: 'in_channel', replaceOriginal: false },
    );
  });
}
