import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/runtime/read-text.js';
import { tempDir } from '../store/helpers.js';

describe('readText', () => {
  it('gives the text readFile(path, "utf8") gives, for any bytes (a BOM, multi-byte and invalid UTF-8 included)', async () => {
    const file = join(await tempDir(), 'any.bin');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          fc.string({ unit: 'binary', maxLength: 2000 }).map((s) => new TextEncoder().encode(`\uFEFF${s}`)),
        ),
        async (bytes) => {
          await writeFile(file, bytes);
          expect(await readText(file)).toBe(await readFile(file, 'utf8'));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('throws what the file system says', async () => {
    await expect(readText(join(await tempDir(), 'missing.yaml'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readText(await tempDir())).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
