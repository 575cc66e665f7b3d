// Reading a whole text file that may be large (a topology, a Terraform state or plan). `readFile(path, 'utf8')`
// decodes each 512 KB chunk as it arrives and leaves a string of pieces, which JSON.parse must first join: on the
// 15 MB synthetic topology its JSON.parse took 216–309 ms, against 140–250 ms on the one flat string that reading the
// bytes and decoding them once gives (BENCHMARKS.md, "2026-12-04, sixth session").
import { readFile } from 'node:fs/promises';

/** The file's UTF-8 text, decoded at once. File system errors are thrown as `readFile` throws them. */
export async function readText(path: string): Promise<string> {
  return (await readFile(path)).toString('utf8');
}
