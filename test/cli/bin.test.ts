import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/reachbot.js');

describe('bin/reachbot.js', () => {
  it('runs a real process: the sample question, unreachable, exit 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reachbot-bin-'));
    try {
      const result = spawnSync(process.execPath, [BIN, 'ask', 'can pod in prod reach 192.168.10.52?'], {
        cwd: dir,
        env: {
          ...process.env,
          REACHBOT_STORE: join(dir, 'reachbot.json'),
          NO_COLOR: '1',
          NODE_ENV: 'production',
          // The machine's locale would choose the language; C says nothing, so the English question is answered in English.
          LC_ALL: 'C',
        },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.stderr).toMatch(/sample topology/);
      expect(result.stdout).toMatch(/UNREACHABLE/);
      expect(result.stdout).toContain('172.16.0.0/16');
      expect(result.status).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
