// Foundation benchmarks: preparing the database, and the root's full-subtree query (start-up: startup.ts).
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/database.ts';
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from '../src/seed/demo.ts';
import { inSubtree } from '../src/server/modules/org-units/repository.ts';
import { startServer } from '../src/start.ts';
import { HttpClient, percentile, record, sample } from './lib.ts';

export interface Target {
  label: string;
  databaseUrl?: string;
  dataDir: string;
}

/** Prepares the database (migrated, demo-seeded) so later measurements start from an existing one. */
export async function prepare(target: Target): Promise<void> {
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  try {
    await migrateToLatest(database.db);
    if (await isDatabaseEmpty(database.db)) await seedDemo(database.db);
    await database.db.updateTable('users').set({ must_change_password: false }).execute();
  } finally {
    await database.close();
  }
}

export async function benchSubtree(target: Target): Promise<void> {
  const config = {
    ...loadConfig({}),
    databaseUrl: target.databaseUrl,
    dataDir: target.dataDir,
    port: 0,
    jobsEnabled: false,
    seedDemoOnEmpty: false,
  };
  const server = await startServer(config, { logger: false });
  try {
    const client = new HttpClient(server.url);
    await client.login('admin', DEMO_PASSWORD);
    const db = server.database.db;
    const root = await db.selectFrom('org_units').select('path').where('code', '=', 'bm0100').executeTakeFirstOrThrow();
    const subtree = inSubtree('path', root.path);
    const http = await sample(200, () => client.json('GET', '/api/org-units?pageSize=100&page=3'));
    const bare = await sample(200, () =>
      Promise.all([
        sql`SELECT * FROM org_units WHERE ${subtree} ORDER BY level, code LIMIT 100 OFFSET 200`.execute(db),
        sql`SELECT count(*)::int FROM org_units WHERE ${subtree}`.execute(db),
      ]),
    );
    const p50 = { ours: percentile(http, 50), limit: percentile(bare, 50) };
    // Issue #22: the root's whole-tree page within 1.3× of its SQL.
    const goal = `目标 ≤ 1.3×（${p50.limit > 0 && p50.ours / p50.limit <= 1.3 ? '已达到' : '未达到'}）`;
    record(
      target.label,
      '根单位全树分页查询 p50（HTTP，100 行/页）',
      p50.ours,
      p50.limit,
      'ms',
      `${goal}；上限：同一连接上的同一 SQL`,
    );
    record(target.label, '根单位全树分页查询 p99', percentile(http, 99), percentile(bare, 99), 'ms');
    const all = await sample(50, () => sql`SELECT code FROM org_units WHERE ${subtree}`.execute(db), 3);
    const walk = await sample(
      50,
      () =>
        sql`WITH RECURSIVE t AS (SELECT code FROM org_units WHERE code = 'bm0100' UNION ALL SELECT o.code FROM org_units o JOIN t ON o.parent_code = t.code) SELECT code FROM t`.execute(
          db,
        ),
      3,
    );
    record(
      target.label,
      '根单位全部下级（物化路径，3,253 个单位）p50',
      percentile(all, 50),
      percentile(walk, 50),
      'ms',
      '对照：递归 CTE',
    );
  } finally {
    await server.close();
  }
}
