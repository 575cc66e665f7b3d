// A schedule or time zone that is not understood is said in the asker's language, English unchanged.
import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, parseScheduleSpec, ScheduleError } from '../../src/digest/schedule-spec.js';
import { i18n } from '../../src/i18n/i18n.js';
import { untranslatedWords } from '../i18n/untranslated.js';

function errorOf(run: () => unknown): ScheduleError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScheduleError) return error;
    throw error;
  }
  throw new Error('expected a ScheduleError');
}

describe('schedule errors', () => {
  it('say what was not understood in Chinese, and the same in English as before', () => {
    const cases = [
      {
        run: () => parseScheduleSpec('whenever'),
        zh: /^无法理解时间表“whenever”/,
        en: /is not a schedule I understand/,
      },
      { run: () => parseScheduleSpec('* * * * *'), zh: /执行间隔短于 \d+ 分钟/, en: /runs more often than every/ },
      {
        run: () => canonicalTimeZone('Asia/Shanghia'),
        zh: /^“Asia\/Shanghia”不是 IANA 时区（您是不是要找 Asia\/Shanghai/,
        en: /is not an IANA time zone/,
      },
    ];
    for (const { run, zh, en } of cases) {
      const error = errorOf(run);
      expect(error.describe(i18n('zh'))).toMatch(zh);
      expect(error.message).toMatch(en);
      expect(error.describe(i18n('en'))).toBe(error.message);
      expect(untranslatedWords(error.describe(i18n('zh')), ['whenever', 'IANA', 'cron'])).toEqual([]);
    }
  });
});
