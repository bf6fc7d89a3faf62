// Foundation benchmarks: preparing the database, and the root's full-subtree query (start-up: startup.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/database.ts';
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from '../src/seed/demo.ts';
import { inSubtree, listOrgUnits } from '../src/server/modules/org-units/repository.ts';
import { startServer } from '../src/start.ts';
import { captureStatements, HttpClient, percentile, record, sample, spawnServer, tempDir } from './lib.ts';

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
  let httpP50 = 0;
  let sqlFile = '';
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
    // The limit runs the route's own statements (page and count), captured from its use case.
    const statements = await captureStatements(db, (d) =>
      listOrgUnits(d, { rootPath: root.path, page: 3, pageSize: 100 }),
    );
    const bare = await sample(200, () => Promise.all(statements.map((q) => db.executeQuery(q))));
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
    httpP50 = p50.ours;
    sqlFile = join(tempDir('govsite-bench-sql-'), 'org-units.json');
    writeFileSync(sqlFile, JSON.stringify(statements));
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
  // The same two statements behind a bare Fastify route (no session, schema or presenter) in its own process, read
  // by the same kind of client: how much of the ratio above is HTTP and a 45 KB JSON body, which any route pays.
  const port = Number(process.env.GOVSITE_BENCH_HTTP_PORT ?? 3960) + 2;
  const bareServer = await spawnServer(
    ['--import', 'tsx', 'bench/bare-server.ts'],
    {
      DATABASE_URL: target.databaseUrl ?? '',
      GOVSITE_DATA_DIR: target.dataDir,
      PORT: String(port),
      BENCH_SQL_FILE: sqlFile,
    },
    port,
  );
  try {
    const bareHttp = await sample(200, async () => (await fetch(`${bareServer.url}/sql`)).json());
    record(
      target.label,
      '根单位全树分页查询 p50 对照：同一 SQL 的裸 HTTP 路由',
      httpP50,
      percentile(bareHttp, 50),
      'ms',
      '上限：裸 Fastify 路由执行同样两条 SQL、返回各行（无会话、无模式校验、无呈现），同样经 HTTP 读取并解析 JSON',
    );
  } finally {
    await bareServer.stop();
  }
}
