// 《政府网站监管年度报表》 over HTTP: the prefill against records made through the real use cases (sites issued in
// the year, a 永久下线 through 完成下线, spot-check reports submitted in two quarters), the unit's fill → submit,
// the root's return → correction → approval, refusals for other levels and units, and a double approval.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite } from '../helpers/factories.ts';
import { operatorSite, sh } from '../helpers/offline.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
let hebei: TestClient;
let root: TestClient;
const sites: Record<string, number> = {};

/** Moves the clock (Asia/Shanghai wall time) and logs the units in again (a day's jump ends idle sessions). */
async function at(local: string) {
  t.clock.set(sh(local));
  [hebei, root] = await Promise.all([t.loginAs('hebei'), t.loginAs('admin')]);
}

const entries = {
  errorMessages: 120,
  errorMessagesOnTime: 118,
  securityChecks: 4,
  securityProblems: 9,
  securityFixed: 9,
  fakeSitesFound: 2,
  fakeSitesHandled: 2,
  trainingSessions: 3,
};

async function spotCheck(quarter: number, checkedCount: number, passedCount: number, findings: unknown[]) {
  const saved = await hebei.post('/api/spot-checks/report', {
    year: 2026,
    quarter,
    version: 0,
    checkedCount,
    passedCount,
    summary: '按 30% 以上比例随机抽查。',
    reporterName: '王伟',
    reporterPhone: '0311-87654321',
    findings,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const submitted = await hebei.post('/api/spot-checks/report/submit', {
    year: 2026,
    quarter,
    version: saved.body.version,
  });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return submitted.body;
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-09-14T02:00:00.000Z' });
  const db = t.ctx.db;
  sites.provincePortal = (
    await makeSite(db, { orgCode: '130000', seq: 1, isPortal: true, at: sh('2025-05-01T10:00:00') })
  ).id;
  sites.cityDept = (await makeSite(db, { orgCode: '130300', seq: 11, at: sh('2026-02-10T10:00:00') })).id;
  sites.countyDept = (await makeSite(db, { orgCode: '130302', seq: 21, at: sh('2026-07-15T10:00:00') })).id;
  sites.exception = (
    await makeSite(db, { orgCode: '130303', seq: 31, runStatus: 'EXCEPTION', at: sh('2026-03-01T10:00:00') })
  ).id;
  sites.lastMinute = (await makeSite(db, { orgCode: '130100', seq: 41, at: sh('2026-12-31T23:30:00') })).id;
  sites.nextYear = (await makeSite(db, { orgCode: '130100', seq: 42, at: sh('2027-01-01T00:30:00') })).id;
  sites.hubei = (await makeSite(db, { orgCode: '420000', seq: 51, at: sh('2026-04-01T10:00:00') })).id;

  // 永久下线 through the real offline use cases: apply, three approvals, 完成下线 (September 2026).
  await at('2026-09-14T10:00:00');
  const closing = await operatorSite(t, { orgCode: '130302', at: sh('2025-10-01T10:00:00') });
  sites.closed = closing.id;
  const applied = await closing.client.post('/api/site/offline/requests', {
    kind: 'PERM',
    reason: '整合至市政府门户网站',
    plannedDate: '2026-09-20',
    migrationUrl: 'https://www.qhd.gov.cn/',
  });
  expect(applied.status, JSON.stringify(applied.body)).toBe(200);
  for (const user of ['haigang', 'qinhuangdao', 'hebei']) {
    const c = await t.loginAs(user);
    const res = await c.post(`/api/offline-requests/${applied.body.requestId}/approve`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const done = await closing.client.post('/api/site/offline/complete', {
    noticeUrl: 'https://www.example.gov.cn/notice.html',
    noticePostedDate: '2026-08-01',
    icpCancelled: true,
    psbCancelled: true,
    conacCancelled: true,
    domainCancelled: true,
    acknowledgeWarnings: true,
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  expect(done.body.runStatus).toBe('PERM_OFFLINE');

  // Spot checks: Q3 (3 of 3 running sites, 1 failed with 2 people held to account) and Q4 (2 of 4, all passed).
  await at('2026-10-10T10:00:00');
  const q3 = await spotCheck(3, 3, 2, [
    {
      siteId: sites.countyDept,
      problemType: 'VETO_3',
      description: '首页两周未更新',
      rectification: '已整改',
      accountabilityCount: 2,
    },
  ]);
  expect(q3.runningTotal).toBe(3);
  await at('2027-01-05T10:00:00');
  const q4 = await spotCheck(4, 2, 2, []);
  expect(q4.runningTotal).toBe(4);
});

afterAll(async () => {
  await t?.close();
});

let reportId: number;

describe('the prefill from the records of the year', () => {
  it('creates the draft with the sites at 31 December, the year’s openings and closures, and the spot checks', async () => {
    const res = await hebei.post('/api/supervision-reports', { year: 2026 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    reportId = res.body.id;
    expect(res.body).toMatchObject({ orgCode: '130000', year: 2026, state: 'DRAFT', stateLabel: '草稿', version: 1 });
    // Portal + 3 department sites (the 23:30 one on 31 December included; 例外, closed, next year's and 湖北's not).
    expect(res.body.prefill.values).toEqual({
      sitesTotal: 4,
      portalSites: 1,
      departmentSites: 3,
      sitesOpened: 4,
      sitesClosed: 1,
    });
    const none = { checks: 0, checkedSites: 0, checkRatio: null, passRate: null, failedSites: 0, accountability: 0 };
    expect(res.body.prefill.spotChecks).toEqual({
      q1: none,
      q2: none,
      q3: { checks: 1, checkedSites: 3, checkRatio: 100, passRate: 66.7, failedSites: 1, accountability: 2 },
      q4: { checks: 1, checkedSites: 2, checkRatio: 50, passRate: 100, failedSites: 0, accountability: 0 },
      year: { checks: 2, checkedSites: 5, checkRatio: 71.4, passRate: 80, failedSites: 1, accountability: 2 },
    });
    expect(res.body.abilities).toMatchObject({
      save: { allowed: true },
      submit: { allowed: true },
      approve: { allowed: false, reason: '只有国务院办公厅可以审核监管年度报表' },
    });
  });

  it('opens the same report again, and refreshes the prefill while a draft', async () => {
    const again = await hebei.post('/api/supervision-reports', { year: 2026 });
    expect(again.body).toMatchObject({ id: reportId, version: 1 });
    const mine = await hebei.get('/api/supervision-reports/mine?year=2026');
    expect(mine.body.report.id).toBe(reportId);
    expect((await hebei.get('/api/supervision-reports/mine?year=2025')).body).toEqual({ report: null });

    await makeSite(t.ctx.db, { orgCode: '130300', seq: 12, at: sh('2026-11-20T10:00:00') });
    const refreshed = await hebei.post(`/api/supervision-reports/${reportId}/refresh-prefill`, { version: 1 });
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    expect(refreshed.body.prefill.values).toMatchObject({ sitesTotal: 5, departmentSites: 4, sitesOpened: 5 });
    expect(refreshed.body.version).toBe(2);
    const stale = await hebei.post(`/api/supervision-reports/${reportId}/refresh-prefill`, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe('该报表已被其他人修改或处理，请刷新后再操作');
  });
});

describe('who may do what', () => {
  it('refuses a level-2 or level-3 unit and the root as the reporting unit', async () => {
    for (const user of ['qinhuangdao', 'haigang']) {
      const c = await t.loginAs(user);
      const res = await c.post('/api/supervision-reports', { year: 2026 });
      expect(res.status).toBe(403);
      expect(res.body.message).toBe('监管年度报表仅供省级（部委）组织单位填报');
      expect((await c.get(`/api/supervision-reports/${reportId}`)).status).toBe(403);
    }
    const byRoot = await root.post('/api/supervision-reports', { year: 2026 });
    expect(byRoot.status).toBe(403);
    expect(byRoot.body.message).toBe('监管年度报表由省级（部委）组织单位填报，国务院办公厅负责审核');
    expect((await hebei.get('/api/supervision-reports?year=2026')).status).toBe(403);
  });

  it('answers 404 to another province, and leaves the report unchanged', async () => {
    const hubei = await t.loginAs('hubei');
    const before = await t.ctx.db.selectFrom('supervision_reports').selectAll().where('id', '=', reportId).execute();
    expect((await hubei.get(`/api/supervision-reports/${reportId}`)).status).toBe(404);
    const save = await hubei.post(`/api/supervision-reports/${reportId}/draft`, { version: 2, data: entries });
    expect(save.status).toBe(404);
    expect(save.body.message).toBe('监管年度报表不存在或无权查看');
    expect((await hubei.post(`/api/supervision-reports/${reportId}/submit`, { version: 2 })).status).toBe(404);
    const after = await t.ctx.db.selectFrom('supervision_reports').selectAll().where('id', '=', reportId).execute();
    expect(after).toEqual(before);
  });

  it('refuses a future year, and submission before the year is over', async () => {
    const hubei = await t.loginAs('hubei');
    expect((await hubei.post('/api/supervision-reports', { year: 2028 })).body.message).toBe(
      '2028年度尚未开始，不能填报',
    );
    const own = await hubei.post('/api/supervision-reports', { year: 2027 });
    expect(own.status).toBe(200);
    expect(own.body.prefill.values.sitesTotal).toBe(1);
    await hubei.post(`/api/supervision-reports/${own.body.id}/draft`, {
      version: 1,
      data: { ...entries, trainees: 50 },
    });
    const early = await hubei.post(`/api/supervision-reports/${own.body.id}/submit`, { version: 2 });
    expect(early.status).toBe(400);
    expect(early.body.message).toBe('2027年度尚未结束，2028年1月1日起方可提交');
  });
});

describe('fill → submit → return → correct → approve', () => {
  it('checks the entries with Chinese messages and saves a partial draft', async () => {
    const bad = await hebei.post(`/api/supervision-reports/${reportId}/draft`, {
      version: 2,
      data: { ...entries, errorMessagesOnTime: 121 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('按期办结数量（121）不能大于留言数量（120）');
    const negative = await hebei.post(`/api/supervision-reports/${reportId}/draft`, {
      version: 2,
      data: { trainees: -1 },
    });
    expect(negative.status).toBe(400);
    expect(negative.body.message).toContain('不能为负数');

    const saved = await hebei.post(`/api/supervision-reports/${reportId}/draft`, { version: 2, data: entries });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.data).toMatchObject({ ...entries, trainees: null });
    expect(saved.body.rates).toEqual({ errorMessagesOnTimeRate: 98.3 });
    const blank = await hebei.post(`/api/supervision-reports/${reportId}/submit`, { version: 3 });
    expect(blank.status).toBe(400);
    expect(blank.body.message).toBe('请填写：培训人数');
  });

  it('submits, then refuses changes until the root decides', async () => {
    const saved = await hebei.post(`/api/supervision-reports/${reportId}/draft`, {
      version: 3,
      data: { ...entries, trainees: 260 },
    });
    const submitted = await hebei.post(`/api/supervision-reports/${reportId}/submit`, {
      version: saved.body.version,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ state: 'SUBMITTED', submittedAt: '2027-01-05T02:00:00.000Z' });
    const late = await hebei.post(`/api/supervision-reports/${reportId}/draft`, {
      version: submitted.body.version,
      data: entries,
    });
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('报表已提交，等待国务院办公厅审核');
    expect((await hebei.post(`/api/supervision-reports/${reportId}/approve`, { version: 5 })).status).toBe(403);
  });

  it('lets the root list the year, return with a reason, and approve the corrected report', async () => {
    const list = await root.get('/api/supervision-reports?year=2026');
    expect(list.status).toBe(200);
    expect(list.body.items.find((r: { orgCode: string }) => r.orgCode === '130000')).toMatchObject({
      reportId,
      state: 'SUBMITTED',
      stateLabel: '已提交，待审核',
    });
    expect(list.body.items.find((r: { orgCode: string }) => r.orgCode === '420000')).toMatchObject({
      reportId: null,
      state: 'NONE',
      stateLabel: '未填报',
    });

    const view = await root.get(`/api/supervision-reports/${reportId}`);
    expect(view.body.abilities).toMatchObject({ approve: { allowed: true }, save: { allowed: false } });
    const noReason = await root.post(`/api/supervision-reports/${reportId}/return`, {
      version: view.body.version,
      reason: '  ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('请填写退回原因');
    const returned = await root.post(`/api/supervision-reports/${reportId}/return`, {
      version: view.body.version,
      reason: '培训人数与全年培训记录不符',
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({ state: 'RETURNED', returnReason: '培训人数与全年培训记录不符' });

    const mine = (await hebei.get(`/api/supervision-reports/${reportId}`)).body;
    expect(mine.abilities.save).toEqual({ allowed: true });
    const corrected = await hebei.post(`/api/supervision-reports/${reportId}/draft`, {
      version: mine.version,
      data: { ...entries, trainees: 230 },
    });
    const resubmitted = await hebei.post(`/api/supervision-reports/${reportId}/submit`, {
      version: corrected.body.version,
    });
    expect(resubmitted.body).toMatchObject({ state: 'SUBMITTED', returnReason: null });

    // Two approvals of the same version at once: one wins, the other gets a clear 409.
    const [a, b] = await Promise.all([
      root.post(`/api/supervision-reports/${reportId}/approve`, { version: resubmitted.body.version }),
      root.post(`/api/supervision-reports/${reportId}/approve`, { version: resubmitted.body.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(['报表已审核通过，不能再修改', '该报表已被其他人修改或处理，请刷新后再操作']).toContain(loser.body.message);
    const final = await hebei.get(`/api/supervision-reports/${reportId}`);
    expect(final.body).toMatchObject({ state: 'APPROVED', data: { trainees: 230 } });
    expect(final.body.abilities.save).toEqual({ allowed: false, reason: '报表已审核通过，不能再修改' });
  });

  it('wrote one audit entry per change, in order', async () => {
    const trail = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'from_state', 'to_state', 'actor_org_code'])
      .where('entity_type', '=', 'SUPERVISION_REPORT')
      .where('entity_id', '=', String(reportId))
      .orderBy('id')
      .execute();
    expect(trail.map((e) => [e.action, e.from_state, e.to_state, e.actor_org_code])).toEqual([
      ['创建监管年度报表', null, 'DRAFT', '130000'],
      ['更新监管年度报表预填数据', 'DRAFT', 'DRAFT', '130000'],
      ['保存监管年度报表', 'DRAFT', 'DRAFT', '130000'],
      ['保存监管年度报表', 'DRAFT', 'DRAFT', '130000'],
      ['提交监管年度报表', 'DRAFT', 'SUBMITTED', '130000'],
      ['退回监管年度报表', 'SUBMITTED', 'RETURNED', 'bm0100'],
      ['保存监管年度报表', 'RETURNED', 'RETURNED', '130000'],
      ['提交监管年度报表', 'RETURNED', 'SUBMITTED', '130000'],
      ['通过监管年度报表', 'SUBMITTED', 'APPROVED', 'bm0100'],
    ]);
  });
});
