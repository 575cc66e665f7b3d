// The --json contract: a schema version, a published JSON Schema that matches the zod schema, real output that
// parses under it, and `question.destination` echoing what was asked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnosisJsonSchema, diagnosisOutputSchema, SCHEMA_VERSION } from '../../src/contract/diagnosis-schema.js';
import { workspace } from '../cli/harness.js';

const QUESTIONS = [
  'can pod in prod reach 192.168.10.52?',
  'prod -> db1 tcp/3306',
  'why can’t prod ping 10.1.1.20',
  'prod 的容器能访问 redis-main:6379 吗',
  'can prod reach 8.8.8.8:443',
  'can prod reach db1',
];

describe('the --json contract', () => {
  it('docs/diagnosis.schema.json is the schema generated from the zod types (npm run schema)', () => {
    const published: unknown = JSON.parse(
      readFileSync(new URL('../../docs/diagnosis.schema.json', import.meta.url), 'utf8'),
    );
    expect(published).toEqual(JSON.parse(JSON.stringify(diagnosisJsonSchema())));
    expect(JSON.stringify(published)).toContain('"schemaVersion"');
  });

  it.each(QUESTIONS)('ask --json %s prints a document the schema accepts, with schemaVersion', async (question) => {
    const { run } = await workspace();
    const result = await run('ask', question, '--json');
    expect(result.stderr).not.toMatch(/Error|at .*\.ts/);
    const document: unknown = JSON.parse(result.stdout);
    const parsed = diagnosisOutputSchema.safeParse(document);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect((document as { schemaVersion: number }).schemaVersion).toBe(SCHEMA_VERSION);
    expect(result.stdout.trimStart().startsWith('{\n  "schemaVersion": 1')).toBe(true);
  });

  it('question.destination echoes the address asked; the resolved resource stays in destination', async () => {
    const { run } = await workspace();
    const result = await run('ask', 'prod 192.168.10.52 tcp/3306', '--json');
    const document = JSON.parse(result.stdout) as {
      question: { destination: string };
      destination: { resource?: string };
    };
    expect(document.question.destination).toBe('192.168.10.52');
    expect(document.destination.resource).toBe('db1');
    const byName = JSON.parse((await run('ask', 'prod -> db1 tcp/3306', '--json')).stdout) as typeof document;
    expect(byName.question.destination).toBe('db1');
  });

  it('reachbot --version prints the package version', async () => {
    const { run } = await workspace();
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const result = await run('--version');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });
});
