// `reachbot ask` with host names: the terminal answer, the JSON contract's destination.dns, several
// addresses in one answer, and an unknown name with the closest known names.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { RDS_DOMAIN, withNames } from '../fixtures/engine/host-names.js';
import { workspace } from './harness.js';

async function withTopology() {
  const ws = await workspace();
  await writeFile(join(ws.dir, 'names.yaml'), stringify(withNames()));
  return ws;
}

describe('reachbot ask by host name', () => {
  it('resolves a private zone name to the RDS instance behind it', async () => {
    const { run } = await withTopology();
    const result = await run(
      'ask',
      'can prod reach orders-db.internal.example.com:3306?',
      '--topology',
      'names.yaml',
      '--no-color',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'REACHABLE  can pod in prod reach orders-db.internal.example.com (orders-db) on tcp/3306?',
    );
  });

  it('--json carries how the name resolved', async () => {
    const { run } = await withTopology();
    const result = await run('ask', 'prod -> orders-db.internal.example.com tcp/3306', '-t', 'names.yaml', '--json');
    const diagnosis = JSON.parse(result.stdout);
    expect(diagnosis.question.destination).toBe('orders-db.internal.example.com');
    expect(diagnosis.destination).toMatchObject({
      address: '192.168.20.10',
      resource: 'orders-db',
      dns: { name: 'orders-db.internal.example.com', chain: [RDS_DOMAIN], addresses: ['192.168.20.10'] },
    });
  });

  it('answers a name with two addresses for each, in one answer and one JSON document', async () => {
    const { run } = await withTopology();
    const text = await run('ask', 'can prod reach orders.internal.example.com:3306', '-t', 'names.yaml', '--no-color');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('192.168.20.10 (orders-db) tcp/3306: ✓ REACHABLE');
    expect(text.stdout).toContain('192.168.20.11 (orders-db-replica) tcp/3306: ✗ UNREACHABLE');
    const json = JSON.parse(
      (await run('ask', 'prod orders.internal.example.com 3306', '-t', 'names.yaml', '--json')).stdout,
    );
    expect(json.verdict).toBe('unreachable');
    expect(json.flows.map((f: { destination: { address: string } }) => f.destination.address)).toEqual([
      '192.168.20.10',
      '192.168.20.11',
    ]);
  });

  it('an unknown name exits 2 with the closest known names', async () => {
    const { run } = await withTopology();
    const result = await run('ask', 'can prod reach order-db.internal.example.com:3306', '-t', 'names.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /unknown name "order-db.internal.example.com".*\(known: orders-db.internal.example.com,/,
    );
  });
});
