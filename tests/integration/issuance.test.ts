// Issuance over a real database: the 16:00 cut-off, consecutive codes per org (local and bm), sequences never reused,
// overflow, the batch lock, start-up catch-up, the ledger with preview and manual run, and the 临时码 query afterwards.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS, startScheduler } from '../../src/jobs/scheduler.ts';
import { JOB_LOCKS, withJobLock } from '../../src/server/job-lock.ts';
import { issueCodes } from '../../src/server/modules/issuance/issue-codes.ts';
import { sampleInfo } from '../helpers/factories.ts';
import { issuedSite as issueOne, pending as pendingOf, siteRow as rowOf, sh } from '../helpers/issuance.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const silent = { info: () => {}, error: () => {} };
const code = (org: string, seq: number) => `${org}${String(seq).padStart(4, '0')}`;
const pending = (orgCode: string, at: Date) => pendingOf(t, orgCode, at);
const siteRow = (id: number) => rowOf(t, id);
const issuedSite = (orgCode: string, runAt: Date) => issueOne(t, orgCode, runAt);

async function lastSeq(orgCode: string): Promise<number> {
  const row = await t.ctx.db
    .selectFrom('site_sequences')
    .select('last_seq')
    .where('org_code', '=', orgCode)
    .executeTakeFirst();
  return row?.last_seq ?? 0;
}

async function requestState(id: number) {
  const r = await t.ctx.db.selectFrom('requests').select('state').where('id', '=', id).executeTakeFirstOrThrow();
  return r.state;
}

describe('the daily batch', () => {
  it('issues at 16:00 the applications approved before 16:00, the later one the next day, consecutively', async () => {
    const start = await lastSeq('130302');
    const a10 = await pending('130302', sh('2026-11-02T10:00:00'));
    const a1559 = await pending('130302', sh('2026-11-02T15:59:00'));
    const a1601 = await pending('130302', sh('2026-11-02T16:01:00'));

    t.clock.set(sh('2026-11-02T16:00:00'));
    const first = await issueCodes(t.ctx, { trigger: 'SCHEDULE' });
    expect(first).toMatchObject({ status: 'DONE', issued: 2, skipped: 0, errors: [] });
    expect(first.cutoff).toEqual(sh('2026-11-02T16:00:00'));
    expect(first.codes).toEqual([code('130302', start + 1), code('130302', start + 2)]);
    expect(await requestState(a10.request.id)).toBe('DONE');
    expect(await requestState(a1559.request.id)).toBe('DONE');
    expect(await requestState(a1601.request.id)).toBe('CODE_PENDING');

    const site = await siteRow(a10.site.id);
    expect(site).toMatchObject({ site_code: code('130302', start + 1), run_status: 'NORMAL', first_login_at: null });
    expect(new Date(site.code_issued_at!)).toEqual(sh('2026-11-02T16:00:00'));
    expect(site.check_code_hash).toMatch(/^\$argon2id\$/);
    expect(site.check_code_enc).toMatch(/^v1\./);
    expect((await siteRow(a1601.site.id)).run_status).toBe('APPLYING');

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('request_id', 'in', [a10.request.id, a1559.request.id])
      .where('action', '=', '生成标识码')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.actor_type, a.site_code, a.from_state, a.to_state])).toEqual([
      ['SYSTEM', code('130302', start + 1), 'CODE_PENDING', 'DONE'],
      ['SYSTEM', code('130302', start + 2), 'CODE_PENDING', 'DONE'],
    ]);

    // Re-running the same batch issues nothing more.
    t.clock.set(sh('2026-11-02T16:00:05'));
    expect(await issueCodes(t.ctx, { trigger: 'MANUAL' })).toMatchObject({ status: 'DONE', issued: 0 });

    t.clock.set(sh('2026-11-03T16:00:00'));
    const next = await issueCodes(t.ctx, { trigger: 'SCHEDULE' });
    expect(next.codes).toEqual([code('130302', start + 3)]);
    expect(await requestState(a1601.request.id)).toBe('DONE');

    const ledger = await t.ctx.db
      .selectFrom('issuance_runs')
      .selectAll()
      .where('id', '=', first.runId)
      .executeTakeFirstOrThrow();
    expect(ledger).toMatchObject({ status: 'DONE', trigger: 'SCHEDULE', issued_count: 2, dry_run: false });
    expect(ledger.codes).toEqual(first.codes);
    expect(new Date(ledger.cutoff)).toEqual(sh('2026-11-02T16:00:00'));
  });

  it('gives bm orgs bm codes and never reuses a number after the site is deleted', async () => {
    const start = await lastSeq('bm3000');
    const one = await issuedSite('bm3000', sh('2026-11-04T16:00:00'));
    expect(one.siteCode).toBe(code('bm3000', start + 1));
    await t.ctx.db.updateTable('sites').set({ run_status: 'DELETED' }).where('id', '=', one.site.id).execute();
    const two = await issuedSite('bm3000', sh('2026-11-05T16:00:00'));
    expect(two.siteCode).toBe(code('bm3000', start + 2));
    expect(await lastSeq('bm3000')).toBe(start + 2);
    // A deleted site is neither verifiable nor able to log in.
    expect((await t.client().get(`/api/public/verify/${one.siteCode}`)).status).toBe(404);
    const login = await t.client({ ip: '10.5.0.1' }).post('/api/auth/site-login', one);
    expect(login.status).toBe(403);
    expect(login.body.message).toContain('已被删除');
  });

  it('records an overflow past 9999 for that application and carries on with the others', async () => {
    await t.ctx.db
      .insertInto('site_sequences')
      .values({ org_code: '130303', last_seq: 9999 })
      .onConflict((oc) => oc.column('org_code').doUpdateSet({ last_seq: 9999 }))
      .execute();
    const full = await pending('130303', sh('2026-11-06T09:00:00'));
    const fine = await pending('130300', sh('2026-11-06T09:30:00'));
    t.clock.set(sh('2026-11-06T16:00:00'));
    const result = await issueCodes(t.ctx, { trigger: 'SCHEDULE' });
    expect(result.status).toBe('DONE');
    expect(result.issued).toBe(1);
    expect(result.errors).toEqual([
      expect.objectContaining({
        requestId: full.request.id,
        orgCode: '130303',
        message: expect.stringContaining('9999'),
      }),
    ]);
    expect(await requestState(full.request.id)).toBe('CODE_PENDING');
    expect(await requestState(fine.request.id)).toBe('DONE');
    expect(await lastSeq('130303')).toBe(9999);
    await t.ctx.db.updateTable('requests').set({ state: 'WITHDRAWN' }).where('id', '=', full.request.id).execute();
  });

  it('skips (and records) a run while another holds the lock; a dead RUNNING row is closed by the next run', async () => {
    t.clock.set(sh('2026-11-07T16:00:00'));
    const inner = await withJobLock(t.ctx, JOB_LOCKS.issuance, () => issueCodes(t.ctx, { trigger: 'SCHEDULE' }));
    expect(inner.acquired && inner.value.status).toBe('SKIPPED');
    const admin = await t.loginAs('admin');
    const refused = await withJobLock(t.ctx, JOB_LOCKS.issuance, () => admin.post('/api/issuance/run'));
    expect(refused.acquired && refused.value.status).toBe(409);
    expect(refused.acquired && refused.value.body.message).toContain('正在运行');

    const dead = await t.ctx.db
      .insertInto('issuance_runs')
      .values({
        started_at: sh('2026-11-07T16:00:00'),
        cutoff: sh('2026-11-07T16:00:00'),
        trigger: 'SCHEDULE',
        status: 'RUNNING',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await issueCodes(t.ctx, { trigger: 'MANUAL' });
    const row = await t.ctx.db
      .selectFrom('issuance_runs')
      .selectAll()
      .where('id', '=', dead.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('FAILED');
    expect(row.message).toContain('中断');
  });

  it('catches up a missed 16:00 at start-up, and only then', async () => {
    await pending('130302', sh('2026-11-08T11:00:00'));
    t.clock.set(sh('2026-11-09T08:00:00')); // the server was down at 16:00 on 11-08
    const scheduler = startScheduler(t.ctx, { logger: silent, jobs: JOBS });
    await scheduler.startupDone;
    await scheduler.stop();
    const runs = await t.ctx.db.selectFrom('issuance_runs').selectAll().where('trigger', '=', 'STARTUP').execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'DONE', issued_count: 1 });
    expect(new Date(runs[0]!.cutoff)).toEqual(sh('2026-11-08T16:00:00'));

    const again = startScheduler(t.ctx, { logger: silent, jobs: JOBS });
    await again.startupDone;
    await again.stop();
    expect(
      await t.ctx.db.selectFrom('issuance_runs').select('id').where('trigger', '=', 'STARTUP').execute(),
    ).toHaveLength(1);
  });
});

describe('ledger, preview and manual run (root only)', () => {
  it('previews the codes the run then hands out, and lists the runs', async () => {
    const start = await lastSeq('130302');
    const a = await pending('130302', sh('2026-11-10T09:00:00'));
    const waiting = await pending('130302', sh('2026-11-10T16:30:00'));
    t.clock.set(sh('2026-11-10T17:00:00'));
    const admin = await t.loginAs('admin');

    const preview = await admin.post('/api/issuance/preview');
    expect(preview.status).toBe(200);
    expect(preview.body.cutoff).toBe(sh('2026-11-10T16:00:00').toISOString());
    expect(preview.body.items).toEqual([
      expect.objectContaining({ requestId: a.request.id, siteCode: code('130302', start + 1), error: null }),
    ]);
    expect(preview.body.waiting).toEqual([
      expect.objectContaining({ requestId: waiting.request.id, scheduledAt: sh('2026-11-11T16:00:00').toISOString() }),
    ]);
    expect(await requestState(a.request.id)).toBe('CODE_PENDING');

    const run = await admin.post('/api/issuance/run');
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ status: 'DONE', issued: 1, codes: [code('130302', start + 1)] });

    const runs = await admin.get('/api/issuance/runs?pageSize=10');
    expect(runs.status).toBe(200);
    expect(runs.body.items[0]).toMatchObject({ id: run.body.runId, trigger: 'MANUAL', status: 'DONE', dryRun: false });
    expect(runs.body.items[0].triggeredBy).toContain('admin');
    expect(runs.body.items.some((r: { dryRun: boolean }) => r.dryRun)).toBe(false);
    const withDry = await admin.get('/api/issuance/runs?pageSize=10&includeDryRuns=true');
    expect(withDry.body.items.some((r: { dryRun: boolean }) => r.dryRun)).toBe(true);
    await t.ctx.db.updateTable('requests').set({ state: 'WITHDRAWN' }).where('id', '=', waiting.request.id).execute();
  });

  it('refuses non-root accounts', async () => {
    const hebei = await t.loginAs('hebei');
    expect((await hebei.get('/api/issuance/runs')).status).toBe(403);
    expect((await hebei.post('/api/issuance/preview')).status).toBe(403);
    expect((await hebei.post('/api/issuance/run')).status).toBe(403);
    expect((await t.client().get('/api/issuance/runs')).status).toBe(401);
  });
});

describe('临时码 progress query after issuance', () => {
  it('shows 标识码 + 校验码 until the first login, then the note', async () => {
    const c = t.client({ ip: '10.5.6.1' });
    const body = sampleInfo({
      name: '海港区发证测试局网站',
      homeUrl: 'https://fazheng.hg.gov.cn/',
      orgCode: '130302',
      isPortal: false,
    });
    const submitted = await c.post('/api/public/applications', body, { headers: { 'idempotency-key': randomUUID() } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const { tempCode } = submitted.body as { tempCode: string };
    // Approved by the whole chain at 15:00 (the review itself is tested elsewhere).
    await t.ctx.db
      .updateTable('requests')
      .set((eb) => ({
        state: 'CODE_PENDING',
        current_org: null,
        step_index: sql<number>`cardinality(chain) - 1`,
        final_approved_at: sh('2026-11-18T15:00:00'),
        version: eb('version', '+', 1),
      }))
      .where('state', '=', 'SUBMITTED')
      .where('site_id', '=', (eb) =>
        eb.selectFrom('sites').select('id').where('name', '=', '海港区发证测试局网站').limit(1),
      )
      .execute();
    t.clock.set(sh('2026-11-18T15:30:00'));
    const pendingRes = await c.post('/api/public/progress', { tempCode });
    expect(pendingRes.body).toMatchObject({
      state: 'CODE_PENDING',
      text: '审核通过，网站标识码还未生成，将于今天生成',
      credentials: null,
    });

    t.clock.set(sh('2026-11-18T16:00:00'));
    await issueCodes(t.ctx, { trigger: 'SCHEDULE' });
    const done = await c.post('/api/public/progress', { tempCode });
    expect(done.body.state).toBe('DONE');
    expect(done.body.credentials).toEqual({
      siteCode: expect.stringMatching(/^130302\d{4}$/),
      checkCode: expect.stringMatching(/^[A-HJ-NP-Z2-9]{8}$/),
      note: null,
    });
    const { siteCode, checkCode } = done.body.credentials;
    t.clock.set(sh('2026-11-19T08:30:00'));
    expect((await c.post('/api/auth/site-login', { siteCode, checkCode })).status).toBe(200);
    const after = await t.client({ ip: '10.5.6.2' }).post('/api/public/progress', { tempCode });
    expect(after.body.credentials).toEqual({
      siteCode,
      checkCode: null,
      note: '校验码已于 2026-11-19 首次登录时使用；如遗失，请联系本级组织单位重置校验码',
    });
  });
});
