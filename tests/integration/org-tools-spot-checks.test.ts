// 上报抽查情况 over HTTP: level-1 units only (level 2/3 refused), the count rules, pickers limited to the subtree,
// the submission window and 「逾期」, returning by the root, the national roll-up and the sample suggestion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite } from '../helpers/factories.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
let hebei: TestClient;
let root: TestClient;
const hebeiSites: number[] = [];
let hubeiSite: number;

// 2026-11-02 (DEFAULT_NOW) lies in Q4 2026: its window opens on 2026-12-01; Q3's closed on 2026-10-15.
const Q3 = { year: 2026, quarter: 3 };
const Q4 = { year: 2026, quarter: 4 };

beforeAll(async () => {
  t = await createTestApp();
  const at = new Date('2026-07-15T02:00:00Z');
  for (const [i, org] of ['130000', '130300', '130302', '130302', '130303', '130100'].entries()) {
    hebeiSites.push((await makeSite(t.ctx.db, { orgCode: org, seq: 100 + i, isPortal: i === 0, at })).id);
  }
  await makeSite(t.ctx.db, { orgCode: '130303', seq: 200, runStatus: 'EXCEPTION', at });
  hubeiSite = (await makeSite(t.ctx.db, { orgCode: '420000', seq: 100, at })).id;
  [hebei, root] = await Promise.all([t.loginAs('hebei'), t.loginAs('admin')]);
});
afterAll(async () => {
  await t?.close();
});

const draft = (over: Record<string, unknown> = {}) => ({
  ...Q3,
  version: 0,
  checkedCount: 4,
  passedCount: 3,
  summary: '本季度按 30% 以上比例随机抽查。',
  reporterName: '王伟',
  reporterPhone: '0311-87654321',
  findings: [
    {
      siteId: hebeiSites[2],
      problemType: 'VETO_3',
      description: '首页两周未更新',
      rectification: '已整改',
      accountabilityCount: 1,
    },
  ],
  ...over,
});

describe('access', () => {
  it('refuses level-2 and level-3 units', async () => {
    for (const user of ['qinhuangdao', 'haigang']) {
      const c = await t.loginAs(user);
      const res = await c.get('/api/spot-checks/report?year=2026&quarter=3');
      expect(res.status).toBe(403);
      expect(res.body.message).toBe('上报抽查情况仅供省级（部委）组织单位使用');
      expect((await c.post('/api/spot-checks/report', draft())).status).toBe(403);
    }
  });
});

describe('a province fills in its report', () => {
  it('shows the automatic counts from the register (exceptions excluded)', async () => {
    const res = await hebei.get('/api/spot-checks/report?year=2026&quarter=3');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'NEW', runningTotal: 6, newSites: 7, closedSites: 0, editable: true });
    expect(res.body.window).toMatchObject({ lastDay: '2026-10-15', state: 'LATE' });
  });

  it('refuses 合格 > 抽查 and 抽查 > 总数 with a Chinese message', async () => {
    const more = await hebei.post('/api/spot-checks/report', draft({ checkedCount: 3, passedCount: 5, findings: [] }));
    expect(more.status).toBe(400);
    expect(more.body.message).toContain('合格网站数（5）不能大于抽查网站数（3）');
    const tooMany = await hebei.post(
      '/api/spot-checks/report',
      draft({ checkedCount: 7, passedCount: 7, findings: [] }),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toContain('抽查网站数（7）不能大于正常运行网站总数（6）');
  });

  it('refuses a non-compliant site outside the subtree', async () => {
    const res = await hebei.post(
      '/api/spot-checks/report',
      draft({ findings: [{ siteId: hubeiSite, problemType: 'OTHER', description: 'x' }] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('本单位及下级');
  });

  it('saves, computes the rates and submits late as 「逾期」', async () => {
    const saved = await hebei.post('/api/spot-checks/report', draft());
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ status: 'DRAFT', samplingRatio: 66.7, passRate: 75, samplingWarning: false });
    const submitted = await hebei.post('/api/spot-checks/report/submit', { ...Q3, version: saved.body.version });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', late: true, editable: false, runningTotal: 6 });
    const again = await hebei.post('/api/spot-checks/report', draft({ version: submitted.body.version }));
    expect(again.status).toBe(409);
  });

  it('does not accept a report before the window opens', async () => {
    const saved = await hebei.post('/api/spot-checks/report', draft({ ...Q4 }));
    expect(saved.status).toBe(200);
    expect(saved.body.samplingWarning).toBe(false);
    const res = await hebei.post('/api/spot-checks/report/submit', { ...Q4, version: saved.body.version });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('2026-12-01');
    const future = await hebei.post('/api/spot-checks/report', draft({ year: 2027, quarter: 1 }));
    expect(future.status).toBe(400);
  });

  it('refuses to submit when the list of non-compliant sites does not match the counts', async () => {
    t.clock.set(new Date('2026-12-02T02:00:00Z'));
    // A month later every session has expired.
    [hebei, root] = await Promise.all([t.loginAs('hebei'), t.loginAs('admin')]);
    const saved = await hebei.get('/api/spot-checks/report?year=2026&quarter=4');
    const updated = await hebei.post(
      '/api/spot-checks/report',
      draft({ ...Q4, version: saved.body.version, passedCount: 2 }),
    );
    expect(updated.status).toBe(200);
    const res = await hebei.post('/api/spot-checks/report/submit', { ...Q4, version: updated.body.version });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('不合格网站清单应列出 2 个网站');
  });
});

describe('the root', () => {
  it('sees the national roll-up, returns a report, and the province edits and resubmits it', async () => {
    const rollup = await root.get('/api/spot-checks/rollup?year=2026&quarter=3');
    expect(rollup.status).toBe(200);
    const row = rollup.body.rows.find((r: { orgCode: string }) => r.orgCode === '130000');
    expect(row).toMatchObject({ status: 'SUBMITTED', checkedCount: 4, passedCount: 3, late: true, passRate: 75 });
    expect(rollup.body.rows.find((r: { orgCode: string }) => r.orgCode === '420000').status).toBe('NONE');
    expect(rollup.body.totals).toMatchObject({ submitted: 1, checkedCount: 4, passedCount: 3, passRate: 75 });
    expect((await hebei.get('/api/spot-checks/rollup?year=2026&quarter=3')).status).toBe(403);

    const view = await root.get('/api/spot-checks/report?year=2026&quarter=3&org=130000');
    expect(view.body).toMatchObject({ status: 'SUBMITTED', editable: false });
    expect((await root.post(`/api/spot-checks/${row.reportId}/return`, { reason: '' })).status).toBe(400);
    const returned = await root.post(`/api/spot-checks/${row.reportId}/return`, { reason: '请补充整改情况' });
    expect(returned.status).toBe(200);

    const back = await hebei.get('/api/spot-checks/report?year=2026&quarter=3');
    expect(back.body).toMatchObject({ status: 'RETURNED', returnReason: '请补充整改情况', editable: true });
    const edited = await hebei.post(
      '/api/spot-checks/report',
      draft({ version: back.body.version, summary: '已补充。' }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe('RETURNED');
    const resubmitted = await hebei.post('/api/spot-checks/report/submit', { ...Q3, version: edited.body.version });
    expect(resubmitted.body).toMatchObject({ status: 'SUBMITTED', returnReason: null });
    expect((await hebei.get('/api/spot-checks/mine')).body.items[0]).toMatchObject({ year: 2026, quarter: 4 });
  });
});

describe('sample suggestion', () => {
  it('draws a stratified sample from the subtree that the unit can accept', async () => {
    const res = await hebei.post('/api/spot-checks/sample-suggestion', { ...Q4, ratio: 50 });
    expect(res.status).toBe(200);
    expect(res.body.candidates).toBe(6);
    expect(res.body.items).toHaveLength(3);
    expect(res.body.items.every((i: { siteId: number }) => hebeiSites.includes(i.siteId))).toBe(true);
    expect(res.body.strata.map((s: { stratum: string }) => s.stratum)).toEqual([
      '县级·部门网站',
      '市级·部门网站',
      '省级·门户网站',
    ]);
    const current = await hebei.get('/api/spot-checks/report?year=2026&quarter=4');
    const accepted = await hebei.post(
      '/api/spot-checks/report',
      draft({ ...Q4, version: current.body.version, sample: res.body.items.map((i: { siteId: number }) => i.siteId) }),
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.sample).toHaveLength(3);
    const foreign = await hebei.post(
      '/api/spot-checks/report',
      draft({ ...Q4, version: accepted.body.version, sample: [hubeiSite] }),
    );
    expect(foreign.status).toBe(400);
  });
});
