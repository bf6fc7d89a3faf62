// A mixed workload against two app instances on one PostgreSQL database (two `startServer` on two ports, every
// client alternating between them): new-site applications through the public API, reviews (approve and return) by
// several clients of each reviewing unit, list and export reads, and logins — 50 concurrent clients for
// GOVSITE_LOAD_SECONDS (60 by default; CI uses 20). Zero 5xx; afterwards the audit trail holds exactly one entry per
// successful state-changing action (counted client-side per action, compared with audit_log by action) and every
// acknowledged application is stored.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { type RunningServer, startServer } from '../../src/start.ts';
import { sampleInfo } from '../helpers/factories.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { HttpClient, type HttpResult } from './http-client.ts';

const SECONDS = Number(process.env.GOVSITE_LOAD_SECONDS ?? 60);
const CLIENTS = 50;
const COUNTIES = [
  { org: '130302', user: 'haigang' },
  { org: '130303', user: 'shanhaiguan' },
];
const REVIEWERS = ['haigang', 'shanhaiguan', 'qinhuangdao', 'hebei'];
const READERS = ['qinhuangdao', 'hebei', 'admin', 'haigang'];
const USERS = [...new Set([...REVIEWERS, ...READERS])];

describe('load: 50 clients, two instances, one database', () => {
  let testDb: TestDatabase;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    await testDb.database.db
      .updateTable('users')
      .set({ must_change_password: false })
      .where('username', 'in', USERS)
      .execute();
    for (let i = 0; i < 2; i++) {
      servers.push(
        await startServer(
          {
            ...loadConfig({}),
            databaseUrl: testDb.databaseUrl,
            port: 0,
            host: '127.0.0.1',
            webDir: '/nonexistent',
            // The jobs run on the first instance (croner names its jobs per process; two instances in one process
            // would collide). Jobs on two instances at once: tests/integration/races-jobs.test.ts.
            jobsEnabled: i === 0,
          },
          { logger: false },
        ),
      );
    }
  });

  afterAll(async () => {
    for (const s of servers) await s.close();
    await testDb?.drop();
  });

  it('serves the mixed workload without a 5xx; one audit entry per successful action; no lost write', async () => {
    const db = testDb.database.db;
    const bases = servers.map((s) => s.url);
    const startAudit = (
      await db.selectFrom('audit_log').select(sql<number>`coalesce(max(id), 0)::int`.as('m')).executeTakeFirstOrThrow()
    ).m;

    let requests = 0;
    const serverErrors: string[] = [];
    const ok = { 提交: 0, 审核通过: 0, 退回: 0, 导出: 0, login: 0 };
    let conflicts = 0;
    const acknowledged: string[] = [];
    const deadline = Date.now() + SECONDS * 1000;
    let seq = 0;

    /** One request, counted; a 5xx is recorded with what was asked. */
    async function send(what: string, call: () => Promise<HttpResult>): Promise<HttpResult | null> {
      requests++;
      try {
        const res = await call();
        if (res.status >= 500) serverErrors.push(`${what} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        return res;
      } catch (error) {
        serverErrors.push(`${what} → ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
    }

    async function login(username: string): Promise<HttpClient> {
      for (;;) {
        const c = new HttpClient(bases);
        const res = await send('login', () => c.post('/api/auth/login', { username, password: DEMO_PASSWORD }));
        if (res?.status === 200) {
          ok.login++;
          return c;
        }
      }
    }

    const applicant = async (i: number) => {
      const c = new HttpClient(bases);
      while (Date.now() < deadline) {
        seq++;
        const county = COUNTIES[i % COUNTIES.length]!;
        const name = `负载测试网站${i}-${seq}`;
        const body = sampleInfo({
          name,
          homeUrl: `https://load${seq}.example.gov.cn/`,
          orgCode: county.org,
          isPortal: false,
        });
        const res = await send('submit', () =>
          c.post('/api/public/applications', body, { 'idempotency-key': randomUUID() }),
        );
        if (res?.status === 200) {
          ok.提交++;
          acknowledged.push(name);
        }
      }
    };

    const reviewer = async (i: number) => {
      const c = await login(REVIEWERS[i % REVIEWERS.length]!);
      while (Date.now() < deadline) {
        const list = await send('list waiting', () => c.get('/api/sites?waitingForMe=true&pageSize=20'));
        const rows = (
          (list?.status === 200 ? list.body.items : []) as { request: { id: number; version: number } | null }[]
        ).filter((r) => r.request);
        const row = rows[Math.floor(Math.random() * rows.length)];
        if (!row?.request) {
          await send('read', () => c.get('/api/sites?pageSize=50'));
          continue;
        }
        const returning = Math.random() < 0.15;
        const res = await send(returning ? 'return' : 'approve', () =>
          returning
            ? c.post(`/api/requests/${row.request!.id}/return`, {
                version: row.request!.version,
                reason: '负载测试退回',
              })
            : c.post(`/api/requests/${row.request!.id}/approve`, { version: row.request!.version }),
        );
        if (res?.status === 200) ok[returning ? '退回' : '审核通过']++;
        else if (res?.status === 409) conflicts++;
        else if (res && res.status < 500)
          serverErrors.push(`review → unexpected ${res.status} ${JSON.stringify(res.body)}`);
      }
    };

    const reader = async (i: number) => {
      const c = await login(READERS[i % READERS.length]!);
      let n = 0;
      while (Date.now() < deadline) {
        n++;
        if (n % 4 === 0) {
          const res = await send('export', () => c.get('/api/sites/export?pageSize=50'));
          if (res?.status === 200) ok.导出++;
        } else {
          await send('list', () => c.get(`/api/sites?pageSize=20&page=${1 + (n % 3)}`));
        }
      }
    };

    const loginner = async (i: number) => {
      while (Date.now() < deadline) {
        const c = await login(USERS[i % USERS.length]!);
        await send('session', () => c.get('/api/session'));
      }
    };

    const loginLogBefore = (
      await db
        .selectFrom('login_log')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('result', '=', 'SUCCESS')
        .executeTakeFirstOrThrow()
    ).n;
    const roles = [
      ...Array.from({ length: 20 }, (_, i) => applicant(i)),
      ...Array.from({ length: 16 }, (_, i) => reviewer(i)),
      ...Array.from({ length: 10 }, (_, i) => reader(i)),
      ...Array.from({ length: 4 }, (_, i) => loginner(i)),
    ];
    expect(roles).toHaveLength(CLIENTS);
    await Promise.all(roles);

    // The audit trail, by action, against what the clients saw succeed.
    const audited = await db
      .selectFrom('audit_log')
      .select(['action', sql<number>`count(*)::int`.as('n')])
      .where('id', '>', startAudit)
      .groupBy('action')
      .execute();
    const byAction = Object.fromEntries(audited.map((a) => [a.action, a.n]));
    const logins = (
      await db
        .selectFrom('login_log')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('result', '=', 'SUCCESS')
        .executeTakeFirstOrThrow()
    ).n;
    const stored = new Set(
      (await db.selectFrom('sites').select('name').where('name', 'like', '负载测试网站%').execute()).map((r) => r.name),
    );
    const lost = acknowledged.filter((n) => !stored.has(n));

    console.log(
      `[stress] load ${SECONDS} s, ${CLIENTS} clients, 2 instances: ${requests} requests served ` +
        `(${Math.round(requests / SECONDS)}/s), 5xx: ${serverErrors.length}, lost writes: ${lost.length}; ` +
        `applications ${ok.提交}, approvals ${ok.审核通过}, returns ${ok.退回}, review conflicts ${conflicts}, ` +
        `exports ${ok.导出}, logins ${ok.login}`,
    );
    expect(serverErrors.slice(0, 20)).toEqual([]);
    expect(lost).toEqual([]);
    expect({
      提交: byAction.提交 ?? 0,
      审核通过: byAction.审核通过 ?? 0,
      退回: byAction.退回 ?? 0,
      导出: byAction.导出 ?? 0,
    }).toEqual({ 提交: ok.提交, 审核通过: ok.审核通过, 退回: ok.退回, 导出: ok.导出 });
    expect(logins - loginLogBefore).toBe(ok.login);
    expect(ok.提交).toBeGreaterThan(0);
    expect(ok.审核通过).toBeGreaterThan(0);
  });
});
