// Static scans of src/: each domain rule has one definition, and the engine stays free of renderers.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const FILES = sourceFiles(SRC).map((path) => ({
  path: relative(SRC, path).split('\\').join('/'),
  text: readFileSync(path, 'utf8'),
}));

/** Files under src/ whose text matches the pattern. */
function filesMatching(pattern: RegExp): string[] {
  return FILES.filter((f) => pattern.test(f.text)).map((f) => f.path);
}

describe('one definition per domain rule', () => {
  it('scans the source tree', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(FILES.some((f) => f.path === 'topology/cloud-ranges.ts')).toBe(true);
  });

  it('the cloud-service range and system routes are written only in topology/cloud-ranges.ts', () => {
    expect(filesMatching(/100\.125\.0\.0/)).toEqual(['topology/cloud-ranges.ts']);
    expect(filesMatching(/100\.64\.0\.0\/10|198\.19\.128\.0\/20/)).toEqual(['topology/cloud-ranges.ts']);
  });
});

describe('one default store path', () => {
  it('is written only in store/file-store.ts', () => {
    expect(filesMatching(/['"`]data\/reachbot\.json/)).toEqual(['store/file-store.ts']);
    expect(filesMatching(/default data\/reachbot\.json/)).toEqual([]);
  });
});

describe('one fix-format type', () => {
  it('the forms a fix is shown in are listed only in engine/diagnosis.ts', () => {
    expect(filesMatching(/'text' \| 'hcloud'|'hcloud' \| 'terraform'|'text', 'hcloud'/)).toEqual([
      'engine/diagnosis.ts',
    ]);
    expect(filesMatching(/type (AnswerFormat|BlockFormat)\b/)).toEqual([]);
  });
});

describe('no dead indexes', () => {
  it('the compiled topology keeps no security-group membership index (nothing asked it)', () => {
    expect(filesMatching(/sgMembers|isSgMember|SgMembership/)).toEqual([]);
  });
});

describe('one source of node addresses', () => {
  it('only engine/node-addresses.ts turns listed nodes or node subnets into source addresses', () => {
    const engine = (paths: string[]) => paths.filter((p) => p.startsWith('engine/'));
    expect(engine(filesMatching(/\.nodes\.map\(/))).toEqual(['engine/node-addresses.ts']);
    expect(engine(filesMatching(/nodeSubnets\.(map|flatMap)\(\(\w+\) => \(?\{/))).toEqual(['engine/node-addresses.ts']);
  });
});
