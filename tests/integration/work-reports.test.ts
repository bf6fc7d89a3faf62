// 工作年度报表 over HTTP on a real database: fill → submit → return → correct → resubmit → approve → the printable
// table → the published address back-filled and checked against a real local web server; subtree scoping, a double
// approval (one wins), the window closed, 当页数据全部审核 and the root's window settings.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkCheckConfig } from '../../src/config.ts';
import { workReportColumns } from '../../src/domain/annual-report/work-report-render.ts';
import { TEST_DOMAIN, testLookup } from '../helpers/link-servers.ts';
import { readXlsx } from '../helpers/review.ts';
import { operatorOf } from '../helpers/site-workspace.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';
import { completeReport } from '../helpers/work-report-data.ts';

const CHINESE = /[\u4e00-\u9fff]/;
// 2027-01-05 10:00 in Shanghai: the 2026 reports are being filled.
const IN_WINDOW = '2027-01-05T02:00:00.000Z';

let t: TestApp;
let web: http.Server;
let port = 0;
let haigang: TestClient;
let qinhuangdao: TestClient;
let hubei: TestClient;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp({ now: IN_WINDOW });
  // The published pages: one that shows the report's title, one that does not, and a 404.
  web = http.createServer((req, res) => {
    if (req.url === '/nb2026.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!DOCTYPE html><html><head><title>年度报表</title></head><body><h1>2026年政府网站工作年度报表</h1></body></html>',
      );
    } else if (req.url === '/other.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><html><body>欢迎访问</body></html>');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  port = (web.address() as AddressInfo).port;
  // The checker of the app may reach this local server (as in the link-check tests): 127.0.0.1 allowed and
  // `*.linkcheck.test` resolving to it.
  t.ctx.config.linkCheck = {
    ...t.ctx.config.linkCheck,
    allow: ['127.0.0.1'],
    timeoutMs: 5000,
    lookup: testLookup,
  } as LinkCheckConfig;
  [haigang, qinhuangdao, hubei, admin] = await Promise.all([
    t.loginAs('haigang'),
    t.loginAs('qinhuangdao'),
    t.loginAs('hubei'),
    t.loginAs('admin'),
  ]);
});
afterAll(async () => {
  await new Promise((resolve) => web?.close(resolve));
  await t?.close();
});

function siteOperator(orgCode = '130302') {
  return operatorOf(t, { orgCode });
}

async function auditOf(id: number) {
  return t.ctx.db
    .selectFrom('audit_log')
    .select(['action', 'from_state', 'to_state', 'actor_org_code'])
    .where('entity_type', '=', 'WORK_REPORT')
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();
}

function pageUrl(path: string) {
  return `http://report.${TEST_DOMAIN}:${port}${path}`;
}

describe('the whole workflow', () => {
  it('fills, submits, is returned, corrected, resubmitted, approved, printed and published', async () => {
    const { site, client } = await siteOperator();
    const empty = await client.get('/api/site/work-report');
    expect(empty.status, JSON.stringify(empty.body)).toBe(200);
    expect(empty.body).toMatchObject({ id: null, year: 2026, state: 'NONE', stateLabel: '未填报', mustReport: true });
    expect(empty.body.head).toMatchObject({
      siteName: site.name,
      homeUrl: site.home_url,
      siteType: '部门网站',
      siteCode: site.site_code,
      icpNo: '冀ICP备15003849号',
      psbNo: '冀公网安备13030202002230号',
    });
    expect(empty.body.window).toEqual({
      year: 2026,
      fillFrom: '2027-01-01',
      fillTo: '2027-01-20',
      publishBy: '2027-01-31',
      saved: false,
    });
    expect(empty.body.abilities.SUBMIT).toEqual({ allowed: true });

    // A draft keeps what is inconsistent so far, but not a value of the wrong form.
    const bad = await client.post('/api/site/work-report/draft', { year: 2026, version: 0, data: { totalVisits: -5 } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('网站总访问量应为不小于 0 的整数');
    const draft = await client.post('/api/site/work-report/draft', {
      year: 2026,
      version: 0,
      data: { totalVisits: 100, uniqueVisitors: 500 },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body).toMatchObject({ state: 'DRAFT', stateLabel: '填报中', version: 1, data: { totalVisits: 100 } });
    expect(draft.body.errors).toContainEqual({
      field: 'uniqueVisitors',
      message: '独立用户访问总量（500）不能大于网站总访问量（100）',
    });
    const id = draft.body.id as number;

    // Submitting an incomplete report is refused with the reasons.
    const incomplete = await client.post('/api/site/work-report/submit', {
      year: 2026,
      version: 1,
      data: draft.body.data,
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.message).toMatch(/^年度报表还有 \d+ 处需要修改：/);
    // A stale version is a conflict.
    const stale = await client.post('/api/site/work-report/draft', { year: 2026, version: 0, data: {} });
    expect(stale.status).toBe(409);

    const submitted = await client.post('/api/site/work-report/submit', {
      year: 2026,
      version: 1,
      data: completeReport(),
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ state: 'SUBMITTED', stateLabel: '待审核', filledOn: '2027-01-05' });
    expect(submitted.body.abilities.SAVE.allowed).toBe(false);
    expect(submitted.body.reviewerOrgName).toMatch(CHINESE);

    // The 本级 unit sees it in its list, returns it with a reason.
    const list = await haigang.get('/api/work-reports?year=2026&state=SUBMITTED&mine=true');
    expect(list.status).toBe(200);
    const row = list.body.items.find((r: { id: number }) => r.id === id);
    expect(row).toMatchObject({ siteName: site.name, state: 'SUBMITTED', reviewable: true });
    const noReason = await haigang.post(`/api/work-reports/${id}/return`, { version: row.version, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('请填写退回原因');
    const returned = await haigang.post(`/api/work-reports/${id}/return`, {
      version: row.version,
      reason: '网站总访问量与统计系统不符',
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body).toMatchObject({ state: 'RETURNED', returnReason: '网站总访问量与统计系统不符' });

    // The site's 负责人 and 联系人 get a mail, and the site a notice on its home.
    const mails = await t.ctx.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'body'])
      .where('subject', 'like', '%2026年度工作年度报表被退回%')
      .execute();
    const ours = mails.filter((m) => m.body.includes(site.name));
    expect(ours.map((m) => m.to_address)).toContain('lina@example.gov.cn');
    expect(ours[0]?.body).toContain('退回原因：网站总访问量与统计系统不符');
    const notices = await t.ctx.db
      .selectFrom('site_notices')
      .select(['kind', 'title'])
      .where('site_id', '=', site.id)
      .execute();
    expect(notices).toEqual([{ kind: 'RETURNED', title: '【政府网站信息报送系统】2026年度工作年度报表被退回' }]);

    // The site sees the reason, corrects and resubmits.
    const seen = await client.get('/api/site/work-report?year=2026');
    expect(seen.body).toMatchObject({
      state: 'RETURNED',
      stateLabel: '已退回',
      returnReason: '网站总访问量与统计系统不符',
    });
    const corrected = { ...completeReport(), totalVisits: 2000 };
    const resubmitted = await client.post('/api/site/work-report/submit', {
      year: 2026,
      version: seen.body.version,
      data: corrected,
    });
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
    expect(resubmitted.body).toMatchObject({ state: 'SUBMITTED', returnReason: null, data: { totalVisits: 2000 } });

    // An upper unit may view but not decide; the site cannot publish before approval.
    const upper = await qinhuangdao.get(`/api/work-reports/${id}`);
    expect(upper.status).toBe(200);
    expect(upper.body.abilities.APPROVE).toEqual({
      allowed: false,
      reason: '只有网站的本级组织单位可以审核年度报表，上级单位可以查看',
    });
    const byUpper = await qinhuangdao.post(`/api/work-reports/${id}/approve`, { version: upper.body.version });
    expect(byUpper.status).toBe(403);
    const early = await client.post('/api/site/work-report/publish', {
      year: 2026,
      version: resubmitted.body.version,
      url: pageUrl('/nb2026.html'),
    });
    expect(early.status).toBe(409);
    expect(early.body.message).toBe('年度报表审核通过后才能回填发布地址');

    const approved = await haigang.post(`/api/work-reports/${id}/approve`, { version: upper.body.version });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.state).toBe('APPROVED');

    // The printable table: the template's title, head, rows in order and the signature line.
    const printable = await client.get('/api/site/work-report?year=2026');
    const table = printable.body.table;
    expect(table.title).toBe('政府网站工作年度报表（2026年度）');
    expect(table.period).toBe('统计周期：2026-01-01 至 2026-12-31');
    expect(table.head[0]).toEqual({ label: '网站名称', value: site.name });
    expect(table.rows[1]).toEqual({ section: '', group: '', label: '网站总访问量（单位：次）', value: '2000' });
    expect(table.rows).toContainEqual({
      section: '互动交流',
      group: '留言办理',
      label: '平均办理时间（单位：天）',
      value: '2.5',
    });
    expect(table.rows).toContainEqual({ section: '创新发展', group: '', label: '多语言版本', value: '是' });
    expect(table.signature.at(-1)).toEqual({ label: '填报日期', value: '2027-01-05' });

    // Published at an address that does not show the title: kept, with the checker's verdict.
    const wrongPage = await client.post('/api/site/work-report/publish', {
      year: 2026,
      version: printable.body.version,
      url: pageUrl('/other.html'),
    });
    expect(wrongPage.status, JSON.stringify(wrongPage.body)).toBe(200);
    expect(wrongPage.body.state).toBe('PUBLISHED');
    expect(wrongPage.body.linkCheck).toMatchObject({ reachable: true, titleFound: false, status: 200 });
    expect(wrongPage.body.linkCheck.message).toMatch(/未找到/);
    const gone = await client.post('/api/site/work-report/publish', {
      year: 2026,
      version: wrongPage.body.version,
      url: pageUrl('/missing.html'),
    });
    expect(gone.body.linkCheck).toMatchObject({ reachable: false, titleFound: false, status: 404 });
    const published = await client.post('/api/site/work-report/publish', {
      year: 2026,
      version: gone.body.version,
      url: pageUrl('/nb2026.html'),
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toMatchObject({
      state: 'PUBLISHED',
      stateLabel: '已发布',
      publishedUrl: pageUrl('/nb2026.html'),
      publishedLate: false,
      linkCheck: { reachable: true, titleFound: true, status: 200 },
    });
    const notUrl = await client.post('/api/site/work-report/publish', {
      year: 2026,
      version: published.body.version,
      url: 'ftp://x',
    });
    expect(notUrl.status).toBe(400);
    expect(notUrl.body.message).toMatch(/^发布地址/);

    expect(await auditOf(id)).toEqual([
      { action: '保存工作年度报表草稿', from_state: null, to_state: 'DRAFT', actor_org_code: null },
      { action: '提交工作年度报表', from_state: 'DRAFT', to_state: 'SUBMITTED', actor_org_code: null },
      { action: '退回工作年度报表', from_state: 'SUBMITTED', to_state: 'RETURNED', actor_org_code: '130302' },
      { action: '重新提交工作年度报表', from_state: 'RETURNED', to_state: 'SUBMITTED', actor_org_code: null },
      { action: '工作年度报表审核通过', from_state: 'SUBMITTED', to_state: 'APPROVED', actor_org_code: '130302' },
      { action: '回填工作年度报表发布地址', from_state: 'APPROVED', to_state: 'PUBLISHED', actor_org_code: null },
      { action: '更正工作年度报表发布地址', from_state: 'PUBLISHED', to_state: 'PUBLISHED', actor_org_code: null },
      { action: '更正工作年度报表发布地址', from_state: 'PUBLISHED', to_state: 'PUBLISHED', actor_org_code: null },
    ]);
  });
});

async function submittedReport(orgCode = '130302') {
  const op = await siteOperator(orgCode);
  const res = await op.client.post('/api/site/work-report/submit', { year: 2026, version: 0, data: completeReport() });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { ...op, id: res.body.id as number, version: res.body.version as number };
}

describe('scoping, races and the window', () => {
  it('answers 404 to a unit outside the subtree, for viewing and deciding, and lists nothing of it', async () => {
    const { id, version, site } = await submittedReport();
    expect((await hubei.get(`/api/work-reports/${id}`)).status).toBe(404);
    const res = await hubei.post(`/api/work-reports/${id}/approve`, { version });
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(CHINESE);
    const list = await hubei.get(`/api/work-reports?year=2026&q=${encodeURIComponent(site.name)}`);
    expect(list.body.total).toBe(0);
    const row = await t.ctx.db
      .selectFrom('work_reports')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('SUBMITTED');
    const seen = await admin.get(`/api/work-reports?year=2026&q=${encodeURIComponent(site.name)}`);
    expect(seen.body.items).toHaveLength(1);
    expect(seen.body.items[0].reviewable).toBe(false);
  });

  it('lets exactly one of two concurrent decisions win; the other gets a Chinese 409', async () => {
    const { id, version } = await submittedReport();
    const second = await t.loginAs('haigang');
    const results = await Promise.all([
      haigang.post(`/api/work-reports/${id}/approve`, { version }),
      second.post(`/api/work-reports/${id}/return`, { version, reason: '数据不全' }),
      second.post(`/api/work-reports/${id}/approve`, { version }),
    ]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(409);
      expect(r.body.message).toMatch(CHINESE);
    }
    const decisions = (await auditOf(id)).filter((a) => a.actor_org_code === '130302');
    expect(decisions).toHaveLength(1);
  });

  it('approves a page at once, skipping what this unit may not approve', async () => {
    const a = await submittedReport();
    const b = await submittedReport();
    const done = await submittedReport();
    await haigang.post(`/api/work-reports/${done.id}/approve`, { version: done.version });
    const waitingBefore = (await haigang.get('/api/work-reports/waiting')).body.count as number;
    expect(waitingBefore).toBeGreaterThanOrEqual(2);
    const res = await haigang.post('/api/work-reports/approve-page', {
      items: [a, b, done].map((r) => ({ id: r.id, version: r.version })),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      approved: 2,
      skipped: [{ id: done.id, reason: '该年度报表已审核，请刷新后查看' }],
    });
    expect((await haigang.get('/api/work-reports/waiting')).body.count).toBe(waitingBefore - 2);
    expect((await qinhuangdao.get('/api/work-reports/waiting')).body.count).toBe(0);
  });

  it('refuses filling before the window and after its close in Chinese; a returned report stays correctable', async () => {
    const { client, id, version } = await submittedReport();
    await haigang.post(`/api/work-reports/${id}/return`, { version, reason: '请补充' });
    const other = await siteOperator();
    // The root closes the window yesterday (sessions would not survive moving the clock by weeks).
    const setWindow = (fillFrom: string, fillTo: string) =>
      admin.post('/api/work-report-window', { year: 2026, fillFrom, fillTo, publishBy: '2027-01-31' });
    try {
      expect((await setWindow('2027-01-01', '2027-01-04')).status).toBe(200);
      const closed = await other.client.post('/api/site/work-report/draft', { year: 2026, version: 0, data: {} });
      expect(closed.status).toBe(400);
      expect(closed.body.message).toBe('2026年度工作年度报表已于 2027-01-04 截止填报，请联系本级组织单位');
      const view = await other.client.get('/api/site/work-report?year=2026');
      expect(view.body.abilities.SUBMIT).toEqual({ allowed: false, reason: closed.body.message });
      const seen = await client.get('/api/site/work-report?year=2026');
      const again = await client.post('/api/site/work-report/submit', {
        year: 2026,
        version: seen.body.version,
        data: completeReport(),
      });
      expect(again.status, JSON.stringify(again.body)).toBe(200);
      expect((await setWindow('2027-01-06', '2027-01-20')).status).toBe(200);
      const early = await other.client.post('/api/site/work-report/draft', { year: 2026, version: 0, data: {} });
      expect(early.status).toBe(400);
      expect(early.body.message).toBe('2026年度工作年度报表自 2027-01-06 起填报，请届时再填写');
    } finally {
      await setWindow('2027-01-01', '2027-01-20');
    }
  });

  it('lets the root move the window, with Chinese refusals of bad dates, and audits it', async () => {
    const bad = await admin.post('/api/work-report-window', {
      year: 2025,
      fillFrom: '2026-01-10',
      fillTo: '2026-01-05',
      publishBy: '2026-01-31',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('填报截止日期不能早于填报开始日期');
    expect(
      (await haigang.post('/api/work-report-window', { year: 2025, fillFrom: 'x', fillTo: 'x', publishBy: 'x' }))
        .status,
    ).toBe(403);
    const ok = await admin.post('/api/work-report-window', {
      year: 2026,
      fillFrom: '2027-01-02',
      fillTo: '2027-01-25',
      publishBy: '2027-01-31',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toEqual({
      year: 2026,
      fillFrom: '2027-01-02',
      fillTo: '2027-01-25',
      publishBy: '2027-01-31',
      saved: true,
    });
    expect((await haigang.get('/api/work-report-window?year=2026')).body.fillTo).toBe('2027-01-25');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'WORK_REPORT_WINDOW')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.action === '设置工作年度报表填报时间')).toBe(true);
    await admin.post('/api/work-report-window', {
      year: 2026,
      fillFrom: '2027-01-01',
      fillTo: '2027-01-20',
      publishBy: '2027-01-31',
    });
  });

  it('asks nothing of a site opened after the year', async () => {
    const op = await siteOperator();
    await t.ctx.db
      .updateTable('sites')
      .set({ code_issued_at: new Date('2027-01-02T02:00:00.000Z') })
      .where('id', '=', op.site.id)
      .execute();
    const view = await op.client.get('/api/site/work-report');
    expect(view.body.mustReport).toBe(false);
    const res = await op.client.post('/api/site/work-report/draft', { year: 2026, version: 0, data: {} });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('本网站无需填报2026年度工作年度报表（当年未运行或已关停）');
  });

  it("exports the subtree's reports as xlsx in the template's column order, nothing outside it", async () => {
    const { site } = await submittedReport();
    const res = await qinhuangdao.get('/api/work-reports/export?year=2026');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(
      encodeURIComponent('2026年度政府网站工作年度报表.xlsx'),
    );
    const rows = await readXlsx(res);
    const headers = workReportColumns().map((c) => c.header);
    expect(rows[0]).toEqual(headers);
    expect(headers.slice(0, 9)).toEqual([
      '网站名称',
      '首页网址',
      '主办单位',
      '网站类型',
      '政府网站标识码',
      'ICP备案号',
      '公安机关备案号',
      '统计周期',
      '独立用户访问总量（单位：个）',
    ]);
    const row = rows.find((r) => r[0] === site.name);
    expect(row).toBeDefined();
    const cell = (header: string) => row![headers.indexOf(header)];
    expect(cell('网站总访问量（单位：次）')).toBe('1000');
    expect(cell('互动交流·留言办理·平均办理时间（单位：天）')).toBe('2.5');
    expect(cell('状态')).toBe('待审核');
    const outside = await readXlsx(await hubei.get('/api/work-reports/export?year=2026'));
    expect(outside).toEqual([headers]);
  });

  it('every 工作年度报表 form twice at once: one effect each, the other a Chinese 409', async () => {
    const { client, site } = await siteOperator();
    const onlyOne = (results: { status: number; body: { message?: string } }[]) => {
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)?.body.message).toMatch(CHINESE);
      return results.find((r) => r.status === 200)!.body as { version: number; id: number };
    };
    const draft = onlyOne(
      await Promise.all(
        [0, 1].map(() => client.post('/api/site/work-report/draft', { year: 2026, version: 0, data: {} })),
      ),
    );
    const submitted = onlyOne(
      await Promise.all(
        [0, 1].map(() =>
          client.post('/api/site/work-report/submit', { year: 2026, version: draft.version, data: completeReport() }),
        ),
      ),
    );
    const page = await Promise.all(
      [0, 1].map(() =>
        haigang.post('/api/work-reports/approve-page', { items: [{ id: submitted.id, version: submitted.version }] }),
      ),
    );
    expect(page.map((r) => r.body.approved).sort()).toEqual([0, 1]);
    const approved = await client.get('/api/site/work-report?year=2026');
    onlyOne(
      await Promise.all(
        [0, 1].map(() =>
          client.post('/api/site/work-report/publish', {
            year: 2026,
            version: approved.body.version,
            url: pageUrl('/nb2026.html'),
          }),
        ),
      ),
    );
    const actions = (await auditOf(submitted.id)).map((a) => a.action);
    expect(actions).toEqual([
      '保存工作年度报表草稿',
      '提交工作年度报表',
      '工作年度报表审核通过',
      '回填工作年度报表发布地址',
    ]);
    expect(site.id).toBeGreaterThan(0);
  });
});
