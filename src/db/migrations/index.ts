// The ordered list of migrations; Kysely's Migrator runs them by name.
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-foundation.ts';

export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
};
