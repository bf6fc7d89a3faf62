// Vitest for `npm test`: pure unit tests and integration tests over HTTP against a real database
// (PGlite by default, PostgreSQL when DATABASE_URL is set).
import { randomBytes } from 'node:crypto';
import { defineConfig } from 'vitest/config';

// One id per `vitest` run, inherited by the workers: test templates are private to the run, so runs started at the
// same time on one machine (or one PostgreSQL) do not overwrite each other.
process.env.GOVSITE_TEST_RUN ??= randomBytes(4).toString('hex');

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
