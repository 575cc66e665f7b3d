// The action_ids of the buttons on a diagnosis, in one place: the Slack action listeners match on these.
import { SLACK_LIMITS } from './mrkdwn.js';

/** Every button a diagnosis message can carry. */
export const ACTION_IDS = {
  recheck: 'recheck',
  showTerraform: 'show_terraform',
  showHcloud: 'show_hcloud',
  showApi: 'show_api',
  share: 'share_in_channel',
  watch: 'watch_path',
} as const;

export type ActionId = (typeof ACTION_IDS)[keyof typeof ACTION_IDS];

/** Slack's limit on a button's `value`. */
export const MAX_ACTION_VALUE = SLACK_LIMITS.maxButtonValue;
