import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { readText } from '../../src/cli/read-text.js';
import { tempDir } from '../store/helpers.js';

describe('readText', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });

  it('reads what readFile reads, for any bytes (a BOM, multi-byte and invalid UTF-8 included)', async () => {
    const file = join(dir, 'any.bin');
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

  it('reads a large file whole', async () => {
    const file = join(dir, 'big.json');
    const text = `{"a":"${'x'.repeat(3 << 20)}","b":"\u00e9\u4e2d"}`;
    await writeFile(file, text);
    expect(await readText(file)).toBe(text);
  });

  it('reads a pipe, which has no size to read at once', async () => {
    const fifo = join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = spawn('sh', ['-c', `printf 'version: 1\\n' > '${fifo}'`]);
    const written = new Promise((resolve) => writer.on('close', resolve));
    expect(await readText(fifo)).toBe('version: 1\n');
    expect(await written).toBe(0);
  });

  it('throws what the file system says: a missing file, a directory', async () => {
    await expect(readText(join(dir, 'missing.yaml'))).rejects.toMatchObject({ code: 'ENOENT' });
    await mkdir(join(dir, 'sub'));
    await expect(readText(join(dir, 'sub'))).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
