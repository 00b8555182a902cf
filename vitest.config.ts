import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One line before the run: which database variants and browser tests it covers.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Each file gets its own process: PGlite instances, HTTP servers and env stay file-local.
    pool: 'forks',
  },
});
