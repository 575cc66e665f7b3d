import { describe, expect, it } from 'vitest';
import { describeQuestion, homeView } from '../../../src/slack/blocks/home.js';
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
});

describe('describeQuestion', () => {
  it('reads like the question people typed', () => {
    expect(describeQuestion({ cluster: 'prod', workload: 'payments/api', destination: 'db1', port: 3306 })).toBe(
      'payments/api in prod → db1 tcp/3306',
    );
    expect(describeQuestion({ cluster: 'prod', workload: null, destination: '10.1.1.20', protocol: 'icmp' })).toBe(
      'prod → 10.1.1.20 icmp',
    );
  });
});
