// The org-unit list's order (组织单位管理: level, then code). Without an index, every page sorted the whole subtree
// (the root's: all 3,253 units, a top-N sort of ~3 ms for 100 rows); in this order a page of the whole tree reads
// its rows and stops. Smaller subtrees keep going through the path index (issue 22).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX org_units_level_code_idx ON org_units (level, code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX org_units_level_code_idx`.execute(db);
}
