// 基本信息统计 and 组织单位信息查询 over HTTP: figures scoped to the caller's subtree in SQL, the drill-down adds up
// (city = own sites + its counties, checked against a direct count), categories, open requests, alerts, exports.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../src/server/clock.ts';
import { makeApplication, makeSite } from '../helpers/factories.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
let qhd: TestClient;

async function readSheet(raw: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(raw as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, rows };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.db;
  const now = t.clock.now();
  await makeSite(db, { orgCode: '130300', seq: 1, isPortal: true, isServicePlatform: true, at: now });
  await makeSite(db, { orgCode: '130300', seq: 2, at: now });
  await makeSite(db, { orgCode: '130302', seq: 1, isPortal: true, at: now });
  const noIcp = await makeSite(db, { orgCode: '130302', seq: 2, at: now, homeUrl: 'https://www.haigang-example.com/' });
  await db
    .updateTable('sites')
    .set({ info: sql`info || '{"icpNo": ""}'::jsonb` as never })
    .where('id', '=', noIcp.id)
    .execute();
  await makeSite(db, { orgCode: '130303', seq: 1, at: now });
  await makeSite(db, { orgCode: '130303', seq: 2, runStatus: 'PERM_OFFLINE', at: now });
  await makeSite(db, { orgCode: '130000', seq: 1, isPortal: true, at: now });
  await makeSite(db, { orgCode: '420000', seq: 1, isPortal: true, at: now });
  await makeApplication(db, {
    orgCode: '130302',
    state: 'IN_REVIEW',
    stepIndex: 1,
    at: new Date(now.getTime() - 3 * DAY),
  });
  await makeApplication(db, { orgCode: '130303', state: 'SUBMITTED', at: new Date(now.getTime() - 1 * DAY) });
  qhd = await t.loginAs('qinhuangdao');
});
afterAll(async () => {
  await t?.close();
});

describe('site figures', () => {
  it('adds up along the tree: a city equals its own sites plus its counties, as counted directly in SQL', async () => {
    const res = await qhd.get('/api/stats/sites');
    expect(res.status).toBe(200);
    expect(res.body.scope).toMatchObject({ code: '130300', trail: [{ code: '130300' }] });
    const direct = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM sites s JOIN org_units o ON o.code = s.org_code
       WHERE o.path LIKE '/bm0100/130000/130300/%' AND s.site_code IS NOT NULL
         AND s.run_status NOT IN ('DELETED', 'PERM_OFFLINE')`.execute(t.ctx.db);
    const children = res.body.children as { code: string | null; total: number }[];
    expect(res.body.registered).toBe(direct.rows[0]?.n);
    expect(res.body.registered).toBe(5);
    expect(children.reduce((s, c) => s + c.total, 0)).toBe(res.body.registered);
    expect(children.find((c) => c.code === null)?.total).toBe(2);
    expect(children.find((c) => c.code === '130302')?.total).toBe(2);
    expect(children.find((c) => c.code === '130303')?.total).toBe(1);

    // Drill into a county: its total is the city's row for it.
    const county = await qhd.get('/api/stats/sites?org=130302');
    expect(county.body.registered).toBe(2);
    expect(county.body.scope.trail.map((s: { code: string }) => s.code)).toEqual(['130300', '130302']);
  });

  it('counts by national category, run status, platform and level', async () => {
    const res = await qhd.get('/api/stats/sites');
    const byKey = (rows: { key: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.count]));
    expect(byKey(res.body.categories)).toMatchObject({
      CITY_PORTAL: 1,
      CITY_DEPARTMENT: 1,
      COUNTY_PORTAL: 1,
      BELOW_COUNTY: 2,
      PROVINCE_PORTAL: 0,
    });
    expect(byKey(res.body.runStatus)).toMatchObject({ NORMAL: 5, PERM_OFFLINE: 1 });
    expect(byKey(res.body.servicePlatform)).toEqual({ YES: 1, NO: 4 });
    expect(byKey(res.body.levels)).toEqual({ '2': 2, '3': 3 });
  });

  it('answers 404 outside the subtree', async () => {
    expect((await qhd.get('/api/stats/sites?org=130000')).status).toBe(404);
    const hebei = await t.loginAs('hebei');
    expect((await hebei.get('/api/stats/sites?org=420000')).status).toBe(404);
    expect((await hebei.get('/api/stats/alerts?org=420000')).status).toBe(404);
    const province = await hebei.get('/api/stats/sites');
    expect(province.body.registered).toBe(6);
  });
});

describe('workflow figures', () => {
  it('counts open requests by type and by holder with the median days waited', async () => {
    const res = await qhd.get('/api/stats/requests');
    expect(res.status).toBe(200);
    expect(res.body.openTotal).toBe(2);
    expect(res.body.byType).toEqual([{ key: 'NEW_SITE', label: '新增网站', level: null, count: 2, medianWaitDays: 2 }]);
    const holders = Object.fromEntries(
      res.body.byHolder.map((h: { key: string; count: number; medianWaitDays: number }) => [h.key, h]),
    );
    expect(holders['130300']).toMatchObject({ count: 1, medianWaitDays: 3 });
    expect(holders['130303']).toMatchObject({ count: 1, medianWaitDays: 1 });
    expect(res.body.quarter.newSites).toBe(6);
  });
});

describe('data-quality alerts', () => {
  it('lists units without a portal, missing filings and non-government hosts', async () => {
    const res = await qhd.get('/api/stats/alerts');
    expect(res.status).toBe(200);
    const noPortal = res.body.noPortal.items.map((o: { code: string }) => o.code);
    expect(noPortal).toContain('130303');
    expect(noPortal).not.toContain('130302');
    expect(noPortal).not.toContain('130300');
    expect(res.body.missingFilings).toMatchObject({ icp: 1 });
    const icpMissing = res.body.missingFilings.items.filter((i: { missing: string[] }) =>
      i.missing.includes('ICP备案号'),
    );
    expect(icpMissing.map((i: { siteCode: string }) => i.siteCode)).toEqual(['1303020002']);
    expect(res.body.nonGovHosts.total).toBe(1);
    expect(res.body.nonGovHosts.items[0].homeUrl).toBe('https://www.haigang-example.com/');
  });
});

describe('exports', () => {
  it('exports a table as xlsx with Chinese headers', async () => {
    const res = await qhd.get('/api/stats/export?table=children');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const sheet = await readSheet(res.raw);
    expect(sheet.name).toBe('下级单位汇总');
    expect(sheet.rows[0]).toEqual([
      '组织单位',
      '标识码',
      '级别',
      '在册网站',
      '正常运行',
      '门户网站',
      '政务服务平台',
      '链接异常',
    ]);
    expect(sheet.rows.length).toBeGreaterThan(2);
    const categories = await readSheet((await qhd.get('/api/stats/export?table=categories')).raw);
    expect(categories.rows[1]).toEqual(['国务院部门及其内设、垂直管理机构政府网站', 0]);
  });
});

describe('组织单位信息查询', () => {
  it('shows a county its subtree, its ancestors and the level-1 units, but not its siblings', async () => {
    const haigang = await t.loginAs('haigang');
    const all = await haigang.get('/api/org-query?scope=all&pageSize=100');
    expect(all.status).toBe(200);
    const relation = Object.fromEntries(
      all.body.items.map((o: { code: string; relation: string }) => [o.code, o.relation]),
    );
    expect(relation['130302']).toBe('SELF');
    expect(relation['130300']).toBe('ANCESTOR');
    expect(relation['130000']).toBe('ANCESTOR');
    expect(relation.bm0100).toBe('ANCESTOR');
    expect(all.body.total).toBeGreaterThan(30);
    expect(relation['130303']).toBeUndefined();
    const hubeiCity = await haigang.get('/api/org-query?scope=all&q=420100');
    expect(hubeiCity.body.total).toBe(0);
    const level1 = await haigang.get('/api/org-query?scope=level1&q=湖北');
    expect(level1.body.items[0]).toMatchObject({ code: '420000', relation: 'LEVEL1' });
    const own = await haigang.get('/api/org-query');
    expect(own.body.items.map((o: { code: string }) => o.code)).toEqual(['130302']);
  });

  it('exports the visible units with contacts and Chinese headers', async () => {
    const res = await qhd.get('/api/org-query/export?scope=subtree');
    expect(res.status).toBe(200);
    const sheet = await readSheet(res.raw);
    expect(sheet.rows[0]?.slice(0, 7)).toEqual([
      '组织单位标识码',
      '单位名称',
      '显示名称',
      '级别',
      '上级单位',
      '与本单位关系',
      '状态',
    ]);
    expect(sheet.rows[0]).toContain('联系人1电子邮箱');
    expect(sheet.rows[1]?.[0]).toBe('130300');
  });
});
