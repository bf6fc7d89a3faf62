// Vitest for `npm run test:stress`: crashes, database restarts and load against PostgreSQL (DATABASE_URL), one file
// at a time so the measurements do not compete with each other on the machine's two cores.
import { randomBytes } from 'node:crypto';
import { defineConfig } from 'vitest/config';

process.env.GOVSITE_TEST_RUN ??= randomBytes(4).toString('hex');
// Every stress test needs PostgreSQL (several instances, a restartable server): refuse to run rather than skip.
if (!process.env.DATABASE_URL) {
  throw new Error(
    'npm run test:stress needs PostgreSQL: set DATABASE_URL (scripts/pg-throwaway.sh start PORT gives one)',
  );
}

export default defineConfig({
  test: {
    include: ['tests/stress/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
