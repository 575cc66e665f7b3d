// The repository stands alone: every file a doc points at exists, nothing cites notes outside the repository,
// and answers cite Huawei's public documents (id and title) instead of internal section numbers or jargon.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/answer/diagnose.js';
import { EXIT } from '../../src/cli/io.js';
import { flowsOf } from '../../src/engine/diagnosis.js';
import { parseQuestion } from '../../src/question/parse.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { compileTopology } from '../../src/topology/compile.js';
import { parseTopology } from '../../src/topology/load.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && ext.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

const DOCS = ['README.md', ...filesUnder('docs', /\.md$/)];
const SOURCES = [...filesUnder('src', /\.ts$/), ...filesUnder('data', /\.ya?ml$/), ...DOCS];
// Files reachbot or the operator creates at run time (the store, its lock and temp file, a secrets file).
const CREATED_AT_RUN_TIME = /^(data\/\.?reachbot\.json(\.lock|\.tmp)?|deploy\/base\/credentials\.env)$/;
const INTERNAL = [/shared\//, /§/, /\[AMB/, /\[DOC\]/, /reference §/, /cce-networking\.md/, /topology-v1\.md/];

describe('the repository stands alone', () => {
  it.each(SOURCES)('%s cites no notes outside the repository', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const pattern of INTERNAL) expect(text, `${file} matches ${pattern}`).not.toMatch(pattern);
  });

  it.each(DOCS)('every repository path %s points to exists', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const missing: string[] = [];
    // Markdown links to local files, and `backticked` repository paths.
    for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (target === undefined || /^[a-z]+:/.test(target)) continue;
      if (!existsSync(join(ROOT, dirname(file), target))) missing.push(target);
    }
    for (const [, path] of text.matchAll(/`((?:docs|src|test|data|scripts|bench|deploy)\/[\w./-]+\.[a-z]+)`/g)) {
      if (path !== undefined && !CREATED_AT_RUN_TIME.test(path) && !existsSync(join(ROOT, path))) missing.push(path);
    }
    expect(missing).toEqual([]);
  });

  it('vitest.config.ts and the docs point at docs/TESTING.md, which exists', () => {
    expect(readFileSync(join(ROOT, 'vitest.config.ts'), 'utf8')).toContain('docs/TESTING.md');
    expect(existsSync(join(ROOT, 'docs/TESTING.md'))).toBe(true);
  });

  it('IMPORT.md states the exit status the code gives a refused replace', () => {
    const text = readFileSync(join(ROOT, 'docs/IMPORT.md'), 'utf8');
    const stated = /Exit status:[^\n]*?(\d) a stored topology exists/.exec(text)?.[1];
    expect(Number(stated)).toBe(EXIT.failed);
  });
});

describe('answers cite Huawei documents', () => {
  const loaded = parseTopology(readFileSync(join(ROOT, 'data/sample.yaml'), 'utf8'));
  if (!loaded.ok) throw new Error('data/sample.yaml does not load');
  const sample = compileTopology(loaded.topology);
  const clusters = (loaded.topology.clusters ?? []).map((c) => c.name);
  const destinations = [
    '192.168.10.52',
    '10.1.1.20',
    '8.8.8.8',
    '100.125.0.10',
    '172.17.0.5',
    ...(loaded.topology.resources ?? []).map((r) => r.name),
  ];
  it('no rendered answer over the sample (every cluster x destination, every form) says §, [AMB] or "reference"', () => {
    let cited = 0;
    for (const cluster of clusters) {
      for (const destination of destinations) {
        let result: ReturnType<typeof diagnose>;
        try {
          result = diagnose(sample, parseQuestion(`can ${cluster} reach ${destination}`));
        } catch {
          continue;
        }
        const text = `${renderTerminal(result, { format: 'all' })}${JSON.stringify(flowsOf(result))}`;
        expect(text).not.toMatch(/§|\[AMB|\[DOC|\breference\b/i);
        if (/cce_[a-z0-9_]+|vpc_[a-z0-9_]+/.test(text)) cited++;
      }
    }
    expect(cited).toBeGreaterThan(0);
  });
});
