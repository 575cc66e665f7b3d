// The network-policy fix as people see it: the terminal shows the manifest under "kubectl" for every format
// but text, and Slack puts it in the fix's code block whatever cloud format was chosen.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderBlocks } from '../../src/render/blocks.js';
import { renderTerminal } from '../../src/render/terminal.js';
import type { TopologyInput } from '../../src/topology/schema.js';
import { ask, build } from '../fixtures/engine/builder.js';

const doc = parse(readFileSync(new URL('../../data/kubernetes.yaml', import.meta.url), 'utf8')) as TopologyInput;
const d = ask(build(doc).compiled, {
  cluster: 'prod',
  workload: 'payments/api',
  destination: 'mysql-main',
  port: 3306,
});

describe('network-policy fix rendering', () => {
  it('terminal: the manifest under kubectl, not for --format text', () => {
    const all = renderTerminal(d);
    expect(all).toContain('kubectl:');
    expect(all).toContain('kind: NetworkPolicy');
    expect(renderTerminal(d, { format: 'terraform' })).toContain('kind: NetworkPolicy');
    const text = renderTerminal(d, { format: 'text' });
    expect(text).not.toContain('kind: NetworkPolicy');
    expect(text).toContain('add NetworkPolicy payments/allow-egress-api-to-192-168-10-52-tcp-3306');
  });

  it('Slack: the manifest is the fix code block', () => {
    const message = renderBlocks(d, { actionValue: 'x' });
    const json = JSON.stringify(message.blocks);
    expect(json).toContain('kind: NetworkPolicy');
    expect(json).toContain('network-policy');
  });
});
