import { describe, expect, it } from 'vitest';
import { messageWords } from '../../src/slack/message-text.js';

describe('messageWords', () => {
  it('removes mentions, unwraps links and decodes the entities Slack escapes', () => {
    expect(messageWords('<@U0BOT> prod -&gt; db1 tcp/3306')).toBe('prod -> db1 tcp/3306');
    expect(messageWords('<@U0BOT|reachbot>   can prod reach <http://db.example.com|db.example.com>?')).toBe(
      'can prod reach db.example.com?',
    );
    expect(messageWords('a &amp; b &lt;c&gt; <https://x.io>')).toBe('a & b <c> x.io');
  });

  it('keeps line breaks, so pasted YAML survives', () => {
    expect(messageWords('<@U0BOT> topology import x\nversion: 1\nvpcs: []')).toBe(
      'topology import x\nversion: 1\nvpcs: []',
    );
  });
});
