// The README's and SLACK.md's example answers are real output: regenerate them when an answer changes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workspace } from '../cli/harness.js';

function block(file: string, opening: string): string {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  const start = text.indexOf(`\`\`\`\n${opening}`);
  expect(start, `${file} has an example starting with ${opening}`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('```\n', start + 4);
  return text.slice(start + 4, end);
}

describe('documented example answers', () => {
  it.each(['README.md', 'docs/SLACK.md'])('%s shows what `reachbot ask` prints for the seed question', async (file) => {
    const { run } = await workspace();
    const result = await run('ask', 'can pod in prod reach 192.168.10.52?', '--no-color');
    expect(block(file, '✗ UNREACHABLE')).toBe(result.stdout.replace(/\n+$/, '\n'));
  });
});
