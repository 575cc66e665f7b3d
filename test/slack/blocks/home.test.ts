import { describe, expect, it } from 'vitest';
import { homeView } from '../../../src/slack/blocks/home.js';
import { emptyStoreData } from '../../../src/store/data.js';

describe('homeView', () => {
  it('says how to start when nothing is registered or watched', () => {
    const view = JSON.stringify(homeView(emptyStoreData()));
    expect(view).toContain('No topology is registered yet');
    expect(view).toContain('Nothing is watched');
  });

  it('stays within the Home tab block limit with many watches', () => {
    const data = emptyStoreData();
    for (let i = 0; i < 300; i++) {
      data.watches.push({
        id: `w${i}`,
        channel: 'C1',
        topology: 't',
        question: { cluster: 'prod', workload: null, destination: `10.0.0.${i % 250}` },
        createdBy: 'U1',
        createdAt: '2026-01-01T00:00:00.000Z',
      });
    }
    const view = homeView(data);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view.blocks.at(-1))).toContain('more blocks');
  });

  it('lists each watch as people write the question, with its last verdict', () => {
    const data = emptyStoreData();
    data.watches.push(
      {
        id: 'w1',
        channel: 'C1',
        topology: 'prod-net',
        question: { cluster: 'prod', workload: 'payments/api', destination: 'db1', port: 3306 },
        createdBy: 'U1',
        createdAt: '2026-01-01T00:00:00.000Z',
        last: { verdict: 'unreachable', at: '2026-01-02T03:04:05.000Z' },
      },
      {
        id: 'w2',
        channel: 'C1',
        topology: 'prod-net',
        question: { cluster: 'prod', workload: null, destination: '10.1.1.20', protocol: 'icmp' },
        createdBy: 'U1',
        createdAt: '2026-01-01T00:00:00.000Z',
      },
    );
    const view = JSON.stringify(homeView(data));
    expect(view).toContain('payments/api in prod → db1 tcp/3306 in `prod-net`');
    expect(view).toContain(':x: unreachable (checked 2026-01-02 03:04 UTC)');
    // The same words as the digest and the watch replies (digest/watches.ts).
    expect(view).toContain('prod → 10.1.1.20 ping in `prod-net`');
    expect(view).toContain('not checked yet');
  });
});
