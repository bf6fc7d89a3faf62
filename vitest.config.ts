// Vitest for `npm test`: two projects, selected by folder so new files join on their own.
//   unit         tests/unit/**: pure functions, no database and no global setup (one file runs in about a second);
//   integration  tests/integration/**: over HTTP against a real database (PGlite by default, PostgreSQL when
//                DATABASE_URL is set), from a template built once per run by the global setup; `*.pg.test.ts`
//                files need PostgreSQL and run only when DATABASE_URL is set.
// `npx vitest run --project unit` runs the unit tests alone; the browser and stress suites have their own configs.
import { randomBytes } from 'node:crypto';
import { defineConfig } from 'vitest/config';

// One id per `vitest` run, inherited by the workers: test templates are private to the run, so runs started at the
// same time on one machine (or one PostgreSQL) do not overwrite each other.
process.env.GOVSITE_TEST_RUN ??= randomBytes(4).toString('hex');

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    // Generous: CI machines are shared, and a test that needs 10 s alone can need 60 s beside other jobs.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // PostgreSQL-only files (several connections at once): left out on PGlite rather than skipped.
          exclude: process.env.DATABASE_URL ? [] : ['tests/integration/**/*.pg.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
        },
      },
    ],
  },
});
