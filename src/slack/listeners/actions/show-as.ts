// "Show as Terraform / KooCLI / API": the same answer with its fixes in that form, in the answer's thread
// (or privately, under an ephemeral answer).
import type { FixFormat } from '../../../engine/diagnosis.js';
import { postMessage, respondWith } from '../../deliver.js';
import type { SlackDeps } from '../../deps.js';
import { answerMessage } from '../../messages.js';
import { rememberThread, threadKey } from '../events/conversation.js';
import { answerAgain, buttonHandler } from './button.js';

/** A handler for one of the "Show as" buttons. */
export function showAs(deps: SlackDeps, format: Exclude<FixFormat, 'text'>) {
  return buttonHandler(deps, `Show as ${format}`, async (site, { respond, client }) => {
    const answer = answerAgain(deps, site.ref, format);
    if (site.ephemeral || !site.threadTs) {
      await respondWith(respond, answerMessage(answer, { ephemeral: true }), { responseType: 'ephemeral' });
      return;
    }
    const threadTs = site.threadTs;
    await postMessage(
      client,
      { channel: site.channelId, threadTs },
      answerMessage(answer, { ephemeral: false }),
      deps.logger,
    );
    // The thread now continues from this answer ("and port 6379?").
    await rememberThread(deps, threadKey(site.channelId, threadTs), answer);
  });
}
