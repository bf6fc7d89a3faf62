// PostgreSQL stopped and started under a running load, without restarting the app: a clean stop, then a crash
// (pg_ctl -m immediate) of a dedicated throwaway PostgreSQL with durable settings. /api/health goes 503 and back to
// 200 by itself; during the outage requests fail with 503 and a Chinese message (never a 500); afterwards every
// request that got a 2xx is in the database, a retry of a failed submission with its idempotency key creates nothing
// twice, and no partial state remains (no register entry without its request, no request without its 审核流水).
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { sampleInfo } from '../helpers/factories.ts';
import { HttpClient } from './http-client.ts';
import { type ServerProcess, startServerProcess, ThrowawayPostgres, waitFor } from './processes.ts';

const PORT = Number(process.env.GOVSITE_STRESS_PGPORT ?? 54361);
const CHINESE = /[\u4e00-\u9fff]/;

interface Submission {
  key: string;
  name: string;
  body: ReturnType<typeof sampleInfo>;
  status: number;
}

describe('PostgreSQL stopped and started under load', () => {
  let pg: ThrowawayPostgres;
  let server: ServerProcess;
  let database: Database;
  const log = join(tmpdir(), `govsite-pg-restart-${process.pid}.log`);

  beforeAll(async () => {
    pg = new ThrowawayPostgres(PORT);
    // The real server as its own process, seeding the empty database at its first start; the jobs run too.
    server = await startServerProcess({ DATABASE_URL: pg.url, GOVSITE_SEED_DEMO: 'true', GOVSITE_JOBS: 'true' }, log);
    database = await openDatabase({ databaseUrl: pg.url, dataDir: '', poolSize: 2 });
    await database.db
      .updateTable('users')
      .set({ must_change_password: false })
      .where('username', '=', 'haigang')
      .execute();
  });

  afterAll(async () => {
    await server?.kill('SIGTERM');
    await database?.close();
    pg?.destroy();
    rmSync(log, { force: true });
  });

  it('recovers by itself; no acknowledged write is lost; nothing is left half-done', async () => {
    const base = server.url;
    const submissions: Submission[] = [];
    const approvals: { requestId: number; status: number }[] = [];
    const failures: { status: number; message: string }[] = [];
    let stop = false;
    let seq = 0;

    const applicant = async (worker: number) => {
      const client = new HttpClient(base);
      while (!stop) {
        seq++;
        const name = `重启压力测试网站${worker}-${seq}`;
        const body = sampleInfo({
          name,
          homeUrl: `https://restart${seq}.hg.gov.cn/`,
          orgCode: '130302',
          isPortal: false,
        });
        const key = randomUUID();
        const res = await client
          .post('/api/public/applications', body, { 'idempotency-key': key })
          .catch(() => ({ status: 0, body: {} as Record<string, unknown> }));
        submissions.push({ key, name, body, status: res.status });
        if (res.status >= 500) failures.push({ status: res.status, message: String(res.body.message ?? '') });
        if (res.status === 403) client.csrf = ''; // the token was not fetched during the outage: fetch it again
      }
    };

    const reviewer = async () => {
      let client: HttpClient | null = null;
      while (!stop) {
        if (!client) {
          const c = new HttpClient(base);
          const login = await c
            .post('/api/auth/login', { username: 'haigang', password: DEMO_PASSWORD })
            .catch(() => null);
          if (login?.status === 200) client = c;
          else {
            if (login && login.status >= 500)
              failures.push({ status: login.status, message: String(login.body.message ?? '') });
            continue;
          }
        }
        const list = await client.get('/api/sites?waitingForMe=true&pageSize=20').catch(() => null);
        if (list?.status !== 200) {
          if (list && list.status >= 500)
            failures.push({ status: list.status, message: String(list.body.message ?? '') });
          if (list?.status === 401) client = null;
          continue;
        }
        const row = (list.body.items as { request: { id: number; version: number } | null }[]).find((r) => r.request);
        if (!row?.request) continue;
        const res = await client
          .post(`/api/requests/${row.request.id}/approve`, { version: row.request.version })
          .catch(() => ({ status: 0, body: {} as Record<string, unknown> }));
        approvals.push({ requestId: row.request.id, status: res.status });
        if (res.status >= 500) failures.push({ status: res.status, message: String(res.body.message ?? '') });
      }
    };

    const health = async () => (await fetch(`${base}/api/health`)).status;
    const okCount = () => submissions.filter((s) => s.status === 200).length;
    const failedCount = () => submissions.filter((s) => s.status !== 200).length;

    const workers = [...Array.from({ length: 6 }, (_, i) => applicant(i)), reviewer(), reviewer()];
    const healthSeen: number[] = [];
    try {
      for (const mode of ['fast', 'immediate'] as const) {
        const okBefore = okCount();
        await waitFor('load before the outage', async () => (okCount() >= okBefore + 20 ? true : undefined));
        pg.stop(mode);
        healthSeen.push(await waitFor('health 503', async () => ((await health()) === 503 ? 503 : undefined)));
        const failedBefore = failedCount();
        await waitFor('requests to fail during the outage', async () =>
          failedCount() >= failedBefore + 10 ? true : undefined,
        );
        pg.start();
        healthSeen.push(await waitFor('health 200', async () => ((await health()) === 200 ? 200 : undefined)));
        const okAfter = okCount();
        await waitFor('load after the outage', async () => (okCount() >= okAfter + 20 ? true : undefined));
      }
    } finally {
      stop = true;
      await Promise.all(workers);
    }
    expect(healthSeen).toEqual([503, 200, 503, 200]);
    // The same process served throughout: it neither crashed nor was restarted.
    expect([server.child.exitCode, server.child.signalCode], server.output().slice(-3000)).toEqual([null, null]);

    // During the outages: 503 with a Chinese message, never a 500.
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.filter((f) => f.status !== 503)).toEqual([]);
    expect(failures.every((f) => CHINESE.test(f.message))).toBe(true);

    const db = database.db;
    // Every acknowledged submission is stored, whole: the register entry, its request and its 审核流水 entry.
    const names = submissions.map((s) => s.name);
    const stored = await db
      .selectFrom('sites as s')
      .leftJoin('requests as r', 'r.site_id', 's.id')
      .select(['s.name', 'r.id as request_id'])
      .where('s.name', 'in', names)
      .execute();
    const storedNames = new Set(stored.map((r) => r.name));
    const lost = submissions.filter((s) => s.status === 200 && !storedNames.has(s.name));
    expect(stored.filter((r) => r.request_id === null)).toEqual([]);
    const requestIds = stored.map((r) => r.request_id!);
    const audited = await db
      .selectFrom('audit_log')
      .select(['request_id', 'action'])
      .where('request_id', 'in', requestIds)
      .execute();
    const submittedAudit = new Set(audited.filter((a) => a.action === '提交').map((a) => a.request_id));
    expect(requestIds.filter((id) => !submittedAudit.has(id))).toEqual([]);

    // Every acknowledged approval is stored with its 审核流水 entry.
    const approvedAudit = new Set(audited.filter((a) => a.action === '审核通过').map((a) => a.request_id));
    const approvedOk = approvals.filter((a) => a.status === 200);
    const lostApprovals = approvedOk.filter((a) => !approvedAudit.has(a.requestId));

    // A failed submission retried with its key: stored once (it may have been committed before the answer was lost).
    const inDoubt = submissions.filter((s) => s.status !== 200);
    const retryClient = new HttpClient(base);
    for (const s of inDoubt) {
      const res = await retryClient.post('/api/public/applications', s.body, { 'idempotency-key': s.key });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const counts = await db
      .selectFrom('sites')
      .select(['name', sql<number>`count(*)::int`.as('n')])
      .where('name', 'in', names)
      .groupBy('name')
      .execute();
    expect(counts.filter((c) => c.n !== 1)).toEqual([]);
    expect(counts).toHaveLength(new Set(names).size);

    console.log(
      `[stress] PostgreSQL restarts: ${submissions.length} submissions (${okCount()} acknowledged, ${inDoubt.length} failed and retried), ` +
        `${approvedOk.length} approvals, ${failures.length} 503s during outages, lost writes: ${lost.length + lostApprovals.length}`,
    );
    expect(lost).toEqual([]);
    expect(lostApprovals).toEqual([]);
  });
});
