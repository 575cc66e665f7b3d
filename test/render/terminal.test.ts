import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../../src/render/terminal.js';
import { pingDiagnosis, seedDiagnosis, twoFlowDiagnosis } from '../fixtures/render/diagnoses.js';

describe('renderTerminal', () => {
  const text = renderTerminal(seedDiagnosis);

  it('leads with the verdict and the question in words', () => {
    expect(text.split('\n')[0]).toBe('✗ UNREACHABLE  can pod in prod reach 192.168.10.52 (db1) on tcp/3306?');
    expect(renderTerminal(pingDiagnosis).split('\n')[0]).toBe(
      '✓ REACHABLE  can pod in prod reach 192.168.10.52 (db1) on ping (ICMP echo)?',
    );
  });

  it('says what the destination sees as the source, and why', () => {
    expect(text).toContain('Seen by the destination as: 172.16.0.0/16\n  why: vpc-router keeps the pod IP');
  });

  it('marks every step ✓ ✗ ⚠ or ·, aligned', () => {
    expect(text).toContain('  ✓ destination     192.168.10.52 is db1');
    expect(text).toContain('  ✗ destination-sg  no rule of sg-db allows tcp/3306 from 172.16.0.0/16');
    expect(text).toContain('  ⚠ host-bridge     db1 declares');
    expect(text).toContain('  · peering         same VPC');
  });

  it('numbers each fix and shows it in every format, ready to paste', () => {
    expect(text).toContain('Fix\n  1. Allow tcp/3306 from 172.16.0.0/16 into sg-db (ingress, priority 1)');
    expect(text).toContain('     hcloud:\n       # verify: hcloud VPC CreateSecurityGroupRule/v3 --help');
    expect(text).toContain('       resource "huaweicloud_networking_secgroup_rule"');
    expect(text).toContain('     api:\n       POST /v3/{project_id}/vpc/security-group-rules\n       {');
    expect(text).toContain('\nAssumptions\n  - sg-db rules are evaluated by priority');
  });

  it('shows only the asked format', () => {
    const terraform = renderTerminal(seedDiagnosis, { format: 'terraform' });
    expect(terraform).toContain('terraform:');
    expect(terraform).not.toContain('hcloud VPC');
    expect(terraform).not.toContain('POST /v3');
    const words = renderTerminal(seedDiagnosis, { format: 'text' });
    expect(words).toContain('  1. Allow tcp/3306');
    expect(words).not.toContain('terraform:');
  });

  it('uses ANSI color only when asked', () => {
    expect(text).not.toContain('\u001b[');
    const colored = renderTerminal(seedDiagnosis, { color: true });
    expect(colored).toContain('\u001b[1;31m✗ UNREACHABLE\u001b[0m');
    expect(colored).toContain('\u001b[32m✓\u001b[0m destination');
  });

  it('shows several flows compactly under the overall verdict, alternatives marked', () => {
    const multi = renderTerminal(twoFlowDiagnosis);
    const lines = multi.split('\n');
    expect(lines[0]).toBe('✗ UNREACHABLE  can pod in prod reach 192.168.10.52 (db1) on tcp/3306, tcp/33060?');
    expect(multi).toContain('tcp/3306: ✗ UNREACHABLE\n  ✗ destination-sg');
    expect(multi).toContain('  ✓ 4 other checks pass');
    expect(multi).toContain('tcp/33060: ⚠ UNCERTAIN');
    expect(multi).toContain('  3. [alternative, tcp/33060] No change in place');
    // The source is said once when the flows agree, and shared assumptions once.
    expect(multi.match(/Seen by the destination as/g)).toHaveLength(1);
    expect(multi.match(/sg-db rules are evaluated by priority/g)).toHaveLength(1);
  });

  it('keeps a hostile step summary on one line with no escape sequences', () => {
    const hostile = {
      ...seedDiagnosis,
      steps: [{ check: 'destination' as const, status: 'fail' as const, summary: 'a\n\u001b[2Jb' }],
    };
    const out = renderTerminal(hostile);
    expect(out).toContain('✗ destination  a [2Jb');
    expect(out).not.toContain('\u001b');
  });
});
