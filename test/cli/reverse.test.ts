// `reachbot ask` with reverse questions: grouped text, --json with every entry, exit 0 once answered.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from './harness.js';

const SAMPLE = join(import.meta.dirname, '../../data/sample.yaml');

describe('reachbot ask: reverse questions', () => {
  it('who can reach db1:3306? lists every source with its verdict and blocking step', async () => {
    const { run } = await workspace();
    const out = await run('ask', 'who can reach db1:3306?', '--topology', SAMPLE, '--no-color');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Who can reach db1 on tcp\/3306\?\n\d+ reachable · \d+ unreachable · \d+ uncertain/);
    expect(out.stdout).toMatch(/✗ prod: unreachable\n {4}destination-sg: no rule of sg-db1 allows tcp\/3306/);
  });

  it('--json has the question, the counts and every entry', async () => {
    const { run } = await workspace();
    const out = await run('ask', 'what can pods in prod reach?', '--topology', SAMPLE, '--json');
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.kind).toBe('reverse');
    expect(json.question).toEqual({ kind: 'destinations', cluster: 'prod', workload: null });
    expect(json.entries.at(-1).label).toBe('the internet');
    const total = json.counts.reachable + json.counts.unreachable + json.counts.uncertain;
    expect(total).toBe(json.entries.length);
  });

  it('an unknown cluster is exit 2 with suggestions; the Chinese form works', async () => {
    const { run } = await workspace();
    const bad = await run('ask', 'what can prdo reach?', '--topology', SAMPLE);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/prdo/);
    const zh = await run('ask', '谁能访问 db1:3306', '--topology', SAMPLE, '--json');
    expect(JSON.parse(zh.stdout).question).toMatchObject({ kind: 'sources', destination: 'db1', port: 3306 });
  });
});
