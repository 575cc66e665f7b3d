import { WebClient } from '@slack/web-api';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { onTopologyReplaced } from '../../src/digest/alerts.js';
import type { PathEngine } from '../../src/digest/check.js';
import { webClientPoster } from '../../src/digest/poster.js';
import { putTopology } from '../../src/store/topologies.js';
import { diffTopologies, formatDiff } from '../../src/topology/diff.js';
import { fakeEngine, memoryLogger, recordingPoster, storeWith, topology, watch } from './helpers.js';

interface PostedBody {
  channel: string;
  text: string;
  blocks: unknown[];
}

const noSleep = async () => {};

describe('change alerts', () => {
  it('posts a broken path whose words throw with its verdict and no fix, and logs the bug after the message', async () => {
    const before = topology({ db: ['3306'] });
    const after = topology();
    const store = storeWith({ open: { db: ['3306'] }, watches: [watch('C1', 'db1', 3306, { id: 'w1' })] });
    const bug = new TypeError('a template read a missing parameter');
    // The walk without words works; the worded one, which runs the message templates, throws.
    const engine: PathEngine = {
      compile: (t) => fakeEngine.compile(t),
      verdictOnly: (compiled, question) => fakeEngine.diagnose(compiled, question),
      diagnose() {
        throw bug;
      },
    };
    const poster = recordingPoster();
    const logger = memoryLogger();
    const alerts = await onTopologyReplaced(store, 'prod', before, after, poster, { engine, logger, sleep: noSleep });
    expect(alerts.map((a) => [a.channel, a.sent])).toEqual([['C1', true]]);
    const posted = JSON.stringify(poster.sent);
    expect(posted).toContain('(w1)');
    expect(posted).not.toContain('Allow tcp');
    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([
      expect.objectContaining({ fields: expect.objectContaining({ err: bug, watch: 'w1' }) }),
    ]);
  });

  it('after an import, tells each affected channel once what broke (with the fix) or was fixed, and by which change', async () => {
    const before = topology({ db: ['3306'] });
    const after = topology({ cache: ['6379'] });
    const store = storeWith({
      open: { db: ['3306'] },
      watches: [
        watch('C1', 'db1', 3306, { id: 'w1', label: 'orders → mysql' }),
        watch('C1', 'db1', 22, { id: 'w2' }), // unreachable before and after: no news
        watch('C2', 'cache1', 6379, { id: 'w3' }),
        watch('C3', 'db1', 22, { id: 'w4' }), // unchanged: C3 hears nothing
      ],
    });
    await putTopology(store, { name: 'prod', topology: after, importedBy: 'U9' });

    const posted: PostedBody[] = [];
    const scope = nock('https://slack.com')
      .post('/api/chat.postMessage', (body: Record<string, string>) => {
        posted.push({ channel: body.channel ?? '', text: body.text ?? '', blocks: JSON.parse(body.blocks ?? '[]') });
        return true;
      })
      .times(2)
      .reply(200, { ok: true, ts: '1.1' });
    const poster = webClientPoster(new WebClient('xoxb-test-token', { retryConfig: { retries: 0 } }));
    // The change as the topology diff describes it (its wording is the diff module's).
    const changeBlock = `*Change*\n\`\`\`${formatDiff(diffTopologies(before, after))}\`\`\``;
    expect(changeBlock).toContain('~ security group sg-db');

    const alerts = await onTopologyReplaced(store, 'prod', before, after, poster, {
      engine: fakeEngine,
      changedBy: 'U9',
      sleep: noSleep,
    });
    expect(scope.isDone()).toBe(true);
    expect(alerts.map((a) => [a.channel, a.sent])).toEqual([
      ['C1', true],
      ['C2', true],
    ]);
    expect(posted).toEqual([
      {
        channel: 'C1',
        text: 'Topology prod changed: 1 watched path broke. Broke: orders → mysql.',
        blocks: [
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: ':rotating_light: *Topology `prod` changed by <@U9>: 1 watched path broke.*',
            },
          },
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: '• *orders → mysql* (w1): reachable → *unreachable*\n      Fix: Allow tcp/3306 into sg-db from 172.16.0.0/16',
            },
          },
          { type: 'section', text: { type: 'mrkdwn', text: changeBlock } },
        ],
      },
      {
        channel: 'C2',
        text: 'Topology prod changed: 1 watched path fixed. Fixed: prod → cache1 tcp/6379.',
        blocks: [
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: ':white_check_mark: *Topology `prod` changed by <@U9>: 1 watched path fixed.*',
            },
          },
          {
            type: 'section',
            text: { type: 'mrkdwn', text: '• *prod → cache1 tcp/6379* (w3): uncertain → *reachable*' },
          },
          { type: 'section', text: { type: 'mrkdwn', text: changeBlock } },
        ],
      },
    ]);
  });

  it('compiles each version once however many watches there are', async () => {
    const watches = Array.from({ length: 300 }, (_, i) => watch('C1', 'db1', 1000 + i));
    const store = storeWith({ watches });
    const compilesBefore = fakeEngine.compiles;
    await onTopologyReplaced(store, 'prod', topology(), topology({ db: ['1000'] }), recordingPoster(), {
      engine: fakeEngine,
      sleep: noSleep,
    });
    expect(fakeEngine.compiles - compilesBefore).toBe(2);
  });

  it('on a first import, uses the stored verdict as "before", and says when a path can no longer be checked', async () => {
    const store = storeWith({
      watches: [
        watch('C1', 'db1', 3306, { id: 'w1', last: { verdict: 'unreachable', at: '2026-01-01T00:00:00Z' } }),
        watch('C1', 'db1', 22, { id: 'w2', last: { verdict: 'reachable', at: '2026-01-01T00:00:00Z' } }),
      ],
    });
    const poster = recordingPoster();
    await onTopologyReplaced(store, 'prod', undefined, topology({ db: ['3306', '22'] }), poster, {
      engine: fakeEngine,
      sleep: noSleep,
    });
    expect(poster.sent.map((m) => m.text)).toEqual([
      'Topology prod changed: 1 watched path fixed. Fixed: prod → db1 tcp/3306.',
    ]);

    const gone = recordingPoster();
    await onTopologyReplaced(store, 'prod', topology({ db: ['3306'] }), undefined, gone, {
      engine: fakeEngine,
      sleep: noSleep,
    });
    expect(gone.sent).toHaveLength(1);
    expect(gone.sent[0]?.text).toBe(
      'Topology prod changed: 2 watched paths broke. Broke: prod → db1 tcp/3306; prod → db1 tcp/22.',
    );
    expect(JSON.stringify(gone.sent[0]?.blocks)).toContain('reachable → *not checkable*');
    expect(JSON.stringify(gone.sent[0]?.blocks)).toContain('topology \\"prod\\" no longer exists');
  });

  it('costs nothing for a topology nobody watches', async () => {
    const store = storeWith({ watches: [watch('C1', 'db1', 3306, { topology: 'other' })] });
    const poster = recordingPoster();
    expect(await onTopologyReplaced(store, 'prod', topology(), topology({ db: ['3306'] }), poster)).toEqual([]);
    expect(poster.sent).toEqual([]);
  });
});
