// Getting a message to Slack: in a thread (with a long text uploaded as a file in the same thread), or
// through a response_url (ephemeral or in channel). Failures that remain after the WebClient's own retries
// (it waits as Retry-After says) are reported to the user where that is still possible.
import type { AllMiddlewareArgs, RespondFn } from '@slack/bolt';
import { i18n } from '../i18n/i18n.js';
import type { Lang } from '../i18n/lang.js';
import { slack } from '../i18n/messages/slack.js';
import type { Logger } from '../log/logger.js';
import { cutText, type SlackMessage, TEXT_LIMIT } from './messages.js';

/** The Web API client Bolt hands to listeners. */
export type WebClient = AllMiddlewareArgs['client'];

/** Post `message` in `channel` (in the thread `threadTs`, if given), then its file, if it has one. */
export async function postMessage(
  client: WebClient,
  target: { readonly channel: string; readonly threadTs?: string },
  message: SlackMessage,
  logger: Logger,
): Promise<void> {
  const thread = target.threadTs ? { thread_ts: target.threadTs } : {};
  await client.chat.postMessage({
    channel: target.channel,
    ...thread,
    text: message.text,
    ...(message.blocks ? { blocks: message.blocks } : {}),
  });
  if (!message.file) return;
  try {
    await client.files.uploadV2({
      channel_id: target.channel,
      ...thread,
      filename: message.file.filename,
      title: message.file.title,
      content: message.file.content,
    });
  } catch (error) {
    logger.warn(
      { err: error, channel: target.channel, filename: message.file.filename },
      'file upload failed; posting a cut instead',
    );
    await client.chat.postMessage({
      channel: target.channel,
      ...thread,
      text: cutText(
        `${i18n(message.lang ?? 'en').t(slack['slack.upload-failed-inline'], { filename: message.file.filename, error: slackError(error) })}\n\`\`\`\n${message.file.content}\n\`\`\``,
        TEXT_LIMIT,
        'upload-failed',
        message.lang,
      ),
    });
  }
}

/** Answer through the response_url; a file cannot be attached there, so its content is shown cut. */
export async function respondWith(
  respond: RespondFn,
  message: SlackMessage,
  options: { readonly responseType: 'ephemeral' | 'in_channel'; readonly replaceOriginal?: boolean },
): Promise<void> {
  await respond({
    response_type: options.responseType,
    replace_original: options.replaceOriginal ?? false,
    text: message.text,
    ...(message.blocks ? { blocks: message.blocks } : {}),
  });
  if (!message.file) return;
  await respond({
    response_type: options.responseType,
    replace_original: false,
    text: cutText(
      `*${message.file.title}*\n\`\`\`\n${message.file.content}\n\`\`\``,
      TEXT_LIMIT,
      'ask-in-thread',
      message.lang,
    ),
  });
}

/** Tell the user, privately and in `lang`, that their answer could not be posted; logs when even that fails. */
export async function reportFailure(
  client: WebClient,
  where: { readonly channel: string; readonly user: string; readonly threadTs?: string },
  error: unknown,
  logger: Logger,
  lang: Lang = 'en',
): Promise<void> {
  logger.error({ err: error, channel: where.channel, user: where.user }, 'could not answer');
  try {
    await client.chat.postEphemeral({
      channel: where.channel,
      user: where.user,
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
      text: i18n(lang).t(slack['slack.post-failed'], { error: slackError(error) }),
    });
  } catch (second) {
    logger.error({ err: second, channel: where.channel }, 'could not report the failure to the user either');
  }
}

/**
 * The Slack error code of a Web API failure, the code of a system error (`ECONNRESET`), or the message of any other
 * error. reachbot's own errors carry a code for programs (`reachbot_store_locked`) and a message for people: the
 * message.
 */
export function slackError(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const data = (error as { data?: { error?: unknown } }).data;
    if (data && typeof data.error === 'string') return data.error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code && !code.startsWith('reachbot_')) return code;
  }
  return error instanceof Error ? error.message : String(error);
}
