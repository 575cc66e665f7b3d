import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // nock must patch global fetch before any Bolt App or WebClient copies it (see docs/TESTING.md).
    setupFiles: ['test/setup/network.ts'],
    // Files share a worker's module cache: re-importing Bolt, zod schemas and the engine for each of ~150 files
    // cost more than the tests themselves. Tests therefore keep no module-level state, and a file that fakes
    // timers restores them (docs/TESTING.md, "Test isolation").
    isolate: false,
    // At least two workers even on a 2-core machine: many tests wait on loopback I/O, not the CPU.
    maxWorkers: Math.max(2, availableParallelism()),
    // Generous: the work of every test is bounded (fast-check runs, input sizes), so a timeout means a hang,
    // not a slow machine (a loaded 2-core CI runner takes several times a quiet one's time).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
