// A child process of bench/run.ts: the slash-command round trip. nock is imported first, before any Bolt
// App or WebClient copies global fetch, and refuses every connection except to 127.0.0.1: the benchmark
// cannot reach Slack or any other address even if a listener tried.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import nock from 'nock';
import { z } from 'zod';
import { measureSlack, SLACK_TRANSPORTS } from './measure-slack.js';
import { BENCH_SIZES } from './synthetic.js';

nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

const argsSchema = z.object({
  out: z.string().min(1),
  requests: z.coerce.number().int().min(1),
  size: z.enum(BENCH_SIZES).default('medium'),
  transport: z.enum(SLACK_TRANSPORTS).default('http'),
});
const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    requests: { type: 'string' },
    size: { type: 'string' },
    transport: { type: 'string' },
  },
});
const args = argsSchema.parse(values);
const dir = await mkdtemp(join(tmpdir(), 'reachbot-bench-slack-'));
try {
  const report = await measureSlack({
    storePath: join(dir, 'store.json'),
    size: args.size,
    requests: args.requests,
    transport: args.transport,
  });
  await writeFile(args.out, JSON.stringify(report));
} finally {
  await rm(dir, { recursive: true, force: true });
}
process.exit(0);
