// Marked statements run as named prepared statements on PostgreSQL (src/db/prepared.ts): the session lookup and a
// review decision's read and compare-and-set are parsed once per connection. Their results are the same as unnamed
// runs, also after PostgreSQL switches to a generic plan (after five executions), and PGlite runs them unnamed.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markPrepared, PREPARED_PREFIX, preparedName } from '../../src/db/prepared.ts';
import { executePrepared } from '../../src/server/statement-cache.ts';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/test-database.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.drop();
});

describe('named prepared statements', () => {
  it('runs a marked text under its name on PostgreSQL, with the same rows as unnamed, past the generic-plan switch', async () => {
    const db = testDb.database.db;
    const units = await db.selectFrom('org_units').select(['code', 'path']).orderBy('code').limit(8).execute();
    expect(units.length).toBeGreaterThan(1);
    const byCode = (code: string) =>
      db
        .selectFrom('org_units as o')
        .select(['o.code', 'o.path'])
        .where('o.code', '=', code)
        .where(sql<boolean>`EXISTS (SELECT 1 FROM org_units p WHERE p.code = o.code)`);

    await db.transaction().execute(async (trx) => {
      // One connection for the whole test (a transaction pins it): the name is prepared on it once.
      for (let round = 0; round < 3; round++) {
        for (const unit of units) {
          const named = await executePrepared(trx, byCode(unit.code));
          expect(named.rows).toEqual([{ code: unit.code, path: unit.path }]);
        }
      }
      const text = markPrepared(byCode(units[0]!.code).compile().sql);
      const name = preparedName(text);
      expect(name).toMatch(/^govsite_[0-9a-f]{24}$/);
      const prepared = await sql<{ name: string }>`SELECT name FROM pg_prepared_statements`.execute(trx);
      const names = prepared.rows.map((r) => r.name);
      if (usingPostgres()) expect(names).toContain(name);
      else expect(names).not.toContain(name);
    });
  });

  it('leaves an unmarked text unnamed', async () => {
    const db = testDb.database.db;
    const text = 'SELECT count(*)::int AS n FROM org_units WHERE level = $1';
    expect(preparedName(text)).toBeUndefined();
    await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM org_units WHERE level = ${1}`.execute(
        trx,
      );
      expect(rows[0]!.n).toBeGreaterThan(0);
      const prepared = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(trx);
      expect(prepared.rows.map((r) => r.statement)).not.toContain(text);
    });
    // Marking names the text as sent (behind PREPARED_PREFIX), never the bare text: a statement that must be
    // planned for its values stays unnamed even when another shape compiles to the same SQL.
    const sent = markPrepared(text);
    expect(sent).toBe(PREPARED_PREFIX + text);
    expect(preparedName(sent)).toMatch(/^govsite_/);
    expect(preparedName(text)).toBeUndefined();
    expect(markPrepared(sent)).toBe(sent);
  });
});
