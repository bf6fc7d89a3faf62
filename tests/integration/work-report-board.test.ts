// 工作年度报表 专栏 (public, per level-1 unit) and progress board (units) over HTTP on a real database: who must
// report, published vs not, the rates per subordinate unit, drill-down within the caller's subtree only, the xlsx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkReportState } from '../../src/domain/annual-report/work-report-states.ts';
import { makeSite } from '../helpers/factories.ts';
import { readXlsx } from '../helpers/review.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

const CHINESE = /[\u4e00-\u9fff]/;
// 2027-01-05 10:00 in Shanghai: the 2026 reports are being filled.
const NOW = '2027-01-05T02:00:00.000Z';

let t: TestApp;
let anonymous: TestClient;
let hebei: TestClient;
let qinhuangdao: TestClient;
let haigang: TestClient;
let hubei: TestClient;
type Site = Awaited<ReturnType<typeof makeSite>>;
const sites: Record<string, Site> = {};
let qinhuangdaoName = '';

async function report(site: Site, state: WorkReportState, publishedUrl: string | null = null) {
  await t.ctx.db
    .insertInto('work_reports')
    .values({
      site_id: site.id,
      year: 2026,
      state,
      data: JSON.stringify({}),
      reviewer_org: site.org_code,
      published_url: publishedUrl,
      // What the states imply (the table's CHECKs): submitted, decided, a return reason.
      submitted_at: state === 'DRAFT' ? null : new Date(NOW),
      decided_at: state === 'APPROVED' || state === 'PUBLISHED' ? new Date(NOW) : null,
      return_reason: state === 'RETURNED' ? '请补充' : null,
      created_at: new Date(NOW),
      updated_at: new Date(NOW),
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  const db = t.ctx.db;
  // 海港区 (130302): published, approved, and a closed site whose old report must not show.
  sites.published = await makeSite(db, { orgCode: '130302', seq: 1, name: '海港区人民政府网' });
  sites.approved = await makeSite(db, { orgCode: '130302', seq: 2, name: '海港区教育局网站' });
  sites.closed = await makeSite(db, { orgCode: '130302', seq: 3, runStatus: 'PERM_OFFLINE' });
  // 山海关区 (130303): submitted, returned, not started, and a site opened after the year (reports next year).
  sites.submitted = await makeSite(db, { orgCode: '130303', seq: 1 });
  sites.returned = await makeSite(db, { orgCode: '130303', seq: 2 });
  sites.none = await makeSite(db, { orgCode: '130303', seq: 3 });
  sites.opened2027 = await makeSite(db, { orgCode: '130303', seq: 4 });
  await db
    .updateTable('sites')
    .set({ code_issued_at: new Date('2026-12-31T16:00:00.000Z') }) // 2027-01-01 00:00 in Shanghai
    .where('id', '=', sites.opened2027.id)
    .execute();
  // Another province.
  sites.hubei = await makeSite(db, { orgCode: '420000', seq: 1 });
  await report(sites.published, 'PUBLISHED', 'https://hgq.example.gov.cn/2026report.html');
  await report(sites.approved, 'APPROVED');
  await report(sites.closed, 'PUBLISHED', 'https://closed.example.gov.cn/report.html');
  await report(sites.submitted, 'SUBMITTED');
  await report(sites.returned, 'RETURNED');
  await report(sites.hubei, 'PUBLISHED', 'https://hubei.example.gov.cn/report.html');
  anonymous = t.client();
  [hebei, qinhuangdao, haigang, hubei] = await Promise.all([
    t.loginAs('hebei'),
    t.loginAs('qinhuangdao'),
    t.loginAs('haigang'),
    t.loginAs('hubei'),
  ]);
  qinhuangdaoName = (
    await db.selectFrom('org_units').select('display_name').where('code', '=', '130300').executeTakeFirstOrThrow()
  ).display_name;
});
afterAll(async () => {
  await t?.close();
});

describe('专栏 (public)', () => {
  it('lists every site of the level-1 unit that must report, anonymously, with only the public facts', async () => {
    const res = await anonymous.get('/api/public/work-reports/130000?year=2026');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ orgCode: '130000', year: 2026, total: 5, page: 1, pageSize: 20 });
    expect(res.body.orgName).toMatch(/河北/);
    expect(res.body.years[0]).toBe(2026);
    expect(res.body.years.at(-1)).toBe(2017);
    expect(res.body.items).toEqual([
      {
        siteCode: sites.published!.site_code,
        siteName: '海港区人民政府网',
        homeUrl: sites.published!.home_url,
        reportUrl: 'https://hgq.example.gov.cn/2026report.html',
        status: '已发布',
      },
      {
        siteCode: sites.approved!.site_code,
        siteName: '海港区教育局网站',
        homeUrl: sites.approved!.home_url,
        reportUrl: null,
        status: '未发布',
      },
      ...[sites.submitted!, sites.returned!, sites.none!].map((s) => ({
        siteCode: s.site_code,
        siteName: s.name,
        homeUrl: s.home_url,
        reportUrl: null,
        status: '未发布',
      })),
    ]);
  });

  it('defaults to the year being reported and pages', async () => {
    const res = await anonymous.get('/api/public/work-reports/130000?pageSize=10&page=2');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, total: 5, page: 2, pageSize: 10, items: [] });
    const other = await anonymous.get('/api/public/work-reports/420000?year=2026');
    expect(other.body.items.map((i: { siteCode: string }) => i.siteCode)).toEqual([sites.hubei!.site_code]);
    const earlier = await anonymous.get('/api/public/work-reports/130000?year=2025');
    expect(earlier.body).toMatchObject({ year: 2025, total: 5 });
    expect(earlier.body.items.every((i: { status: string }) => i.status === '未发布')).toBe(true);
  });

  it('answers 404 in Chinese for a unit that is not level 1 or does not exist', async () => {
    for (const code of ['130300', '130302', 'bm0100', 'zz9999', '']) {
      const res = await anonymous.get(`/api/public/work-reports/${code}?year=2026`);
      expect(res.status, code).toBe(404);
      expect(res.body.message).toMatch(CHINESE);
    }
  });
});

describe('progress board (units)', () => {
  it('gives one row per subordinate unit and one for the unit’s own sites, with the rates', async () => {
    const res = await hebei.get('/api/work-reports/progress?year=2026');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.unit).toMatchObject({ code: '130000', level: 1 });
    expect(res.body.trail.map((u: { code: string }) => u.code)).toEqual(['130000']);
    const [own, ...children] = res.body.rows;
    expect(own).toMatchObject({ code: '130000', own: true, due: 0, fillRate: '—', reviewRate: '—' });
    expect(children.length).toBeGreaterThan(1);
    expect(children.find((r: { code: string }) => r.code === '130300')).toEqual({
      code: '130300',
      name: qinhuangdaoName,
      own: false,
      drillable: true,
      due: 5,
      submitted: 3,
      approved: 2,
      published: 1,
      fillRate: '60.0%',
      reviewRate: '40.0%',
      publishRate: '20.0%',
    });
    for (const r of children.filter((c: { code: string }) => c.code !== '130300')) {
      expect(r).toMatchObject({ due: 0, fillRate: '—', publishRate: '—' });
    }
    expect(res.body.total).toEqual({
      due: 5,
      submitted: 3,
      approved: 2,
      published: 1,
      fillRate: '60.0%',
      reviewRate: '40.0%',
      publishRate: '20.0%',
    });
  });

  it('drills down into a subordinate unit of the subtree', async () => {
    const res = await hebei.get('/api/work-reports/progress?year=2026&org=130300');
    expect(res.status).toBe(200);
    expect(res.body.trail.map((u: { code: string }) => u.code)).toEqual(['130000', '130300']);
    const byCode = Object.fromEntries(res.body.rows.map((r: { code: string; own: boolean }) => [r.code, r]));
    expect(byCode['130302']).toMatchObject({ due: 2, submitted: 2, approved: 2, published: 1 });
    expect(byCode['130302']).toMatchObject({ fillRate: '100.0%', reviewRate: '100.0%', publishRate: '50.0%' });
    expect(byCode['130303']).toMatchObject({ due: 3, submitted: 1, approved: 0, published: 0 });
    expect(byCode['130303']).toMatchObject({ fillRate: '33.3%', reviewRate: '0.0%', publishRate: '0.0%' });
    // The city's own view is the same board.
    const own = await qinhuangdao.get('/api/work-reports/progress?year=2026');
    expect(own.body.rows).toEqual(res.body.rows);
    expect(own.body.trail.map((u: { code: string }) => u.code)).toEqual(['130300']);
    // A county sees its own sites.
    const county = await haigang.get('/api/work-reports/progress?year=2026');
    expect(county.body.rows[0]).toMatchObject({ code: '130302', own: true, due: 2, publishRate: '50.0%' });
  });

  it('answers 404 for a unit outside the caller’s subtree, and 401 anonymously', async () => {
    for (const [client, org] of [
      [qinhuangdao, '130000'],
      [haigang, '130303'],
      [hubei, '130300'],
      [hebei, 'zz9999'],
    ] as const) {
      const res = await client.get(`/api/work-reports/progress?year=2026&org=${org}`);
      expect(res.status, org).toBe(404);
      expect(res.body.message).toMatch(CHINESE);
      const file = await client.get(`/api/work-reports/progress/export?year=2026&org=${org}`);
      expect(file.status, org).toBe(404);
    }
    expect((await anonymous.get('/api/work-reports/progress')).status).toBe(401);
    expect((await anonymous.get('/api/work-reports/progress/export')).status).toBe(401);
  });

  it('exports the board as xlsx, read back', async () => {
    const res = await hebei.get('/api/work-reports/progress/export?year=2026&org=130300');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('2026年度工作年度报表进度'));
    const rows = await readXlsx(res);
    expect(rows[0]).toEqual(['单位', '应报数', '已提交', '已审核', '已发布', '填报率', '审核率', '发布率']);
    expect(rows[1]).toEqual([`${qinhuangdaoName}（本级）`, '0', '0', '0', '0', '—', '—', '—']);
    const haigangRow = rows.find((r) => r[0]?.includes('海港'));
    expect(haigangRow).toEqual([expect.stringContaining('海港'), '2', '2', '2', '1', '100.0%', '100.0%', '50.0%']);
    expect(rows.at(-1)).toEqual(['合计', '5', '3', '2', '1', '60.0%', '40.0%', '20.0%']);
  });
});
