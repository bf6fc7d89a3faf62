// The nightly link sweep over a real database and a test web server on 127.0.0.1: concurrency limits, time budget,
// resume and idempotency, the advisory lock, the three-strikes flag, the footer check and GET /api/sites/:id/link-health.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { formatSiteCode } from '../../src/domain/org-code.ts';
import { linkSweepJob } from '../../src/jobs/link-sweep.ts';
import { JOBS } from '../../src/jobs/scheduler.ts';
import { LinkChecker } from '../../src/server/modules/link-checks/checker.ts';
import { linkHealthBySiteIds } from '../../src/server/modules/link-checks/repository.ts';
import { LINK_SWEEP_BUDGET_MS, runLinkSweep } from '../../src/server/modules/link-checks/run-sweep.ts';
import { hashSecret } from '../../src/server/passwords.ts';
import { makeSite } from '../helpers/factories.ts';
import { type LinkTestServer, startLinkTestServer, TEST_DOMAIN, testLookup } from '../helpers/link-servers.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { usingPostgres } from '../helpers/test-database.ts';

let t: TestApp;
let web: LinkTestServer;
beforeAll(async () => {
  [t, web] = await Promise.all([createTestApp(), startLinkTestServer()]);
});
afterAll(async () => {
  await Promise.all([t?.close(), web?.close()]);
});

const LIMIT = 4;
const PER_HOST = 2;
const checker = () =>
  new LinkChecker({
    allow: ['127.0.0.1'],
    lookup: testLookup,
    timeoutMs: 3000,
    concurrency: LIMIT,
    perHostConcurrency: PER_HOST,
  });
/** 02:00 Asia/Shanghai on 2026-11-(day). */
const night = (day: number) => new Date(`2026-11-${String(day).padStart(2, '0')}T02:00:00+08:00`);
const sweep = (day: number, budgetMs = 60_000) =>
  runLinkSweep(t.ctx, { budgetMs, now: night(day), checker: checker() });

async function sweepRow(id: number | null) {
  return t.ctx.db
    .selectFrom('link_sweeps')
    .selectAll()
    .where('id', '=', id ?? -1)
    .executeTakeFirstOrThrow();
}

async function checksOf(sweepId: number | null) {
  return t.ctx.db
    .selectFrom('link_checks')
    .selectAll()
    .where('sweep_id', '=', sweepId ?? -1)
    .execute();
}

describe('sweeping 200 URLs', () => {
  const siteIds: number[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 20; i++) {
      const host = `s${i}.${TEST_DOMAIN}`;
      const site = await makeSite(t.ctx.db, {
        seq: 100 + i,
        homeUrl: web.url(`/home/${formatSiteCode('130302', 100 + i)}`, host),
      });
      const addresses = Array.from({ length: 9 }, (_, j) => web.url(`/p/${i}/${j}.html`, host)).join('；');
      const columns = [{ category: 'ZWDT', names: Array(9).fill('动态').join('；'), addresses }];
      await t.ctx.db
        .updateTable('sites')
        .set({ columns: JSON.stringify(columns) })
        .where('id', '=', site.id)
        .execute();
      siteIds.push(site.id);
    }
  });

  it('checks every URL within the concurrency limits and the budget', async () => {
    web.reset();
    const result = await sweep(3);
    expect(result).toMatchObject({
      status: 'DONE',
      night: '2026-11-03',
      sitesChecked: 20,
      urlsChecked: 200,
      urlsFailed: 0,
    });
    expect(result.elapsedMs).toBeLessThan(60_000);
    expect(web.maxInFlight).toBeLessThanOrEqual(LIMIT);
    expect(web.maxInFlight).toBeGreaterThan(1);
    expect(web.maxInFlightPerHost).toBeLessThanOrEqual(PER_HOST);
    // 200 URLs plus one robots.txt per host for the 栏目 addresses.
    expect(web.requests.filter((p) => p !== '/robots.txt')).toHaveLength(200);
    const rows = await checksOf(result.sweepId);
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.kind === 'HOME')).toHaveLength(20);
    expect(rows.every((r) => r.ok && r.status === 200)).toBe(true);
    const health = await linkHealthBySiteIds(t.ctx.db, siteIds);
    expect(health.size).toBe(20);
    expect([...health.values()].every((h) => h.homeOk && h.urlsTotal === 10 && h.footerProblems === 0)).toBe(true);
  });

  it('does nothing when run again the same night', async () => {
    web.reset();
    const again = await sweep(3);
    expect(again).toMatchObject({ status: 'ALREADY_DONE', sitesChecked: 0, urlsChecked: 0 });
    expect(web.requests).toEqual([]);
  });

  it('stops when the budget is spent and resumes where it stopped, counting each URL once', async () => {
    web.pathDelayMs = 100;
    web.reset();
    // Two sites at a time, ~0.6 s each: some finish within the budget, the rest are cut off and resumed.
    const first = await runLinkSweep(t.ctx, { budgetMs: 1500, now: night(4), checker: checker(), siteConcurrency: 2 });
    web.pathDelayMs = 20;
    expect(first.status).toBe('PARTIAL');
    expect(first.elapsedMs).toBeLessThan(1500 + 1500);
    expect(first.sitesChecked).toBeGreaterThan(0);
    expect(first.sitesChecked).toBeLessThan(20);
    const partial = await sweepRow(first.sweepId);
    expect(partial).toMatchObject({ status: 'RUNNING', sites_checked: first.sitesChecked });
    // The cursor covers a finished prefix: every site up to it is recorded in this sweep.
    const cursor = Number(partial.cursor_site_id);
    expect(cursor).toBeGreaterThanOrEqual(siteIds[0] ?? Number.POSITIVE_INFINITY);
    const recorded = await t.ctx.db
      .selectFrom('link_health')
      .select('site_id')
      .where('last_sweep_id', '=', partial.id)
      .execute();
    const recordedIds = new Set(recorded.map((r) => r.site_id));
    expect(siteIds.filter((id) => id <= cursor).every((id) => recordedIds.has(id))).toBe(true);
    expect(await checksOf(first.sweepId)).toHaveLength(first.sitesChecked * 10);

    const second = await sweep(4);
    expect(second).toMatchObject({ status: 'DONE', sweepId: first.sweepId, sitesChecked: 20 - first.sitesChecked });
    const done = await sweepRow(first.sweepId);
    expect(done).toMatchObject({ status: 'DONE', runs: 2, sites_checked: 20, urls_checked: 200 });
    expect(await checksOf(first.sweepId)).toHaveLength(200);
  });

  it('never runs twice at once (advisory lock on PostgreSQL, in-process guard on PGlite)', async () => {
    const other = usingPostgres()
      ? await openDatabase({ databaseUrl: t.testDb.databaseUrl, dataDir: '' })
      : { db: t.ctx.db, close: async () => {} };
    try {
      const otherCtx = { ...t.ctx, db: other.db };
      const [a, b] = await Promise.all([
        runLinkSweep(t.ctx, { budgetMs: 60_000, now: night(5), checker: checker() }),
        runLinkSweep(otherCtx, { budgetMs: 60_000, now: night(5), checker: checker() }),
      ]);
      expect([a.status, b.status].sort()).toEqual(['DONE', 'LOCKED']);
      expect(await checksOf(a.sweepId ?? b.sweepId)).toHaveLength(200);
    } finally {
      await other.close();
    }
  });

  it('is registered with the scheduler at 02:00', () => {
    expect(JOBS).toContain(linkSweepJob);
    expect(linkSweepJob).toMatchObject({ name: 'link-sweep', schedule: '0 0 2 * * *' });
    expect(LINK_SWEEP_BUDGET_MS).toBe(3 * 60 * 60 * 1000);
  });

  afterAll(async () => {
    // Temporarily offline sites are not swept: the later tests only see their own sites.
    await t.ctx.db.updateTable('sites').set({ run_status: 'TEMP_OFFLINE' }).where('id', 'in', siteIds).execute();
  });
});

describe('site health', () => {
  let flaky: { id: number; site_code: string | null };
  let noCode: { id: number; site_code: string | null };

  beforeAll(async () => {
    flaky = await makeSite(t.ctx.db, { seq: 300, homeUrl: web.url('/flaky/home', `flaky.${TEST_DOMAIN}`) });
    noCode = await makeSite(t.ctx.db, { seq: 301, homeUrl: web.url('/home-nocode', `nocode.${TEST_DOMAIN}`) });
    await t.ctx.db
      .insertInto('site_domains')
      .values({ host: `alias.${TEST_DOMAIN}`, site_id: noCode.id })
      .execute();
  });

  it('flags a site whose home page fails on three consecutive sweeps, and clears it when it recovers', async () => {
    web.flakyDown = true;
    for (const [day, failures] of [
      [6, 1],
      [7, 2],
      [8, 3],
    ] as const) {
      const r = await sweep(day);
      expect(r.status).toBe('DONE');
      const h = (await linkHealthBySiteIds(t.ctx.db, [flaky.id])).get(flaky.id);
      expect(h).toMatchObject({ homeOk: false, homeConsecutiveFailures: failures, flagged: failures >= 3 });
    }
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'LINK_HEALTH_FLAGGED')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_type: 'SYSTEM', entity_id: String(flaky.id), site_code: flaky.site_code });
    expect(audit[0]?.comment).toBe('首页连续 3 次巡检无法访问：无法访问：HTTP 503（服务暂不可用）');

    web.flakyDown = false;
    await sweep(9);
    const h = (await linkHealthBySiteIds(t.ctx.db, [flaky.id])).get(flaky.id);
    expect(h).toMatchObject({ homeOk: true, homeConsecutiveFailures: 0, flagged: false, flaggedSince: null });
  });

  it('shows the latest results and footer findings to the site, its org and ancestors — 404 to others', async () => {
    const owner = await t.loginAs('haigang');
    const res = await owner.get(`/api/sites/${noCode.id}/link-health`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ siteId: noCode.id, siteCode: noCode.site_code, homeOk: true, flagged: false });
    expect(res.body.urls.map((u: { kind: string; url: string }) => [u.kind, u.url])).toEqual([
      ['HOME', web.url('/home-nocode', `nocode.${TEST_DOMAIN}`)],
      ['DOMAIN', `https://alias.${TEST_DOMAIN}/`],
    ]);
    expect(res.body.urls[1]).toMatchObject({ ok: false, error: 'CONNECTION' });
    expect(res.body.footer.findings[0]).toEqual({
      item: 'SITE_CODE',
      status: 'MISSING',
      expected: noCode.site_code,
      found: [],
      message: `首页未找到网站标识码（登记为 ${noCode.site_code}）`,
    });
    expect(res.body.footer.problems).toBe(3);

    expect((await (await t.loginAs('hebei')).get(`/api/sites/${noCode.id}/link-health`)).status).toBe(200);
    expect((await (await t.loginAs('shanhaiguan')).get(`/api/sites/${noCode.id}/link-health`)).status).toBe(404);
    expect((await t.client().get(`/api/sites/${noCode.id}/link-health`)).status).toBe(401);

    await t.ctx.db
      .updateTable('sites')
      .set({ check_code_hash: await hashSecret('ABCDEFGH') })
      .where('id', '=', noCode.id)
      .execute();
    const site = t.client({ ip: '10.8.0.1' });
    expect(
      (await site.post('/api/auth/site-login', { siteCode: noCode.site_code, checkCode: 'ABCDEFGH' })).status,
    ).toBe(200);
    expect((await site.get(`/api/sites/${noCode.id}/link-health`)).status).toBe(200);
    expect((await site.get(`/api/sites/${flaky.id}/link-health`)).status).toBe(404);
  });

  it('answers for a site never swept with an empty summary', async () => {
    const fresh = await makeSite(t.ctx.db, { seq: 302 });
    const res = await (await t.loginAs('haigang')).get(`/api/sites/${fresh.id}/link-health`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ checkedAt: null, homeOk: null, urls: [], footer: null, flagged: false });
  });
});
