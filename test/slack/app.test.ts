// The Slack app end to end over HTTP: Bolt's real HTTPReceiver, signed requests, and the exact messages
// Slack would receive (nock on slack.com/api, hooks.slack.com and the file upload host).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeAnswerRef, encodeAnswerRef } from '../../src/slack/answer-ref.js';
import { openFileStore } from '../../src/store/file-store.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import {
  ADMIN,
  BOT_TOKEN,
  buttonValue,
  CHANNEL,
  FIXTURE_TEXT,
  postAction,
  postCommand,
  postEvent,
  recordSlack,
  SIGNING_SECRET,
  seedTopology,
  sign,
  startTestApp,
  type TestApp,
  USER,
} from './helpers.js';

const running: TestApp[] = [];
afterEach(async () => {
  while (running.length) await running.pop()?.stop();
});

async function appWith(
  store: MemoryStore | Awaited<ReturnType<typeof openFileStore>>,
  extra: Partial<Parameters<typeof startTestApp>[0]> = {},
) {
  const app = await startTestApp({ store, ...extra });
  running.push(app);
  return app;
}

async function seeded() {
  const store = new MemoryStore();
  await seedTopology(store);
  return store;
}

describe('request verification', () => {
  it('rejects unsigned and stale requests with 401 and answers signed ones', async () => {
    const slack = recordSlack();
    const app = await appWith(await seeded());
    const body = new URLSearchParams({
      command: '/reach',
      text: 'help',
      user_id: USER,
      channel_id: CHANNEL,
      team_id: 'T1',
      response_url: 'https://hooks.slack.com/commands/T1/1/abc',
      trigger_id: 't-1',
    }).toString();
    const unsigned = await fetch(`${app.base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(unsigned.status).toBe(401);
    const stale = await fetch(`${app.base}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...sign(body, Math.floor(Date.now() / 1000) - 6 * 60),
      },
      body,
    });
    expect(stale.status).toBe(401);
    const forged = await fetch(`${app.base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign(`${body}&text=x`) },
      body,
    });
    expect(forged.status).toBe(401);
    expect(slack.responses).toEqual([]);
    const signed = await postCommand(app, 'help');
    expect(signed.status).toBe(200);
    await expect.poll(() => slack.responses.length).toBe(1);
  });

  it('serves GET /health', async () => {
    const app = await appWith(new MemoryStore());
    const response = await fetch(`${app.base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe('/reach', () => {
  it('acks at once, then answers the question privately with the diagnosis and its buttons', async () => {
    const slack = recordSlack();
    const app = await appWith(await seeded());
    const ack = await postCommand(app, 'prod 192.168.10.52 tcp/3306');
    expect(ack.status).toBe(200);
    expect(await ack.text()).toBe('');
    await expect.poll(() => slack.responses.length).toBe(1);
    const [answer] = slack.responses;
    expect(answer?.path).toBe('/commands/T1/1/abc');
    expect(answer?.body.response_type).toBe('ephemeral');
    expect(answer?.body.text).toMatch(/^UNREACHABLE: can pod in prod reach 192\.168\.10\.52 \(db1\) on tcp\/3306\?/);
    expect(answer?.body.text).toContain('no rule of sg-db allows tcp/3306 from 172.16.0.0/16');
    const blocks = JSON.stringify(answer?.body.blocks);
    expect(blocks).toContain('--security_group_rule.remote_ip_prefix=172.16.0.0/16');
    const ref = decodeAnswerRef(buttonValue(answer?.body.blocks, 'share_in_channel'));
    expect(ref).toEqual({
      topology: 'prod-net',
      question: { cluster: 'prod', workload: null, destination: '192.168.10.52', protocol: 'tcp', port: 3306 },
    });
    expect(buttonValue(answer?.body.blocks, 'recheck').length).toBeLessThanOrEqual(2000);
    expect(slack.api).toEqual([]);
  });

  it('shows the question forms and commands for `/reach` alone and `/reach help`', async () => {
    const slack = recordSlack();
    const app = await appWith(await seeded());
    await postCommand(app, '');
    await postCommand(app, 'help');
    await expect.poll(() => slack.responses.length).toBe(2);
    for (const { body } of slack.responses) {
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toContain('`can pod in prod reach 192.168.10.52?`');
      expect(body.text).toContain('`prod 192.168.10.52 tcp/3306`');
      expect(body.text).toContain('`topology show|export|import|remove|sync NAME`');
    }
  });

  it('lists clusters and topologies, and says what was not understood with suggestions', async () => {
    const slack = recordSlack();
    const app = await appWith(await seeded());
    await postCommand(app, 'clusters');
    await expect.poll(() => slack.responses.length).toBe(1);
    await postCommand(app, 'topologies');
    await expect.poll(() => slack.responses.length).toBe(2);
    await postCommand(app, 'can pod in prd reach 192.168.10.52?');
    await expect.poll(() => slack.responses.length).toBe(3);
    const [clusters, topologies, unknown] = slack.responses.map((r) => r.body);
    expect(clusters?.text).toBe(
      '*Clusters (2)*\n• *prod*: `vpc-router`, VPC `vpc-prod` (topology `prod-net`)\n• *staging*: `overlay_l2`, VPC `vpc-prod` (topology `prod-net`)',
    );
    expect(topologies?.text).toContain('*prod-net*: prod, staging; imported 2026-03-01T03:00:00.000Z from fixture');
    expect(unknown?.text).toContain('unknown cluster "prd"');
    expect(JSON.stringify(unknown?.blocks)).toContain('prod');
  });

  it('refuses a write to a non-admin, ephemerally, records it in the audit log, and changes nothing', async () => {
    const slack = recordSlack();
    const store = await seeded();
    const app = await appWith(store);
    await postCommand(app, 'topology remove prod-net', { user_id: USER });
    await expect.poll(() => slack.responses.length).toBe(1);
    expect(slack.responses[0]?.body.response_type).toBe('ephemeral');
    expect(slack.responses[0]?.body.text).toContain('only reachbot admins may run it');
    expect(store.data.topologies['prod-net']).toBeDefined();
    expect(store.data.audit).toEqual([
      {
        at: '2026-03-01T03:00:00.000Z',
        user: USER,
        channel: CHANNEL,
        action: 'topology remove',
        target: 'prod-net',
        outcome: 'refused',
        detail: 'not an admin',
      },
    ]);
  });

  it('lets an admin remove a topology, audited', async () => {
    const slack = recordSlack();
    const store = await seeded();
    const app = await appWith(store);
    await postCommand(app, 'topology remove prod-net', { user_id: ADMIN });
    await expect.poll(() => slack.responses.length).toBe(1);
    expect(slack.responses[0]?.body.text).toBe(':wastebasket: Removed topology `prod-net`.');
    expect(store.data.topologies['prod-net']).toBeUndefined();
    expect(store.data.audit.at(-1)).toMatchObject({
      user: ADMIN,
      channel: CHANNEL,
      action: 'topology remove',
      target: 'prod-net',
      outcome: 'ok',
    });
  });

  it('imports pasted YAML for an admin and shows the diff when it replaces a topology', async () => {
    const slack = recordSlack();
    const store = await seeded();
    const app = await appWith(store);
    const changed = FIXTURE_TEXT.replace(
      'ports: "6379", remote: 172.16.0.0/16',
      'ports: "6379", remote: 172.16.0.0/15',
    );
    await postCommand(app, `topology import prod-net\n${changed}`, { user_id: ADMIN });
    await expect.poll(() => slack.responses.length).toBe(1);
    const text = String(slack.responses[0]?.body.text);
    expect(text).toContain(':white_check_mark: Replaced topology `prod-net` (from pasted).');
    expect(text).toContain('~ security group sg-redis');
    expect(store.data.topologies['prod-net']?.importedBy).toBe(ADMIN);
    expect(store.data.audit.at(-1)).toMatchObject({
      action: 'topology import',
      target: 'prod-net',
      outcome: 'ok',
      user: ADMIN,
    });
  });
});

describe('mentions and threads', () => {
  it('answers in the thread of the mention, and a follow-up after a restart uses what the thread established', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reachbot-slack-'));
    const path = join(dir, 'store.json');
    const slack = recordSlack();

    const first = await openFileStore(path);
    await seedTopology(first);
    const app1 = await startTestApp({ store: first });
    await postEvent(app1, {
      type: 'app_mention',
      user: USER,
      text: '<@U0BOT> can pod in prod reach 192.168.10.52?',
      ts: '1700000001.000100',
      channel: CHANNEL,
      event_ts: '1700000001.000100',
    });
    await expect.poll(() => slack.api.filter((c) => c.method === 'chat.postMessage').length).toBe(1);
    const answer = slack.api[0]?.body;
    expect(answer).toMatchObject({ channel: CHANNEL, thread_ts: '1700000001.000100' });
    expect(answer?.text).toMatch(/^UNREACHABLE: can pod in prod reach 192\.168\.10\.52 \(db1\) on tcp\/3306\?/);
    expect(JSON.stringify(answer?.blocks)).not.toContain('share_in_channel');
    await app1.stop();
    await first.close();

    // A new process over the same file: the thread context must come from the store.
    const second = await openFileStore(path);
    const app2 = await appWith(second);
    await postEvent(app2, {
      type: 'app_mention',
      user: USER,
      text: '<@U0BOT> and port 6379?',
      ts: '1700000050.000200',
      thread_ts: '1700000001.000100',
      channel: CHANNEL,
      event_ts: '1700000050.000200',
    });
    await expect.poll(() => slack.api.filter((c) => c.method === 'chat.postMessage').length).toBe(2);
    const followUp = slack.api[1]?.body;
    expect(followUp).toMatchObject({ channel: CHANNEL, thread_ts: '1700000001.000100' });
    expect(followUp?.text).toMatch(/^UNREACHABLE: can pod in prod reach 192\.168\.10\.52 \(db1\) on tcp\/6379\?/);

    await postEvent(app2, {
      type: 'app_mention',
      user: USER,
      text: '<@U0BOT> what about from staging?',
      ts: '1700000060.000300',
      thread_ts: '1700000001.000100',
      channel: CHANNEL,
      event_ts: '1700000060.000300',
    });
    await expect.poll(() => slack.api.filter((c) => c.method === 'chat.postMessage').length).toBe(3);
    expect(slack.api[2]?.body.text).toMatch(/can pod in staging reach 192\.168\.10\.52 \(db1\) on tcp\/6379\?/);

    await postEvent(app2, {
      type: 'app_mention',
      user: USER,
      text: '<@U0BOT> show it as terraform',
      ts: '1700000070.000400',
      thread_ts: '1700000001.000100',
      channel: CHANNEL,
      event_ts: '1700000070.000400',
    });
    await expect.poll(() => slack.api.filter((c) => c.method === 'chat.postMessage').length).toBe(4);
    const terraform = JSON.stringify(slack.api[3]?.body.blocks);
    expect(terraform).toContain('resource \\"huaweicloud_networking_secgroup_rule\\"');
    // Only the fix in that form: the diagnosis (source, path) is already in the thread.
    expect(terraform).not.toContain('Seen by the destination');
    expect(terraform).not.toContain('destination-sg');
    expect(second.data.threads[`${CHANNEL}:1700000001.000100`]?.question).toMatchObject({
      cluster: 'staging',
      port: 6379,
    });
    await running.pop()?.stop();
    await second.close();
  });

  it('decodes Slack entities in mention text (`prod -&gt; db1`)', async () => {
    const slack = recordSlack();
    const app = await appWith(await seeded());
    await postEvent(app, {
      type: 'app_mention',
      user: USER,
      text: '<@U0BOT> prod -&gt; db1 tcp/3306',
      ts: '1.1',
      channel: CHANNEL,
      event_ts: '1.1',
    });
    await expect.poll(() => slack.api.length).toBe(1);
    expect(slack.api[0]?.body.text).toMatch(/^UNREACHABLE: can pod in prod reach db1/);
  });

  it('answers a DM without a mention, top-level, and ignores bot messages and edits', async () => {
    const slack = recordSlack();
    const app = await appWith(await seeded());
    await postEvent(app, {
      type: 'message',
      channel_type: 'im',
      channel: 'D0DM',
      user: USER,
      text: 'prod 192.168.10.52 tcp/3306',
      ts: '2.1',
      event_ts: '2.1',
    });
    await postEvent(app, {
      type: 'message',
      channel_type: 'im',
      channel: 'D0DM',
      bot_id: 'B0OTHER',
      text: 'prod 192.168.10.52',
      ts: '2.2',
      event_ts: '2.2',
    });
    await postEvent(app, {
      type: 'message',
      subtype: 'message_changed',
      channel_type: 'im',
      channel: 'D0DM',
      ts: '2.3',
      event_ts: '2.3',
      message: { text: 'x' },
    });
    await postEvent(app, {
      type: 'message',
      channel_type: 'im',
      channel: 'D0DM',
      user: USER,
      text: 'clusters',
      ts: '2.4',
      event_ts: '2.4',
    });
    await expect.poll(() => slack.api.length).toBe(2);
    expect(slack.api[0]?.body).toMatchObject({ channel: 'D0DM' });
    expect(slack.api[0]?.body.thread_ts).toBeUndefined();
    expect(slack.api[0]?.body.text).toMatch(/^UNREACHABLE/);
    expect(slack.api[1]?.body.text).toContain('*Clusters (2)*');
  });

  it('answers a redelivered event only once (same event_id, x-slack-retry-num)', async () => {
    const slack = recordSlack();
    const store = await seeded();
    const app = await appWith(store);
    const event = {
      type: 'app_mention',
      user: USER,
      text: '<@U0BOT> clusters',
      ts: '3.1',
      channel: CHANNEL,
      event_ts: '3.1',
    };
    const first = await postEvent(app, event, { eventId: 'EvSAME' });
    const retry = await postEvent(app, event, {
      eventId: 'EvSAME',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    await expect.poll(() => slack.api.length).toBe(1);
    await expect.poll(() => /duplicate delivery ignored/.test(app.logs())).toBe(true);
    expect(slack.api.length).toBe(1);
    // The claim reaches the store within the ledger's debounce, so a restarted bot still knows it.
    await expect.poll(() => Object.keys(store.data.deliveries)).toEqual(['event:EvSAME']);
  });

  it('uploads a long reply as a file in the thread, and posts a marked cut when the upload fails', async () => {
    let failUpload = false;
    const slack = recordSlack((method) =>
      failUpload && method === 'files.getUploadURLExternal' ? [200, { ok: false, error: 'not_allowed' }] : undefined,
    );
    const app = await appWith(await seeded());
    await postEvent(app, {
      type: 'app_mention',
      user: USER,
      text: '<@U0BOT> topology export prod-net',
      ts: '4.1',
      channel: CHANNEL,
      event_ts: '4.1',
    });
    await expect.poll(() => slack.api.some((c) => c.method === 'files.completeUploadExternal')).toBe(true);
    expect(slack.api.map((c) => c.method)).toEqual([
      'chat.postMessage',
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ]);
    expect(slack.api[1]?.body).toMatchObject({ filename: 'prod-net.yaml' });
    expect(slack.api[2]?.body).toMatchObject({ channel_id: CHANNEL, thread_ts: '4.1' });
    expect(slack.uploads[0]).toContain('name: prod');

    failUpload = true;
    await postEvent(app, {
      type: 'app_mention',
      user: USER,
      text: '<@U0BOT> topology export prod-net',
      ts: '4.2',
      channel: CHANNEL,
      event_ts: '4.2',
    });
    await expect.poll(() => slack.api.filter((c) => c.method === 'chat.postMessage').length).toBe(3);
    const cut = slack.api.at(-1)?.body;
    expect(cut).toMatchObject({ channel: CHANNEL, thread_ts: '4.2' });
    expect(cut?.text).toMatch(
      /^_prod-net\.yaml could not be uploaded \(not_allowed\); here it is inline:_\n```\nversion: 1\n/,
    );
  });
});

describe('buttons', () => {
  async function answerRef() {
    return encodeAnswerRef({
      topology: 'prod-net',
      question: { cluster: 'prod', workload: null, destination: 'db1', protocol: 'tcp', port: 3306 },
    });
  }

  it('Re-check replaces the answer in place with a fresh diagnosis', async () => {
    const slack = recordSlack();
    const app = await appWith(await seeded());
    const response = await postAction(app, 'recheck', await answerRef(), { ephemeral: true });
    expect(response.status).toBe(200);
    await expect.poll(() => slack.responses.length).toBe(1);
    expect(slack.responses[0]?.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(slack.responses[0]?.body.text).toMatch(/^UNREACHABLE: can pod in prod reach db1/);
  });

  it('Show as Terraform posts the answer with Terraform in the thread and continues the thread from it', async () => {
    const slack = recordSlack();
    const store = await seeded();
    const app = await appWith(store);
    await postAction(app, 'show_terraform', await answerRef(), { ephemeral: false, ts: '5.2', threadTs: '5.1' });
    await expect.poll(() => slack.api.length).toBe(1);
    expect(slack.api[0]?.body).toMatchObject({ channel: CHANNEL, thread_ts: '5.1' });
    expect(JSON.stringify(slack.api[0]?.body.blocks)).toContain('huaweicloud_networking_secgroup_rule');
    await expect.poll(() => store.data.threads[`${CHANNEL}:5.1`]?.question.port).toBe(3306);
  });

  it.each([
    ['show_hcloud', 'hcloud VPC CreateSecurityGroupRule/v3'],
    ['show_api', 'POST /v3/{project_id}/vpc/security-group-rules'],
  ])('%s under an ephemeral answer answers privately in that form', async (actionId, expected) => {
    const slack = recordSlack();
    const app = await appWith(await seeded());
    await postAction(app, actionId, await answerRef(), { ephemeral: true });
    await expect.poll(() => slack.responses.length).toBe(1);
    expect(slack.responses[0]?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(slack.responses[0]?.body.blocks)).toContain(expected);
    expect(slack.api).toEqual([]);
  });

  it('Share in channel posts the answer for everyone, saying who shared it, without the share button', async () => {
    const slack = recordSlack();
    const app = await appWith(await seeded());
    await postAction(app, 'share_in_channel', await answerRef(), { ephemeral: true });
    await expect.poll(() => slack.responses.length).toBe(1);
    const shared = slack.responses[0]?.body;
    expect(shared).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(shared?.text).toMatch(new RegExp(`^<@${USER}> shared: UNREACHABLE`));
    // Under a Chinese answer, in Chinese.
    const zh = encodeAnswerRef({
      topology: 'prod-net',
      question: { cluster: 'prod', workload: null, destination: 'db1', protocol: 'tcp', port: 3306 },
      lang: 'zh',
    });
    await postAction(app, 'share_in_channel', zh, { ephemeral: true });
    await expect.poll(() => slack.responses.length).toBe(2);
    expect(slack.responses[1]?.body.text).toMatch(new RegExp(`^<@${USER}> 分享了：`));
    expect(JSON.stringify(shared?.blocks)).not.toContain('share_in_channel');
  });

  it('Watch this path hands the reference and the user to the digest handler and confirms privately', async () => {
    const slack = recordSlack();
    const calls: unknown[] = [];
    const app = await appWith(await seeded(), {
      watchButton: async ({ ref, context }) => {
        calls.push({ ref, user: context.userId, channel: context.channelId });
        return { text: 'Watching prod → db1 tcp/3306 in this channel.' };
      },
    });
    await postAction(app, 'watch_path', await answerRef(), { ephemeral: false, ts: '6.1' });
    await expect.poll(() => slack.responses.length).toBe(1);
    expect(slack.responses[0]?.body).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Watching prod → db1 tcp/3306 in this channel.',
    });
    expect(calls).toEqual([
      {
        ref: {
          topology: 'prod-net',
          question: { cluster: 'prod', workload: null, destination: 'db1', protocol: 'tcp', port: 3306 },
        },
        user: USER,
        channel: CHANNEL,
      },
    ]);
  });

  it("Re-check after the answer's destination left the topology says why, in the answer's language, and is no error", async () => {
    const slack = recordSlack();
    const app = await appWith(await seeded());
    const question = { cluster: 'prod', workload: null, destination: 'db9', protocol: 'tcp' as const, port: 3306 };
    for (const lang of ['en', 'zh'] as const)
      await postAction(app, 'recheck', encodeAnswerRef({ topology: 'prod-net', question, lang }), { ephemeral: true });
    await expect.poll(() => slack.responses.length).toBe(2);
    // It said "Re-check failed: reachbot_question_invalid".
    expect(slack.responses[0]?.body.text).toMatch(
      /^This answer's question no longer fits its topology as it is now: .*"db9".*\(known: db1/s,
    );
    expect(slack.responses[1]?.body.text).toMatch(/^这个回答的问题已不适用于当前的拓扑：/);
    expect(app.logs()).toContain("a button's question no longer fits");
    expect(app.logs()).not.toContain('button failed');
  });

  it('a button with a value that is not ours is answered with an explanation, not an error', async () => {
    const slack = recordSlack();
    const app = await appWith(await seeded());
    await postAction(app, 'recheck', '{"evil":true}', { ephemeral: true });
    await expect.poll(() => slack.responses.length).toBe(1);
    expect(slack.responses[0]?.body.text).toContain('please ask again');
  });
});

describe('App Home', () => {
  it('publishes the topologies with their clusters and network models, and the watched paths with their last status', async () => {
    const slack = recordSlack();
    const store = await seeded();
    await store.update((data) => {
      data.watches.push({
        id: 'w1',
        channel: CHANNEL,
        topology: 'prod-net',
        question: { cluster: 'prod', workload: null, destination: 'db1', protocol: 'tcp', port: 3306 },
        label: 'orders db',
        createdBy: USER,
        createdAt: '2026-02-01T00:00:00.000Z',
        last: { verdict: 'unreachable', at: '2026-03-01T02:00:00.000Z' },
      });
    });
    const app = await appWith(store);
    await postEvent(app, { type: 'app_home_opened', user: USER, channel: 'D0HOME', tab: 'home', event_ts: '7.1' });
    await expect.poll(() => slack.api.length).toBe(1);
    const publish = slack.api[0];
    expect(publish?.method).toBe('views.publish');
    expect(publish?.body.user_id).toBe(USER);
    const view = JSON.stringify(publish?.body.view);
    expect(view).toContain('"type":"home"');
    expect(view).toContain('*prod*: `vpc-router` in VPC `vpc-prod`');
    expect(view).toContain('*staging*: `overlay_l2` in VPC `vpc-prod`');
    expect(view).toContain('*orders db*: prod → db1 tcp/3306 in `prod-net`');
    expect(view).toContain(':x: unreachable (checked 2026-03-01 02:00 UTC)');
  });
});

describe('topology file import', () => {
  const file = {
    id: 'F0TOPO',
    name: 'prod-net.yaml',
    filetype: 'yaml',
    size: FIXTURE_TEXT.length,
    url_private_download: 'https://files.slack.com/files-pri/T1-F0TOPO/download/prod-net.yaml',
  };

  it('downloads a file shared in a DM with the bot token, validates and stores it, audited, and never logs its content', async () => {
    const slack = recordSlack();
    const { default: nock } = await import('nock');
    const download = nock('https://files.slack.com', { reqheaders: { authorization: `Bearer ${BOT_TOKEN}` } })
      .get('/files-pri/T1-F0TOPO/download/prod-net.yaml')
      .reply(200, FIXTURE_TEXT, { 'content-type': 'application/octet-stream' });
    const store = new MemoryStore();
    const app = await appWith(store);
    await postEvent(app, {
      type: 'message',
      subtype: 'file_share',
      channel_type: 'im',
      channel: 'D0ADMIN',
      user: ADMIN,
      text: 'topology import prod-net',
      files: [file],
      ts: '8.1',
      event_ts: '8.1',
    });
    await expect.poll(() => slack.api.length).toBe(1);
    expect(download.isDone()).toBe(true);
    expect(slack.api[0]?.body).toMatchObject({ channel: 'D0ADMIN' });
    expect(slack.api[0]?.body.text).toBe(
      ':white_check_mark: Imported topology `prod-net` (from slack:F0TOPO (prod-net.yaml)): prod (vpc-router), staging (overlay_l2).',
    );
    expect(store.data.topologies['prod-net']).toMatchObject({
      importedBy: ADMIN,
      source: 'slack:F0TOPO (prod-net.yaml)',
    });
    expect(store.data.audit).toEqual([
      {
        at: '2026-03-01T03:00:00.000Z',
        user: ADMIN,
        channel: 'D0ADMIN',
        action: 'topology import',
        target: 'prod-net',
        outcome: 'ok',
        detail: 'new; source slack:F0TOPO (prod-net.yaml)',
      },
    ]);
    const logs = app.logs();
    expect(logs).toContain('importing a shared topology file');
    for (const secret of [BOT_TOKEN, SIGNING_SECRET, 'containerCidrs', '172.18.0.0/16'])
      expect(logs).not.toContain(secret);
  });

  it('refuses a file from a non-admin without downloading it, audited', async () => {
    const slack = recordSlack();
    const store = new MemoryStore();
    const app = await appWith(store);
    await postEvent(app, {
      type: 'app_mention',
      user: USER,
      channel: CHANNEL,
      text: '<@U0BOT>',
      files: [file],
      ts: '9.1',
      event_ts: '9.1',
    });
    await expect.poll(() => slack.api.length).toBe(1);
    expect(slack.api[0]?.body).toMatchObject({ channel: CHANNEL, thread_ts: '9.1' });
    expect(slack.api[0]?.body.text).toContain('only reachbot admins may run it');
    expect(store.data.topologies).toEqual({});
    expect(store.data.audit[0]).toMatchObject({
      user: USER,
      action: 'topology import',
      target: 'prod-net',
      outcome: 'refused',
    });
  });

  it('reports validation issues with their location and stores nothing', async () => {
    const slack = recordSlack();
    const { default: nock } = await import('nock');
    nock('https://files.slack.com')
      .get(/.*/)
      .reply(
        200,
        'version: 1\nclusters:\n  - name: prod\n    vpc: nope\n    networkModel: wat\n    nodeSubnets: [x]\n',
      );
    const store = new MemoryStore();
    const app = await appWith(store);
    await postEvent(app, {
      type: 'app_mention',
      user: ADMIN,
      channel: CHANNEL,
      text: '<@U0BOT> import broken',
      files: [{ ...file, name: 'broken.yml' }],
      ts: '10.1',
      event_ts: '10.1',
    });
    await expect.poll(() => slack.api.length).toBe(1);
    expect(slack.api[0]?.body.text).toContain(':x: `broken` was not imported');
    expect(slack.api[0]?.body.text).toContain('"wat" is not a network model');
    expect(store.data.topologies).toEqual({});
    expect(store.data.audit[0]).toMatchObject({ action: 'topology import', outcome: 'failed' });
  });
});

describe('Web API failures', () => {
  it('waits out a 429 as Retry-After says and then posts the answer once', async () => {
    let limited = 0;
    const slack = recordSlack((method) => {
      if (method === 'chat.postMessage' && limited === 0) {
        limited += 1;
        return [429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' }];
      }
      return undefined;
    });
    const app = await appWith(await seeded(), { retryConfig: { retries: 2, factor: 1, minTimeout: 0, maxTimeout: 0 } });
    await postEvent(app, {
      type: 'app_mention',
      user: USER,
      text: '<@U0BOT> clusters',
      ts: '11.1',
      channel: CHANNEL,
      event_ts: '11.1',
    });
    await expect.poll(() => slack.api.length, { timeout: 10_000 }).toBe(2);
    expect(slack.api.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.postMessage']);
    expect(slack.api[1]?.body).toMatchObject({ channel: CHANNEL, thread_ts: '11.1' });
    expect(app.logs()).not.toContain('could not answer');
  });

  it('tells the user privately when posting the answer finally fails', async () => {
    const slack = recordSlack((method) =>
      method === 'chat.postMessage' ? [200, { ok: false, error: 'channel_not_found' }] : undefined,
    );
    const app = await appWith(await seeded());
    await postEvent(app, {
      type: 'app_mention',
      user: USER,
      text: '<@U0BOT> clusters',
      ts: '12.1',
      channel: CHANNEL,
      event_ts: '12.1',
    });
    await expect.poll(() => slack.api.length).toBe(2);
    expect(slack.api[1]).toEqual({
      method: 'chat.postEphemeral',
      body: expect.objectContaining({
        channel: CHANNEL,
        user: USER,
        thread_ts: '12.1',
        text: ':warning: I could not post the answer (channel_not_found). Please try again in a minute.',
      }),
    });
    expect(app.logs()).toContain('could not answer');
    // Asked in Chinese, told in Chinese.
    await postEvent(app, {
      type: 'app_mention',
      user: USER,
      text: '<@U0BOT> prod 的容器能访问 db1 吗？',
      ts: '12.2',
      channel: CHANNEL,
      event_ts: '12.2',
    });
    await expect.poll(() => slack.api.length).toBe(4);
    expect(slack.api[3]?.body.text).toBe(':warning: 无法发布回答（channel_not_found）。请稍后再试。');
    // A mention whose text is not a string (no real Slack sends one) is still answered and told, never an
    // unhandled error: the language of the failure line is read from it too (found by the Slack fuzz property).
    await postEvent(app, { type: 'app_mention', user: USER, text: 42, ts: '12.3', channel: CHANNEL, event_ts: '12.3' });
    await expect.poll(() => slack.api.length).toBe(6);
    expect(app.logs()).not.toContain('unhandled error in a Slack listener');
  });
});

describe('digest integration', () => {
  it('the real Watch this path handler stores a watch for the clicked answer, which the App Home then lists', async () => {
    const { handleWatchButton } = await import('../../src/digest/subcommands.js');
    const slack = recordSlack();
    const store = await seeded();
    const app = await appWith(store, { watchButton: handleWatchButton });
    const value = encodeAnswerRef({
      topology: 'prod-net',
      question: { cluster: 'prod', workload: null, destination: 'db1', protocol: 'tcp', port: 3306 },
    });
    await postAction(app, 'watch_path', value, { ephemeral: false, ts: '13.1' });
    await expect.poll(() => slack.responses.length).toBe(1);
    expect(slack.responses[0]?.body.text).toContain('Watching');
    expect(store.data.watches).toHaveLength(1);
    expect(store.data.watches[0]).toMatchObject({ channel: CHANNEL, topology: 'prod-net', createdBy: USER });
    await postEvent(app, { type: 'app_home_opened', user: USER, channel: 'D0HOME', tab: 'home', event_ts: '13.2' });
    await expect.poll(() => slack.api.length).toBe(1);
    expect(JSON.stringify(slack.api[0]?.body.view)).toContain(':x: unreachable');
  });
});
