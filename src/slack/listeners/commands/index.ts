// Slash commands. manifest.yml declares exactly these (test/slack/manifest.test.ts).
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { reachCommand } from './reach.js';

/** Register the slash command listeners. */
export function register(app: App, deps: SlackDeps): void {
  app.command('/reach', reachCommand(deps));
}
