// What people type for a digest schedule ("weekdays 09:00", "every hour", a cron expression) and the time zone it
// is read in, turned into a cron expression that croner runs; plus the slot arithmetic the scheduler relies on.

import { Cron } from 'croner';
import { EN, type I18n } from '../i18n/i18n.js';
import type { Lang } from '../i18n/lang.js';
import type { Message } from '../i18n/message.js';
import { schedule as S } from '../i18n/messages/schedule.js';
import { closestNames } from '../names/closest.js';

/** A schedule as stored: the cron expression croner runs, and the words the user typed. */
export interface ParsedSchedule {
  readonly cron: string;
  readonly spec: string;
}

/** A schedule or time zone that cannot be used; the message says what would be. */
export class ScheduleError extends Error {
  readonly code = 'reachbot_schedule_invalid';
  constructor(
    /** In English (logs); `describe` gives it in the asker's language. */
    message: string,
    readonly suggestions: readonly string[] = [],
    private readonly localized?: (text: I18n) => string,
  ) {
    super(message);
    this.name = 'ScheduleError';
  }

  /** A ScheduleError from a catalog message, said in any language by `describe`. */
  static of<P>(message: Message<P>, params: P, suggestions: readonly string[] = []): ScheduleError {
    return new ScheduleError(EN.t(message, params), suggestions, (text) => text.t(message, params));
  }

  /** The message in a language (the English message when it was thrown without a catalog message). */
  describe(text: I18n): string {
    return this.localized ? this.localized(text) : this.message;
  }
}

export const SCHEDULE_FORMS = [
  'weekdays 09:00',
  'daily 18:30',
  'mondays 08:00',
  'weekends 10:00',
  'every hour',
  '30 8 * * 1-5',
];

/** Digests more often than this are refused: a channel is not a log stream. */
export const MIN_INTERVAL_MS = 15 * 60_000;

/** Day names and abbreviations, at their cron day-of-week numbers. */
const DAYS: readonly string[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_ABBREVIATIONS: readonly string[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Parse a plain form or a cron expression; throws ScheduleError naming the accepted forms. */
export function parseScheduleSpec(input: string): ParsedSchedule {
  const spec = input.trim().replace(/\s+/g, ' ');
  const lower = spec.toLowerCase();
  if (lower === 'every hour' || lower === 'hourly') return checked({ cron: '0 * * * *', spec: 'every hour' });

  const plain = /^(?:(.+?)\s+)?(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/.exec(lower);
  if (plain) {
    const time = parseTime(plain[2] ?? '', plain[3], plain[4]);
    const days = dayWords(plain[1] ?? 'daily');
    if (time && days) {
      const hh = String(time.hour).padStart(2, '0');
      const mm = String(time.minute).padStart(2, '0');
      return checked({ cron: `${time.minute} ${time.hour} * * ${days.field}`, spec: `${days.name} ${hh}:${mm}` });
    }
  }

  const fields = spec.split(' ');
  if (fields.length === 5 || fields.length === 6) {
    try {
      new Cron(spec, { mode: '5-or-6-parts', paused: true });
    } catch (error) {
      const why = error instanceof Error ? error.message.replace(/^CronPattern: /, '') : String(error);
      throw ScheduleError.of(S['schedule.bad-cron'], { spec, why }, SCHEDULE_FORMS);
    }
    return checked({ cron: spec, spec });
  }
  throw ScheduleError.of(S['schedule.not-understood'], { spec }, SCHEDULE_FORMS);
}

function parseTime(hours: string, minutes: string | undefined, meridiem: string | undefined) {
  let hour = Number(hours);
  const minute = minutes === undefined ? 0 : Number(minutes);
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (minutes === undefined) {
    // A bare number ("daily 9") is too ambiguous to guess at.
    return undefined;
  }
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

/** The cron day-of-week field and display name for day words ("weekdays", "every monday", "tue"). */
function dayWords(words: string): { field: string; name: string } | undefined {
  const word = words.replace(/^every\s+/, '').replace(/s$/, '');
  if (word === 'daily' || word === 'day') return { field: '*', name: 'daily' };
  if (word === 'weekday') return { field: '1-5', name: 'weekdays' };
  if (word === 'weekend') return { field: '0,6', name: 'weekends' };
  const index = Math.max(DAYS.indexOf(word), DAY_ABBREVIATIONS.indexOf(word));
  if (index < 0) return undefined;
  return { field: String(index), name: `${DAYS[index]}s` };
}

function checked(schedule: ParsedSchedule): ParsedSchedule {
  const runs = new Cron(schedule.cron, { mode: '5-or-6-parts', paused: true, timezone: 'UTC' }).nextRuns(
    24,
    new Date(Date.UTC(2030, 0, 1)),
  );
  if (runs.length === 0) throw ScheduleError.of(S['schedule.never'], { spec: schedule.spec }, SCHEDULE_FORMS);
  for (let i = 1; i < runs.length; i++) {
    const gap = (runs[i]?.getTime() ?? 0) - (runs[i - 1]?.getTime() ?? 0);
    if (gap < MIN_INTERVAL_MS) {
      throw ScheduleError.of(
        S['schedule.too-often'],
        { spec: schedule.spec, minutes: MIN_INTERVAL_MS / 60_000 },
        SCHEDULE_FORMS,
      );
    }
  }
  return schedule;
}

let zoneList: readonly string[] | undefined;
function knownZones(): readonly string[] {
  zoneList ??= [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  return zoneList;
}

/** A fixed offset typed where a time zone goes: "UTC+8", "GMT-5", "utc+05:30". */
const OFFSET = /^(?:utc|gmt)([+-])(\d{1,2})(?::?(\d{2}))?$/i;
/** IANA's fixed-offset zones, whose sign is the reverse of the offset's: Etc/GMT-8 is UTC+8. */
const ETC_OFFSET = /^Etc\/GMT([+-])(\d{1,2})$/;

/** Whether the word looks like a time zone rather than part of a schedule ("Asia/Shanghai", "UTC", "UTC+8"). */
export function looksLikeTimeZone(word: string): boolean {
  return word.includes('/') || /^(utc|gmt|etc\/.+)$/i.test(word) || OFFSET.test(word);
}

/** Whether `zone` is a time zone the runtime can format in (a stored one may have been edited by hand). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The canonical IANA name of a time zone ("asia/shanghai" -> "Asia/Shanghai"; "UTC+8" -> "Etc/GMT-8", which
 * `zoneLabel` shows as UTC+8 again); throws ScheduleError otherwise.
 */
export function canonicalTimeZone(input: string): string {
  const zone = input.trim();
  const offset = OFFSET.exec(zone);
  if (offset) return offsetZone(zone, offset[1] === '+' ? 1 : -1, Number(offset[2]), Number(offset[3] ?? 0));
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    const suggestions = closestNames(zone, knownZones(), 3);
    throw ScheduleError.of(S['schedule.bad-zone'], { zone, suggestions }, suggestions);
  }
}

/** UTC+h as IANA's Etc/GMT-h; an offset with minutes has no such zone, so the zones at that offset are named. */
function offsetZone(typed: string, sign: 1 | -1, hours: number, minutes: number): string {
  if (minutes === 0 && hours === 0) return 'UTC';
  if (minutes === 0 && hours <= (sign > 0 ? 14 : 12)) return `Etc/GMT${sign > 0 ? '-' : '+'}${hours}`;
  const offsetMinutes = sign * (hours * 60 + minutes);
  const suggestions = minutes < 60 ? zonesAtOffset(offsetMinutes, 3) : [];
  throw ScheduleError.of(S['schedule.bad-offset'], { zone: typed, suggestions }, suggestions);
}

/** Up to `count` IANA zones (places, not Etc/) whose offset from UTC is `minutes` now. */
function zonesAtOffset(minutes: number, count: number): string[] {
  const now = Date.now();
  const found: string[] = [];
  for (const zone of knownZones()) {
    if (!zone.includes('/') || zone.startsWith('Etc/')) continue;
    if (zoneOffsetMinutes(zone, now) === minutes) found.push(zone);
    if (found.length === count) break;
  }
  return found;
}

/** The offset of `zone` from UTC at `at`, in minutes. */
function zoneOffsetMinutes(zone: string, at: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const parsed = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name ?? '');
  if (!parsed) return 0;
  return (parsed[1] === '+' ? 1 : -1) * (Number(parsed[2]) * 60 + Number(parsed[3]));
}

/** A zone as people read it: IANA's Etc/GMT-8 as "UTC+8", any other zone as its name. */
export function zoneLabel(timezone: string): string {
  const etc = ETC_OFFSET.exec(timezone);
  return etc ? `UTC${etc[1] === '+' ? '-' : '+'}${etc[2]}` : timezone;
}

/** The next `count` runs after `after`, in the schedule's zone (croner handles DST). */
export function nextRuns(cron: string, timezone: string, after: Date, count = 1): Date[] {
  return new Cron(cron, { mode: '5-or-6-parts', paused: true, timezone }).nextRuns(count, after);
}

/** The latest slot at or before `at`, if any: the run a scheduler that was down at `at` missed last. */
export function latestSlotAtOrBefore(cron: string, timezone: string, at: Date): Date | undefined {
  const job = new Cron(cron, { mode: '5-or-6-parts', paused: true, timezone });
  // previousRuns is exclusive of its reference; look a second past `at` and keep what is not after `at`.
  return job.previousRuns(2, new Date(at.getTime() + 1000)).find((run) => run.getTime() <= at.getTime());
}

/** "09:00 Mon 2 Mar (Asia/Shanghai)": a slot as the channel reads it. */
export function formatInZone(at: Date, timezone: string, lang: Lang = 'en'): string {
  const text = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return lang === 'zh' ? `${text}（${zoneLabel(timezone)}）` : `${text} (${zoneLabel(timezone)})`;
}
