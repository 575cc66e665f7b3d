// The bot scopes the app asks for, each with the feature that needs it. manifest.yml must list exactly
// these (test/slack/manifest.test.ts), and docs/SLACK.md explains each one.

/** Bot token scopes -> why reachbot needs them. */
export const BOT_SCOPES: Readonly<Record<string, string>> = {
  'app_mentions:read': 'receive @reachbot mentions in channels (app_mention event)',
  'chat:write': 'answer in threads and DMs (chat.postMessage, chat.postEphemeral)',
  'chat:write.public': 'post scheduled digests and alerts in channels the bot has not joined',
  commands: 'the /reach slash command',
  'files:read': 'download a topology file shared with the bot (url_private_download, files.info)',
  'files:write': 'upload long answers and topology exports as files in the thread (files.uploadV2)',
  'im:history': 'receive direct messages to the bot (message.im event)',
};

/** Manifest bot event -> the scope Slack requires for it (events with no scope map to null). */
export const EVENT_SCOPES: Readonly<Record<string, string | null>> = {
  app_home_opened: null,
  app_mention: 'app_mentions:read',
  'message.im': 'im:history',
};
