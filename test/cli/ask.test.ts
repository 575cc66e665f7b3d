import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from './harness.js';

const SAMPLE = join(import.meta.dirname, '../../data/sample.yaml');

describe('reachbot ask', () => {
  it('answers from the sample topology while the store is empty, saying so in one line', async () => {
    const { run } = await workspace();
    const result = await run('ask', 'can pod in prod reach 192.168.10.52?');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/UNREACHABLE/);
    expect(result.stdout).toContain('172.16.0.0/16');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/no topologies stored: answering from the sample topology .*sample\.yaml/);
  });

  it('joins an unquoted question', async () => {
    const { run } = await workspace();
    const result = await run('ask', 'can', 'prod', 'reach', 'orders-db', '--no-color');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/REACHABLE/);
  });

  it('--json prints the diagnosis contract, and exits with the verdict', async () => {
    const { run } = await workspace();
    const result = await run('ask', 'why can’t prod ping 10.1.1.20', '--json');
    expect(result.code).toBe(1);
    const diagnosis = JSON.parse(result.stdout);
    expect(diagnosis.verdict).toBe('unreachable');
    expect(diagnosis.question).toMatchObject({ cluster: 'prod', protocol: 'icmp' });
    expect(diagnosis.fixes.map((fix: { kind: string }) => fix.kind)).toEqual(
      expect.arrayContaining(['route', 'security-group-rule']),
    );
  });

  it('answers Chinese questions', async () => {
    const { run } = await workspace();
    const result = await run('ask', 'prod 的容器能访问 redis-main:6379 吗', '--json');
    expect(result.code).toBe(1);
    const diagnosis = JSON.parse(result.stdout);
    expect(diagnosis.question).toMatchObject({
      cluster: 'prod',
      destination: 'redis-main',
      protocol: 'tcp',
      port: 6379,
    });
    expect(diagnosis.fixes.map((fix: { kind: string }) => fix.kind)).toContain('whitelist-entry');
  });

  it('exits 0 for a reachable answer', async () => {
    const { run } = await workspace();
    const result = await run('ask', 'can staging reach 10.1.1.20', '--no-color');
    expect(result.code).toBe(0);
  });

  it('--format shows fixes in one form only', async () => {
    const { run } = await workspace();
    const terraform = await run('ask', 'can pod in prod reach 192.168.10.52?', '--format', 'terraform');
    expect(terraform.stdout).toContain('huaweicloud_networking_secgroup_rule');
    expect(terraform.stdout).not.toContain('hcloud VPC CreateSecurityGroupRule');
    // The default is one form, the words plus KooCLI, as in Slack; --format all prints every form.
    const plain = await run('ask', 'can pod in prod reach 192.168.10.52?');
    expect(plain.stdout).toContain('hcloud VPC CreateSecurityGroupRule');
    expect(plain.stdout).not.toContain('huaweicloud_networking_secgroup_rule');
    expect(plain.stdout).not.toContain('api:');
    const all = await run('ask', 'can pod in prod reach 192.168.10.52?', '--format', 'all');
    expect(all.stdout).toContain('hcloud VPC CreateSecurityGroupRule');
    expect(all.stdout).toContain('huaweicloud_networking_secgroup_rule');
    expect(all.stdout.split('\n').length).toBeGreaterThan(plain.stdout.split('\n').length);
    const bad = await run('ask', 'can pod in prod reach 192.168.10.52?', '--format', 'yaml');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/yaml.*(invalid|Allowed choices)/is);
  });

  it('uses --topology instead of the store', async () => {
    const { run, dir } = await workspace();
    await writeFile(
      join(dir, 'mine.yaml'),
      `version: 1
vpcs:
  - { id: v, cidr: 10.8.0.0/16, subnets: [{ id: s, cidr: 10.8.1.0/24 }] }
clusters:
  - { name: tiny, vpc: v, networkModel: overlay_l2, nodeSubnets: [s], containerCidrs: [172.30.0.0/16] }
resources:
  - { name: box, vpc: v, subnet: s, addresses: [10.8.1.9] }
`,
    );
    const ok = await run('ask', 'can tiny reach box', '--topology', 'mine.yaml', '--json');
    expect(JSON.parse(ok.stdout).question.cluster).toBe('tiny');
    const wrong = await run('ask', 'can prod reach box', '--topology', 'mine.yaml');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/unknown cluster "prod"/);
  });

  it('an unknown cluster: exit 2, one line, the closest name first', async () => {
    const { run } = await workspace();
    const result = await run('ask', 'can pod in prd reach 192.168.10.52?');
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    const error = lines.find((line) => line.startsWith('reachbot:'));
    expect(error).toMatch(/unknown cluster "prd" \(known: prod,/);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('a question it cannot parse: exit 2 with the valid forms', async () => {
    const { run } = await workspace();
    const result = await run('ask', 'hello');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^reachbot: I did not understand the question/m);
    expect(result.stderr).toContain('"can pod in prod reach 192.168.10.52?"');
  });

  it('a malformed --topology: exit 2 with located problems', async () => {
    const { run, dir } = await workspace();
    await writeFile(
      join(dir, 'bad.yaml'),
      'version: 1\nclusters:\n  - name: x\n    vpc: nowhere\n    networkModel: vpc\n    nodeSubnets: [s]\n    containerCidrs: [172.16.0.0/33]\n',
    );
    const result = await run('ask', 'can x reach 10.0.0.1', '--topology', 'bad.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:7: clusters\[0\]\.containerCidrs\[0\]: "172\.16\.0\.0\/33" is not a CIDR/);
  });

  it('a missing --topology file: exit 2, one line', async () => {
    const { run } = await workspace();
    const result = await run('ask', 'can prod reach db1', '--topology', 'nope.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('reachbot: cannot read nope.yaml: no such file');
  });

  it('answers from the store once a topology is imported, and resolves ambiguity by topology:cluster', async () => {
    const { run } = await workspace();
    expect((await run('topology', 'import', SAMPLE, '--name', 'east')).code).toBe(0);
    const one = await run('ask', 'can prod reach orders-db', '--json');
    expect(one.stderr).toBe('');
    expect(JSON.parse(one.stdout).verdict).toBe('reachable');
    expect((await run('topology', 'import', SAMPLE, '--name', 'west')).code).toBe(0);
    const ambiguous = await run('ask', 'can prod reach orders-db');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('east:prod, west:prod');
    const qualified = await run('ask', 'can west:prod reach orders-db', '--json');
    expect(qualified.code).toBe(0);
    expect(JSON.parse(qualified.stdout).question.cluster).toBe('prod');
  });
});
