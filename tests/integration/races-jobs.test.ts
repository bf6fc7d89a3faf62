// Every scheduled job run by two instances at the same moment has exactly one effect. On PostgreSQL the two
// instances are two app contexts over two connection pools on one database (as two processes behind a load
// balancer would be); on PGlite, where one process owns the database, they are two runs in the one instance.
// A job added to JOBS without an entry in JOB_CHECKS fails the first test.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { formatSiteCode } from '../../src/domain/org-code.ts';
import { JOBS } from '../../src/jobs/scheduler.ts';
import { HOUR } from '../../src/server/clock.ts';
import type { AppContext } from '../../src/server/context.ts';
import { verifyAuditLog } from '../../src/server/modules/audit/chain.ts';
import { loadKeys, randomToken, tokenDigest } from '../../src/server/secrets.ts';
import { makeApplication, makeSite } from '../helpers/factories.ts';
import { pending, sh } from '../helpers/issuance.ts';
import { type LinkTestServer, startLinkTestServer } from '../helpers/link-servers.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { usingPostgres } from '../helpers/test-database.ts';

let t: TestApp;
let web: LinkTestServer;
let second: Database | null = null;
let a: AppContext;
let b: AppContext;

beforeAll(async () => {
  [t, web] = await Promise.all([createTestApp(), startLinkTestServer()]);
  // Link checks may reach the test web server on 127.0.0.1 (refused by default as a private address).
  const config = {
    ...t.ctx.config,
    linkCheck: { allow: ['127.0.0.1'], timeoutMs: 5000, concurrency: 8, perHostConcurrency: 4 },
  };
  a = { ...t.ctx, config };
  if (usingPostgres()) {
    second = await openDatabase({ databaseUrl: t.testDb.databaseUrl, dataDir: '', poolSize: 4 });
    b = { db: second.db, dbKind: 'postgres', clock: t.clock, keys: await loadKeys(second.db, 'test-secret'), config };
  } else {
    b = a;
  }
});
afterAll(async () => {
  await second?.close();
  await Promise.all([t?.close(), web?.close()]);
});

/** Runs one job on both instances at the same moment; returns both summaries. */
async function runOnBoth(name: string): Promise<string[]> {
  const job = JOBS.find((j) => j.name === name);
  if (!job) throw new Error(`no job ${name}`);
  return Promise.all([job.run(a, 'SCHEDULE'), job.run(b, 'SCHEDULE')]);
}

async function count(query: Promise<{ n: number } | undefined>): Promise<number> {
  return (await query)?.n ?? 0;
}

/** Each job: how the test proves "exactly one effect" (the name of the test below). */
const JOB_CHECKS: Record<string, string> = {
  'link-sweep': 'link-sweep: one sweep row for the night, each URL fetched and recorded once',
  'issue-codes': 'issue-codes: each 标识码 issued once, one audit entry per application',
  'purge-sessions': 'purge-sessions: every expired session removed once, live ones kept',
  'seal-audit': 'seal-audit: every entry sealed once, seal_seq unique and contiguous, the chain verifies',
  'offline-run-status': 'offline-run-status: a due site restored once, one 恢复正常 entry',
  'close-stale-applications': 'close-stale-applications: each application returned 90 days ago closed once',
  'offline-ending-reminders': 'offline-ending-reminders: each site told once that its offline ends tomorrow',
  // Notification jobs (issue 9): two instances at once in tests/integration/notifications-jobs.test.ts.
  'mail-worker': 'tests/integration/notifications-jobs.test.ts: each queued mail delivered once',
  'deadline-alerts': 'tests/integration/notifications-jobs.test.ts: one reminder per step, mailed once',
  'daily-digest': 'tests/integration/notifications-jobs.test.ts: one digest per user and day',
};

describe('the scheduled jobs', () => {
  it('each job in JOBS has a check here', () => {
    const missing = JOBS.map((j) => j.name).filter((n) => !(n in JOB_CHECKS));
    expect(missing, 'add a two-instance test and an entry in JOB_CHECKS for each new job').toEqual([]);
  });
});

// First: the sweep would otherwise also visit the sites the later tests register (under unreachable test names).
describe('two instances at once', () => {
  it(JOB_CHECKS['link-sweep']!, async () => {
    const urls: string[] = [];
    for (let i = 0; i < 12; i++) {
      const code = formatSiteCode('130302', 700 + i);
      const home = web.url(`/home/${code}`);
      const site = await makeSite(t.ctx.db, { seq: 700 + i, homeUrl: home });
      const addresses = [web.url(`/p/${i}/a.html`), web.url(`/p/${i}/b.html`)];
      await t.ctx.db
        .updateTable('sites')
        .set({ columns: JSON.stringify([{ category: 'ZWDT', names: '动态；通知', addresses: addresses.join('；') }]) })
        .where('id', '=', site.id)
        .execute();
      urls.push(home, ...addresses);
    }
    web.reset();
    // 02:00 Asia/Shanghai: the sweep belongs to this night.
    t.clock.set(sh('2026-11-03T02:00:00'));
    await runOnBoth('link-sweep');

    const sweeps = await t.ctx.db.selectFrom('link_sweeps').selectAll().where('night', '=', '2026-11-03').execute();
    expect(sweeps).toHaveLength(1);
    expect(sweeps[0]!.status).toBe('DONE');
    const checks = await t.ctx.db
      .selectFrom('link_checks')
      .select(['site_id', 'url', 'kind'])
      .where('sweep_id', '=', sweeps[0]!.id)
      .execute();
    expect(checks).toHaveLength(urls.length);
    expect(new Set(checks.map((c) => `${c.site_id} ${c.kind} ${c.url}`)).size).toBe(urls.length);
    expect(web.requests.filter((p) => p !== '/robots.txt')).toHaveLength(urls.length);
    // Nothing left to do: a third run finds the night done. Which instance takes the lock first is not fixed: one of
    // them reports the night done, the other either the same or that the lock is held.
    const third = await runOnBoth('link-sweep');
    expect(third.some((r) => r.includes('ALREADY_DONE'))).toBe(true);
    expect(third.every((r) => r.includes('ALREADY_DONE') || r.includes('LOCKED'))).toBe(true);
    await t.ctx.db.updateTable('sites').set({ run_status: 'DELETED' }).where('site_code', 'like', '130302%').execute();
  });

  it(JOB_CHECKS['issue-codes']!, async () => {
    const apps = [];
    for (let i = 0; i < 24; i++)
      apps.push(await pending(t, ['130302', '130303', '130300'][i % 3]!, sh('2026-11-05T10:00:00')));
    t.clock.set(sh('2026-11-05T16:00:00'));
    const summaries = await runOnBoth('issue-codes');
    const requestIds = apps.map((x) => x.request.id);
    const audits = await t.ctx.db
      .selectFrom('audit_log')
      .select(['request_id', sql<number>`count(*)::int`.as('n')])
      .where('action', '=', '生成标识码')
      .where('request_id', 'in', requestIds)
      .groupBy('request_id')
      .execute();
    expect(audits).toHaveLength(apps.length);
    expect(audits.every((x) => x.n === 1)).toBe(true);
    const sites = await t.ctx.db
      .selectFrom('sites')
      .select(['site_code', 'run_status'])
      .where(
        'id',
        'in',
        apps.map((x) => x.site.id),
      )
      .execute();
    expect(sites.every((s) => s.run_status === 'NORMAL' && s.site_code !== null)).toBe(true);
    expect(new Set(sites.map((s) => s.site_code)).size).toBe(apps.length);
    // The ledger: one run issued them all; the other was skipped by the lock or found nothing left.
    const issued = summaries.map((s) => Number(/issued (\d+)/.exec(s)?.[1] ?? -1));
    expect(issued.sort((x, y) => x - y)).toEqual([0, apps.length]);
  });

  it(JOB_CHECKS['purge-sessions']!, async () => {
    const now = t.clock.now();
    const admin = await t.ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const row = (lastSeen: Date) => ({
      id_digest: tokenDigest(t.ctx.keys, randomToken()),
      kind: 'ORG_USER' as const,
      user_id: admin.id,
      site_code: null,
      csrf_token: randomToken(24),
      created_at: lastSeen,
      last_seen_at: lastSeen,
      ip: '10.0.0.1',
      user_agent: 'races-jobs',
    });
    // Whatever earlier tests left expired goes first, so the two runs below count only these.
    await JOBS.find((j) => j.name === 'purge-sessions')!.run(a, 'SCHEDULE');
    const expired = Array.from({ length: 300 }, (_, i) => row(new Date(now.getTime() - HOUR - i * 1000)));
    const live = Array.from({ length: 20 }, () => row(new Date(now.getTime() - 60_000)));
    await t.ctx.db
      .insertInto('sessions')
      .values([...expired, ...live])
      .execute();
    const summaries = await runOnBoth('purge-sessions');
    const removed = summaries.map((s) => Number(/removed (\d+)/.exec(s)?.[1] ?? Number.NaN));
    expect(removed[0]! + removed[1]!).toBe(expired.length);
    const left = await t.ctx.db
      .selectFrom('sessions')
      .select('id_digest')
      .where('user_agent', '=', 'races-jobs')
      .execute();
    expect(left.map((s) => s.id_digest).sort()).toEqual(live.map((s) => s.id_digest).sort());
  });

  it(JOB_CHECKS['seal-audit']!, async () => {
    // More unsealed entries than one sealing transaction takes (2000), so the two runs really interleave.
    await sql`INSERT INTO audit_log (at, actor_type, action, entity_type, entity_id, comment)
      SELECT now(), 'SYSTEM', '并发封存测试', 'TEST', g::text, '第' || g || '条'
      FROM generate_series(1, 4500) g`.execute(t.ctx.db);
    await runOnBoth('seal-audit');
    const seals = await t.ctx.db
      .selectFrom('audit_log')
      .select(['seal_seq'])
      .where('seal_seq', 'is not', null)
      .orderBy('seal_seq')
      .execute();
    const total = await count(
      t.ctx.db.selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n')).executeTakeFirst(),
    );
    expect(seals).toHaveLength(total);
    expect(seals.map((s) => Number(s.seal_seq))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const verified = await verifyAuditLog(t.ctx.db);
    expect(verified).toMatchObject({ ok: true, unsealed: 0, checked: total });
  });

  it(JOB_CHECKS['offline-run-status']!, async () => {
    t.clock.set(sh('2026-11-10T00:00:30'));
    const due = [];
    for (let i = 0; i < 4; i++) {
      const site = await makeSite(t.ctx.db, { orgCode: '130303', seq: 720 + i, runStatus: 'TEMP_OFFLINE' });
      await sql`UPDATE sites SET run_status_until = '2026-11-10'::date WHERE id = ${site.id}`.execute(t.ctx.db);
      due.push(site);
    }
    await runOnBoth('offline-run-status');
    for (const site of due) {
      const row = await t.ctx.db
        .selectFrom('sites')
        .select('run_status')
        .where('id', '=', site.id)
        .executeTakeFirstOrThrow();
      expect(row.run_status).toBe('NORMAL');
      const restored = await t.ctx.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', '恢复正常')
        .where('site_code', '=', site.site_code)
        .execute();
      expect(restored).toHaveLength(1);
    }
  });
  it(JOB_CHECKS['close-stale-applications']!, async () => {
    const returnedAt = new Date(t.clock.now().getTime() - 100 * 24 * HOUR);
    const stale = [];
    for (let i = 0; i < 4; i++) {
      stale.push(
        await makeApplication(t.ctx.db, {
          orgCode: '130303',
          name: `超期退回并发${i}网站`,
          state: 'RETURNED',
          stepIndex: 0,
          returnReason: '请补充',
          at: returnedAt,
        }),
      );
    }
    await runOnBoth('close-stale-applications');
    for (const app of stale) {
      const row = await t.ctx.db
        .selectFrom('requests')
        .select(['state', 'version'])
        .where('id', '=', app.request.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ state: 'WITHDRAWN', version: 2 });
      const closings = await t.ctx.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', '超期关闭')
        .where('request_id', '=', app.request.id)
        .execute();
      expect(closings).toHaveLength(1);
    }
  });
  it(JOB_CHECKS['offline-ending-reminders']!, async () => {
    t.clock.set(sh('2026-12-20T09:00:00'));
    const ending = [];
    for (let i = 0; i < 3; i++) {
      const site = await makeSite(t.ctx.db, { orgCode: '130303', seq: 740 + i, runStatus: 'EMERGENCY_OFFLINE' });
      await sql`UPDATE sites SET run_status_until = '2026-12-21'::date WHERE id = ${site.id}`.execute(t.ctx.db);
      ending.push(site);
    }
    await runOnBoth('offline-ending-reminders');
    for (const site of ending) {
      const notices = await t.ctx.db
        .selectFrom('site_notices')
        .select('id')
        .where('kind', '=', 'OFFLINE_ENDING')
        .where('site_id', '=', site.id)
        .execute();
      expect(notices).toHaveLength(1);
    }
    const mails = await t.ctx.db
      .selectFrom('mail_outbox')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('kind', '=', 'OFFLINE_ENDING')
      .where('created_at', '=', sh('2026-12-20T09:00:00'))
      .executeTakeFirstOrThrow();
    expect(mails.n).toBe(ending.length * 2);
  });
});
