// A topology file shared with the bot (a DM, or a mention with the file attached) -> an import: admins only,
// downloaded with the bot token from url_private_download, validated, the diff shown when it replaces one,
// and audited. The file's content is never logged.
import * as z from 'zod/v4';
import { recordAudit, refuseUnlessAdmin } from '../commands/audit.js';
import { replyLang } from '../commands/language.js';
import type { Reply } from '../commands/subcommand.js';
import { importTopologyText } from '../commands/topology.js';
import { i18n } from '../i18n/i18n.js';
import { errorText, LocalizedError } from '../i18n/localized-error.js';
import { localized, type Message } from '../i18n/message.js';
import { fileImport as F } from '../i18n/messages/file-import.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';
import { BodyTooLargeError, readCappedText } from '../runtime/capped-body.js';
import type { WebClient } from './deliver.js';
import { commandContext, type SlackDeps } from './deps.js';

/**
 * The largest topology file imported from Slack. Shared files come from anyone an admin talks to and are
 * parsed in the bot's process; a larger topology is imported with the CLI (`reachbot topology import`).
 */
export const MAX_TOPOLOGY_BYTES = 2 * 1024 * 1024;

/** How many redirects a download follows, each to a host checked like the first. */
const MAX_REDIRECTS = 3;

/**
 * Whether the bot token may be sent to `url`: Slack's own hosts over HTTPS (files.slack.com and the rest of
 * *.slack.com), or the host of a configured SLACK_API_URL (a local Slack double in tests).
 */
export function mayCarryToken(url: string, slackApiUrl?: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (slackApiUrl) {
    const api = new URL(slackApiUrl);
    if (target.protocol === api.protocol && target.host === api.host) return true;
  }
  const host = target.hostname.toLowerCase();
  return target.protocol === 'https:' && !target.port && (host === 'slack.com' || host.endsWith('.slack.com'));
}

/** "2.0 MB" for a byte count. */
function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why a download failed, in every language. */
const downloadRefusal = <P>(m: Message<P>, params: P) => new LocalizedError(localized(m, params));
const tooLarge = (bytes: number, over = false) =>
  downloadRefusal(F['file.too-large'], { size: megabytes(bytes), limit: megabytes(MAX_TOPOLOGY_BYTES), over });

const TOPOLOGY_FILE = /\.(ya?ml|json)$/i;

/** The fields of a Slack file object that an import needs (validated: it comes from Slack). */
const sharedFileSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  title: z.string().optional(),
  filetype: z.string().optional(),
  size: z.number().optional(),
  url_private: z.string().optional(),
  url_private_download: z.string().optional(),
});
export type SharedFile = z.infer<typeof sharedFileSchema>;

/** The files of an event that look like topologies (YAML or JSON by name or Slack filetype). */
export function topologyFiles(files: unknown): SharedFile[] {
  if (!Array.isArray(files)) return [];
  return files.flatMap((raw) => {
    const parsed = sharedFileSchema.safeParse(raw);
    if (!parsed.success) return [];
    const file = parsed.data;
    const looksRight = TOPOLOGY_FILE.test(file.name ?? '') || ['yaml', 'json'].includes(file.filetype ?? '');
    return looksRight ? [file] : [];
  });
}

/** The topology name the message asks for (`topology import NAME`), else one derived from the file name. */
export function importName(words: string, file: SharedFile): string {
  const named = /^(?:topology\s+)?import\s+(\S+)/i.exec(words)?.[1];
  if (named) return named;
  const stem = (file.name ?? file.title ?? file.id).replace(TOPOLOGY_FILE, '');
  return (
    stem
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '')
      .slice(0, 64) || file.id
  );
}

export interface FileImportRequest {
  readonly file: SharedFile;
  readonly words: string;
  readonly userId: string;
  readonly channelId: string;
  readonly client: WebClient;
}

/** Import one shared file as a topology; the reply says what happened (or why not). */
export async function importSharedFile(request: FileImportRequest, deps: SlackDeps): Promise<Reply> {
  const { file, words, userId, channelId, client } = request;
  const base = commandContext(deps, userId, channelId);
  const context = { ...base, lang: replyLang(base, words) };
  const name = importName(words, file);
  const refusal = await refuseUnlessAdmin(context, 'topology import', name);
  if (refusal) return refusal;
  const source = `slack:${file.id}${file.name ? ` (${file.name})` : ''}`;
  let text: string;
  try {
    text = await download(file, client, deps);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const said = errorText(error, i18n(context.lang));
    // `name` is the logger's own key (the service name); the file's name gets its own key.
    deps.logger.warn({ file: file.id, fileName: file.name, reason }, 'topology file download failed');
    await recordAudit(context, {
      action: 'topology import',
      target: name,
      outcome: 'failed',
      detail: `${source}: ${reason}`,
    });
    return {
      text: i18n(context.lang).t(F['file.download-failed'], {
        file: escapeMrkdwn(file.name ?? file.id),
        reason: escapeMrkdwn(said),
      }),
    };
  }
  deps.logger.info(
    { file: file.id, fileName: file.name, bytes: text.length, topology: name },
    'importing a shared topology file',
  );
  return importTopologyText(context, name, text, source, deps.onTopologyChange);
}

async function download(file: SharedFile, client: WebClient, deps: SlackDeps): Promise<string> {
  if (file.size !== undefined && file.size > MAX_TOPOLOGY_BYTES) {
    throw tooLarge(file.size);
  }
  let url = file.url_private_download ?? file.url_private;
  if (!url) {
    // Events sometimes carry a trimmed file object; files.info has the full one.
    const info = await client.files.info({ file: file.id });
    url = info.file?.url_private_download ?? info.file?.url_private;
  }
  if (!url) throw downloadRefusal(F['file.no-url'], undefined);
  const fetchFn = deps.fetch ?? globalThis.fetch;
  let response: Response | undefined;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (!mayCarryToken(url, deps.slackApiUrl)) {
      deps.logger.warn(
        { file: file.id, host: hostOf(url) },
        'refused to send the bot token to a host that is not Slack',
      );
      throw downloadRefusal(F['file.not-slack-host'], { host: hostOf(url) });
    }
    // Redirects are followed by hand, so that each hop's host is checked before the token goes there.
    response = await fetchFn(url, { headers: { Authorization: `Bearer ${deps.botToken}` }, redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) break;
    url = new URL(location, url).toString();
    response = undefined;
  }
  if (!response) throw downloadRefusal(F['file.too-many-redirects'], undefined);
  if (!response.ok) throw downloadRefusal(F['file.http-status'], { status: response.status });
  // Without files:read (or with a bad token) Slack serves its HTML sign-in page instead of the file.
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    throw downloadRefusal(F['file.sign-in-page'], undefined);
  }
  try {
    return await readCappedText(response, MAX_TOPOLOGY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw tooLarge(error.bytes, error.over);
    throw error;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    // Not a URL: show (the start of) what Slack gave, as given.
    return url.slice(0, 80);
  }
}
