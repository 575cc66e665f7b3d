import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutText, outcomeMessage } from '../../src/slack/messages.js';

describe('cutText', () => {
  it('never exceeds the limit, marks the cut, and closes an open code block', () => {
    fc.assert(
      // size 'max': fast-check's strings are short by default, and the cut branch ran in none of the 100 runs.
      fc.property(fc.string({ maxLength: 5000, size: 'max' }), fc.integer({ min: 200, max: 4000 }), (text, limit) => {
        const cut = cutText(text, limit, 'file-below');
        if (text.length <= limit) {
          expect(cut).toBe(text);
        } else {
          expect(cut.length).toBeLessThanOrEqual(limit + 4);
          expect(cut).toContain('✂ cut here');
          expect(cut).toContain('the full text is in the file below');
        }
      }),
    );
    // In the message's language.
    expect(cutText('x'.repeat(400), 200, 'ask-in-thread', 'zh')).toMatch(
      /\n… ✂ 此处截断：还有 \d+ 个字符未显示（在话题中 @我 或私信我，可获得完整内容的文件）。$/,
    );
    const cut = cutText(`\`\`\`\n${'x'.repeat(500)}\n\`\`\``, 200, 'file-below');
    expect((cut.match(/```/g) ?? []).length % 2).toBe(0);
  });
});

describe('outcomeMessage', () => {
  it('always has text; a long reply with a file is cut in the message and whole in the file', () => {
    const content = 'y'.repeat(6000);
    const message = outcomeMessage(
      {
        kind: 'reply',
        subcommand: 'topology',
        reply: { text: `head\n${content}`, attachment: { filename: 'a.yaml', content } },
        lang: 'en',
      },
      { ephemeral: false },
    );
    expect(message.text.length).toBeLessThanOrEqual(3000);
    expect(message.file).toEqual({ filename: 'a.yaml', content, title: 'a.yaml' });
    const error = outcomeMessage(
      { kind: 'error', message: 'no such cluster', suggestions: ['prod'], lang: 'en' },
      { ephemeral: true },
    );
    expect(error.text).toContain('no such cluster');
    expect(JSON.stringify(error.blocks)).toContain('prod');
  });
});
