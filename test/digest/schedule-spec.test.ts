import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  latestSlotAtOrBefore,
  nextRuns,
  parseScheduleSpec,
  ScheduleError,
  zoneLabel,
} from '../../src/digest/schedule-spec.js';
import { splitLabel } from '../../src/digest/watches.js';

describe('schedule forms', () => {
  it.each([
    ['weekdays 09:00', '0 9 * * 1-5', 'weekdays 09:00'],
    ['daily 18:30', '30 18 * * *', 'daily 18:30'],
    ['mondays 08:00', '0 8 * * 1', 'mondays 08:00'],
    ['every monday at 8am', '0 8 * * 1', 'mondays 08:00'],
    ['Tue 7:15pm', '15 19 * * 2', 'tuesdays 19:15'],
    ['weekends 10:00', '0 10 * * 0,6', 'weekends 10:00'],
    ['every day 06:05', '5 6 * * *', 'daily 06:05'],
    ['07:45', '45 7 * * *', 'daily 07:45'],
    ['every hour', '0 * * * *', 'every hour'],
    ['hourly', '0 * * * *', 'every hour'],
    ['0 9 * * 1-5', '0 9 * * 1-5', '0 9 * * 1-5'],
    ['0 0 9 * * MON', '0 0 9 * * MON', '0 0 9 * * MON'],
  ])('%s -> %s', (typed, cron, spec) => {
    expect(parseScheduleSpec(typed)).toEqual({ cron, spec });
  });

  it.each([
    'daily 9',
    'daily 25:00',
    'blursday 09:00',
    '61 * * * *',
    '* * * * *',
    '*/10 * * * *',
    'every 5 minutes',
    '',
  ])('refuses %j', (typed) => {
    expect(() => parseScheduleSpec(typed)).toThrow(ScheduleError);
  });

  it('any HH:MM with a day word gives a cron expression that runs at that local time', () => {
    const words = ['daily', 'weekdays', 'weekends', 'mondays', 'fridays', 'sundays'];
    fc.assert(
      fc.property(
        fc.constantFrom(...words),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (word, h, m) => {
          const hh = String(h).padStart(2, '0');
          const mm = String(m).padStart(2, '0');
          const parsed = parseScheduleSpec(`${word} ${hh}:${mm}`);
          const [run] = nextRuns(parsed.cron, 'Asia/Shanghai', new Date('2026-03-01T00:00:00Z'));
          const local = new Intl.DateTimeFormat('en-GB', {
            timeZone: 'Asia/Shanghai',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          }).format(run);
          expect(local).toBe(`${hh}:${mm}`);
          expect(parsed.spec).toBe(`${word} ${hh}:${mm}`);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('time zones', () => {
  it('canonicalizes IANA names and refuses others with suggestions', () => {
    expect(canonicalTimeZone('asia/shanghai')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(() => canonicalTimeZone('Mars/Olympus')).toThrow(/is not an IANA time zone/);
    try {
      canonicalTimeZone('America/New_Yrok');
    } catch (error) {
      expect((error as ScheduleError).suggestions[0]).toBe('America/New_York');
    }
  });
});

describe('offsets typed as time zones', () => {
  it('reads UTC+h and GMT-h as IANA fixed-offset zones, shown as typed', () => {
    expect(canonicalTimeZone('UTC+8')).toBe('Etc/GMT-8');
    expect(canonicalTimeZone('gmt-5')).toBe('Etc/GMT+5');
    expect(canonicalTimeZone('UTC+08:00')).toBe('Etc/GMT-8');
    expect(canonicalTimeZone('UTC+14')).toBe('Etc/GMT-14');
    expect(canonicalTimeZone('UTC-0')).toBe('UTC');
    expect(zoneLabel('Etc/GMT-8')).toBe('UTC+8');
    expect(zoneLabel('Etc/GMT+5')).toBe('UTC-5');
    expect(zoneLabel('Asia/Shanghai')).toBe('Asia/Shanghai');
    // 09:00 at UTC+8 is 01:00 UTC, every day of the year (no daylight saving).
    for (const after of ['2026-01-15T02:00:00Z', '2026-07-15T02:00:00Z'])
      expect(nextRuns('0 9 * * *', canonicalTimeZone('UTC+8'), new Date(after))[0]?.toISOString()).toBe(
        `${after.slice(0, 8)}16T01:00:00.000Z`,
      );
  });

  it('refuses an offset no IANA zone stands for, naming zones at it', () => {
    const error = (() => {
      try {
        canonicalTimeZone('UTC+5:30');
      } catch (caught) {
        return caught as ScheduleError;
      }
      throw new Error('UTC+5:30 was accepted');
    })();
    expect(error).toBeInstanceOf(ScheduleError);
    expect(error.message).toMatch(/"UTC\+5:30" is an offset no IANA zone stands for/);
    expect(error.suggestions.length).toBeGreaterThan(0);
    // Every zone named is at +05:30 (India and Sri Lanka keep no daylight saving).
    for (const zone of error.suggestions) {
      const offset = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
        .formatToParts(new Date())
        .find((part) => part.type === 'timeZoneName')?.value;
      expect(offset).toBe('GMT+05:30');
    }
    expect(() => canonicalTimeZone('UTC+15')).toThrow(ScheduleError);
    expect(() => canonicalTimeZone('GMT-13')).toThrow(ScheduleError);
  });
});

describe('slots', () => {
  it('finds the latest slot at or before a time, in the zone', () => {
    const cron = '0 9 * * 1-5';
    expect(latestSlotAtOrBefore(cron, 'Asia/Shanghai', new Date('2026-03-06T01:00:00Z'))?.toISOString()).toBe(
      '2026-03-06T01:00:00.000Z',
    );
    expect(latestSlotAtOrBefore(cron, 'Asia/Shanghai', new Date('2026-03-06T00:59:59Z'))?.toISOString()).toBe(
      '2026-03-05T01:00:00.000Z',
    );
    // Monday morning before 09:00: the last slot was Friday.
    expect(latestSlotAtOrBefore(cron, 'Asia/Shanghai', new Date('2026-03-09T00:00:00Z'))?.toISOString()).toBe(
      '2026-03-06T01:00:00.000Z',
    );
  });
});

describe('labels', () => {
  it.each([
    ['prod db1:3306 as "orders → mysql"', 'prod db1:3306', 'orders → mysql'],
    ['prod db1:3306 as “orders”', 'prod db1:3306', 'orders'],
    ["prod db1 AS 'cache'", 'prod db1', 'cache'],
    ['prod db1:3306', 'prod db1:3306', undefined],
    ['prod db1 as ""', 'prod db1', undefined],
  ])('%s', (args, rest, label) => {
    expect(splitLabel(args)).toEqual(label ? { rest, label } : { rest });
  });
});
