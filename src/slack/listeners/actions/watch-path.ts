// "Watch this path": handed to the digest feature, which registers the watch; the confirmation is private.
import type { SlackDeps } from '../../deps.js';
import { commandContext } from '../../deps.js';
import { buttonHandler } from './button.js';

/** The Watch this path button handler. */
export function watchPath(deps: SlackDeps) {
  return buttonHandler(deps, 'Watch this path', async (site, { respond }) => {
    const text = deps.watchButton
      ? (await deps.watchButton({ ref: site.ref, context: commandContext(deps, site.userId, site.channelId) })).text
      : 'Watching paths is not enabled in this deployment.';
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  });
}
