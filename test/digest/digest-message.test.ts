import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/digest/changes.js';
import { checkWatches } from '../../src/digest/check.js';
import { digestMessage } from '../../src/digest/digest-message.js';
import { MAX_BLOCKS, MAX_SECTION_CHARS } from '../../src/digest/message-budget.js';
import type { Watch } from '../../src/store/data.js';
import { fakeEngine, topology, watch } from './helpers.js';

const heading = { title: 'Reachability digest', footer: 'Checked now' };

function blockText(block: unknown): string {
  const b = block as { text?: { text: string }; elements?: { text: string }[] };
  return b.text?.text ?? (b.elements ?? []).map((e) => e.text).join('');
}

describe('digest message', () => {
  it('lists newly broken first with the fix, then newly fixed, then unchanged problems', () => {
    const watches: Watch[] = [
      watch('C1', 'cache1', 6379, { id: 'w1', last: { verdict: 'unreachable', at: '2026-01-01T00:00:00Z' } }),
      watch('C1', 'db1', 3306, {
        id: 'w2',
        label: 'orders → mysql',
        last: { verdict: 'reachable', at: '2026-01-01T00:00:00Z' },
      }),
      watch('C1', 'db1', 33060, { id: 'w3', last: { verdict: 'unreachable', at: '2026-01-01T00:00:00Z' } }),
      watch('C1', 'db1', 22, { id: 'w4', last: { verdict: 'reachable', at: '2026-01-01T00:00:00Z' } }),
    ];
    const outcomes = checkWatches(watches, () => topology({ cache: ['6379'], db: ['22'] }), fakeEngine);
    const message = digestMessage(summarize(outcomes), heading);
    expect(message.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Reachability digest: 4 watched paths', emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: '4 watched: *2* reachable · *2* unreachable · *0* uncertain' } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: [
            '*Newly broken (1)*',
            ':red_circle: *orders → mysql* (w2): reachable → *unreachable*',
            '      Fix: Allow tcp/3306 into sg-db from 172.16.0.0/16',
          ].join('\n'),
        },
      },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Newly fixed (1)*\n:large_green_circle: *prod → cache1 tcp/6379* (w1): unreachable → *reachable*',
        },
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '*Still broken (1)*: 1 unreachable\nprod → db1 tcp/33060 (w3)' },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Checked now' }] },
    ]);
    expect(message.text).toBe(
      'Reachability digest: 2 reachable, 2 unreachable, 0 uncertain. Newly broken: orders → mysql (unreachable). Newly fixed: prod → cache1 tcp/6379 (reachable).',
    );
  });

  it('says so when nothing changed', () => {
    const watches = [
      watch('C1', 'db1', 3306, { id: 'w1', last: { verdict: 'reachable', at: '2026-01-01T00:00:00Z' } }),
    ];
    const message = digestMessage(
      summarize(checkWatches(watches, () => topology({ db: ['3306'] }), fakeEngine)),
      heading,
    );
    expect(message.blocks.map(blockText)).toEqual([
      'Reachability digest: 1 watched path',
      '1 watched: *1* reachable · *0* unreachable · *0* uncertain',
      'No changes since the last digest.',
      'Checked now',
    ]);
    expect(message.text).toBe(
      'Reachability digest: 1 reachable, 0 unreachable, 0 uncertain. No changes since the last digest.',
    );
  });

  it('escapes labels so a user cannot inject mentions or links', () => {
    const watches = [
      watch('C1', 'db1', 3306, {
        id: 'w1',
        label: '<!channel> & <http://x|y>',
        last: { verdict: 'reachable', at: 'x' },
      }),
    ];
    const message = digestMessage(summarize(checkWatches(watches, () => topology(), fakeEngine)), heading);
    const all = message.blocks.map(blockText).join('\n') + message.text;
    expect(all).not.toContain('<!channel>');
    expect(all).toContain('&lt;!channel&gt; &amp; &lt;http://x|y&gt;');
  });

  it('keeps a digest of 1,000 watches within Slack limits and says what it left out', () => {
    const watches = Array.from({ length: 1000 }, (_, i) =>
      watch('C1', i % 2 ? 'db1' : 'cache1', 1000 + i, {
        id: `w${i + 1}`,
        label: `path number ${i + 1} `.padEnd(80, 'x'),
        last: { verdict: i % 3 ? 'reachable' : 'unreachable', at: '2026-01-01T00:00:00Z' },
      }),
    );
    const open = Array.from({ length: 500 }, (_, i) => String(1000 + i * 2));
    const summary = summarize(checkWatches(watches, () => topology({ db: open, cache: open }), fakeEngine));
    const message = digestMessage(summary, heading);
    expectWithinLimits(message.blocks, message.text);
    const omission = message.blocks.map(blockText).find((text) => text.startsWith('_Not shown'));
    expect(omission).toMatch(/^_Not shown, to stay within Slack's message limits: \d+ newly broken, \d+ newly fixed\./);
    // Every change is accounted for: the lines shown plus the counts left out.
    const texts = message.blocks.map(blockText);
    const changeLines = texts.join('\n').match(/: (reachable|unreachable|uncertain) → /g)?.length ?? 0;
    const omitted = [...(omission ?? '').matchAll(/(\d+) newly/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(changeLines + omitted).toBe(summary.newlyBroken.length + summary.newlyFixed.length);
    // Each part still shows: newly broken ones with their fix, some newly fixed, the unchanged problems in brief.
    expect(texts.join('\n')).toContain('*Newly broken (333)*\n:red_circle: *path number 2 ');
    expect(texts.join('\n')).toContain('Fix: Allow tcp/1001 into sg-db from 172.16.0.0/16');
    expect(texts.join('\n')).toContain('*Newly fixed (167)*');
    expect(texts.find((text) => text.startsWith('*Still broken (167)*: 167 unreachable\n'))).toMatch(/and \d+ more$/);
  });

  it('stays within limits for any mix of verdicts, labels and fix lengths', () => {
    const verdict = fc.constantFrom('reachable', 'unreachable', 'uncertain') as fc.Arbitrary<
      'reachable' | 'unreachable' | 'uncertain'
    >;
    fc.assert(
      fc.property(
        fc.array(fc.record({ before: verdict, label: fc.string({ maxLength: 80 }), openPort: fc.boolean() }), {
          maxLength: 400,
        }),
        (items) => {
          const watches = items.map((item, i) =>
            watch('C1', 'db1', 2000 + i, {
              id: `w${i + 1}`,
              ...(item.label.trim() ? { label: item.label } : {}),
              last: { verdict: item.before, at: '2026-01-01T00:00:00Z' },
            }),
          );
          const open = items.flatMap((item, i) => (item.openPort ? [String(2000 + i)] : []));
          const message = digestMessage(
            summarize(checkWatches(watches, () => topology({ db: open }), fakeEngine)),
            heading,
          );
          expectWithinLimits(message.blocks, message.text);
        },
      ),
      { numRuns: 60 },
    );
  });
});

function expectWithinLimits(blocks: readonly unknown[], text: string) {
  expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
  for (const block of blocks) expect(blockText(block).length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
  expect(blocks.map(blockText).join('').length).toBeLessThanOrEqual(12_000);
  expect(JSON.stringify(blocks).length).toBeLessThan(40_000);
  expect(text.length).toBeLessThanOrEqual(3000);
}

describe('uncertain watched paths in a digest', () => {
  it('say why they are uncertain (real engine)', async () => {
    const { defaultEngine } = await import('../../src/digest/default-engine.js');
    const watches: Watch[] = [
      watch('C1', '192.168.10.99', 80, { id: 'w1', last: { verdict: 'reachable', at: '2026-01-01T00:00:00Z' } }),
    ];
    const outcomes = checkWatches(watches, () => topology({}), defaultEngine);
    expect(outcomes[0]).toMatchObject({ kind: 'checked', verdict: 'uncertain' });
    const text = digestMessage(summarize(outcomes), heading).blocks.map(blockText).join('\n');
    expect(text).toMatch(/reachable → \*uncertain\*\n {6}Why uncertain: \S/);
  });
});

describe('a digest of many problems', () => {
  it('words only the problems its message shows (real engine)', async () => {
    const { realEngine } = await import('../../src/digest/default-engine.js');
    const engine = realEngine();
    let worded = 0;
    const counting = {
      ...engine,
      diagnose: (...args: Parameters<typeof engine.diagnose>) => {
        worded++;
        return engine.diagnose(...args);
      },
    };
    const watches: Watch[] = Array.from({ length: 300 }, (_, i) =>
      watch('C1', 'db1', 1000 + i, { id: `w${i}`, last: { verdict: 'reachable', at: '2026-01-01T00:00:00Z' } }),
    );
    const summary = summarize(checkWatches(watches, () => topology({ db: ['22'] }), counting));
    expect(summary.newlyBroken).toHaveLength(300);
    expect(worded).toBe(0);
    const shownFixes = digestMessage(summary, heading).blocks.map(blockText).join('\n').match(/Fix: /g) ?? [];
    expect(shownFixes.length).toBeGreaterThan(0);
    // A worded walk for each problem shown with its fix; beyond those, at most the lines of the one section that no
    // longer fitted (3,000 characters of lines over 100 characters long), and none for the other 200-odd problems.
    expect(worded).toBeGreaterThanOrEqual(shownFixes.length);
    expect(worded).toBeLessThanOrEqual(shownFixes.length + 30);
  });
});
