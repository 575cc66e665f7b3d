// A citation names each Huawei document once: "(…, cce_10_0399, cce_10_0399)" read as a typo at 3 a.m.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('citations', () => {
  it('never repeat a document id back to back', () => {
    const repeated = sourceFiles('src').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\b(cce_[a-z0-9_]+|vpc_[a-z0-9_]+|er_[0-9_]+), \1\b/g)].map(
        (m) => `${file}: ${m[0]}`,
      ),
    );
    expect(repeated).toEqual([]);
  });
});
