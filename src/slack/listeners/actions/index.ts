// Block Kit button listeners, by the action ids the answer renderer puts on its buttons.
import type { App } from '@slack/bolt';
import { ACTION_IDS } from '../../../render/actions.js';
import type { SlackDeps } from '../../deps.js';
import { recheck } from './recheck.js';
import { shareInChannel } from './share-in-channel.js';
import { showAs } from './show-as.js';
import { watchPath } from './watch-path.js';

/** Register the button listeners. */
export function register(app: App, deps: SlackDeps): void {
  app.action(ACTION_IDS.recheck, recheck(deps));
  app.action(ACTION_IDS.showTerraform, showAs(deps, 'terraform'));
  app.action(ACTION_IDS.showHcloud, showAs(deps, 'hcloud'));
  app.action(ACTION_IDS.showApi, showAs(deps, 'api'));
  app.action(ACTION_IDS.share, shareInChannel(deps));
  app.action(ACTION_IDS.watch, watchPath(deps));
}
