// The ordered list of migrations; Kysely's Migrator runs them by name.
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-sites-requests.ts';

export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-sites-requests': m0002,
};
