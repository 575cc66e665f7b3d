// What the Slack listeners need from the rest of the process, injected by the composition root (app.ts)
// so that tests build the same App over a temp store, a fixed clock and a captured logger.
import type { SubcommandRegistry } from '../commands/registry.js';
import type { CommandContext } from '../commands/subcommand.js';
import type { TopologyChangeListener } from '../commands/topology.js';
import type { Lang } from '../i18n/lang.js';
import type { Logger } from '../log/logger.js';
import type { Metrics } from '../ops/metrics.js';
import type { Store } from '../store/store.js';
import type { DeliveryLedger } from './dedupe.js';
import type { Turns } from './turns.js';
import type { WatchButton } from './watch-button.js';

export interface SlackDeps {
  readonly store: Store;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Slack user ids that may write (REACHBOT_ADMINS). */
  readonly admins: ReadonlySet<string>;
  /** The workspace's default language (REACHBOT_LANG). */
  readonly defaultLang?: Lang;
  readonly registry: SubcommandRegistry;
  /** The bot token, to download files shared with the bot (url_private_download needs it). */
  readonly botToken: string;
  /** A configured SLACK_API_URL: its host, besides Slack's own, may receive the bot token (file downloads). */
  readonly slackApiUrl?: string;
  /** fetch for file downloads; read at call time so test interceptors apply. Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** The "Watch this path" button (digests); without it the button explains that watching is off. */
  readonly watchButton?: WatchButton;
  /** Told when a shared file replaces a topology (change alerts); the /reach path gets it via the registry. */
  readonly onTopologyChange?: TopologyChangeListener;
  /** Claims of Slack deliveries (redelivery dedupe); the app makes one over `store` when none is given. */
  readonly deliveries?: DeliveryLedger;
  /** Where answers are counted (by surface and verdict) and timed; none in most tests. */
  readonly metrics?: Pick<Metrics, 'answered'>;
  /** The turns answer work takes (the app gives its listeners one that lets new HTTP connections in first). */
  readonly turns?: Turns;
}

/** The surface-neutral command context for one Slack user in one conversation. */
export function commandContext(deps: SlackDeps, userId: string, channelId: string): CommandContext {
  return {
    store: deps.store,
    userId,
    channelId,
    isAdmin: deps.admins.has(userId),
    admins: [...deps.admins],
    now: deps.now,
    ...(deps.defaultLang ? { defaultLang: deps.defaultLang } : {}),
  };
}
