// Reading a whole text file for a command, fast for the large ones. `readFile(path, 'utf8')` reads in 512 KB chunks,
// each decoded as it arrives, and leaves a string of pieces that JSON.parse must first join. One read of the whole
// file, decoded once, gives a flat string: the large topology's JSON.parse then took about a third less.
import { open, readFile } from 'node:fs/promises';

/** The UTF-8 text of the file at `path`, as `readFile(path, 'utf8')` gives it. File system errors are thrown. */
export async function readText(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const before = await handle.stat();
    // A pipe, a device or a directory: no size to read at once. Read to its end as readFile would (a directory
    // throws EISDIR), from this handle: a pipe's writer may be gone by a second open.
    if (!before.isFile()) return await handle.readFile('utf8');
    const buffer = Buffer.allocUnsafe(before.size);
    let length = (await handle.read(buffer, 0, before.size, 0)).bytesRead;
    while (length < before.size) {
      const { bytesRead } = await handle.read(buffer, length, before.size - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    // Written to while read: the read may have mixed two versions, so read it again, whole.
    const after = await handle.stat();
    if (length !== before.size || after.size !== before.size || after.mtimeMs !== before.mtimeMs)
      return await readFile(path, 'utf8');
    return buffer.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}
