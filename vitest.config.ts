import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // nock must patch global fetch before any Bolt App or WebClient copies it (see docs/TESTING.md).
    setupFiles: ['test/setup/network.ts'],
    testTimeout: 20_000,
  },
});
