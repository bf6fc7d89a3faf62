// The organizing units' site list (GET /api/sites) at national scale: latency through HTTP as a province and as the
// root beside the same SQL run raw on the same connection pool, and throughput with 20 concurrent connections beside
// a bare Fastify route (a constant, and the same SQL without sessions, schemas or presenters).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CompiledQuery } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { preparedName } from '../src/db/prepared.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import type { AppContext, Db, OrgActor } from '../src/server/context.ts';
import { listSites } from '../src/server/modules/review/list-sites.ts';
import { listSitesQuery } from '../src/server/modules/review/schema.ts';
import { startServer } from '../src/start.ts';
import type { Target } from './foundation.ts';
import { captureStatements, HttpClient, loadTest, percentile, record, share, spawnServer, tempDir } from './lib.ts';
import type { BenchSize } from './scale.ts';

/** The goals of issue #22 for the list, printed beside each figure. */
export const LIST_GOALS = {
  /** HTTP p50 at most this multiple of the same SQL's p50, at every level. */
  latencyRatio: 1.3,
  /** Throughput at least this share of a bare route running the same SQL. */
  throughputShare: 0.8,
  /** The SQL alone (bare route, 20 clients) at least this multiple of the figure before issue #22. */
  sqlSpeedup: 5,
} as const;

/** The bare route's requests/s before issue #22, PostgreSQL (issue #22's table): 176 at 10,000 sites, 108 at 100,000. */
function sqlBaseline(sites: number): number | null {
  return sites <= 10_000 ? 176 : sites >= 100_000 ? 108 : null;
}

const met = (ok: boolean) => (ok ? '已达到' : '未达到');

/** 「目标 ≤ 1.3×（已达到）」: a ratio against its goal. */
export function ratioGoal(ours: number, limit: number, goal: number = LIST_GOALS.latencyRatio): string {
  return `目标 ≤ ${goal}×（${met(limit > 0 && ours / limit <= goal)}）`;
}

/** 「教育」 in the name and 运行状态 正常: a 2-character fuzzy name (no trigram) and a status, page 1 of 20. */
export const LIST_FILTER = { name: '教育', runStatus: 'NORMAL', page: '1', pageSize: '20' } as const;
export const LIST_PATH = `/api/sites?${new URLSearchParams(LIST_FILTER).toString()}`;

export const VIEWERS = [
  { username: 'hebei', label: '省级（河北省）' },
  { username: 'admin', label: '根单位（国务院办公厅）' },
] as const;

export function benchConfig(target: Target, port = 0) {
  return {
    ...loadConfig({}),
    databaseUrl: target.databaseUrl,
    dataDir: target.dataDir,
    port,
    jobsEnabled: false,
    seedDemoOnEmpty: false,
    logLevel: 'warn',
  };
}

/** The caller as the session plugin would resolve it. */
export async function actorOf(db: Db, username: string): Promise<OrgActor> {
  const u = await db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.code', 'u.org_code')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'o.code', 'o.name', 'o.level', 'o.path'])
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    kind: 'ORG_USER',
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    orgCode: u.code,
    orgName: u.name,
    orgLevel: u.level,
    orgPath: u.path,
    mustChangePassword: false,
  };
}

/** The statements GET /api/sites runs for this caller and query, captured from the use case itself. */
export function listStatements(ctx: AppContext, actor: OrgActor, query: Record<string, string>) {
  return captureStatements(ctx.db, (db) => listSites({ ...ctx, db }, actor, listSitesQuery.parse(query)));
}

/** Runs the captured statements as the use case does: all at once (on PostgreSQL, on separate pool connections). */
export function runRaw(db: Db, statements: readonly CompiledQuery[]) {
  return Promise.all(statements.map((q) => db.executeQuery(q)));
}

/** Alternating samples of two operations, so that load from elsewhere on the machine hits both alike. */
async function samplePair(n: number, a: () => Promise<unknown>, b: () => Promise<unknown>, warmup = 10) {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const out = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < n; i++) {
    let t0 = performance.now();
    await a();
    out.a.push(performance.now() - t0);
    t0 = performance.now();
    await b();
    out.b.push(performance.now() - t0);
  }
  return out;
}

export async function benchListLatency(target: Target, size: BenchSize): Promise<void> {
  const server = await startServer(benchConfig(target), { logger: false });
  try {
    const ctx = server.app.ctx;
    for (const viewer of VIEWERS) {
      const client = new HttpClient(server.url);
      await client.login(viewer.username, DEMO_PASSWORD);
      const page = await client.json<{ total: number }>('GET', LIST_PATH);
      const statements = await listStatements(ctx, await actorOf(ctx.db, viewer.username), LIST_FILTER);
      const { a: http, b: bare } = await samplePair(
        size.samples,
        () => client.json('GET', LIST_PATH),
        () => runRaw(ctx.db, statements),
      );
      const p50 = { ours: percentile(http, 50), limit: percentile(bare, 50) };
      const note = `${ratioGoal(p50.ours, p50.limit)}；「教育」+正常，共 ${page.total} 条，第 1 页 20 条；上限：同一连接池上原样执行该接口的 ${statements.length} 条 SQL`;
      record(target.label, `网站列表 p50（${viewer.label}，HTTP）`, p50.ours, p50.limit, 'ms', note);
      record(target.label, `网站列表 p99（${viewer.label}，HTTP）`, percentile(http, 99), percentile(bare, 99), 'ms');
    }
  } finally {
    await server.close();
  }
}

export async function benchListThroughput(target: Target, size: BenchSize): Promise<void> {
  const env = {
    DATABASE_URL: target.databaseUrl ?? '',
    GOVSITE_DATA_DIR: target.dataDir,
    GOVSITE_JOBS: 'false',
    GOVSITE_LOG_LEVEL: 'warn',
    GOVSITE_SEED_DEMO: 'false',
  };
  const port = Number(process.env.GOVSITE_BENCH_HTTP_PORT ?? 3960);
  const durationMs = size.loadSeconds * 1000;
  const viewer = VIEWERS[0];

  // The statements of the province's list, for the bare route (captured in-process, then the database is closed).
  const capturing = await startServer(benchConfig(target), { logger: false });
  let statements: CompiledQuery[];
  try {
    const ctx = capturing.app.ctx;
    statements = await listStatements(ctx, await actorOf(ctx.db, viewer.username), LIST_FILTER);
  } finally {
    await capturing.close();
  }
  const sqlFile = join(tempDir('govsite-bench-sql-'), 'list.json');
  // The bare route runs them as the server does: a statement the server sends prepared (src/db/prepared.ts) is
  // prepared there too, so the limit is the same SQL executed the same way.
  writeFileSync(
    sqlFile,
    JSON.stringify(statements.map((q) => ({ ...q, prepared: preparedName(q.sql) !== undefined }))),
  );

  const server = await spawnServer(['bin/govsite.js', 'serve'], { ...env, PORT: String(port) }, port);
  let ours: Awaited<ReturnType<typeof loadTest>>;
  try {
    const client = new HttpClient(server.url);
    await client.login(viewer.username, DEMO_PASSWORD);
    await loadTest({
      base: server.url,
      connections: 20,
      durationMs: 1000,
      path: () => LIST_PATH,
      headers: client.authHeaders(),
    });
    ours = await loadTest({
      base: server.url,
      connections: 20,
      durationMs,
      path: () => LIST_PATH,
      headers: client.authHeaders(),
    });
  } finally {
    await server.stop();
  }
  const bare = await spawnServer(
    ['--import', 'tsx', 'bench/bare-server.ts'],
    {
      ...env,
      PORT: String(port),
      BENCH_SQL_FILE: sqlFile,
    },
    port,
  );
  let constant: Awaited<ReturnType<typeof loadTest>>;
  let sameSql: Awaited<ReturnType<typeof loadTest>>;
  try {
    await loadTest({ base: bare.url, connections: 20, durationMs: 1000, path: () => '/sql' });
    constant = await loadTest({ base: bare.url, connections: 20, durationMs, path: () => '/const' });
    sameSql = await loadTest({ base: bare.url, connections: 20, durationMs, path: () => '/sql' });
  } finally {
    await bare.stop();
  }
  const errors = ours.errors ? `，${ours.errors} 个错误响应` : '';
  const shareGoal = `目标 ≥ ${LIST_GOALS.throughputShare * 100} %（${met(ours.perSecond >= LIST_GOALS.throughputShare * sameSql.perSecond)}）`;
  const baseline = target.databaseUrl ? sqlBaseline(size.sites) : null;
  const sqlGoal =
    baseline === null
      ? '目标：PostgreSQL 上为 issue #22 之前的 5 倍（只记录了 10,000 与 100,000 个网站的数字）'
      : `目标 ≥ ${LIST_GOALS.sqlSpeedup}× 之前的 ${baseline} 次/秒 = ${LIST_GOALS.sqlSpeedup * baseline} 次/秒（${met(sameSql.perSecond >= LIST_GOALS.sqlSpeedup * baseline)}，现为 ${(sameSql.perSecond / baseline).toFixed(1)}×）`;
  record(
    target.label,
    `网站列表吞吐（${viewer.label}，20 并发）`,
    ours.perSecond,
    constant.perSecond,
    '次/秒',
    `占返回常量的 Fastify 路由的 ${share(ours.perSecond, constant.perSecond)}${errors}`,
  );
  record(
    target.label,
    '网站列表吞吐 对照：同一 SQL 的裸路由',
    ours.perSecond,
    sameSql.perSecond,
    '次/秒',
    `${shareGoal}；占裸路由（无会话、无模式校验、无呈现，原样执行同一组 ${statements.length} 条 SQL）的 ${share(ours.perSecond, sameSql.perSecond)}`,
  );
  record(
    target.label,
    `网站列表的 SQL 单独吞吐（${viewer.label}，裸路由，20 并发）`,
    sameSql.perSecond,
    baseline ?? 0,
    '次/秒',
    `${sqlGoal}；上限列为之前的数字`,
  );
}
