// Foundation benchmarks: start-up to healthy on an existing database, and the root's full-subtree query.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/database.ts';
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from '../src/db/seed/demo.ts';
import { subtreePattern } from '../src/server/modules/org-units/repository.ts';
import { startServer } from '../src/server/start.ts';
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

function timeToHealthy(cmd: string[], env: NodeJS.ProcessEnv, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, cmd, { env: { ...process.env, ...env }, stdio: 'ignore' });
    const timer = setInterval(async () => {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok) {
          clearInterval(timer);
          const ms = performance.now() - t0;
          child.kill('SIGTERM');
          child.once('exit', () => resolve(ms));
        }
      } catch {
        // not up yet
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(timer);
      if (code !== 0 && code !== null) reject(new Error(`server exited with ${code}`));
    });
  });
}

function timeBareOpen(env: NodeJS.ProcessEnv): Promise<number> {
  // The limit: a process that only opens the same database and runs SELECT 1.
  const code = `
    const t0 = performance.now();
    const { openDatabase, ping } = await import('./src/db/database.ts');
    const d = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.GOVSITE_DATA_DIR });
    await ping(d.db); await d.close();
    process.stdout.write(String(performance.now() - t0));`;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.once('exit', (c) => (c === 0 ? resolve(performance.now() - t0) : reject(new Error(`bare open exited ${c}`))));
  });
}

export async function benchStartup(target: Target): Promise<void> {
  const env = {
    GOVSITE_DATA_DIR: target.dataDir,
    DATABASE_URL: target.databaseUrl ?? '',
    GOVSITE_JOBS: 'false',
    GOVSITE_LOG_LEVEL: 'warn',
  };
  const ours: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 3; i++) {
    const port = 3900 + i;
    ours.push(await timeToHealthy(['bin/govsite.js', 'serve'], { ...env, PORT: String(port) }, port));
    bare.push(await timeBareOpen(env));
  }
  record(
    target.label,
    '启动到健康（已有数据目录，中位数/3 次）',
    percentile(ours, 50),
    percentile(bare, 50),
    'ms',
    '上限：仅打开同一数据库并 SELECT 1 的进程',
  );
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
    const pattern = subtreePattern(root.path);
    const http = await sample(200, () => client.json('GET', '/api/org-units?pageSize=100&page=3'));
    const bare = await sample(200, () =>
      Promise.all([
        sql`SELECT * FROM org_units WHERE path LIKE ${pattern} ORDER BY level, code LIMIT 100 OFFSET 200`.execute(db),
        sql`SELECT count(*)::int FROM org_units WHERE path LIKE ${pattern}`.execute(db),
      ]),
    );
    record(
      target.label,
      '根单位全树分页查询 p50（HTTP，100 行/页）',
      percentile(http, 50),
      percentile(bare, 50),
      'ms',
      '上限：同一连接上的同一 SQL',
    );
    record(target.label, '根单位全树分页查询 p99', percentile(http, 99), percentile(bare, 99), 'ms');
    const all = await sample(50, () => sql`SELECT code FROM org_units WHERE path LIKE ${pattern}`.execute(db), 3);
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
