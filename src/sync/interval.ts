// Sync intervals as people type them ("5m", "90s", "1h", "10 min"), with the 1-minute floor and the defaults.
import { EN, type I18n, i18n } from '../i18n/i18n.js';
import { LocalizedError } from '../i18n/localized-error.js';
import { localized, localizedBy } from '../i18n/message.js';
import { sync as M } from '../i18n/messages/sync.js';
import { syncSettings as S } from '../i18n/messages/sync-settings.js';

/** Default interval of a scheduled sync (REACHBOT_SYNC_INTERVAL overrides it). */
export const DEFAULT_SYNC_INTERVAL_MS = 10 * 60_000;
/** No source is re-read more often than this. */
export const MIN_SYNC_INTERVAL_MS = 60_000;

const UNIT_MS: ReadonlyMap<string, number> = new Map([
  ['s', 1000],
  ['sec', 1000],
  ['secs', 1000],
  ['second', 1000],
  ['seconds', 1000],
  ['m', 60_000],
  ['min', 60_000],
  ['mins', 60_000],
  ['minute', 60_000],
  ['minutes', 60_000],
  ['h', 3_600_000],
  ['hr', 3_600_000],
  ['hour', 3_600_000],
  ['hours', 3_600_000],
]);

/** An interval that cannot be read, or is under a minute. */
export class IntervalError extends LocalizedError {
  readonly code = 'reachbot_sync_interval';
}

/** The interval typed ("5m", "1h 30m", "90s", "10"), in ms; a RangeError naming the forms when unreadable or under a minute. */
export function parseInterval(typed: string): number {
  const text = typed.trim();
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)?\s*/gi)];
  const consumed = parts.map((part) => part[0]).join('');
  let ms = 0;
  for (const [, amount, unit] of parts) {
    const factor = UNIT_MS.get((unit ?? 'm').toLowerCase());
    if (factor === undefined) ms = Number.NaN;
    else ms += Number(amount) * factor;
  }
  if (!text || parts.length === 0 || consumed.length !== text.length || !Number.isFinite(ms)) {
    throw new IntervalError(localized(S['sync.settings.bad-interval'], { typed }));
  }
  ms = Math.round(ms);
  if (ms < MIN_SYNC_INTERVAL_MS)
    throw new IntervalError(
      localizedBy(S['sync.settings.too-often'], (lang) => ({ interval: formatInterval(ms, i18n(lang)) })),
    );
  return ms;
}

/** The default interval from the environment (REACHBOT_SYNC_INTERVAL), else 10 minutes. */
export function defaultIntervalFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const typed = env.REACHBOT_SYNC_INTERVAL?.trim();
  return typed ? parseInterval(typed) : DEFAULT_SYNC_INTERVAL_MS;
}

/** 600000 -> "10m", 5400000 -> "1h 30m", 90000 -> "1m 30s"; in Chinese "10分钟", "1小时30分钟" (`Intl` units). */
export function formatInterval(ms: number, text: I18n = EN): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (text.lang !== 'en') {
    const parts = [h * 3_600_000, m * 60_000, s * 1000].filter((part) => part > 0);
    return parts.length ? parts.map((part) => text.duration(part)).join('') : text.duration(0);
  }
  return [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].filter(Boolean).join(' ') || '0s';
}

/**
 * How long ago, in the words an answer uses: "just now", "3 min ago", "2 h ago", "4 days ago"; in Chinese
 * "刚刚", "3分钟前", "2小时前" (the locale's duration, largest unit that fits).
 */
export function ago(then: Date, now: Date, text: I18n = EN): string {
  const ms = Math.max(0, now.getTime() - then.getTime());
  if (ms < 60_000) return text.t(M['sync.justNow']);
  if (text.lang !== 'en') return text.t(M['sync.ago'], { duration: text.duration(ms) });
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 120) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
