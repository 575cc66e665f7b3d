// The digest vocabulary of `/reach` and the local shell: watch, unwatch, watches, digest. Each returns a Reply;
// errors a person can fix come back as a Reply that says what to type instead, never as an exception.
import type { CommandContext, Reply, Subcommand } from '../commands/subcommand.js';
import { type I18n, i18n } from '../i18n/i18n.js';
import type { Lang } from '../i18n/lang.js';
import { VERDICT_WORDS } from '../i18n/messages/common.js';
import { digest as M } from '../i18n/messages/digest.js';
import { QuestionError } from '../question/errors.js';
import { parseQuestion } from '../question/parse.js';
import type { Question } from '../question/question.js';
import { resolveQuestionNames } from '../question/suggest.js';
import type { DigestSchedule } from '../store/data.js';
import { getTopology, resolveClusterTopology, splitQualifiedCluster } from '../store/topologies.js';
import { channelLang, parseLangSetting, setChannelLang } from './channel-lang.js';
import { checkWatches, detailsForReply, type PathEngine } from './check.js';
import { defaultEngine } from './default-engine.js';
import { BlockBudget, blocksToText, escapeMrkdwn, truncate } from './message-budget.js';
import { computeDigest } from './run.js';
import { schedulesChanged } from './schedule-events.js';
import {
  canonicalTimeZone,
  formatInZone,
  isTimeZone,
  looksLikeTimeZone,
  nextRuns,
  parseScheduleSpec,
  SCHEDULE_FORMS,
  ScheduleError,
  zoneLabel,
} from './schedule-spec.js';
import { addWatch, describeQuestion, findWatch, removeWatch, splitLabel, watchesOf, watchTitle } from './watches.js';

export type DigestMode = DigestSchedule['mode'];

/** A problem the person can fix by typing something else. */
function problem(error: unknown, text: I18n): Reply | undefined {
  if (error instanceof QuestionError || error instanceof ScheduleError) {
    const hint = error.suggestions.length ? text.t(M['digestCmd.try'], { suggestions: error.suggestions }) : '';
    const said = error.describe(text);
    return { text: `${said}${hint}` };
  }
  return undefined;
}

/**
 * The language of the replies in a channel: its `digest lang`, else the language the asker is answered in
 * (`context.lang`), else the workspace default.
 */
function replyText(context: CommandContext, defaultLang: Lang): I18n {
  return i18n(channelLang(context.store.data, context.channelId, context.lang ?? workspaceLang(context, defaultLang)));
}

function workspaceLang(context: CommandContext, defaultLang: Lang): Lang {
  return context.defaultLang ?? defaultLang;
}

async function guarded(text: I18n, run: () => Promise<Reply>): Promise<Reply> {
  try {
    return await run();
  } catch (error) {
    const reply = problem(error, text);
    if (reply) return reply;
    throw error;
  }
}

function scheduleLine(schedule: DigestSchedule | undefined, now: Date, text: I18n): string {
  if (!schedule) return text.t(M['digestCmd.noSchedule']);
  let next: Date | undefined;
  try {
    next = nextRuns(schedule.cron, schedule.timezone, now)[0];
  } catch (error) {
    // A cron or zone croner refuses: only a hand-edited store has one, and the scheduler runs no job for it.
    const reason = error instanceof Error ? error.message : String(error);
    return text.t(M['digestCmd.scheduleUnreadable'], { spec: schedule.spec, timezone: schedule.timezone, reason });
  }
  return text.t(M['digestCmd.schedule'], {
    spec: schedule.spec,
    timezone: zoneLabel(schedule.timezone),
    onChange: schedule.mode === 'on-change',
    ...(next ? { next: formatInZone(next, schedule.timezone, text.lang) } : {}),
  });
}

/** Watch a path for `context.channelId`: resolve its topology, take today's verdict as the baseline, store it. */
export async function watchPath(
  context: CommandContext,
  target: { topology?: string; question: Question; label?: string },
  engine: PathEngine = defaultEngine,
  defaultLang: Lang = 'en',
): Promise<Reply> {
  const text = replyText(context, defaultLang);
  // "staging:prod" names the topology; the watch stores the cluster itself.
  const stored =
    (target.topology ? getTopology(context.store, target.topology) : undefined) ??
    resolveClusterTopology(context.store, target.question.cluster);
  const cluster = splitQualifiedCluster(target.question.cluster).cluster;
  const question = resolveQuestionNames(stored.topology, { ...target.question, cluster });
  const at = context.now();
  const draft = {
    id: 'new',
    channel: context.channelId,
    topology: stored.name,
    question,
    createdBy: context.userId,
    createdAt: at.toISOString(),
  };
  const [outcome] = checkWatches([draft], () => stored.topology, engine, text);
  const { watch, added } = await addWatch(context.store, {
    channel: context.channelId,
    topology: stored.name,
    question,
    ...(target.label ? { label: target.label } : {}),
    createdBy: context.userId,
    at,
    ...(outcome?.kind === 'checked'
      ? { baseline: { verdict: outcome.verdict, fingerprint: outcome.fingerprint } }
      : {}),
  });
  const name = `*${escapeMrkdwn(watchTitle(watch, text))}* (${watch.id})`;
  const lines = [
    added
      ? // An unlabeled watch's title is already the question: say it once.
        text.t(M['digestCmd.watching'], {
          name,
          ...(watch.label ? { question: escapeMrkdwn(describeQuestion(question, text)) } : {}),
          topology: escapeMrkdwn(stored.name),
        })
      : text.t(M['digestCmd.alreadyWatched'], { name }),
  ];
  if (outcome?.kind === 'checked') {
    const { fix, why } = detailsForReply(outcome);
    lines.push(
      text.t(M['digestCmd.now'], {
        verdict: text.t(VERDICT_WORDS[outcome.verdict]),
        ...(outcome.verdict === 'uncertain' && why ? { why: escapeMrkdwn(truncate(why, 600)) } : {}),
        ...(fix ? { fix: escapeMrkdwn(truncate(fix, 600)) } : {}),
      }),
    );
  } else if (outcome) {
    lines.push(text.t(M['digestCmd.cannotCheck'], { reason: escapeMrkdwn(outcome.reason) }));
  }
  lines.push(scheduleLine(context.store.data.schedules[context.channelId], at, text));
  return { text: lines.join('\n') };
}

/** `watch <question> [as "label"]`. */
export function watchSubcommand(engine: PathEngine = defaultEngine, defaultLang: Lang = 'en'): Subcommand {
  return {
    name: 'watch',
    usage: 'watch <cluster> <destination>[:port] [as "label"]',
    summary: "watch a path in this channel's digests and change alerts",
    run: (args, context) => {
      const text = replyText(context, defaultLang);
      return guarded(text, async () => {
        const { rest, label } = splitLabel(args);
        if (!rest) return { text: text.t(M['digestCmd.watchUsage']) };
        return watchPath(context, { question: parseQuestion(rest), ...(label ? { label } : {}) }, engine, defaultLang);
      });
    },
  };
}

/** `unwatch <id|label>`, replying in the channel's language (`defaultLang` when it set none). */
export function unwatchSubcommandFor(defaultLang: Lang = 'en'): Subcommand {
  return {
    name: 'unwatch',
    usage: 'unwatch <id|label>',
    summary: 'stop watching a path in this channel',
    run: (args, context) => {
      const text = replyText(context, defaultLang);
      return guarded(text, async () => {
        if (!args.trim()) return { text: text.t(M['digestCmd.unwatchUsage']) };
        const watch = findWatch(context.store.data, context.channelId, args);
        await removeWatch(context.store, watch.id);
        return {
          text: text.t(M['digestCmd.stopped'], { name: `*${escapeMrkdwn(watchTitle(watch, text))}* (${watch.id})` }),
        };
      });
    },
  };
}

export const unwatchSubcommand: Subcommand = unwatchSubcommandFor();

/** `watches`: each path's verdict against the current topology (not the last one posted), times in the channel's zone. */
export function watchesSubcommandFor(engine: PathEngine, defaultLang: Lang = 'en'): Subcommand {
  return {
    name: 'watches',
    usage: 'watches',
    summary: "this channel's watched paths and their verdicts now",
    run: async (_args, context) => {
      const text = replyText(context, defaultLang);
      const mine = watchesOf(context.store.data, context.channelId);
      const channelSchedule = context.store.data.schedules[context.channelId];
      const schedule = scheduleLine(channelSchedule, context.now(), text);
      if (mine.length === 0) {
        return { text: `${text.t(M['digestCmd.nothingWatched'])}\n${schedule}` };
      }
      const zone = channelSchedule && isTimeZone(channelSchedule.timezone) ? channelSchedule.timezone : 'UTC';
      const verdict = (v: keyof typeof VERDICT_WORDS) => text.t(VERDICT_WORDS[v]);
      // Checked now: a change alert may just have moved a path, and the stored `last` is what the previous post said.
      const outcomes = checkWatches(mine, (name) => getTopology(context.store, name)?.topology, engine, text);
      const lines = mine.map((watch, i) => {
        const outcome = outcomes[i];
        const reported = watch.last
          ? text.t(M['digestCmd.lastReported'], {
              verdict: verdict(watch.last.verdict),
              at: formatInZone(new Date(watch.last.at), zone, text.lang),
            })
          : '';
        const why =
          outcome?.kind === 'checked' && outcome.verdict === 'uncertain' ? detailsForReply(outcome).why : undefined;
        const now =
          outcome?.kind === 'checked'
            ? `${verdict(outcome.verdict)}${why ? ` (${escapeMrkdwn(truncate(why, 200))})` : ''}`
            : text.t(M['digestCmd.cannotBeChecked'], {
                reason: escapeMrkdwn(outcome?.reason ?? text.t(M['digestCmd.unknown'])),
              });
        return text.t(M['digestCmd.watchLine'], {
          name: `*${escapeMrkdwn(watchTitle(watch, text))}* (${watch.id})`,
          ...(watch.label ? { question: escapeMrkdwn(describeQuestion(watch.question, text)) } : {}),
          topology: escapeMrkdwn(watch.topology),
          state: `${now}${reported}`,
        });
      });
      const heading = text.t(M['digestCmd.watchedHere'], { count: mine.length });
      const budget = new BlockBudget();
      budget.section(`*${heading}*\n${schedule}`);
      const shown = budget.lines(lines);
      if (shown < lines.length)
        budget.closing({ kind: 'context', text: text.t(M['digestCmd.moreAttached'], { count: lines.length - shown }) });
      return {
        text: [
          text.lang === 'zh' ? `${heading}。${schedule}` : `${heading}. ${schedule}`,
          ...lines.slice(0, Math.min(shown, 50)),
        ].join('\n'),
        blocks: budget.blocks,
        ...(shown < lines.length ? { attachment: { filename: 'watches.txt', content: lines.join('\n') } } : {}),
      };
    },
  };
}

/** `watches` over the real engine. */
export const watchesSubcommand: Subcommand = watchesSubcommandFor(defaultEngine);

/** `digest <schedule> [zone] [on-change|always]` split into its parts. */
export function parseDigestArgs(args: string): { spec: string; timezone: string; mode: DigestMode } {
  const words = args.trim().split(/\s+/).filter(Boolean);
  let mode: DigestMode = 'always';
  const last = words.at(-1)?.toLowerCase();
  if (last === 'on-change' || last === 'onchange' || last === 'changes') {
    mode = 'on-change';
    words.pop();
  } else if (last === 'always') {
    words.pop();
  }
  let timezone = 'UTC';
  const zone = words.at(-1);
  if (zone && looksLikeTimeZone(zone)) {
    timezone = canonicalTimeZone(zone);
    words.pop();
  }
  return { spec: words.join(' '), timezone, mode };
}

/** A trailing `lang zh|en|auto` of `digest …`, split off the rest of the arguments. */
export function splitLang(args: string): { rest: string; lang?: string } {
  const match = /(?:^|\s+)lang\s+(\S+)\s*$/i.exec(args);
  if (!match?.[1]) return { rest: args.trim() };
  return { rest: args.slice(0, match.index).trim(), lang: match[1] };
}

/** Set, show, preview or remove the channel's digest schedule, and the language the channel is told things in. */
export function digestSubcommand(engine: PathEngine = defaultEngine, defaultLang: Lang = 'en'): Subcommand {
  return {
    name: 'digest',
    usage:
      'digest <weekdays 09:00|daily 18:30|mondays 08:00|every hour|cron> [Area/City] [on-change|always] [lang zh|en|auto] · digest now · digest off · digest lang zh|en|auto',
    summary: 'schedule, preview or stop the reachability digest of this channel, or set its language',
    run: async (typedArgs, context) => {
      const { store, channelId } = context;
      const { rest: args, lang: typedLang } = splitLang(typedArgs);
      let langReply: string | undefined;
      if (typedLang !== undefined) {
        const setting = parseLangSetting(typedLang);
        if (!setting)
          return { text: replyText(context, defaultLang).t(M['digestCmd.langUsage'], { typed: typedLang }) };
        await setChannelLang(store, channelId, setting);
        // Said in the language just chosen, like everything the channel hears from now on.
        const chosen = replyText(context, defaultLang);
        langReply =
          setting === 'auto'
            ? chosen.t(M['digestCmd.langDefault'], { lang: workspaceLang(context, defaultLang) })
            : chosen.t(M['digestCmd.langSet'], { lang: setting });
        if (args === '') return { text: langReply };
      }
      const text = replyText(context, defaultLang);
      const withLang = (reply: Reply): Reply => (langReply ? { ...reply, text: `${reply.text}\n${langReply}` } : reply);
      return guarded(text, async () => {
        const word = args.trim().toLowerCase();
        if (word === '') return { text: scheduleLine(store.data.schedules[channelId], context.now(), text) };
        if (word === 'now') return withLang(await previewDigest(context, engine, defaultLang));
        if (word === 'off' || word === 'stop') {
          const had = store.data.schedules[channelId];
          await store.update((data) => {
            delete data.schedules[channelId];
          });
          schedulesChanged(store);
          return withLang({
            text: had
              ? text.t(M['digestCmd.stoppedDigest'], { spec: had.spec, timezone: zoneLabel(had.timezone) })
              : text.t(M['digestCmd.noneScheduled']),
          });
        }
        const { spec, timezone, mode } = parseDigestArgs(args);
        if (!spec) throw new ScheduleError(text.t(M['digestCmd.sayWhen']), SCHEDULE_FORMS);
        const parsed = parseScheduleSpec(spec);
        const now = context.now();
        await store.update((data) => {
          const previous = data.schedules[channelId];
          const sameTimes = previous && previous.cron === parsed.cron && previous.timezone === timezone;
          data.schedules[channelId] = {
            channel: channelId,
            cron: parsed.cron,
            spec: parsed.spec,
            timezone,
            mode,
            // Slots before now are not owed: a new schedule never sends a "missed" digest for its own past.
            lastRunAt: sameTimes && previous.lastRunAt ? previous.lastRunAt : now.toISOString(),
          };
        });
        schedulesChanged(store);
        const count = watchesOf(store.data, channelId).length;
        const watching = count
          ? text.t(M['digestCmd.watchCount'], { count })
          : text.t(M['digestCmd.nothingWatchedYet']);
        return withLang({ text: `${scheduleLine(store.data.schedules[channelId], now, text)} ${watching}` });
      });
    },
  };
}

/** The digest as the next run would post it, without moving the baseline (a preview). */
export async function previewDigest(
  context: CommandContext,
  engine: PathEngine = defaultEngine,
  defaultLang: Lang = 'en',
): Promise<Reply> {
  const text = replyText(context, defaultLang);
  const schedule = context.store.data.schedules[context.channelId];
  if (watchesOf(context.store.data, context.channelId).length === 0) {
    return { text: text.t(M['digestCmd.nothingWatched']) };
  }
  const now = context.now();
  const zone = schedule?.timezone ?? 'UTC';
  const digest = await computeDigest(context.store, context.channelId, {
    engine,
    title: text.t(M['digest.title']),
    // "still reports these changes" under "No changes since the last digest" would contradict it.
    footer: (summary) =>
      text.t(M['digest.footerPreview'], {
        at: formatInZone(now, zone, text.lang),
        changed: summary.newlyBroken.length > 0 || summary.newlyFixed.length > 0,
      }),
    text,
  });
  // The shell prints `text`, so it carries the whole digest, not just the notification line.
  return { text: blocksToText(digest.message.blocks), blocks: digest.message.blocks };
}

/**
 * The digest subcommands, for the registry: watch, unwatch, watches, digest. `defaultLang` is the workspace
 * default (REACHBOT_LANG) for channels that set no `digest lang`.
 */
export function createDigestSubcommands(engine: PathEngine = defaultEngine, defaultLang: Lang = 'en'): Subcommand[] {
  return [
    watchSubcommand(engine, defaultLang),
    unwatchSubcommandFor(defaultLang),
    watchesSubcommandFor(engine, defaultLang),
    digestSubcommand(engine, defaultLang),
  ];
}

/** The digest subcommands over the real engine. */
export const digestSubcommands: Subcommand[] = createDigestSubcommands();

/** The "Watch this path" button: watch the answer's question in the channel it was clicked in. */
export function handleWatchButton(request: {
  readonly ref: { readonly topology: string; readonly question: Question };
  readonly context: CommandContext;
  /** The workspace default language, for a channel without `digest lang`. */
  readonly defaultLang?: Lang;
}): Promise<Reply> {
  const defaultLang = request.defaultLang ?? 'en';
  return guarded(replyText(request.context, defaultLang), () =>
    watchPath(
      request.context,
      { topology: request.ref.topology, question: request.ref.question },
      defaultEngine,
      defaultLang,
    ),
  );
}
