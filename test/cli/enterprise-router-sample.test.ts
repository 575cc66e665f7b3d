// data/enterprise-router.yaml through the CLI: the answer a user reads for "can pod in prod reach the RDS?" on three
// VPCs joined by one enterprise router, before and after the fix it offers; and the same network isolated by route
// tables on purpose.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ER_SAMPLE_PATH, isolated } from '../fixtures/engine/enterprise-router.js';
import { workspace } from './harness.js';

describe('reachbot ask --topology data/enterprise-router.yaml', () => {
  it('unreachable: names the ER table and offers the static route; with the route added, reachable', async () => {
    const { dir, run } = await workspace();
    await copyFile(ER_SAMPLE_PATH, join(dir, 'er.yaml'));
    const before = await run('ask', 'can pod in prod reach the RDS?', '--topology', 'er.yaml', '--no-color');
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('UNREACHABLE  can pod in prod reach orders-rds (10.20.1.10) on tcp/3306?');
    expect(before.stdout).toMatch(
      /✗ transit +enterprise router er-core route table ert-shared \(associated with att-data\) has no route back to 172\.16\.0\.0\/16/,
    );
    expect(before.stdout).toContain(
      'Add a static route 172.16.0.0/16 -> attachment att-prod to route table ert-shared',
    );

    const doc = parse(await readFile(ER_SAMPLE_PATH, 'utf8'));
    doc.enterpriseRouters[0].routeTables[0].routes = [{ destination: '172.16.0.0/16', attachment: 'att-prod' }];
    await writeFile(join(dir, 'fixed.yaml'), stringify(doc));
    const after = await run('ask', 'can pod in prod reach the RDS?', '--topology', 'fixed.yaml', '--no-color');
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/✓ transit +.*static route 172\.16\.0\.0\/16 -> att-prod/);
  });

  it('isolation by route table: reported with the fixes and a note that it may be intentional', async () => {
    const { dir, run } = await workspace();
    await writeFile(join(dir, 'iso.yaml'), stringify(isolated(parse(await readFile(ER_SAMPLE_PATH, 'utf8')))));
    const answer = await run(
      'ask',
      'can prod reach orders-rds',
      '--topology',
      'iso.yaml',
      '--no-color',
      '--format',
      'text',
    );
    expect(answer.code).toBe(1);
    expect(answer.stdout).toContain('the tables isolate the two VPCs');
    expect(answer.stdout).toContain('Add a static route 10.20.1.0/24 -> attachment att-data to route table ert-prod');
    expect(answer.stdout).toContain('Add a static route 172.16.0.0/16 -> attachment att-prod to route table ert-data');
    expect(answer.stdout).toMatch(
      /Note: att-prod and att-data are associated with different route tables .*may be intentional/,
    );
  });

  it('validates', async () => {
    const { dir, run } = await workspace();
    await copyFile(ER_SAMPLE_PATH, join(dir, 'er.yaml'));
    expect((await run('validate', 'er.yaml')).code).toBe(0);
  });
});
