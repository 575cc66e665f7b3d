import { describe, expect, it } from 'vitest';
import type { Subcommand } from '../../src/commands/subcommand.js';
import { createDigestSubcommands, handleWatchButton, parseDigestArgs } from '../../src/digest/subcommands.js';
import { context, fakeEngine, storeWith, watch } from './helpers.js';

const [watchCmd, unwatchCmd, watchesCmd, digestCmd] = createDigestSubcommands() as [
  Subcommand,
  Subcommand,
  Subcommand,
  Subcommand,
];

describe('watch, unwatch, watches (real engine and question grammar)', () => {
  it("watches a path with a label, stores today's verdict as the baseline, and lists it", async () => {
    const store = storeWith({ open: { db: ['3306'] } });
    const reply = await watchCmd.run('prod 192.168.10.52:3306 as "orders → mysql"', context(store));
    expect(reply.text.split('\n')).toEqual([
      'Watching *orders → mysql* (w1): prod → 192.168.10.52 tcp/3306 in topology `prod`.',
      'Now: *reachable*.',
      'No digest is scheduled here: `digest weekdays 09:00 Asia/Shanghai` sets one.',
    ]);
    expect(store.data.watches).toEqual([
      {
        id: 'w1',
        channel: 'C1',
        topology: 'prod',
        question: { cluster: 'prod', workload: null, destination: '192.168.10.52', protocol: 'tcp', port: 3306 },
        label: 'orders → mysql',
        createdBy: 'U1',
        createdAt: '2026-03-06T00:00:00.000Z',
        last: { verdict: 'reachable', at: '2026-03-06T00:00:00.000Z', fingerprint: 'ok' },
      },
    ]);
    const list = await watchesCmd.run('', context(store));
    expect(list.text).toContain('• *orders → mysql* (w1) prod → 192.168.10.52 tcp/3306, topology `prod`: reachable');
  });

  it("gives a broken path's fix at once, and does not watch the same path twice", async () => {
    const store = storeWith({});
    const first = await watchCmd.run('can prod reach db1 on 3306?', context(store));
    // An unlabeled watch's title is the question: it is said once.
    expect(first.text).toMatch(/^Watching \*prod → db1 tcp\/3306\* \(w1\) in topology `prod`\.\n/);
    expect(first.text).toMatch(/\nNow: \*unreachable\*\. Fix: .*sg-db/);
    const again = await watchCmd.run('prod -> DB1 tcp/3306', context(store));
    expect(again.text).toMatch(/^This channel already watches that path as \*prod → db1 tcp\/3306\* \(w1\)\./);
    expect(store.data.watches).toHaveLength(1);
  });

  it('`watches` shows the verdict against the current topology, times in the digest time zone', async () => {
    // Last reported reachable; the stored topology no longer opens 3306 (a change alert just posted "broken").
    const store = storeWith({
      watches: [watch('C1', 'db1', 3306, { id: 'w1', last: { verdict: 'reachable', at: '2026-03-05T01:00:00.000Z' } })],
      schedules: {
        C1: { channel: 'C1', cron: '0 9 * * 1-5', spec: 'weekdays 09:00', timezone: 'Asia/Shanghai', mode: 'always' },
      },
    });
    const list = await watchesCmd.run('', context(store));
    expect(list.text).toContain(': unreachable; last reported reachable Thu 5 Mar, 09:00 (Asia/Shanghai)');
    expect(list.text).not.toContain('2026-03-05T01:00');
  });

  it('`watches` still answers when the stored schedule cannot be run (a hand-edited cron or zone)', async () => {
    const last = { verdict: 'reachable' as const, at: '2026-03-05T01:00:00.000Z' };
    for (const broken of [{ cron: '99 99 99 99 99' }, { timezone: 'Mars/Olympus_Mons' }]) {
      const store = storeWith({
        watches: [watch('C1', 'db1', 3306, { id: 'w1', last })],
        schedules: {
          C1: {
            channel: 'C1',
            cron: '0 9 * * 1-5',
            spec: 'weekdays 09:00',
            timezone: 'UTC',
            mode: 'always',
            ...broken,
          },
        },
      });
      const list = await watchesCmd.run('', context(store));
      expect(list.text).toMatch(
        /Digest: weekdays 09:00 \(.*\) cannot be run: .*Set it again with `digest weekdays 09:00`/,
      );
      // The watched path is still listed, its last report in UTC when the zone cannot be read.
      expect(list.text).toContain('last reported reachable Thu 5 Mar, 01:00 (UTC)');
    }
  });

  it('says why a watched path is uncertain', async () => {
    const store = storeWith({});
    const reply = await watchCmd.run('prod 192.168.10.99:80', context(store));
    expect(reply.text).toMatch(/\nNow: \*uncertain\*\. Why: \S.*/);
  });

  it('answers a question it cannot use with what would work, and stores nothing', async () => {
    const store = storeWith({});
    expect((await watchCmd.run('prood db1', context(store))).text).toBe(
      'unknown cluster "prood" (known: prod)\nTry: `prod`',
    );
    expect((await watchCmd.run('prod nosuchdb', context(store))).text).toMatch(/^unknown resource "nosuchdb"/);
    expect((await watchCmd.run('', context(store))).text).toMatch(/^Usage: `watch/);
    expect(store.data.watches).toEqual([]);
  });

  it('unwatches by id or label, only in its own channel', async () => {
    const store = storeWith({});
    await watchCmd.run('prod db1 as "db"', context(store, 'C1'));
    await watchCmd.run('prod cache1', context(store, 'C2'));
    expect((await unwatchCmd.run('w2', context(store, 'C1'))).text).toBe(
      'No watch "w2" in this channel (closest: w1, db)\nTry: `w1` · `db`',
    );
    expect((await unwatchCmd.run('"DB"', context(store, 'C1'))).text).toBe('Stopped watching *db* (w1).');
    expect(store.data.watches.map((w) => w.id)).toEqual(['w2']);
  });

  it('lists a long watch list within Slack limits, with the whole list attached', async () => {
    const many = Array.from({ length: 400 }, (_, i) => watch('C1', 'db1', 1000 + i, { id: `w${i + 1}` }));
    const store = storeWith({ watches: many });
    const reply = await watchesCmd.run('', context(store));
    expect(reply.blocks?.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(reply.blocks).length).toBeLessThan(13_000);
    expect(reply.attachment?.content.split('\n')).toHaveLength(400);
    expect(reply.text.split('\n').length).toBeLessThanOrEqual(51);
  });

  it('refuses a second watch with the same label in a channel', async () => {
    const store = storeWith({});
    await watchCmd.run('prod db1 as "db"', context(store));
    expect((await watchCmd.run('prod cache1 as "db"', context(store))).text).toBe(
      'This channel already has a watch labelled "db"; pick another label',
    );
  });

  it('the Watch button watches the clicked answer in its topology', async () => {
    const store = storeWith({});
    const reply = await handleWatchButton({
      ref: {
        topology: 'prod',
        question: { cluster: 'PROD', workload: null, destination: 'db1', protocol: 'tcp', port: 3306 },
      },
      context: context(store, 'C7'),
    });
    expect(reply.text).toMatch(/^Watching \*prod → db1 tcp\/3306\* \(w1\)/);
    expect(store.data.watches[0]).toMatchObject({ channel: 'C7', topology: 'prod', question: { cluster: 'prod' } });
  });
});

describe('digest', () => {
  it('sets a schedule in a time zone, shows it, and turns it off', async () => {
    const store = storeWith({});
    await watchCmd.run('prod db1', context(store));
    const set = await digestCmd.run('weekdays 09:00 asia/shanghai on-change', context(store));
    expect(set.text).toBe(
      'Digest: weekdays 09:00 (Asia/Shanghai), on-change; next Fri 6 Mar, 09:00 (Asia/Shanghai). 1 watched path.',
    );
    expect(store.data.schedules.C1).toEqual({
      channel: 'C1',
      cron: '0 9 * * 1-5',
      spec: 'weekdays 09:00',
      timezone: 'Asia/Shanghai',
      mode: 'on-change',
      lastRunAt: '2026-03-06T00:00:00.000Z',
    });
    expect((await digestCmd.run('', context(store))).text).toMatch(
      /^Digest: weekdays 09:00 \(Asia\/Shanghai\), on-change/,
    );
    expect((await digestCmd.run('off', context(store))).text).toBe(
      'Digest stopped (it was weekdays 09:00, Asia/Shanghai). Watches stay.',
    );
    expect(store.data.schedules).toEqual({});
  });

  it('accepts cron expressions and defaults to UTC and always', async () => {
    const store = storeWith({});
    await digestCmd.run('30 8 * * 1-5', context(store));
    expect(store.data.schedules.C1).toMatchObject({ cron: '30 8 * * 1-5', timezone: 'UTC', mode: 'always' });
  });

  it('refuses an unknown time zone with the closest ones, and schedules it cannot use', async () => {
    const store = storeWith({});
    expect((await digestCmd.run('daily 18:30 Europe/Berlln', context(store))).text).toMatch(
      /^"Europe\/Berlln" is not an IANA time zone \(did you mean Europe\/Berlin/,
    );
    expect((await digestCmd.run('*/5 * * * *', context(store))).text).toMatch(/runs more often than every 15 minutes/);
    expect((await digestCmd.run('fortnightly', context(store))).text).toMatch(
      /^"fortnightly" is not a schedule I understand/,
    );
    expect(store.data.schedules).toEqual({});
  });

  it('a preview with nothing new does not claim the next digest reports changes', async () => {
    const store = storeWith({ open: { db: ['3306'] } });
    await watchCmd.run('prod db1:3306', context(store));
    const [, , , preview] = createDigestSubcommands() as Subcommand[];
    const reply = await preview!.run('now', context(store));
    expect(reply.text).toContain('No changes since the last digest.');
    expect(reply.text).not.toContain('still reports these changes');
  });

  it('digest now shows what would be posted, without moving the baseline', async () => {
    const store = storeWith({
      watches: [],
    });
    await watchCmd.run('prod db1:3306 as "orders"', context(store));
    await store.update((data) => {
      data.watches = data.watches.map((w) => ({
        ...w,
        last: { verdict: 'reachable', at: '2026-03-01T00:00:00.000Z' },
      }));
    });
    const [, , , preview] = createDigestSubcommands(fakeEngine) as Subcommand[];
    const reply = await preview!.run('now', context(store));
    expect(reply.text.split('\n').slice(0, 5)).toEqual([
      'Reachability digest: 1 watched path',
      '1 watched: *0* reachable · *1* unreachable · *0* uncertain',
      '*Newly broken (1)*',
      ':red_circle: *orders* (w1): reachable → *unreachable*',
      '      Fix: Allow tcp/3306 into sg-db from 172.16.0.0/16',
    ]);
    expect(reply.blocks).toHaveLength(4);
    expect(store.data.watches[0]?.last?.verdict).toBe('reachable');
  });
});

describe('digest arguments', () => {
  it('splits schedule, zone and mode', () => {
    expect(parseDigestArgs('weekdays 09:00 Asia/Shanghai')).toEqual({
      spec: 'weekdays 09:00',
      timezone: 'Asia/Shanghai',
      mode: 'always',
    });
    expect(parseDigestArgs('every hour on-change')).toEqual({ spec: 'every hour', timezone: 'UTC', mode: 'on-change' });
    expect(parseDigestArgs('0 9 * * 1-5 utc always')).toEqual({ spec: '0 9 * * 1-5', timezone: 'UTC', mode: 'always' });
  });
});
