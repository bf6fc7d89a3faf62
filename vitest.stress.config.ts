// Vitest for `npm run test:stress`: crashes, database restarts and load against PostgreSQL (DATABASE_URL), one file
// at a time so the measurements do not compete with each other on the machine's two cores.
import { randomBytes } from 'node:crypto';
import { defineConfig } from 'vitest/config';

process.env.GOVSITE_TEST_RUN ??= randomBytes(4).toString('hex');

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
