// The digest vocabulary of `/reach` and the local shell: watch, unwatch, watches, digest. Each returns a Reply;
// errors a person can fix come back as a Reply that says what to type instead, never as an exception.
import type { CommandContext, Reply, Subcommand } from '../commands/subcommand.js';
import { QuestionError } from '../question/errors.js';
import { parseQuestion } from '../question/parse.js';
import type { Question } from '../question/question.js';
import { resolveQuestionNames } from '../question/suggest.js';
import type { DigestSchedule } from '../store/data.js';
import { getTopology, resolveClusterTopology, splitQualifiedCluster } from '../store/topologies.js';
import { checkWatches, type PathEngine } from './check.js';
import { defaultEngine } from './default-engine.js';
import { BlockBudget, blocksToText, escapeMrkdwn, truncate } from './message-budget.js';
import { computeDigest } from './run.js';
import { schedulesChanged } from './schedule-events.js';
import {
  canonicalTimeZone,
  formatInZone,
  looksLikeTimeZone,
  nextRuns,
  parseScheduleSpec,
  SCHEDULE_FORMS,
  ScheduleError,
} from './schedule-spec.js';
import { addWatch, describeQuestion, findWatch, removeWatch, splitLabel, watchesOf, watchTitle } from './watches.js';

export type DigestMode = DigestSchedule['mode'];

/** A problem the person can fix by typing something else. */
function problem(error: unknown): Reply | undefined {
  if (error instanceof QuestionError || error instanceof ScheduleError) {
    const hint = error.suggestions.length ? `\nTry: ${error.suggestions.map((s) => `\`${s}\``).join(' · ')}` : '';
    return { text: `${error.message}${hint}` };
  }
  return undefined;
}

async function guarded(run: () => Promise<Reply>): Promise<Reply> {
  try {
    return await run();
  } catch (error) {
    const reply = problem(error);
    if (reply) return reply;
    throw error;
  }
}

function scheduleLine(schedule: DigestSchedule | undefined, now: Date): string {
  if (!schedule) return 'No digest is scheduled here: `digest weekdays 09:00 Asia/Shanghai` sets one.';
  const next = nextRuns(schedule.cron, schedule.timezone, now)[0];
  return `Digest: ${schedule.spec} (${schedule.timezone}), ${schedule.mode}${next ? `; next ${formatInZone(next, schedule.timezone)}` : ''}.`;
}

/** Watch a path for `context.channelId`: resolve its topology, take today's verdict as the baseline, store it. */
export async function watchPath(
  context: CommandContext,
  target: { topology?: string; question: Question; label?: string },
  engine: PathEngine = defaultEngine,
): Promise<Reply> {
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
  const [outcome] = checkWatches([draft], () => stored.topology, engine);
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
  const name = `*${escapeMrkdwn(watchTitle(watch))}* (${watch.id})`;
  const lines = [
    added
      ? // An unlabeled watch's title is already the question: say it once.
        `Watching ${name}${watch.label ? `: ${escapeMrkdwn(describeQuestion(question))}` : ''} in topology \`${escapeMrkdwn(stored.name)}\`.`
      : `This channel already watches that path as ${name}.`,
  ];
  if (outcome?.kind === 'checked') {
    const why =
      outcome.verdict === 'uncertain' && outcome.why ? ` Why: ${escapeMrkdwn(truncate(outcome.why, 600))}` : '';
    lines.push(
      `Now: *${outcome.verdict}*.${why}${outcome.fix ? ` Fix: ${escapeMrkdwn(truncate(outcome.fix, 600))}` : ''}`,
    );
  } else if (outcome) {
    lines.push(`It cannot be checked right now: ${escapeMrkdwn(outcome.reason)}`);
  }
  lines.push(scheduleLine(context.store.data.schedules[context.channelId], at));
  return { text: lines.join('\n') };
}

/** `watch <question> [as "label"]`. */
export function watchSubcommand(engine: PathEngine = defaultEngine): Subcommand {
  return {
    name: 'watch',
    usage: 'watch <cluster> <destination>[:port] [as "label"]',
    summary: "watch a path in this channel's digests and change alerts",
    run: (args, context) =>
      guarded(async () => {
        const { rest, label } = splitLabel(args);
        if (!rest) return { text: 'Usage: `watch prod 192.168.10.52:3306 as "orders → mysql"`' };
        return watchPath(context, { question: parseQuestion(rest), ...(label ? { label } : {}) }, engine);
      }),
  };
}

export const unwatchSubcommand: Subcommand = {
  name: 'unwatch',
  usage: 'unwatch <id|label>',
  summary: 'stop watching a path in this channel',
  run: (args, context) =>
    guarded(async () => {
      if (!args.trim()) return { text: 'Usage: `unwatch w3` or `unwatch "orders → mysql"` (`watches` lists them).' };
      const watch = findWatch(context.store.data, context.channelId, args);
      await removeWatch(context.store, watch.id);
      return { text: `Stopped watching *${escapeMrkdwn(watchTitle(watch))}* (${watch.id}).` };
    }),
};

/** `watches`: each path's verdict against the current topology (not the last one posted), times in the channel's zone. */
export function watchesSubcommandFor(engine: PathEngine): Subcommand {
  return {
    name: 'watches',
    usage: 'watches',
    summary: "this channel's watched paths and their verdicts now",
    run: async (_args, context) => {
      const mine = watchesOf(context.store.data, context.channelId);
      const channelSchedule = context.store.data.schedules[context.channelId];
      const schedule = scheduleLine(channelSchedule, context.now());
      if (mine.length === 0) {
        return {
          text: `This channel watches nothing yet: \`watch prod 192.168.10.52:3306\` adds a path.\n${schedule}`,
        };
      }
      const zone = channelSchedule?.timezone ?? 'UTC';
      // Checked now: a change alert may just have moved a path, and the stored `last` is what the previous post said.
      const outcomes = checkWatches(mine, (name) => getTopology(context.store, name)?.topology, engine);
      const lines = mine.map((watch, i) => {
        const outcome = outcomes[i];
        const reported = watch.last
          ? `; last reported ${watch.last.verdict} ${formatInZone(new Date(watch.last.at), zone)}`
          : '';
        const now =
          outcome?.kind === 'checked'
            ? `${outcome.verdict}${outcome.verdict === 'uncertain' && outcome.why ? ` (${escapeMrkdwn(truncate(outcome.why, 200))})` : ''}`
            : `cannot be checked: ${escapeMrkdwn(outcome?.reason ?? 'unknown')}`;
        const last = `${now}${reported}`;
        const what = watch.label ? ` ${escapeMrkdwn(describeQuestion(watch.question))}` : '';
        return `• *${escapeMrkdwn(watchTitle(watch))}* (${watch.id})${what}, topology \`${escapeMrkdwn(watch.topology)}\`: ${last}`;
      });
      const budget = new BlockBudget();
      budget.section(`*Watched here (${mine.length})*\n${schedule}`);
      const shown = budget.lines(lines);
      if (shown < lines.length)
        budget.closing({ kind: 'context', text: `${lines.length - shown} more in the attached list.` });
      return {
        text: [`Watched here (${mine.length}). ${schedule}`, ...lines.slice(0, Math.min(shown, 50))].join('\n'),
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

/** Set, show, preview or remove the channel's digest schedule. */
export function digestSubcommand(engine: PathEngine = defaultEngine): Subcommand {
  return {
    name: 'digest',
    usage:
      'digest <weekdays 09:00|daily 18:30|mondays 08:00|every hour|cron> [Area/City] [on-change|always] · digest now · digest off',
    summary: 'schedule, preview or stop the reachability digest of this channel',
    run: (args, context) =>
      guarded(async () => {
        const { store, channelId } = context;
        const word = args.trim().toLowerCase();
        if (word === '') return { text: scheduleLine(store.data.schedules[channelId], context.now()) };
        if (word === 'now') return previewDigest(context, engine);
        if (word === 'off' || word === 'stop') {
          const had = store.data.schedules[channelId];
          await store.update((data) => {
            delete data.schedules[channelId];
          });
          schedulesChanged(store);
          return {
            text: had
              ? `Digest stopped (it was ${had.spec}, ${had.timezone}). Watches stay.`
              : 'No digest was scheduled here.',
          };
        }
        const { spec, timezone, mode } = parseDigestArgs(args);
        if (!spec) throw new ScheduleError('Say when: e.g. `digest weekdays 09:00 Asia/Shanghai`', SCHEDULE_FORMS);
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
          ? `${count} watched path${count === 1 ? '' : 's'}.`
          : 'Nothing is watched yet: `watch prod 192.168.10.52:3306` adds a path.';
        return { text: `${scheduleLine(store.data.schedules[channelId], now)} ${watching}` };
      }),
  };
}

/** The digest as the next run would post it, without moving the baseline (a preview). */
export async function previewDigest(context: CommandContext, engine: PathEngine = defaultEngine): Promise<Reply> {
  const schedule = context.store.data.schedules[context.channelId];
  if (watchesOf(context.store.data, context.channelId).length === 0) {
    return { text: 'This channel watches nothing yet: `watch prod 192.168.10.52:3306` adds a path.' };
  }
  const now = context.now();
  const zone = schedule?.timezone ?? 'UTC';
  const digest = await computeDigest(context.store, context.channelId, {
    engine,
    title: 'Reachability digest',
    // "still reports these changes" under "No changes since the last digest" would contradict it.
    footer: (summary) =>
      `Checked ${formatInZone(now, zone)} against the current topologies · a preview${
        summary.newlyBroken.length || summary.newlyFixed.length
          ? ': the next scheduled digest still reports these changes'
          : ', nothing posted'
      }`,
  });
  // The shell prints `text`, so it carries the whole digest, not just the notification line.
  return { text: blocksToText(digest.message.blocks), blocks: digest.message.blocks };
}

/** The digest subcommands, for the registry: watch, unwatch, watches, digest. */
export function createDigestSubcommands(engine: PathEngine = defaultEngine): Subcommand[] {
  return [watchSubcommand(engine), unwatchSubcommand, watchesSubcommandFor(engine), digestSubcommand(engine)];
}

/** The digest subcommands over the real engine. */
export const digestSubcommands: Subcommand[] = createDigestSubcommands();

/** The "Watch this path" button: watch the answer's question in the channel it was clicked in. */
export function handleWatchButton(request: {
  readonly ref: { readonly topology: string; readonly question: Question };
  readonly context: CommandContext;
}): Promise<Reply> {
  return guarded(() => watchPath(request.context, { topology: request.ref.topology, question: request.ref.question }));
}
