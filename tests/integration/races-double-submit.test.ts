// Double submits, on both databases: every POST route of the app is listed below with why sending it twice (a double
// click, a retry, two tabs) is harmless, or which test here proves it. A new POST route without an entry fails the
// first test. The tests send the same request twice (or more) at once and count the effects in the database.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { backupDatabase } from '../../src/server/modules/backup/backup.ts';
import { makeApplication, makeSite, sampleInfo } from '../helpers/factories.ts';
import { issuedSite, pending, sh } from '../helpers/issuance.ts';
import { HEADERS, row, upload, xlsxOf } from '../helpers/site-import.ts';
import { bodyOf, openForm, operatorOf, putDraft } from '../helpers/site-workspace.ts';
import { createTestApp, type Res, type TestApp } from '../helpers/test-app.ts';

type Entry = { harmless: string } | { proof: string };

/**
 * Every POST route → why a double submit is harmless, or the test (in this file unless another is named) that sends
 * it twice at once. Keys are `METHOD url` exactly as in `app.routeTable`.
 */
const POST_ROUTES: Record<string, Entry> = {
  'POST /api/auth/login': {
    harmless: 'each login opens its own session; the browser keeps the last cookie, the other expires unused',
  },
  'POST /api/auth/logout': { harmless: 'deleting a session that is already gone changes nothing' },
  'POST /api/auth/password': { proof: 'change password twice at once: one change, the second is refused' },
  'POST /api/auth/site-login': { harmless: 'like the org login: one more short-lived session, nothing else' },
  'POST /api/accounts': { proof: 'account creation with one username twice at once: one account' },
  'POST /api/accounts/:id/enabled': { proof: 'disable an account twice at once: one change, one audit entry' },
  'POST /api/accounts/:id/reset-password': {
    proof: 'reset a password twice at once: exactly one of the two answers works',
  },
  'POST /api/public/applications/check-duplicates': { harmless: 'read-only' },
  'POST /api/public/applications': { proof: 'new-site application with one idempotency key ten times at once' },
  'POST /api/public/progress': { harmless: 'read-only (a failed look-up counts towards the per-IP limit, by design)' },
  'POST /api/public/applications/open': { harmless: 'read-only' },
  'POST /api/public/applications/resubmit': { proof: 'resubmit and withdraw twice at once: one transition each' },
  'POST /api/public/applications/withdraw': { proof: 'resubmit and withdraw twice at once: one transition each' },
  'POST /api/requests/:id/approve': { proof: 'tests/integration/races-decisions.test.ts (50 deciders at once)' },
  'POST /api/requests/:id/return': { proof: 'tests/integration/races-decisions.test.ts (50 deciders at once)' },
  'POST /api/requests/bulk-approve': { proof: 'tests/integration/races-decisions.test.ts (bulk actions twice)' },
  'POST /api/requests/bulk-submit': { proof: 'tests/integration/races-decisions.test.ts (bulk actions twice)' },
  'POST /api/issuance/preview': { harmless: 'writes nothing but one dry-run line in the run ledger per click' },
  'POST /api/issuance/run': { proof: 'manual issuance run twice at once: each code issued once' },
  'POST /api/sites/:id/reset-check-code': {
    proof: 'reset a 校验码 twice at once: exactly one of the two answers works',
  },
  'POST /api/notices': { proof: 'publish one notice twice at once: one notice' },
  'POST /api/notices/attachments': {
    harmless: 'an extra upload stays unclaimed: publishing attaches only the ids the form holds',
  },
  'POST /api/notices/:id/manage': { proof: 'withdraw a notice twice at once: one withdrawal' },
  'POST /api/org-tree/units': { proof: 'create an org unit twice at once: one unit' },
  'POST /api/org-tree/units/:code/edit': {
    harmless: 'sets the same name and contacts again (row locked, last write equals the first)',
  },
  'POST /api/org-tree/units/:code/preview': { harmless: 'rolled back: changes nothing' },
  'POST /api/org-tree/units/:code/apply': { proof: 'disable an org unit twice at once: one change' },
  'POST /api/spot-checks/report': { proof: 'save a new spot-check report twice at once, then submit it twice' },
  'POST /api/spot-checks/report/submit': { proof: 'save a new spot-check report twice at once, then submit it twice' },
  'POST /api/spot-checks/:id/return': { proof: 'save a new spot-check report twice at once, then submit it twice' },
  'POST /api/spot-checks/sample-suggestion': { harmless: 'read-only (a random suggestion, nothing stored)' },
  'POST /api/supervision-reports': { proof: 'supervision report: every action twice at once, one effect each' },
  'POST /api/supervision-reports/:id/draft': {
    proof: 'supervision report: every action twice at once, one effect each',
  },
  'POST /api/supervision-reports/:id/refresh-prefill': {
    proof: 'supervision report: every action twice at once, one effect each',
  },
  'POST /api/supervision-reports/:id/submit': {
    proof: 'supervision report: every action twice at once, one effect each',
  },
  'POST /api/supervision-reports/:id/approve': {
    proof:
      'supervision report: every action twice at once, one effect each; tests/integration/supervision-reports.test.ts',
  },
  'POST /api/supervision-reports/:id/return': {
    proof: 'supervision report: every action twice at once, one effect each',
  },
  'POST /api/link-check': { harmless: 'read-only (fetches a URL, stores nothing)' },
  'POST /api/inbox/settings': { harmless: 'writes the same digest switch and address again (the last write wins)' },
  'POST /api/site/notices/read': { harmless: 'marks read what is unread: the second call finds nothing to mark' },
  'POST /api/offline-requests/:id/approve': {
    proof: 'tests/integration/offline-races.test.ts (通过 and 驳回 at once)',
  },
  'POST /api/offline-requests/:id/return': { proof: 'tests/integration/offline-races.test.ts (通过 and 驳回 at once)' },
  'POST /api/sites/:id/exception': { proof: 'tests/integration/offline-races.test.ts (例外, 删除 and 恢复正常)' },
  'POST /api/sites/:id/delete': { proof: 'tests/integration/offline-races.test.ts (例外, 删除 and 恢复正常)' },
  'POST /api/sites/:id/restore': { proof: 'tests/integration/offline-races.test.ts (例外, 删除 and 恢复正常)' },
  'POST /api/site/offline/attachments': {
    harmless: 'an extra upload stays unclaimed: a 下线申请 binds only the id the form holds, and each id only once',
  },
  'POST /api/site/offline/requests': { proof: 'tests/integration/offline-races.test.ts (下线申请, 紧急下线)' },
  'POST /api/site/offline/complete': { proof: 'tests/integration/offline-races.test.ts (完成下线)' },
  'POST /api/site/offline/restore': { proof: 'tests/integration/offline-races.test.ts (紧急下线 then 恢复上线)' },
  'POST /api/site/work-report/draft': {
    proof: 'tests/integration/work-reports.test.ts (every 工作年度报表 form twice at once: one effect each)',
  },
  'POST /api/site/work-report/submit': {
    proof: 'tests/integration/work-reports.test.ts (every 工作年度报表 form twice at once: one effect each)',
  },
  'POST /api/site/work-report/publish': {
    proof: 'tests/integration/work-reports.test.ts (every 工作年度报表 form twice at once: one effect each)',
  },
  'POST /api/work-reports/:id/approve': {
    proof: 'tests/integration/work-reports.test.ts (two concurrent decisions: one wins)',
  },
  'POST /api/work-reports/:id/return': {
    proof: 'tests/integration/work-reports.test.ts (two concurrent decisions: one wins)',
  },
  'POST /api/work-reports/approve-page': {
    proof: 'tests/integration/work-reports.test.ts (every 工作年度报表 form twice at once: one effect each)',
  },
  'POST /api/work-report-window': {
    harmless: 'writes the same three dates again (upsert on the year; the last write equals the first)',
  },
  'PUT /api/site/modification/draft': { proof: '填报单位 requests twice at once: one open request each' },
  'POST /api/site/modification/submit': { proof: '填报单位 requests twice at once: one open request each' },
  'POST /api/site/portal': { proof: '填报单位 requests twice at once: one open request each' },
  'POST /api/site/service-platform': { proof: '填报单位 requests twice at once: one open request each' },
  'POST /api/site/domains': { proof: '填报单位 requests twice at once: one open request each' },
  'POST /api/site/requests/:id/withdraw': { proof: '填报单位 requests twice at once: one open request each' },
  'POST /api/site-import/preview': { harmless: 'read-only (a 预检 report, nothing stored)' },
  'POST /api/site-import/report': { harmless: 'read-only (the 预检 report as xlsx, nothing stored)' },
  'POST /api/site-import/commit': { proof: 'one import file sent twice at once: its sites created once' },
  'PUT /api/column-categories': {
    harmless: 'saves the same dictionary again under the dictionary lock; codes are upserted, never duplicated',
  },
};

let t: TestApp;
let seq = 0;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const CHINESE = /[\u4e00-\u9fff]/;

function twice<T>(fn: () => Promise<T>, n = 2): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, fn));
}

function statuses(results: Res[]): number[] {
  return results.map((r) => r.status).sort((a, b) => a - b);
}

/** Each refused duplicate: a 4xx with a Chinese message, never a 5xx. */
function expectRefusedClearly(results: Res[]) {
  for (const r of results.filter((x) => x.status !== 200)) {
    expect(r.status, JSON.stringify(r.body)).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.message).toMatch(CHINESE);
  }
}

async function auditCount(action: string, entityId?: string): Promise<number> {
  let q = t.ctx.db.selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n')).where('action', '=', action);
  if (entityId !== undefined) q = q.where('entity_id', '=', entityId);
  return (await q.executeTakeFirstOrThrow()).n;
}

describe('the table of POST routes', () => {
  it('names every POST route of the app, and nothing else', () => {
    const posts = t.app.routeTable.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);
    const missing = posts.filter((k) => !(k in POST_ROUTES));
    expect(missing, 'new POST routes: add each to POST_ROUTES with why a double submit is harmless or a test').toEqual(
      [],
    );
    expect(Object.keys(POST_ROUTES).filter((k) => !posts.includes(k))).toEqual([]);
  });
});

describe('creating things twice at once', () => {
  it('one import file sent twice at once: its sites created once, the second told to check again', async () => {
    const root = await t.loginAs('admin');
    const file = await xlsxOf([
      HEADERS,
      row('1303027101', '重复导入测试网站甲', 'dup-import-a.hg.gov.cn'),
      row('1303027102', '重复导入测试网站乙', 'dup-import-b.hg.gov.cn'),
    ]);
    const results = await twice(() => upload(root, '/api/site-import/commit', '重复导入.xlsx', file));
    expectRefusedClearly(results);
    const created = results.filter((r) => r.status === 200).map((r) => r.body.created as number);
    // Either the second waited and found nothing left to create, or its recheck refused it.
    expect(created.reduce((a, b) => a + b, 0)).toBe(2);
    const sites = await t.ctx.db
      .selectFrom('sites')
      .select('id')
      .where('site_code', 'in', ['1303027101', '1303027102'])
      .execute();
    expect(sites).toHaveLength(2);
    for (const s of sites) expect(await auditCount('批量导入', String(s.id))).toBe(1);
  });

  it('new-site application with one idempotency key ten times at once: one application, one 临时码', async () => {
    seq++;
    const info = sampleInfo({
      name: `重复提交测试网站${seq}`,
      homeUrl: `https://double${seq}.hg.gov.cn/`,
      orgCode: '130302',
      isPortal: false,
    });
    const key = randomUUID();
    const results = await twice(
      () => t.client().post('/api/public/applications', info, { headers: { 'idempotency-key': key } }),
      10,
    );
    expect(statuses(results)).toEqual(Array(10).fill(200));
    expect(new Set(results.map((r) => r.body.tempCode)).size).toBe(1);
    const sites = await t.ctx.db.selectFrom('sites').select('id').where('name', '=', info.name).execute();
    expect(sites).toHaveLength(1);
    const requests = await t.ctx.db.selectFrom('requests').select('id').where('site_id', '=', sites[0]!.id).execute();
    expect(requests).toHaveLength(1);
    expect(await auditCount('提交', String(requests[0]!.id))).toBe(1);
  });

  it('account creation with one username twice at once: one account, one 409 in Chinese', async () => {
    const admin = await t.loginAs('haigang');
    const body = { username: 'double.submit', displayName: '重复提交', orgCode: '130302', role: 'REVIEWER' };
    const results = await twice(() => admin.post('/api/accounts', body));
    expect(statuses(results)).toEqual([200, 409]);
    expectRefusedClearly(results);
    const users = await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'double.submit').execute();
    expect(users).toHaveLength(1);
    expect(await auditCount('新建账号', String(users[0]!.id))).toBe(1);
    expect(await auditCount('新建账号')).toBe(1);
  });

  it('publish one notice twice at once: one notice, both answers name it', async () => {
    const hebei = await t.loginAs('hebei');
    const body = {
      title: '关于重复提交测试的通知',
      bodyHtml: '<p>请各单位知悉。</p>',
      pinned: false,
      attachmentIds: [],
    };
    const results = await twice(() => hebei.post('/api/notices', body));
    expect(statuses(results)).toEqual([200, 200]);
    expect(results[0]!.body.id).toBe(results[1]!.body.id);
    const notices = await t.ctx.db.selectFrom('notices').select('id').where('title', '=', body.title).execute();
    expect(notices).toHaveLength(1);
    expect(await auditCount('发布重要通知', String(notices[0]!.id))).toBe(1);
  });

  it('create an org unit twice at once: one unit, one 409 in Chinese', async () => {
    const root = await t.loginAs('admin');
    const body = {
      code: '130397',
      name: '重复提交测试管理委员会',
      displayName: '重复提交测试区',
      parentCode: '130300',
      principal: null,
      contacts: [],
    };
    const results = await twice(() => root.post('/api/org-tree/units', body));
    expect(statuses(results)).toEqual([200, 409]);
    expectRefusedClearly(results);
    const units = await t.ctx.db.selectFrom('org_units').select('code').where('code', '=', '130397').execute();
    expect(units).toHaveLength(1);
    expect(await auditCount('新建组织单位', '130397')).toBe(1);
  });

  it('one code created under two different parents at once: one unit, the other a 409 (not a 500)', async () => {
    const root = await t.loginAs('admin');
    const body = (parentCode: string) => ({
      code: '130396',
      name: '并发新建测试',
      displayName: '并发新建测试',
      parentCode,
      principal: null,
      contacts: [],
    });
    const results = await Promise.all([
      root.post('/api/org-tree/units', body('130300')),
      root.post('/api/org-tree/units', body('130000')),
    ]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expectRefusedClearly(results);
    expect(await auditCount('新建组织单位', '130396')).toBe(1);
  });

  it('save a new spot-check report twice at once, then submit it twice, then return it twice: one effect each', async () => {
    const at = new Date('2026-07-15T02:00:00Z');
    const ids: number[] = [];
    for (const [i, org] of ['130000', '130300', '130302', '130303'].entries()) {
      ids.push((await makeSite(t.ctx.db, { orgCode: org, seq: 600 + i, isPortal: i === 0, at })).id);
    }
    const hebei = await t.loginAs('hebei');
    const draft = {
      year: 2026,
      quarter: 3,
      version: 0,
      checkedCount: 2,
      passedCount: 2,
      summary: '本季度按比例随机抽查。',
      reporterName: '王伟',
      reporterPhone: '0311-87654321',
      findings: [],
    };
    const saved = await twice(() => hebei.post('/api/spot-checks/report', draft));
    expect(statuses(saved)).toEqual([200, 409]);
    expectRefusedClearly(saved);
    const reports = await t.ctx.db
      .selectFrom('spot_check_reports')
      .selectAll()
      .where('org_code', '=', '130000')
      .where('year', '=', 2026)
      .where('quarter', '=', 3)
      .execute();
    expect(reports).toHaveLength(1);

    const version = reports[0]!.version;
    const submitted = await twice(() =>
      hebei.post('/api/spot-checks/report/submit', { year: 2026, quarter: 3, version }),
    );
    expect(statuses(submitted)).toEqual([200, 409]);
    expectRefusedClearly(submitted);
    const submits = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', String(reports[0]!.id))
      .where('action', 'like', '上报抽查情况%')
      .execute();
    expect(submits).toHaveLength(1);

    const root = await t.loginAs('admin');
    const returned = await twice(() =>
      root.post(`/api/spot-checks/${reports[0]!.id}/return`, { reason: '请补充整改情况' }),
    );
    expect(returned.filter((r) => r.status === 200)).toHaveLength(1);
    expectRefusedClearly(returned);
    const returns = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', String(reports[0]!.id))
      .where('action', 'like', '%退回%')
      .execute();
    expect(returns).toHaveLength(1);
  });
});

describe('supervision report: every action twice at once, one effect each', () => {
  it('opens one report, and saves, refreshes, submits, returns and approves it once per version', async () => {
    const hebei = await t.loginAs('hebei');
    const root = await t.loginAs('admin');
    const opened = await twice(() => hebei.post('/api/supervision-reports', { year: 2025 }));
    expect(statuses(opened)).toEqual([200, 200]);
    expect(opened[0]!.body.id).toBe(opened[1]!.body.id);
    const id: number = opened[0]!.body.id;
    const rows = await t.ctx.db
      .selectFrom('supervision_reports')
      .select('id')
      .where('org_code', '=', '130000')
      .execute();
    expect(rows).toHaveLength(1);
    expect(await auditCount('创建监管年度报表', String(id))).toBe(1);

    const data = {
      errorMessages: 10,
      errorMessagesOnTime: 9,
      securityChecks: 1,
      securityProblems: 0,
      securityFixed: 0,
      fakeSitesFound: 0,
      fakeSitesHandled: 0,
      trainingSessions: 1,
      trainees: 20,
    };
    const each = async (path: string, body: Record<string, unknown>, who = hebei) => {
      const version = (await who.get(`/api/supervision-reports/${id}`)).body.version;
      const results = await twice(() => who.post(`/api/supervision-reports/${id}/${path}`, { version, ...body }));
      expect(statuses(results)).toEqual([200, 409]);
      expectRefusedClearly(results);
    };
    await each('draft', { data });
    expect(await auditCount('保存监管年度报表', String(id))).toBe(1);
    await each('refresh-prefill', {});
    expect(await auditCount('更新监管年度报表预填数据', String(id))).toBe(1);
    await each('submit', {});
    expect(await auditCount('提交监管年度报表', String(id))).toBe(1);
    await each('return', { reason: '请核对培训人数' }, root);
    expect(await auditCount('退回监管年度报表', String(id))).toBe(1);
    await each('submit', {});
    await each('approve', {}, root);
    expect(await auditCount('通过监管年度报表', String(id))).toBe(1);
  });
});

describe('actions twice at once', () => {
  it('manual issuance run twice at once: each code issued once; the other run skipped with a 409', async () => {
    const runAt = sh('2026-11-20T16:30:00');
    const apps = [];
    for (let i = 0; i < 6; i++) apps.push(await pending(t, i % 2 ? '130302' : '130303', sh('2026-11-19T10:00:00')));
    t.clock.set(runAt);
    const root = await t.loginAs('admin');
    const results = await twice(() => root.post('/api/issuance/run'));
    expect(results.some((r) => r.status === 200)).toBe(true);
    expectRefusedClearly(results);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.message).toContain('另一个标识码生成任务');
    // Whatever the interleaving (a second run either skipped or finding nothing left), each code is issued once.
    const issued = results.filter((r) => r.status === 200).reduce((n, r) => n + Number(r.body.issued), 0);
    expect(issued).toBe(apps.length);
    for (const a of apps) {
      expect(await auditCount('生成标识码', String(a.request.id))).toBe(1);
    }
    const codes = await t.ctx.db
      .selectFrom('sites')
      .select('site_code')
      .where(
        'id',
        'in',
        apps.map((a) => a.site.id),
      )
      .execute();
    expect(new Set(codes.map((c) => c.site_code)).size).toBe(apps.length);
  });

  it('reset a 校验码 twice at once: exactly one of the two answers works, each reset audited', async () => {
    const s = await issuedSite(t, '130302', sh('2026-11-21T16:00:00'));
    const own = await t.loginAs('haigang');
    const results = await twice(() => own.post(`/api/sites/${s.site.id}/reset-check-code`));
    expect(statuses(results)).toEqual([200, 200]);
    const works: boolean[] = [];
    for (const [i, r] of results.entries()) {
      const c = t.client({ ip: `10.88.0.${i + 1}` });
      works.push(
        (await c.post('/api/auth/site-login', { siteCode: s.siteCode, checkCode: r.body.checkCode })).status === 200,
      );
    }
    expect(works.filter(Boolean)).toHaveLength(1);
    expect(await auditCount('重置校验码', String(s.site.id))).toBe(2);
  });

  it('reset a password twice at once: exactly one of the two answers works', async () => {
    const admin = await t.loginAs('qinhuangdao');
    const target = await t.ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'shanhaiguan')
      .executeTakeFirstOrThrow();
    const results = await twice(() => admin.post(`/api/accounts/${target.id}/reset-password`));
    expect(statuses(results)).toEqual([200, 200]);
    const works: boolean[] = [];
    for (const [i, r] of results.entries()) {
      const c = t.client({ ip: `10.89.0.${i + 1}` });
      const res = await c.post('/api/auth/login', { username: 'shanhaiguan', password: r.body.initialPassword });
      works.push(res.status === 200);
    }
    expect(works.filter(Boolean)).toHaveLength(1);
  });

  it('disable an account twice at once: one change, one audit entry', async () => {
    const admin = await t.loginAs('admin');
    const created = await admin.post('/api/accounts', {
      username: 'twice.disabled',
      displayName: '重复停用',
      orgCode: '130302',
      role: 'REVIEWER',
    });
    expect(created.status).toBe(200);
    const id = created.body.id as number;
    const results = await twice(() => admin.post(`/api/accounts/${id}/enabled`, { enabled: false }));
    expect(statuses(results)).toEqual([200, 200]);
    expect(await auditCount('停用账号', String(id))).toBe(1);
  });

  it('change password twice at once: one change, the second is refused in Chinese', async () => {
    const c = await t.loginAs('shuiwu');
    const body = { currentPassword: DEMO_PASSWORD, newPassword: 'Tax#Double-2026x' };
    const results = await twice(() => c.post('/api/auth/password', body));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expectRefusedClearly(results);
    const fresh = t.client({ ip: '10.90.0.1' });
    expect((await fresh.post('/api/auth/login', { username: 'shuiwu', password: 'Tax#Double-2026x' })).status).toBe(
      200,
    );
  });

  it('resubmit and withdraw twice at once: one transition each', async () => {
    seq++;
    const info = sampleInfo({
      name: `重复重新提交网站${seq}`,
      homeUrl: `https://resubmit${seq}.hg.gov.cn/`,
      orgCode: '130302',
      isPortal: false,
    });
    const applicant = t.client({ ip: '10.91.0.1' });
    const submitted = await applicant.post('/api/public/applications', info, {
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(submitted.status).toBe(200);
    const tempCode = submitted.body.tempCode as string;
    const row = await t.ctx.db
      .selectFrom('requests as r')
      .innerJoin('sites as s', 's.id', 'r.site_id')
      .select(['r.id'])
      .where('s.name', '=', info.name)
      .executeTakeFirstOrThrow();
    const reviewer = await t.loginAs('haigang');
    expect((await reviewer.post(`/api/requests/${row.id}/return`, { version: 1, reason: '请补充' })).status).toBe(200);

    const resubmitted = await twice(() =>
      applicant.post('/api/public/applications/resubmit', { tempCode, info: { ...info, sponsorName: '新主办单位' } }),
    );
    expect(statuses(resubmitted)).toEqual([200, 409]);
    expectRefusedClearly(resubmitted);
    expect(await auditCount('重新提交', String(row.id))).toBe(1);

    const withdrawn = await twice(() => applicant.post('/api/public/applications/withdraw', { tempCode }));
    expect(statuses(withdrawn)).toEqual([200, 409]);
    expectRefusedClearly(withdrawn);
    expect(await auditCount('撤回', String(row.id))).toBe(1);
  });

  it('withdraw a notice twice at once: one withdrawal', async () => {
    const hebei = await t.loginAs('hebei');
    const published = await hebei.post('/api/notices', {
      title: '将被撤回两次的通知',
      bodyHtml: '<p>测试</p>',
      pinned: false,
      attachmentIds: [],
    });
    expect(published.status).toBe(200);
    const id = published.body.id as number;
    const results = await twice(() => hebei.post(`/api/notices/${id}/manage`, { action: 'WITHDRAW' }));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expectRefusedClearly(results);
    expect(await auditCount('撤回重要通知', String(id))).toBe(1);
  });

  it('disable an org unit twice at once: one change', async () => {
    const root = await t.loginAs('admin');
    const results = await twice(() => root.post('/api/org-tree/units/130304/apply', { action: 'DISABLE' }));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expectRefusedClearly(results);
    const unit = await t.ctx.db
      .selectFrom('org_units')
      .select('enabled')
      .where('code', '=', '130304')
      .executeTakeFirstOrThrow();
    expect(unit.enabled).toBe(false);
    const changes = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', '130304').execute();
    expect(changes).toHaveLength(1);
  });
});

/** Counts the header and row lines of a backup file; throws if the gzip stream or a line is damaged. */
function readBackup(file: string): { header: number; rows: number } {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
  let header = 0;
  let rows = 0;
  for (const line of lines) {
    const parsed = JSON.parse(line) as { format?: string; t?: string };
    if (parsed.format === 'govsite-backup') header++;
    else if (typeof parsed.t === 'string') rows++;
    else throw new Error(`unexpected line ${line.slice(0, 80)}`);
  }
  return { header, rows };
}

describe('填报单位 requests twice at once', () => {
  async function openRequests(siteId: number) {
    return t.ctx.db
      .selectFrom('requests')
      .select(['id', 'type', 'state', 'version'])
      .where('site_id', '=', siteId)
      .where('state', 'in', ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED'])
      .execute();
  }

  it('one open request each: flags, domains, draft, modification; one withdrawal', async () => {
    for (const [path, body] of [
      ['/api/site/portal', { isPortal: true }],
      ['/api/site/service-platform', { isServicePlatform: true }],
      ['/api/site/domains', { hosts: ['www.twice-domains.gov.cn'] }],
    ] as const) {
      seq++;
      const { site, client } = await operatorOf(t, { orgCode: '130306', name: `重复申请测试网站${seq}` });
      const results = await twice(() => client.post(path, body));
      expect(statuses(results), `${path}: ${JSON.stringify(results.map((r) => r.body))}`).toEqual([200, 409]);
      expectRefusedClearly(results);
      expect(await openRequests(site.id), path).toHaveLength(1);
    }

    seq++;
    const { site, client } = await operatorOf(t, { orgCode: '130306', name: `重复修改测试网站${seq}` });
    const form = await openForm(client);
    const body = bodyOf(form, { info: { sponsorAddress: '秦皇岛市抚宁区重复提交路1号' } });
    const drafts = await twice(() => putDraft(client, body));
    expect(drafts.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    expectRefusedClearly(drafts);
    expect(await openRequests(site.id)).toHaveLength(1);
    const submitted = await twice(() => client.post('/api/site/modification/submit', body));
    expect(submitted.filter((r) => r.status === 200)).toHaveLength(1);
    expectRefusedClearly(submitted);
    const open = await openRequests(site.id);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ type: 'MODIFY', state: 'SUBMITTED' });
    const trail = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('request_id', '=', open[0]!.id)
      .execute();
    expect(trail).toHaveLength(1);

    const withdrawn = await twice(() =>
      client.post(`/api/site/requests/${open[0]!.id}/withdraw`, { version: open[0]!.version }),
    );
    expect(withdrawn.filter((r) => r.status === 200)).toHaveLength(1);
    expectRefusedClearly(withdrawn);
    expect(await openRequests(site.id)).toEqual([]);
  });
});

describe('govsite backup twice at once', () => {
  it('two backups to one file while applications arrive: the file is one whole snapshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govsite-double-backup-'));
    try {
      const file = join(dir, 'same.jsonl.gz');
      const writes = Array.from({ length: 5 }, () =>
        makeApplication(t.ctx.db, { orgCode: '130302', state: 'SUBMITTED' }),
      );
      const [a, b] = await Promise.all([backupDatabase(t.ctx.db, file), backupDatabase(t.ctx.db, file), ...writes]);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
      const lines = await readBackup(file);
      // One header, then exactly the rows one of the two backups counted.
      expect(lines.header).toBe(1);
      expect([a, b]).toContain(lines.rows);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
