import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure code, no database) and `integration` (API, database, CLI and the
 * domain's server use cases). Integration tests run against REFUGIO_TEST_DB=pglite (default)
 * or postgres (REFUGIO_TEST_DATABASE_URL); their globalSetup builds one migrated, seeded
 * template per run and every test file works on its own copy.
 */
export default defineConfig({
  test: {
    // Vitest keeps one core free by default, i.e. a single worker on 2 cores; test files spend
    // much of their time waiting on PGlite, the server or a CLI child process, so use both.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['packages/domain/src/**/*.test.ts', 'apps/web/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          // Anything under a server/ folder talks to the database.
          exclude: ['**/node_modules/**', 'packages/domain/src/**/server/**'],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: [
            'apps/api/src/**/*.test.ts',
            'apps/cli/src/**/*.test.ts',
            'packages/db/src/**/*.test.ts',
            'packages/domain/src/**/server/**/*.test.ts',
          ],
          globalSetup: ['apps/api/src/testing/global-setup.ts'],
          // Opening a database copy and hashing passwords take seconds on 2 cores, more when
          // both workers are busy.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
