import { defineConfig } from 'vitest/config';

/**
 * The server tests that run a second time on PostgreSQL when TEST_DATABASE_URL is set (.ci/run sets it):
 * every server they start gets a schema of its own instead of a SQLite file (test/server/harness.ts).
 * The sync and its faults, signing, comments, access, sessions and the lifecycle: what PostgreSQL
 * changes. Files that need the SQLite file itself skip those tests there (`onPostgres`). The store's
 * own PostgreSQL tests (test/server/store/pg*.test.ts) run once, whenever TEST_DATABASE_URL is set.
 * Chosen so that the pass adds a few minutes, not the whole suite again.
 */
const POSTGRES = [
  'test/server/sync.test.ts',
  'test/server/persistence.test.ts',
  'test/server/robustness.test.ts',
  'test/server/fuzz.test.ts',
  'test/server/crash.test.ts',
  'test/server/coldOpen.test.ts',
  'test/server/presence.test.ts',
  'test/server/authorship.test.ts',
  'test/server/suggestions.test.ts',
  'test/server/signing.test.ts',
  'test/server/signing/approvals.test.ts',
  'test/server/signing-signers.test.ts',
  'test/server/signing-complete.test.ts',
  'test/server/audit.test.ts',
  'test/server/verify.test.ts',
  'test/server/comments.test.ts',
  'test/server/comments/suggestionThreads.test.ts',
  'test/server/access.test.ts',
  'test/server/parties.test.ts',
  'test/server/rest.test.ts',
  'test/server/auth/person.test.ts',
  'test/server/auth/personMail.test.ts',
  'test/server/auth/rateLimitShared.test.ts',
  'test/server/auth/personCalendar.test.ts',
  'test/server/notify/mail.test.ts',
  'test/server/mail/outboxLease.test.ts',
  'test/server/clientAddress.test.ts',
  'test/server/history/history.test.ts',
  'test/server/lifecycle/afterSigning.test.ts',
  'test/server/lifecycle/amendments.test.ts',
  'test/server/lifecycle/followUps.test.ts',
  'test/server/lifecycle/dashboard.test.ts',
];

const base = {
  environment: 'node',
  testTimeout: 30_000,
  hookTimeout: 120_000,
} as const;

/** Tests run in Node against real servers, sockets, SQLite files (and PostgreSQL when given) and Chromium. */
export default defineConfig({
  root: '.',
  test: {
    // Browser and crash tests start processes: keep the 2-core machine from thrashing (shared by both projects).
    maxWorkers: 2,
    projects: [
      { test: { ...base, name: 'sqlite', include: ['test/**/*.test.ts'], globalSetup: ['test/browser/globalSetup.ts'] } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ test: { ...base, name: 'postgres', include: POSTGRES, env: { TEST_BACKEND: 'postgres' }, setupFiles: ['test/server/postgresSetup.ts'] } }]
        : []),
    ],
  },
});
