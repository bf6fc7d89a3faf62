// The database's CHECK lists of the enum columns equal the domain's lists (src/domain is their single source; the
// migrations are history, so this test is what keeps the two in step). Runs on PGlite and on PostgreSQL.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTOR_TYPES } from '../../src/domain/audit-events.ts';
import { ISSUANCE_RUN_STATUSES, ISSUANCE_TRIGGERS } from '../../src/domain/issuance.ts';
import { REQUEST_STATES, REQUEST_TYPES } from '../../src/domain/requests.ts';
import { REGISTER_RUN_STATUSES } from '../../src/domain/run-status.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.drop();
});

/**
 * The values of the one CHECK constraint of `table` that limits `column` to a list. PostgreSQL stores
 * `col IN ('A', 'B')` as `(col = ANY (ARRAY['A'::text, 'B'::text]))`.
 */
async function checkList(table: string, column: string): Promise<string[]> {
  const { rows } = await sql<{ def: string }>`
    SELECT pg_get_constraintdef(c.oid) AS def
      FROM pg_constraint c
     WHERE c.conrelid = ${table}::regclass AND c.contype = 'c'`.execute(testDb.database.db);
  const lists = rows
    .map((r) => r.def)
    .filter((def) => new RegExp(`^CHECK \\(\\(${column} = ANY \\(ARRAY\\[`).test(def))
    .map((def) => [...def.matchAll(/'([^']*)'::text/g)].map((m) => m[1]!));
  expect(lists, `${table}.${column}: exactly one list CHECK`).toHaveLength(1);
  return lists[0]!;
}

describe('enum CHECK constraints match the domain lists', () => {
  it.each([
    ['requests', 'state', REQUEST_STATES],
    ['requests', 'type', REQUEST_TYPES],
    ['sites', 'run_status', REGISTER_RUN_STATUSES],
    ['audit_log', 'actor_type', ACTOR_TYPES],
    ['issuance_runs', 'status', ISSUANCE_RUN_STATUSES],
    ['issuance_runs', 'trigger', ISSUANCE_TRIGGERS],
  ] as const)('%s.%s', async (table, column, list) => {
    expect(new Set(await checkList(table, column))).toEqual(new Set(list));
  });

  it('has no request in a state the domain does not know', async () => {
    const { rows } = await sql<{ state: string }>`SELECT DISTINCT state FROM requests`.execute(testDb.database.db);
    for (const r of rows) expect(REQUEST_STATES).toContain(r.state);
  });
});
