// Vitest global setup: build the database template once for all integration test files.
import { buildTemplate, dropTemplate } from './test-database.ts';

export async function setup(): Promise<void> {
  await buildTemplate();
}

export async function teardown(): Promise<void> {
  await dropTemplate();
}
