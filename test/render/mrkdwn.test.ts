// One module owns Slack's limits and mrkdwn escaping: user text (labels, names, file names) is shown literally on
// every surface, and no other Slack-facing module writes the limits or the entities itself.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, SLACK_LIMITS, truncate, unescapeMrkdwn } from '../../src/render/mrkdwn.js';
import { homeView } from '../../src/slack/blocks/home.js';
import { emptyStoreData } from '../../src/store/data.js';
import type { Topology } from '../../src/topology/schema.js';

const HOSTILE = '<!channel> & <@U123> <https://evil.example|click>';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('escapeMrkdwn', () => {
  it('round-trips any text and leaves no markup characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const escaped = escapeMrkdwn(text);
        expect(escaped).not.toMatch(/[<>]/);
        expect(unescapeMrkdwn(escaped)).toBe(text);
      }),
    );
  });

  it('truncates to the limit with an ellipsis', () => {
    expect(truncate('x'.repeat(SLACK_LIMITS.maxSectionText + 5), SLACK_LIMITS.maxSectionText)).toHaveLength(
      SLACK_LIMITS.maxSectionText,
    );
  });
});

describe('the App Home', () => {
  it('shows watch labels, topology names, cluster names and file names literally', () => {
    const data = emptyStoreData();
    const topology: Topology = {
      version: 1,
      vpcs: [{ id: 'vpc-a', cidr: '10.0.0.0/16' }],
      clusters: [
        {
          name: `c${HOSTILE}`,
          vpc: 'vpc-a',
          networkModel: 'vpc-router',
          nodeSubnets: [],
          containerCidrs: ['172.16.0.0/16'],
        },
      ],
    } as unknown as Topology;
    data.topologies['prod-net'] = {
      name: 'prod-net',
      topology,
      importedAt: '2026-01-01T00:00:00.000Z',
      source: `slack:F1 (${HOSTILE}.yaml)`,
    };
    data.watches.push({
      id: 'w1',
      channel: 'C1',
      topology: 'prod-net',
      label: HOSTILE,
      question: { cluster: 'prod', workload: null, destination: 'db1', port: 3306, protocol: 'tcp' },
      createdBy: 'U1',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const text = JSON.stringify(homeView(data));
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U123>');
    expect(text).not.toContain('<https://evil');
    expect(text).toContain('&lt;!channel&gt; &amp; &lt;@U123&gt;');
    // The bot's own channel link is still markup.
    expect(text).toContain('<#C1>');
  });
});

describe('one owner of the limits', () => {
  it('no Slack-facing module writes a Block Kit limit or an mrkdwn entity of its own', () => {
    const root = join(import.meta.dirname, '..', '..', 'src');
    const offenders = ['slack', 'render', 'digest', 'commands', 'reverse', 'whatif']
      .flatMap((dir) => sourceFiles(join(root, dir)))
      .filter((path) => !path.endsWith(join('render', 'mrkdwn.ts')))
      .flatMap((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .filter((line) => !/^\s*(\/\/|\*|\/\*\*)/.test(line))
          .filter((line) => /\b(3000|3_000|150|12_000|11_000)\b|['"`]&(amp|lt|gt);/.test(line))
          .map((line) => `${path}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
