// 审核通过 of one step (POST /api/requests/:id/approve) as a province, sequentially and with 20 concurrent clients,
// beside the bare write it stands for (UPDATE of the request + INSERT of the 审核流水 entry in one transaction) behind
// a bare Fastify route. Each approval needs its own application waiting at the province: they are inserted first.
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { reviewRequest } from '../src/server/modules/review/decide-request.ts';
import { startServer } from '../src/start.ts';
import type { Target } from './foundation.ts';
import { cpuMs, HttpClient, loadTest, percentile, QueryCapture, record, share, spawnServer } from './lib.ts';
import { prepareQueue } from './queue.ts';
import type { BenchSize } from './scale.ts';
import { actorOf, benchConfig } from './site-list.ts';

const REVIEWER = 'hebei';

export async function benchApprove(target: Target, size: BenchSize): Promise<void> {
  const sequential = size.quick ? 50 : 200;
  const concurrent = size.quick ? 200 : 1000;
  /** Untimed approvals first on each server, so neither p50 measures a cold process (JIT, pools, plan caches). */
  const warmup = 20;
  const tag = Date.now().toString(36);
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  let ours: number[];
  let bare: number[];
  try {
    const count = warmup + sequential + concurrent;
    ours = await prepareQueue(database.db, { tag: `${tag}a`, count: count + 1, state: 'IN_REVIEW' });
    bare = await prepareQueue(database.db, { tag: `${tag}b`, count, state: 'IN_REVIEW' });
  } finally {
    await database.close();
  }
  // What one approval runs: the statements of the use case, captured in-process on one of the applications.
  const counting = await startServer(benchConfig(target), { logger: false });
  let statements: number;
  try {
    const capture = new QueryCapture();
    const ctx = counting.app.ctx;
    const actor = await actorOf(ctx.db, REVIEWER);
    await reviewRequest(
      { ...ctx, db: ctx.db.withPlugin(capture) },
      { actor, id: ours.pop()!, action: 'APPROVE', ip: null },
    );
    statements = capture.executed.length;
  } finally {
    await counting.close();
  }

  const env = {
    DATABASE_URL: target.databaseUrl ?? '',
    GOVSITE_DATA_DIR: target.dataDir,
    GOVSITE_JOBS: 'false',
    GOVSITE_LOG_LEVEL: 'warn',
    GOVSITE_SEED_DEMO: 'false',
  };
  const port = Number(process.env.GOVSITE_BENCH_HTTP_PORT ?? 3961);

  const run = async (
    server: { url: string; child: { pid?: number | undefined } },
    ids: number[],
    path: (id: number) => string,
    headers: Record<string, string>,
  ) => {
    const base = server.url;
    const cpu = () => cpuMs(server.child.pid ?? 0, target.databaseUrl);
    const latencies: number[] = [];
    for (const [i, id] of ids.slice(0, warmup + sequential).entries()) {
      const t0 = performance.now();
      const res = await fetch(base + path(id), {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: '{}',
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`approve ${id} → ${res.status}`);
      if (i >= warmup) latencies.push(performance.now() - t0);
    }
    const rest = ids.slice(warmup + sequential);
    const cpuBefore = cpu();
    const load = await loadTest({
      base,
      connections: 20,
      requests: rest.length,
      method: 'POST',
      path: (i) => path(rest[i]!),
      headers,
      body: () => '{}',
    });
    return { latencies, load, cpuPerRequest: (cpu() - cpuBefore) / rest.length };
  };

  const server = await spawnServer(['bin/govsite.js', 'serve'], { ...env, PORT: String(port) }, port);
  let mine: Awaited<ReturnType<typeof run>>;
  try {
    const client = new HttpClient(server.url);
    await client.login(REVIEWER, DEMO_PASSWORD);
    mine = await run(server, ours, (id) => `/api/requests/${id}/approve`, client.authHeaders());
  } finally {
    await server.stop();
  }
  const bareServer = await spawnServer(
    ['--import', 'tsx', 'bench/bare-server.ts'],
    { ...env, PORT: String(port) },
    port,
  );
  let limit: Awaited<ReturnType<typeof run>>;
  try {
    limit = await run(bareServer, bare, (id) => `/tx/${id}`, {});
  } finally {
    await bareServer.stop();
  }
  const errors = mine.load.errors ? `；${mine.load.errors} 个错误响应` : '';
  record(
    target.label,
    `审核通过一步 p50（省级，逐个 ${sequential} 次）`,
    percentile(mine.latencies, 50),
    percentile(limit.latencies, 50),
    'ms',
    `${percentile(mine.latencies, 50) / percentile(limit.latencies, 50) <= 1.5 ? '达标' : '未达标'}（目标 ≤ 1.5×）；上限：裸路由中的 UPDATE 申请 + INSERT 审核流水 事务（2 条语句）；本系统每次审核执行 ${statements} 条语句（不含会话查询和 BEGIN/COMMIT）`,
  );
  record(
    target.label,
    `审核通过吞吐（20 个客户端并发，${concurrent} 次）`,
    mine.load.perSecond,
    limit.load.perSecond,
    '次/秒',
    `为裸事务的 ${share(mine.load.perSecond, limit.load.perSecond)}（目标 ≥ 50 %，${mine.load.perSecond >= limit.load.perSecond / 2 ? '达标' : '未达标'}）${errors}`,
  );
  record(
    target.label,
    `  审核通过每次的 CPU 时间（上项并发时）`,
    mine.cpuPerRequest,
    limit.cpuPerRequest,
    'ms',
    `服务进程${target.databaseUrl ? ' + PostgreSQL 全部进程' : '（PGlite 在进程内）'}，/proc 计；不随他人负载变化，机器繁忙时比上两项的比值可靠（吞吐比约为其倒数）`,
  );
}
