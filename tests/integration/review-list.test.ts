// The organizing unit's site list over HTTP on a real database: scoping and filters in SQL, 查看 without secrets,
// 导出当页数据 and the streamed 导出全部筛选结果.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iterateSiteRows, listSiteRows } from '../../src/server/modules/review/repository.ts';
import type { SiteFilters } from '../../src/server/modules/review/schema.ts';
import { makeApplication, makeSite, makeSiteRequest, sampleInfo } from '../helpers/factories.ts';
import { EXPORT_HEADERS as HEADERS, type ReviewKit, type Row, readXlsx, reviewKit } from '../helpers/review.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let k: ReviewKit;
beforeAll(async () => {
  t = await createTestApp();
  k = await reviewKit(t);
});
afterAll(async () => {
  await t?.close();
});

const as = (u: string) => k.as(u);
const rowOf = (u: string, name: string) => k.rowOf(u, name);

describe('the list: scoping, filters, sorting', () => {
  it('shows each unit its own subtree with the columns of SPEC §8.1, and filters in SQL', async () => {
    const bureau = await makeApplication(t.ctx.db, { orgCode: 'bm3051', name: '秦皇岛税务测试网站' });
    const portal = await makeApplication(t.ctx.db, { orgCode: '130302', isPortal: true, name: '海港区门户测试' });
    const deleted = await makeSite(t.ctx.db, { orgCode: '130302', name: '已删除测试网站', runStatus: 'DELETED' });
    const normal = await makeSite(t.ctx.db, { orgCode: '130302', name: '正常测试网站', isServicePlatform: true });

    expect(await rowOf('admin', '秦皇岛税务测试网站')).toMatchObject({
      province: '国家税务总局',
      city: '国家税务总局河北省税务局',
      county: '国家税务总局秦皇岛市税务局',
      orgStatus: '审核中',
    });
    expect((await as('hebei').get('/api/sites?name=秦皇岛税务测试网站')).body.total).toBe(0);
    // The portal's chain starts at 秦皇岛市: 海港区 sees it in its subtree but never acts on it.
    expect(await rowOf('haigang', '海港区门户测试')).toMatchObject({ orgStatus: '审核中', isPortal: true });
    expect(await rowOf('qinhuangdao', '海港区门户测试')).toMatchObject({ orgStatus: '未提交', waitingForMe: true });
    expect(portal.chain).toEqual(['130300', '130000']);

    const list = async (user: string, query: string) => (await as(user).get(`/api/sites?pageSize=100&${query}`)).body;
    expect((await list('haigang', 'name=已删除测试')).total).toBe(0);
    expect((await list('haigang', 'name=已删除测试&includeDeleted=true')).items[0]).toMatchObject({
      id: deleted.id,
      listStatus: '已删除',
    });
    expect((await list('haigang', 'runStatus=DELETED')).items.map((r: Row) => r.id)).toEqual([deleted.id]);
    const platforms = await list('haigang', 'isServicePlatform=true');
    expect(platforms.items.map((r: Row) => r.id)).toEqual([normal.id]);
    expect((await list('haigang', `siteCode=${normal.site_code!.slice(0, 8)}`)).items.map((r: Row) => r.id)).toContain(
      normal.id,
    );
    expect(
      (await list('admin', 'province=420000')).items.every((r: { province: string }) => r.province === '湖北省'),
    ).toBe(true);
    expect(
      (await list('admin', 'city=130300&name=测试')).items.every((r: { city: string }) => r.city === '秦皇岛市'),
    ).toBe(true);
    expect(
      (await list('haigang', 'requestType=MODIFY')).items.every(
        (r: Row & { request: { type: string } }) => r.request.type === 'MODIFY',
      ),
    ).toBe(true);
    expect((await as('haigang').get('/api/sites?pageSize=10')).status).toBe(400);
    expect(bureau.chain).toEqual(['bm3051', 'bm3013', 'bm3000']);
  });

  it('申报状态 filters select exactly the rows showing that label, for each viewer', async () => {
    const keys = {
      NOT_SUBMITTED: '未提交',
      NOT_REVIEWED: '未审核',
      IN_REVIEW: '审核中',
      REVIEWED: '已审核',
      RETURNED: '审核未通过',
      DONE: '已办结',
      MODIFICATION_PENDING: '办结后修改',
      MODIFICATION_RETURNED: '修改后审核未通过',
    };
    await makeApplication(t.ctx.db, { name: '状态-市级待审', state: 'IN_REVIEW', stepIndex: 1 });
    await makeApplication(t.ctx.db, { name: '状态-已办结', state: 'CODE_PENDING' });
    await makeApplication(t.ctx.db, { name: '状态-退回', state: 'RETURNED', returnReason: '材料不全' });
    for (const user of ['haigang', 'qinhuangdao', 'hebei']) {
      const all = (await as(user).get('/api/sites?pageSize=100&county=130302')).body;
      expect(all.total).toBeLessThanOrEqual(100);
      const histogram = new Map<string, number>();
      for (const r of all.items as Row[]) histogram.set(r.orgStatus, (histogram.get(r.orgStatus) ?? 0) + 1);
      for (const [key, label] of Object.entries(keys)) {
        const res = (await as(user).get(`/api/sites?pageSize=100&county=130302&orgStatus=${key}`)).body;
        expect(
          res.items.map((r: Row) => r.orgStatus),
          `${user} ${key}`,
        ).toEqual(Array(histogram.get(label) ?? 0).fill(label));
      }
      const waiting = (await as(user).get('/api/sites?pageSize=100&waitingForMe=true')).body;
      expect(waiting.items.every((r: { waitingForMe: boolean }) => r.waitingForMe)).toBe(true);
      expect(waiting.total).toBe(waiting.waitingCount);
      // Default sort: rows waiting for me first.
      const flags = (all.items as { waitingForMe: boolean }[]).map((r) => r.waitingForMe);
      expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    }
  });
});

describe('the total and the page at scale', () => {
  const viewerOf = async (code: string) => {
    const o = await t.ctx.db.selectFrom('org_units').select('path').where('code', '=', code).executeTakeFirstOrThrow();
    return { orgCode: code, orgPath: o.path };
  };
  const filters = (f: Partial<SiteFilters> = {}): SiteFilters => ({
    sort: 'default',
    order: 'desc',
    ...f,
  });

  it('counts exactly up to the cap, then a lower bound that still covers the page shown', async () => {
    for (let i = 0; i < 7; i++) await makeSite(t.ctx.db, { orgCode: '130302', name: `计数上限测试${i}` });
    const viewer = await viewerOf('130302');
    const f = filters({ name: '计数上限测试' });
    expect(await listSiteRows(t.ctx.db, viewer, f, 1, 20)).toMatchObject({ total: 7, totalExact: true });
    const capped = await listSiteRows(t.ctx.db, viewer, f, 1, 2, { countUpTo: 3 });
    expect(capped).toMatchObject({ total: 3, totalExact: false });
    expect(capped.rows).toHaveLength(2);
    // A page past the cap is still counted through its end.
    const deep = await listSiteRows(t.ctx.db, viewer, f, 3, 2, { countUpTo: 3 });
    expect(deep).toMatchObject({ total: 6, totalExact: false });
    expect(deep.rows).toHaveLength(2);
    expect(await listSiteRows(t.ctx.db, viewer, f, 4, 2, { countUpTo: 3 })).toMatchObject({
      total: 7,
      totalExact: true,
    });
  });

  it('walks a province unit by unit to the same page as the keyset order of the export', async () => {
    for (let i = 0; i < 5; i++) await makeSite(t.ctx.db, { orgCode: '130302', name: `逐单位测试${i}` });
    const viewer = await viewerOf('130000');
    for (const f of [filters(), filters({ runStatus: 'NORMAL' }), filters({ sort: 'updatedAt', order: 'asc' })]) {
      const page = await listSiteRows(t.ctx.db, viewer, f, 1, 50);
      const keyset: number[] = [];
      for await (const batch of iterateSiteRows(t.ctx.db, viewer, f, 7, 50)) keyset.push(...batch.map((r) => r.id));
      expect(
        page.rows.map((r) => r.id),
        JSON.stringify(f),
      ).toEqual(keyset);
    }
  });
});

describe('查看', () => {
  it('returns the record, the proposed version of an open request, and no secrets', async () => {
    const site = await makeSite(t.ctx.db, { name: '查看测试网站' });
    await t.ctx.db
      .updateTable('sites')
      .set({ check_code_hash: 'secret-hash', check_code_enc: 'secret-enc' })
      .where('id', '=', site.id)
      .execute();
    await makeSiteRequest(t.ctx.db, site.id, {
      type: 'MODIFY',
      orgCode: '130302',
      isPortal: false,
      payload: { name: '查看测试网站（新）', checkCode: 'leak' },
    });
    const res = await as('qinhuangdao').get(`/api/sites/${site.id}`);
    expect(res.status).toBe(200);
    expect(res.body.info).toMatchObject({ name: '查看测试网站', principal: { name: '王伟' } });
    expect(res.body.proposed).toEqual({ name: '查看测试网站（新）' });
    expect(res.body.site).toMatchObject({ siteCode: site.site_code, orgStatus: '办结后修改' });
    expect(JSON.stringify(res.body)).not.toMatch(/secret|leak|checkCode|check_code/);
  });
});

describe('查看 an application submitted through the public form', () => {
  it('shows the application as the record, and never its 临时码', async () => {
    const applicant = t.client();
    const info = sampleInfo({
      name: '公开申请查看测试网站',
      homeUrl: 'https://gongkai.haigang.gov.cn/',
      orgCode: '130302',
      isPortal: false,
    });
    const submitted = await applicant.post('/api/public/applications', info, {
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const tempCode: string = submitted.body.tempCode;
    const row = await rowOf('haigang', '公开申请查看测试网站');
    expect(row).toMatchObject({ orgStatus: '未提交', waitingForMe: true });
    const detail = await as('haigang').get(`/api/sites/${row.id}`);
    expect(detail.body.info).toMatchObject({
      name: '公开申请查看测试网站',
      homeUrl: 'https://gongkai.haigang.gov.cn/',
    });
    expect(detail.body.proposed).toBeNull();
    const text =
      JSON.stringify(detail.body) + JSON.stringify((await as('haigang').get(`/api/sites/${row.id}/audit`)).body);
    expect(text).not.toContain(tempCode);
    expect(text).not.toMatch(/tempCode|submission|Sealed/);
    const trail = await as('haigang').get(`/api/sites/${row.id}/audit`);
    expect(trail.body.items).toMatchObject([{ unitName: '申请人', action: '提交', from: '', to: '未提交' }]);
  });
});

describe('导出当页数据', () => {
  it('writes exactly the page rows, with headers, neutralised cells and one 「导出」 entry', async () => {
    for (let i = 0; i < 25; i++)
      await makeSite(t.ctx.db, { orgCode: '130302', name: `导出页测试${String(i).padStart(2, '0')}` });
    await makeSite(t.ctx.db, { orgCode: '130302', name: '=HYPERLINK("http://x","y")' });
    const query = 'name=导出页测试&sort=name&order=asc&page=2&pageSize=20';
    const list = await as('haigang').get(`/api/sites?${query}`);
    expect(list.body.total).toBe(25);
    const auditBefore = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', '导出').execute();

    const res = await as('haigang').get(`/api/sites/export?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const now = t.clock.now();
    const p = (n: number) => String(n).padStart(2, '0');
    const sh = new Date(now.getTime() + 8 * 3600_000);
    const stamp = `${sh.getUTCFullYear()}${p(sh.getUTCMonth() + 1)}${p(sh.getUTCDate())}${p(sh.getUTCHours())}${p(sh.getUTCMinutes())}${p(sh.getUTCSeconds())}`;
    const fileName = `政府网站基本信息_130302_${stamp}_p2.xlsx`;
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename=${fileName.replace(/[^\x20-\x7e]/g, '_')}; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    const rows = await readXlsx(res);
    expect(rows[0]).toEqual(HEADERS);
    expect(rows.slice(1).map((r) => r[1])).toEqual((list.body.items as Row[]).map((r) => r.name));
    expect(rows).toHaveLength(6);
    expect(rows[1]!.slice(3, 12)).toEqual([
      '河北省',
      '秦皇岛市',
      '海港区',
      '导出页测试20主办单位',
      '否',
      '否',
      '正常',
      '',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    ]);

    const evil = await readXlsx(await as('haigang').get('/api/sites/export?name=HYPERLINK'));
    expect(evil).toHaveLength(2);
    expect(evil[1]![1]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(evil[1]![6]).toBe(`'=HYPERLINK("http://x","y")主办单位`);

    const auditAfter = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_org_code', 'data'])
      .where('action', '=', '导出')
      .orderBy('id')
      .execute();
    expect(auditAfter).toHaveLength(auditBefore.length + 2);
    expect(auditAfter[auditBefore.length]).toMatchObject({
      actor_org_code: '130302',
      data: { scope: 'page', page: 2, pageSize: 20, rows: 5 },
    });
  });
});

describe('导出全部筛选结果', () => {
  it('streams every filtered row in list order, read in keyset batches', async () => {
    const n = 2345;
    const at = t.clock.now();
    const values = Array.from({ length: n }, (_, i) => {
      const name = `全量导出站点${String(i).padStart(4, '0')}`;
      const url = `https://bulk${i}.example.gov.cn/`;
      return {
        site_code: `130303${String(i + 1).padStart(4, '0')}`,
        org_code: '130303',
        name,
        name_key: name,
        home_url: url,
        home_url_key: `bulk${i}.example.gov.cn`,
        home_host: `bulk${i}.example.gov.cn`,
        sponsor_name: '全量导出主办',
        is_portal: false,
        is_service_platform: false,
        info: JSON.stringify({ name }),
        run_status: 'NORMAL' as const,
        created_at: at,
        // Ties on the sort key must not lose or repeat rows across batches.
        updated_at: new Date(at.getTime() - (i % 7) * 1000),
      };
    });
    for (let i = 0; i < n; i += 500)
      await t.ctx.db
        .insertInto('sites')
        .values(values.slice(i, i + 500))
        .execute();

    const res = await as('qinhuangdao').get('/api/sites/export-all?county=130303');
    expect(res.status).toBe(200);
    expect(res.headers['x-export-total']).toBe(String(n));
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('政府网站基本信息_130300_'));
    const rows = await readXlsx(res);
    expect(rows[0]).toEqual(HEADERS);
    const names = rows.slice(1).map((r) => r[1]);
    expect(names).toHaveLength(n);
    expect(new Set(names).size).toBe(n);
    const page1 = await as('qinhuangdao').get('/api/sites?county=130303&pageSize=100');
    expect(names.slice(0, 100)).toEqual((page1.body.items as Row[]).map((r) => r.name));

    const byName = await readXlsx(
      await as('qinhuangdao').get('/api/sites/export-all?county=130303&sort=name&order=desc'),
    );
    const sortedNames = byName.slice(1).map((r) => r[1]);
    expect(sortedNames).toEqual([...names].sort().reverse());
  });
});
