// Why a digest schedule or time zone was not understood, in the asker's language (the schedule forms that follow
// are typed as they are).
import { message } from '../message.js';

/** The schedule catalog, keyed by message id. */
export const schedule = {
  'schedule.bad-cron': message<{ spec: string; why: string }>({
    en: (p) => `"${p.spec}" is not a valid cron expression: ${p.why}`,
    zh: (p) => `“${p.spec}”不是有效的 cron 表达式：\`${p.why}\``,
  }),
  'schedule.not-understood': message<{ spec: string }>({
    en: (p) =>
      `"${p.spec}" is not a schedule I understand: use a plain form or a cron expression (minute hour day month weekday)`,
    zh: (p) => `无法理解时间表“${p.spec}”：请使用简单写法或 cron 表达式（分 时 日 月 周）`,
  }),
  'schedule.never': message<{ spec: string }>({
    en: (p) => `"${p.spec}" never runs`,
    zh: (p) => `时间表“${p.spec}”永远不会执行`,
  }),
  'schedule.too-often': message<{ spec: string; minutes: number }>({
    en: (p) => `"${p.spec}" runs more often than every ${p.minutes} minutes; a digest is a summary, not a monitor`,
    zh: (p) => `时间表“${p.spec}”的执行间隔短于 ${p.minutes} 分钟；摘要是汇总，不是监控`,
  }),
  'schedule.bad-offset': message<{ zone: string; suggestions: readonly string[] }>({
    en: (p) =>
      `"${p.zone}" is an offset no IANA zone stands for; write the zone of the place` +
      (p.suggestions.length ? ` (at that offset now: ${p.suggestions.join(', ')})` : ''),
    zh: (p) =>
      `“${p.zone}”这个时差没有对应的 IANA 时区；请写地点所在的时区` +
      (p.suggestions.length ? `（目前为该时差的有：${p.suggestions.join('、')}）` : ''),
  }),
  'schedule.bad-zone': message<{ zone: string; suggestions: readonly string[] }>({
    en: (p) =>
      `"${p.zone}" is not an IANA time zone${p.suggestions.length ? ` (did you mean ${p.suggestions.join(', ')}?)` : ''}`,
    zh: (p) =>
      `“${p.zone}”不是 IANA 时区${p.suggestions.length ? `（您是不是要找 ${p.suggestions.join('、')}？）` : ''}`,
  }),
};
