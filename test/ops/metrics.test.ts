// The metrics module on its own: sync runs and their age per topology through measuredSync, digest outcomes,
// and how each kind of Slack attempt is counted (errors, retries, 429s), by method.
import { describe, expect, it } from 'vitest';
import type { TopologySync } from '../../src/commands/topology.js';
import { measuredSync } from '../../src/ops/measured-sync.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { instrumentedSlackFetch, SlackCallHealth, slackMethodOf } from '../../src/ops/slack-calls.js';

function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics', () => {
  it('counts sync runs and failures per topology and reports the age of the last successful sync', async () => {
    let now = new Date('2026-12-01T00:00:00Z');
    const metrics = createMetrics({ now: () => now, defaultMetrics: false });
    let fail = false;
    const inner: TopologySync = async () => {
      if (fail) throw new Error('IAM token expired');
      return { topology: { version: 1 } as never, source: 'huaweicloud:cn-north-4', warnings: [] };
    };
    const sync = measuredSync(inner, metrics, () => now);
    const request = { name: 'prod', args: '', previous: undefined, context: {} as never };
    await sync(request);
    now = new Date('2026-12-01T00:10:00Z');
    fail = true;
    await expect(sync(request)).rejects.toThrow('IAM token expired');
    now = new Date('2026-12-01T00:15:00Z');
    const text = await metrics.render();
    expect(sample(text, 'reachbot_sync_runs_total{topology="prod",outcome="ok"}')).toBe(1);
    expect(sample(text, 'reachbot_sync_runs_total{topology="prod",outcome="failed"}')).toBe(1);
    expect(sample(text, 'reachbot_sync_failures_total{topology="prod"}')).toBe(1);
    expect(sample(text, 'reachbot_sync_age_seconds{topology="prod"}')).toBe(900);
  });

  it('counts digest runs by outcome and failures', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.digestRun('sent');
    metrics.digestRun('failed');
    metrics.digestRun('failed');
    const text = await metrics.render();
    expect(sample(text, 'reachbot_digest_runs_total{outcome="sent"}')).toBe(1);
    expect(sample(text, 'reachbot_digest_failures_total')).toBe(2);
  });

  it('counts Slack attempts by method: platform errors, retried failures and 429s', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const health = new SlackCallHealth();
    const replies = [
      new Response('{}', { status: 429, headers: { 'retry-after': '1' } }),
      new Response('bad gateway', { status: 502 }),
      new Response('{"ok":false,"error":"channel_not_found"}', { status: 200 }),
      new Response('{"ok":true}', { status: 200 }),
    ];
    const fetchFn = instrumentedSlackFetch(metrics, health, async () => replies.shift() ?? new Response('{}'));
    for (let i = 0; i < 4; i++) await fetchFn('https://slack.com/api/chat.postMessage', { method: 'POST' });
    await expect(
      instrumentedSlackFetch(metrics, health, async () => {
        throw new TypeError('fetch failed');
      })('https://hooks.slack.com/commands/T1/1/x'),
    ).rejects.toThrow('fetch failed');
    const text = await metrics.render();
    expect(sample(text, 'reachbot_slack_api_rate_limited_total{method="chat.postMessage"}')).toBe(1);
    expect(sample(text, 'reachbot_slack_api_retries_total{method="chat.postMessage"}')).toBe(2);
    expect(sample(text, 'reachbot_slack_api_errors_total{method="chat.postMessage"}')).toBe(3);
    expect(sample(text, 'reachbot_slack_api_requests_total{method="chat.postMessage",result="ok"}')).toBe(1);
    expect(sample(text, 'reachbot_slack_api_requests_total{method="response_url",result="network_error"}')).toBe(1);
    expect(health.problem()).toBeUndefined();
  });

  it('names the method of Web API and response URLs', () => {
    expect(slackMethodOf('https://slack.com/api/files.getUploadURLExternal')).toBe('files.getUploadURLExternal');
    expect(slackMethodOf('http://127.0.0.1:4000/api/chat.postMessage')).toBe('chat.postMessage');
    expect(slackMethodOf('https://hooks.slack.com/commands/T1/2/abc')).toBe('response_url');
  });
});
