// The engine is pure: nothing it imports, directly or through other modules, reaches a renderer, a surface, the
// store, the clock-driven adapters or Node's I/O. Read from the source files, so a new import breaks this at once.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

const FORBIDDEN_FOLDERS = [
  'render',
  'slack',
  'cli',
  'commands',
  'store',
  'sync',
  'digest',
  'ops',
  'answer',
  'import',
  'kubernetes',
];
const FORBIDDEN_MODULES = /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|worker_threads|dgram|tls|dns)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The module specifiers a file imports or re-exports (type-only imports included: they still couple the code). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** Every src module the engine reaches, with the import chain that reaches it. */
function reachedFromEngine(): Map<string, string[]> {
  const chains = new Map<string, string[]>();
  const queue = filesUnder(join(SRC, 'engine')).map((file) => ({ file, chain: [relative(SRC, file)] }));
  while (queue.length) {
    const { file, chain } = queue.shift()!;
    if (chains.has(file)) continue;
    chains.set(file, chain);
    for (const spec of specifiers(file)) {
      if (!spec.startsWith('.')) {
        chains.set(`module:${spec}`, [...chain, spec]);
        continue;
      }
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      queue.push({ file: target, chain: [...chain, relative(SRC, target)] });
    }
  }
  return chains;
}

describe('the engine', () => {
  const reached = reachedFromEngine();

  it('reaches many modules of its own (the scan works)', () => {
    expect([...reached.keys()].filter((k) => k.includes('/engine/')).length).toBeGreaterThan(30);
  });

  it('never reaches a renderer, a surface, the store or a clock-driven adapter', () => {
    const bad = [...reached.entries()]
      .filter(([file]) => !file.startsWith('module:'))
      .filter(([file]) => FORBIDDEN_FOLDERS.includes(relative(SRC, file).split('/')[0] ?? ''))
      .map(([, chain]) => chain.join(' -> '));
    expect(bad).toEqual([]);
  });

  it("never reaches Node's I/O modules", () => {
    const bad = [...reached.entries()]
      .filter(([key]) => key.startsWith('module:') && FORBIDDEN_MODULES.test(key.slice('module:'.length)))
      .map(([, chain]) => chain.join(' -> '));
    expect(bad).toEqual([]);
  });
});
