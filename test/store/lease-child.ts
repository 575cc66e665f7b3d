// A separate process holding (or trying to hold) a store lock, driven line by line on stdin, with a clock the
// test controls through a file: `acquire`, `renew`, `release`. Each command answers one JSON line.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { acquireLock, type Lock } from '../../src/store/lock.js';

const [storePath = '', clockFile = '', host = ''] = process.argv.slice(2);
const now = () => Number(readFileSync(clockFile, 'utf8'));
const logs: string[] = [];
let lock: Lock | undefined;

const reply = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

for await (const command of createInterface({ input: process.stdin })) {
  try {
    if (command === 'acquire') {
      lock = await acquireLock(storePath, {
        now,
        renewEveryMs: 0,
        staleAfterMs: 30_000,
        host,
        onTakeover: (message) => logs.push(message),
        onLost: (message) => logs.push(message),
      });
      reply({ ok: true, logs: logs.splice(0) });
    } else if (command === 'renew') {
      reply({ ok: (await lock?.renew()) ?? false, logs: logs.splice(0) });
    } else if (command === 'release') {
      await lock?.release();
      reply({ ok: true, logs: logs.splice(0) });
    }
  } catch (error) {
    reply({ ok: false, error: error instanceof Error ? error.message : String(error), logs: logs.splice(0) });
  }
}
