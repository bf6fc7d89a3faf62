// Performance at national scale (issue 11, measured by `npm run bench` at 100,000 sites).
//
// The list, its count and the exports filter sites on short columns (name, run status, org) but the rows also carry
// the whole basic information and 栏目 as jsonb (~1 KB + ~2.5 KB), kept inline after compression: a scan of 100,000
// sites read ~195 MB. A 2-character fuzzy name (「教育」) has no trigram, so pg_trgm cannot help and such a filter
// is a scan. Storing the jsonb out of line (TOAST) keeps the heap at ~25 MB, so scans and heap fetches of the list
// read an eighth of the pages; the jsonb is fetched only where a single record is shown or edited.
//
// toast_tuple_target = 256 makes PostgreSQL move the largest columns out of line until the row is small; the short
// text columns are STORAGE MAIN so that only the jsonb goes (MAIN columns leave the row only if it cannot fit in a
// page). Applies to rows written from now on (inserts, and updates that rewrite the jsonb).
//
// A province's list walks its ~180 units and, per unit, its sites in list order: sites_org_list_idx carries the
// columns of the list's usual filters (run status, name), so that walk is an index-only scan and the name filter
// (「教育」) is tested on index entries. It supersedes sites_org_idx (org_code, updated_at DESC), dropped here.
import { type Kysely, sql } from 'kysely';

const SITE_SHORT_COLUMNS = [
  'site_code',
  'org_code',
  'name',
  'name_key',
  'home_url',
  'home_url_key',
  'home_host',
  'sponsor_name',
  'run_status',
  'check_code_hash',
  'check_code_enc',
];
const REQUEST_SHORT_COLUMNS = [
  'type',
  'state',
  'org_code',
  'chain',
  'current_org',
  'temp_code_digest',
  'idempotency_key',
  'return_reason',
];

async function setStorage(db: Kysely<unknown>, table: string, columns: string[], storage: 'MAIN' | 'EXTENDED') {
  const clauses = columns.map((c) => `ALTER COLUMN ${c} SET STORAGE ${storage}`).join(', ');
  await sql.raw(`ALTER TABLE ${table} ${clauses}`).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await setStorage(db, 'sites', SITE_SHORT_COLUMNS, 'MAIN');
  await sql`ALTER TABLE sites SET (toast_tuple_target = 256)`.execute(db);
  // Requests carry the proposed record (payload, up to a few KB) but are looked up by site, state and reviewer.
  await setStorage(db, 'requests', REQUEST_SHORT_COLUMNS, 'MAIN');
  await sql`ALTER TABLE requests SET (toast_tuple_target = 256)`.execute(db);
  await sql`CREATE INDEX sites_org_list_idx ON sites (org_code, updated_at DESC, id DESC) INCLUDE (run_status, name)`.execute(
    db,
  );
  await sql`DROP INDEX sites_org_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX sites_org_idx ON sites (org_code, updated_at DESC)`.execute(db);
  await sql`DROP INDEX sites_org_list_idx`.execute(db);
  await sql`ALTER TABLE requests RESET (toast_tuple_target)`.execute(db);
  await setStorage(db, 'requests', REQUEST_SHORT_COLUMNS, 'EXTENDED');
  await sql`ALTER TABLE sites RESET (toast_tuple_target)`.execute(db);
  await setStorage(db, 'sites', SITE_SHORT_COLUMNS, 'EXTENDED');
}
