// Browser test of the 工作年度报表 专栏 and progress board (issue 21): an anonymous visitor opens 河北省's public 专栏
// and follows a published report's link; 河北省 opens 年度报表进度 and drills down into 秦皇岛市.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WorkReportState } from '../../src/domain/annual-report/work-report-states.ts';
import { makeSite } from '../helpers/factories.ts';
import { type BrowserHarness, loginOrgUser, startHarness } from './harness.ts';

// The README's screenshot of the 专栏 page.
const README_SHOT = fileURLToPath(new URL('../../docs/screenshots/work-report-column.png', import.meta.url));
// Real time moved to 2027-02-10 12:00 in Shanghai: the 2026 reports are published.
const START = Date.now();
const clock = { now: () => new Date(Date.parse('2027-02-10T12:00:00+08:00') + (Date.now() - START)) };

const SITES: { org: string; name: string; host: string; state: WorkReportState | null }[] = [
  { org: '130302', name: '秦皇岛市海港区人民政府网', host: 'www.haigang.gov.cn', state: 'PUBLISHED' },
  { org: '130302', name: '秦皇岛市海港区教育局网站', host: 'jyj.haigang.gov.cn', state: 'APPROVED' },
  { org: '130303', name: '秦皇岛市山海关区人民政府网', host: 'www.shanhaiguan.gov.cn', state: 'PUBLISHED' },
  { org: '130303', name: '秦皇岛市山海关区文化和旅游局网站', host: 'wlj.shanhaiguan.gov.cn', state: 'SUBMITTED' },
  { org: '130303', name: '秦皇岛市山海关区统计局网站', host: 'tjj.shanhaiguan.gov.cn', state: null },
  { org: '130300', name: '秦皇岛市人民政府网', host: 'www.qhd.gov.cn', state: 'PUBLISHED' },
];
const reportUrl = (host: string) => `https://${host}/zwgk/ndbb/2026.html`;

describe('work report column and progress board UI', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 1366, height: 900 }, clock });
    const db = h.server.database.db;
    await db.updateTable('users').set({ must_change_password: false }).where('username', '=', 'hebei').execute();
    const now = clock.now();
    let seq = 1;
    for (const s of SITES) {
      const site = await makeSite(db, { orgCode: s.org, name: s.name, homeUrl: `https://${s.host}/`, seq: seq++ });
      if (!s.state) continue;
      await db
        .insertInto('work_reports')
        .values({
          site_id: site.id,
          year: 2026,
          state: s.state,
          data: JSON.stringify({}),
          reviewer_org: s.org,
          submitted_at: now,
          decided_at: s.state === 'SUBMITTED' ? null : now,
          published_url: s.state === 'PUBLISHED' ? reportUrl(s.host) : null,
          published_at: s.state === 'PUBLISHED' ? now : null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await h.screenshot('work-report-board-failure').catch(() => {});
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows the public 专栏 anonymously with the published reports’ links', async () => {
    const { page } = h;
    await h.context.clearCookies();
    await page.goto(`${h.url}/public/work-reports/130000`);
    await page.getByRole('heading', { name: /河北省 2026年度政府网站工作年度报表/ }).waitFor();
    const published = page.getByRole('row', { name: /秦皇岛市海港区人民政府网/ });
    await published.getByText('已发布').waitFor();
    const link = published.getByRole('link', { name: '查看报表' });
    expect(await link.getAttribute('href')).toBe(reportUrl('www.haigang.gov.cn'));
    const approved = page.getByRole('row', { name: /秦皇岛市海港区教育局网站/ });
    await approved.getByText('未发布').waitFor();
    expect(await approved.getByRole('link', { name: '查看报表' }).count()).toBe(0);
    // Nothing internal: no review states.
    expect(await page.getByText('审核通过，待发布').count()).toBe(0);
    expect(await page.getByText('待审核').count()).toBe(0);
    await page.getByText('共 6 个网站').waitFor();
    // README screenshot: written only when asked (GOVSITE_README_SHOTS=1), so a test run leaves the tree unchanged.
    if (process.env.GOVSITE_README_SHOTS === '1') {
      mkdirSync(join(README_SHOT, '..'), { recursive: true });
      await page.screenshot({ path: README_SHOT, fullPage: true, animations: 'disabled' });
    }

    // Another year: nothing published yet.
    await page.getByLabel('年度').click();
    await page.getByTitle('2025年度').click();
    await page.getByRole('heading', { name: /河北省 2025年度政府网站工作年度报表/ }).waitFor();
    expect(await page.getByRole('link', { name: '查看报表' }).count()).toBe(0);

    // A unit without a 专栏.
    await page.goto(`${h.url}/public/work-reports/130300`);
    await page.getByText('没有找到该单位的工作年度报表专栏').waitFor();
    expect(h.errors.filter((e) => !e.includes('404'))).toEqual([]);
  });

  it('shows the progress board to 河北省 and drills down into 秦皇岛市', async () => {
    const { page } = h;
    await loginOrgUser(h.context, page, h.url, 'hebei');
    await page.getByRole('menuitem', { name: '年度报表进度' }).click();
    await page.waitForURL(/\/org\/work-reports\/progress/);
    const city = page.getByRole('row', { name: /秦皇岛市/ }).first();
    // 6 due, 5 submitted, 4 approved, 3 published.
    await city.getByRole('cell', { name: '83.3%' }).waitFor();
    await city.getByRole('cell', { name: '66.7%' }).waitFor();
    await city.getByRole('cell', { name: '50.0%' }).waitFor();
    await city.getByText('秦皇岛市', { exact: true }).click();
    await page.waitForURL(/org=130300/);
    const haigang = page.getByRole('row', { name: /海港区/ });
    await haigang.getByRole('cell', { name: '100.0%' }).first().waitFor();
    await haigang.getByRole('cell', { name: '50.0%' }).waitFor();
    const shanhaiguan = page.getByRole('row', { name: /山海关区/ });
    await shanhaiguan.getByRole('cell', { name: '66.7%' }).waitFor();
    await shanhaiguan.getByRole('cell', { name: '33.3%' }).first().waitFor();
    await page
      .getByRole('row', { name: /秦皇岛市（本级）/ })
      .getByRole('cell', { name: '100.0%' })
      .first()
      .waitFor();
    await h.screenshot('work-report-progress');
    // Back up through the trail.
    await page.getByRole('link', { name: '河北省' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('org')).toBeNull();
    // A level-1 unit's board links to its public 专栏.
    const column = page.getByRole('link', { name: '查看公开专栏' });
    expect(await column.getAttribute('href')).toBe('/public/work-reports/130000?year=2026');
  });
});
