// "Re-check": diagnose the same question against the topology as it is now, replacing the answer in place.
import { respondWith } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { answerMessage } from '../../messages.js';
import { answerAgain, buttonHandler } from './button.js';

/** The Re-check button handler. */
export function recheck(deps: SlackDeps) {
  return buttonHandler(deps, 'Re-check', async (site, { respond }) => {
    const answer = answerAgain(deps, site.ref);
    const message = answerMessage(answer, { ephemeral: site.ephemeral });
    await respondWith(respond, message, {
      responseType: site.ephemeral ? 'ephemeral' : 'in_channel',
      replaceOriginal: true,
    });
  });
}
