import { defineConfig } from 'vitest/config';

/** Tests run in Node against real servers, sockets, SQLite files and Chromium. */
export default defineConfig({
  root: '.',
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/browser/globalSetup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser and crash tests start processes: keep the 2-core machine from thrashing.
    maxWorkers: 2,
  },
});
