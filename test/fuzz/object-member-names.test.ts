// Words that name members of every JavaScript object ("constructor", "toString", "__proto__") are ordinary words to
// every reader of typed input: a lookup table must not answer them with an inherited function. Found when a topology
// named "constructor" crashed `topology list`, and a follow-up "constructor" re-rendered an answer's fixes.
import { describe, expect, it } from 'vitest';
import { parseLangSetting } from '../../src/digest/channel-lang.js';
import { parseScheduleSpec, ScheduleError } from '../../src/digest/schedule-spec.js';
import { parseFormatRequest, parseQuestion } from '../../src/question/parse.js';
import { isReservedWord } from '../../src/question/tokens.js';
import { parseInterval } from '../../src/sync/interval.js';
import { networkModelOf } from '../../src/topology/schema.js';

const MEMBERS = Object.getOwnPropertyNames(Object.prototype);

describe("Object's member names in typed input", () => {
  it('are names in a question, as cluster and as destination', () => {
    for (const name of MEMBERS.filter((n) => /^[a-z]/i.test(n))) {
      expect(isReservedWord(name), name).toBe(false);
      expect(parseQuestion(`can prod reach ${name} on 3306`), name).toMatchObject({ destination: name, port: 3306 });
      expect(parseQuestion(`${name} -> db1 tcp/443`), name).toMatchObject({ cluster: name, destination: 'db1' });
    }
  });

  it('are no fix format', () => {
    for (const name of MEMBERS) expect(parseFormatRequest(`as ${name}`), name).toBeNull();
    expect(parseFormatRequest('as terraform')).toBe('terraform');
  });

  it('are no day of a digest schedule, unit of a sync interval, language or network model', () => {
    for (const name of MEMBERS) {
      expect(() => parseScheduleSpec(`every ${name} 09:00`), name).toThrow(ScheduleError);
      expect(() => parseInterval(`5${name}`), name).toThrow();
      expect(parseLangSetting(name), name).toBeUndefined();
      expect(networkModelOf(name), name).toBeUndefined();
    }
    expect(parseScheduleSpec('every monday 09:00').cron).toBe('0 9 * * 1');
    expect(parseScheduleSpec('sat 7:30').cron).toBe('30 7 * * 6');
    expect(parseInterval('5min')).toBe(300_000);
    expect(parseLangSetting('Chinese')).toBe('zh');
    expect(networkModelOf(' VPC ')).toBe('vpc-router');
  });
});
