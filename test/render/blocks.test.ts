import type { KnownBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHECKS,
  type Diagnosis,
  type DiagnosisResult,
  type Fix,
  type MultiFlowDiagnosis,
  type Step,
} from '../../src/engine/diagnosis.js';
import { ACTION_IDS } from '../../src/render/actions.js';
import { BLOCK_LIMITS, blocksTextLength, renderBlocks, renderErrorBlocks } from '../../src/render/blocks.js';
import { seedDiagnosis, twoFlowDiagnosis } from '../fixtures/render/diagnoses.js';

type Button = { type: 'button'; action_id: string; value: string; text: { text: string } };

function buttons(blocks: readonly KnownBlock[]): Button[] {
  const actions = blocks.find((block) => block.type === 'actions') as { elements: Button[] } | undefined;
  return actions?.elements ?? [];
}

function sectionTexts(blocks: readonly KnownBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === 'section' && block.text ? [block.text.text] : []));
}

describe('renderBlocks', () => {
  const message = renderBlocks(seedDiagnosis, { actionValue: 'q:42' });

  it('heads with the verdict and the question', () => {
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '✗ UNREACHABLE: can pod in prod reach 192.168.10.52 (db1) on tcp/3306?' },
    });
  });

  it('says what the destination sees and why, then every step with its mark', () => {
    const sections = sectionTexts(message.blocks);
    expect(sections[0]).toBe(
      '*Seen by the destination as* `172.16.0.0/16`\nvpc-router keeps the pod IP for destinations in nonMasqueradeCidrs (192.168.0.0/16)',
    );
    expect(sections[1]).toContain('✓ *destination* 192.168.10.52 is db1');
    expect(sections[1]).toContain('✗ *destination-sg* no rule of sg-db allows tcp/3306 from 172.16.0.0/16');
    expect(sections[1]).toContain('⚠ *host-bridge*');
    expect(sections[1]).toContain('· *peering*');
  });

  it('shows each fix with its exact change in a code block, escaped for Slack', () => {
    const fix = sectionTexts(message.blocks).find((text) => text.startsWith('*Fix 1*'));
    expect(fix).toContain('CCE prod pods -&gt; db1 tcp/3306.');
    expect(fix).toContain('```# verify: hcloud VPC CreateSecurityGroupRule/v3 --help');
    expect(fix).toContain("--security_group_rule.security_group_id='&lt;sg-db id&gt;'");
    expect(fix).toMatch(/```$/);
    const terraform = renderBlocks(seedDiagnosis, { actionValue: 'q', format: 'terraform' });
    expect(sectionTexts(terraform.blocks).join('\n')).toContain('resource "huaweicloud_networking_secgroup_rule"');
    const words = renderBlocks(seedDiagnosis, { actionValue: 'q', format: 'text' });
    expect(sectionTexts(words.blocks).join('\n')).not.toContain('```');
  });

  it('offers buttons with the exported action ids and the given value; Share only when ephemeral', () => {
    const ids = buttons(message.blocks).map((button) => button.action_id);
    expect(ids).toEqual([ACTION_IDS.recheck, ACTION_IDS.showTerraform, ACTION_IDS.showApi, ACTION_IDS.watch]);
    expect(buttons(message.blocks).every((button) => button.value === 'q:42')).toBe(true);
    const ephemeral = renderBlocks(seedDiagnosis, { actionValue: 'q:42', ephemeral: true, format: 'api' });
    expect(buttons(ephemeral.blocks).map((button) => button.action_id)).toEqual([
      ACTION_IDS.recheck,
      ACTION_IDS.showHcloud,
      ACTION_IDS.showTerraform,
      ACTION_IDS.watch,
      ACTION_IDS.share,
    ]);
  });

  it('refuses an action value longer than Slack allows', () => {
    expect(() => renderBlocks(seedDiagnosis, { actionValue: 'x'.repeat(2001) })).toThrow(RangeError);
  });

  it('has a plain fallback text that stands alone', () => {
    expect(message.text).toBe(
      [
        'UNREACHABLE: can pod in prod reach 192.168.10.52 (db1) on tcp/3306?',
        'Seen by the destination as 172.16.0.0/16.',
        '✗ destination-sg: no rule of sg-db allows tcp/3306 from 172.16.0.0/16',
        '⚠ host-bridge: db1 declares no container bridges; not checked',
        'Fix: Allow tcp/3306 from 172.16.0.0/16 into sg-db (ingress, priority 1): CCE prod pods -&gt; db1 tcp/3306.',
      ].join('\n'),
    );
    expect(message.overflow).toBeUndefined();
  });

  it('labels the fixes of several flows with their flow', () => {
    const multi = renderBlocks(twoFlowDiagnosis, { actionValue: 'q' });
    const text = sectionTexts(multi.blocks).join('\n');
    expect(multi.blocks[0]).toMatchObject({ text: { text: expect.stringMatching(/^✗ UNREACHABLE: /) } });
    expect(text).toContain('*tcp/33060*: ⚠ uncertain');
    expect(text).toContain('*Fix 3* (_alternative_, _tcp/33060_)');
  });

  it('cuts a long answer to a summary, marks the cut, and attaches the full text', () => {
    const steps: Step[] = Array.from({ length: 80 }, (_, index) => ({
      check: CHECKS[index % CHECKS.length] ?? 'destination',
      status: index === 70 ? 'fail' : 'pass',
      summary: `step ${index} ${'detail '.repeat(30)}`,
    }));
    const long: Diagnosis = { ...seedDiagnosis, steps };
    const cut = renderBlocks(long, { actionValue: 'q' });
    const all = sectionTexts(cut.blocks).join('\n');
    expect(all).toContain(`✗ *${steps[70]?.check}* step 70`);
    expect(all).not.toContain('step 0 ');
    const notice = cut.blocks.find((block) => block.type === 'context');
    expect(JSON.stringify(notice)).toContain('… 79 more steps in the attached file');
    expect(cut.overflow?.filename).toBe('reachbot-diagnosis.txt');
    expect(cut.overflow?.content).toContain('step 0 detail');
    expect(cut.overflow?.content).toContain('resource "huaweicloud_networking_secgroup_rule"');
  });
});

describe('Block Kit limits hold for any diagnosis', () => {
  const text = (max: number) => fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: max });
  const step = fc.record({
    check: fc.constantFrom(...CHECKS),
    status: fc.constantFrom('pass', 'fail', 'warn', 'skip') as fc.Arbitrary<Step['status']>,
    summary: fc.oneof(text(80), text(4000)),
  });
  const fix = fc
    .record({
      text: fc.oneof(text(200), text(5000)),
      hcloud: fc.option(fc.oneof(text(500), text(6000)), { nil: undefined }),
      alternative: fc.boolean(),
    })
    .map(
      ({ text: words, hcloud, alternative }): Fix => ({
        kind: 'replan',
        reason: 'generated',
        alternative,
        render: { text: words, hcloud, terraform: words, api: { method: 'POST', path: '/x', body: { words } } },
      }),
    );
  const flow = fc
    .record({
      verdict: fc.constantFrom('reachable', 'unreachable', 'uncertain') as fc.Arbitrary<Diagnosis['verdict']>,
      steps: fc.array(step, { maxLength: 120 }),
      fixes: fc.array(fix, { maxLength: 60 }),
      assumptions: fc.array(fc.oneof(text(100), text(3000)), { maxLength: 20 }),
      why: fc.oneof(text(100), text(5000)),
      destination: fc.oneof(text(20), text(400)),
    })
    .map(
      ({ verdict, steps, fixes, assumptions, why, destination }): Diagnosis => ({
        ...seedDiagnosis,
        verdict,
        question: { ...seedDiagnosis.question, destination },
        source: { seenAs: ['172.16.0.0/16'], why },
        steps,
        fixes,
        assumptions,
      }),
    );
  const result: fc.Arbitrary<DiagnosisResult> = fc.oneof(
    flow,
    fc
      .array(flow, { minLength: 2, maxLength: 6 })
      .map((flows): MultiFlowDiagnosis => ({ verdict: 'unreachable', flows })),
  );

  it('≤ 50 blocks, ≤ 3000 per section, ≤ 150 per header, ≤ 12,000 in all, and always a fallback text', () => {
    fc.assert(
      fc.property(
        result,
        fc.constantFrom('text', 'hcloud', 'terraform', 'api') as fc.Arbitrary<'text'>,
        fc.boolean(),
        (diagnosis, format, ephemeral) => {
          const message = renderBlocks(diagnosis, { actionValue: 'v'.repeat(2000), format, ephemeral });
          expect(message.blocks.length).toBeLessThanOrEqual(BLOCK_LIMITS.maxBlocks);
          expect(blocksTextLength(message.blocks)).toBeLessThanOrEqual(BLOCK_LIMITS.maxTotalText);
          for (const block of message.blocks) {
            if (block.type === 'section') {
              expect(block.text?.text.length ?? 0).toBeGreaterThan(0);
              expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(BLOCK_LIMITS.maxSectionText);
            }
            if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(BLOCK_LIMITS.maxHeaderText);
          }
          expect(message.text.length).toBeGreaterThan(0);
          expect(message.text.length).toBeLessThanOrEqual(BLOCK_LIMITS.maxFallbackText);
          expect(message.blocks.at(-1)?.type).toBe('actions');
          const overflowed = message.overflow !== undefined;
          const hasNotice = message.blocks.some((block) => block.type === 'context');
          expect(hasNotice).toBe(overflowed);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('renderErrorBlocks', () => {
  it('says what was not understood and what to try, closest first', () => {
    const error = renderErrorBlocks('unknown cluster "prd"', ['prod', 'can pod in prod reach <address>?']);
    expect(sectionTexts(error.blocks)).toEqual([
      '⚠ unknown cluster "prd"',
      '*Try:*\n• `prod`\n• `can pod in prod reach &lt;address&gt;?`',
    ]);
    expect(error.text).toBe('unknown cluster "prd"\nTry: prod\nTry: can pod in prod reach &lt;address&gt;?');
  });

  it('stays within limits with no suggestions and a huge message', () => {
    const error = renderErrorBlocks('x'.repeat(10_000), []);
    expect(error.blocks).toHaveLength(1);
    expect(sectionTexts(error.blocks)[0]?.length).toBeLessThanOrEqual(BLOCK_LIMITS.maxSectionText);
    expect(error.text.length).toBeLessThanOrEqual(BLOCK_LIMITS.maxFallbackText);
  });
});
