// The digest feature's public surface, for the composition roots (Slack app, local shell) to wire.
export { type ChangeAlert, type ChangeAlertOptions, onTopologyReplaced } from './alerts.js';
export { channelLang, channelText, setChannelLang } from './channel-lang.js';
export type { PathEngine } from './check.js';
export {
  type ChatPostMessageClient,
  type OutgoingMessage,
  type Poster,
  printingPoster,
  type RetryPolicy,
  type Sleep,
  webClientPoster,
} from './poster.js';
export { type DigestLogger, type DigestRunStatus, runScheduledDigest } from './run.js';
export {
  DEFAULT_GRACE_MS,
  type DigestScheduler,
  type DigestSchedulerOptions,
  startDigestScheduler,
} from './scheduler.js';
export { createDigestSubcommands, digestSubcommands, handleWatchButton, previewDigest } from './subcommands.js';
