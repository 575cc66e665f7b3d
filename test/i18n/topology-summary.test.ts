// `topology list|show` and `validate` describe a topology in the asker's language; names, ids, CIDRs, network
// models and statuses stay as written.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runIn, workspace } from '../cli/harness.js';
import { TOPOLOGY_FILE_WORDS, wordsOf } from './topology-words.js';
import { untranslatedWords } from './untranslated.js';

const SAMPLE = join(import.meta.dirname, '../../data/sample.yaml');

describe('topology summaries in Chinese', () => {
  it('lists and shows a stored topology in Chinese with --lang zh, and in English without', async () => {
    const { dir, store } = await workspace();
    const env = { REACHBOT_STORE: store };
    expect((await runIn(dir, env, ['topology', 'import', SAMPLE, '--name', 's'])).code).toBe(0);
    const list = await runIn(dir, env, ['topology', 'list', '--lang', 'zh']);
    expect(list.stdout).toMatch(
      /^\* s {2}5 个集群、5 个资源、2 个 VPC（prod、demo、batch、staging、turbo）；.+ 导入，来源 sample\.yaml\n/,
    );
    const show = await runIn(dir, env, ['topology', 'show', 's', '--lang', 'zh']);
    const lines = show.stdout.split('\n');
    expect(lines[0]).toMatch(/^s（默认）：5 个集群、5 个资源、2 个 VPC；/);
    expect(lines).toContain('集群：');
    expect(show.stdout).toMatch(
      /\n {2}prod {2}vpc-router，位于 vpc-demo，节点子网 subnet-nodes，容器网段 172\.16\.0\.0\/16；工作负载 /,
    );
    // The description is the file's own text; everything else is Chinese but names, ids and values.
    const sample = parse(readFileSync(SAMPLE, 'utf8')) as { description?: string };
    const own = [
      ...wordsOf(sample),
      ...TOPOLOGY_FILE_WORDS,
      'Kubernetes',
      'SecurityGroup',
      'V2',
      'ecs',
      'rds',
      'dcs',
      'other',
    ];
    const body = show.stdout.replace(sample.description ?? '', '');
    expect(untranslatedWords(body, own)).toEqual([]);
    const valid = await runIn(dir, env, ['validate', SAMPLE, '--lang', 'zh']);
    expect(valid.stdout).toMatch(/：有效（5 个集群、5 个资源、2 个 VPC）/);

    const english = await runIn(dir, env, ['topology', 'show', 's']);
    expect(english.stdout.split('\n')[0]).toMatch(/^s \(default\): 5 clusters, 5 resources, 2 VPCs; imported /);
  });
});
