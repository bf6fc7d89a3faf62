// The site list's common shapes below the root run prepared (src/db/prepared.ts), so PostgreSQL may answer them from
// a generic plan: whatever plan it takes, the rows must be those of a plan made for the call's values. The scope is
// a range of the path index, which must select exactly the subtree the LIKE prefix selected. Both databases.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedScale } from '../../src/seed/scale.ts';
import type { Db } from '../../src/server/context.ts';
import { prefixPattern, subtreeEnd } from '../../src/server/modules/org-units/repository.ts';
import { type ListArgs, listPageStatement } from '../../src/server/modules/review/repository.ts';
import type { SiteFilters } from '../../src/server/modules/review/schema.ts';
import { DEFAULT_NOW } from '../helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

let testDb: TestDatabase;
let db: Db;
beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  await seedScale(db, { sites: 600, now: new Date(DEFAULT_NOW) });
});
afterAll(async () => {
  await testDb.drop();
});

describe('the subtree as a range of paths', () => {
  it('selects, for every unit, exactly the units under it that the LIKE prefix selects', async () => {
    const units = await db.selectFrom('org_units').select('path').execute();
    expect(units.length).toBeGreaterThan(10);
    for (const { path } of units) {
      const [byRange, byLike] = await Promise.all([
        sql<{ n: number; h: string }>`SELECT count(*)::int AS n, md5(string_agg(code, ',' ORDER BY code)) AS h
          FROM org_units WHERE path >= ${path} AND path < ${subtreeEnd(path)}`.execute(db),
        sql<{ n: number; h: string }>`SELECT count(*)::int AS n, md5(string_agg(code, ',' ORDER BY code)) AS h
          FROM org_units WHERE path LIKE ${prefixPattern(path)}`.execute(db),
      ]);
      expect(byRange.rows[0], path).toEqual(byLike.rows[0]);
    }
  });
});

describe('prepared list shapes', () => {
  const base: SiteFilters = { sort: 'default', order: 'desc' };
  const filters: SiteFilters[] = [
    base,
    { ...base, runStatus: 'NORMAL' },
    { ...base, name: '人民政府', runStatus: 'NORMAL' },
    { ...base, name: '局' },
    { ...base, sort: 'updatedAt', order: 'asc', isPortal: true },
  ];

  it('answer the same rows from a generic plan as from a plan made for the values, at every level', async () => {
    const viewers = await db
      .selectFrom('org_units')
      .select(['code as orgCode', 'path as orgPath', 'level'])
      .where('level', '>', 0)
      .orderBy('level')
      .orderBy('code')
      .execute();
    const sample = [1, 2, 3].flatMap((level) => viewers.filter((v) => v.level === level).slice(0, 2));
    expect(sample.length).toBeGreaterThanOrEqual(4);
    let compared = 0;
    let withRows = 0;
    for (const viewer of sample) {
      for (const f of filters) {
        const args: ListArgs = { viewer, filters: f, page: { limit: 20, offset: 0 }, countUpTo: 2000, health: true };
        const statement = listPageStatement(db, args);
        const runs = await db.transaction().execute(async (trx) => {
          const out: unknown[] = [];
          for (const mode of ['force_custom_plan', 'force_generic_plan', 'auto']) {
            await sql`SELECT set_config('plan_cache_mode', ${mode}, true)`.execute(trx);
            // Past the five executions after which PostgreSQL may switch a prepared statement to its generic plan.
            for (let i = 0; i < 6; i++) out.push((await trx.executeQuery(statement)).rows);
          }
          return out;
        });
        for (const rows of runs) expect(rows).toEqual(runs[0]);
        compared++;
        if ((runs[0] as { id: number | null }[]).some((r) => r.id !== null)) withRows++;
      }
    }
    expect(compared).toBe(sample.length * filters.length);
    expect(withRows).toBeGreaterThan(compared / 2);
  });
});
