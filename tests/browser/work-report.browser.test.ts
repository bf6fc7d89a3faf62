// Browser test of 工作年度报表 (issue 21): the 填报单位 completes a saved draft (an inconsistent total is flagged inline
// while typing), saves and submits it; 海港区 approves it from its list; the site then opens the printable table.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/server/passwords.ts';
import { makeSite } from '../helpers/factories.ts';
import { completeReport } from '../helpers/work-report-data.ts';
import { type BrowserHarness, loginOrgUser, startHarness } from './harness.ts';

const SITE = '秦皇岛市海港区统计局网站';
const CHECK_CODE = 'KMNP2345';
// Real time moved to 2027-01-05 12:00 in Shanghai: the 2026 reports are being filled.
const START = Date.now();
const clock = { now: () => new Date(Date.parse('2027-01-05T12:00:00+08:00') + (Date.now() - START)) };

describe('work report UI', () => {
  let h: BrowserHarness;
  let siteCode: string;

  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 1366, height: 900 }, clock });
    const db = h.server.database.db;
    await db
      .updateTable('users')
      .set({ must_change_password: false })
      .where('username', 'in', ['haigang', 'admin'])
      .execute();
    const site = await makeSite(db, { orgCode: '130302', name: SITE, homeUrl: 'https://tjj.haigang.gov.cn/' });
    siteCode = site.site_code ?? '';
    await db
      .updateTable('sites')
      .set({ check_code_hash: await hashSecret(CHECK_CODE) })
      .where('id', '=', site.id)
      .execute();
    // A draft saved earlier: everything but 网站总访问量 and 单位负责人.
    const now = clock.now();
    await db
      .insertInto('work_reports')
      .values({
        site_id: site.id,
        year: 2026,
        state: 'DRAFT',
        data: JSON.stringify({ ...completeReport(), totalVisits: null, uniqueVisitors: 1000, unitHead: null }),
        reviewer_org: '130302',
        created_at: now,
        updated_at: now,
      })
      .execute();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await h.screenshot('work-report-failure').catch(() => {});
  });

  afterAll(async () => {
    await h?.close();
  });

  async function loginSite(page: Page): Promise<void> {
    await h.context.clearCookies();
    await page.goto(`${h.url}/`);
    await page.getByRole('tab', { name: '填报单位' }).click();
    await page.getByLabel('网站标识码').fill(siteCode);
    await page.getByLabel('校验码').fill(CHECK_CODE);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${h.url}/site`);
  }

  it('fills, submits, is approved by the 本级 unit and prints', async () => {
    const { page } = h;
    await loginSite(page);
    await page.getByRole('link', { name: '政府网站工作年度报表' }).click();
    await page.waitForURL(`${h.url}/site/work-report`);
    const state = page.getByTestId('report-state');
    await expect.poll(() => state.textContent()).toBe('填报中');
    // The head comes from the register.
    await page.getByRole('cell', { name: SITE, exact: true }).waitFor();

    const visits = page.getByLabel('网站总访问量', { exact: true });
    await visits.fill('500');
    await page.getByText('独立用户访问总量（1000）不能大于网站总访问量（500）').waitFor();
    await visits.fill('5000');
    await expect.poll(() => page.getByText('独立用户访问总量（1000）不能大于网站总访问量').count()).toBe(0);
    await page.getByLabel('单位负责人', { exact: true }).fill('王五');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存').waitFor();

    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '提交审核' }).click();
    await expect.poll(() => state.textContent()).toBe('待审核');
    await h.screenshot('work-report-site-submitted');

    await loginOrgUser(h.context, page, h.url, 'haigang');
    await page.getByRole('menuitem', { name: '工作年度报表' }).click();
    await page.waitForURL(/\/org\/work-reports/);
    const row = page.getByRole('row', { name: new RegExp(SITE) });
    await row.getByText('待审核').waitFor();
    await row.getByRole('button', { name: '通过' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '通过' }).click();
    await page.getByText('已审核通过').first().waitFor();
    await row.getByText('审核通过，待发布').waitFor();
    await row.getByRole('button', { name: '查看' }).click();
    await page.getByTestId('work-report-sheet').getByText('政府网站工作年度报表（2026年度）').waitFor();
    await h.screenshot('work-report-review');

    await loginSite(page);
    await page.goto(`${h.url}/work-report/print?year=2026`);
    const sheet = page.getByTestId('work-report-sheet');
    await sheet.getByText('政府网站工作年度报表（2026年度）').waitFor();
    await sheet.getByText('统计周期：2026-01-01 至 2026-12-31').waitFor();
    await sheet.getByRole('cell', { name: '5000', exact: true }).waitFor();
    await sheet.getByText('单位负责人：王五').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '打印 / 另存为 PDF' }).isVisible()).toBe(false);
    await h.screenshot('work-report-print');

    // The root sets the year's window from the same page.
    await page.emulateMedia({ media: 'screen' });
    await loginOrgUser(h.context, page, h.url, 'admin');
    await page.getByRole('menuitem', { name: '工作年度报表' }).click();
    await page.getByRole('button', { name: '填报时间设置' }).click();
    const dialog = page.getByRole('dialog', { name: '2026年度工作年度报表填报时间' });
    await expect.poll(() => dialog.getByLabel('填报截止日期').inputValue()).toBe('2027-01-20');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('填报时间已保存').waitFor();
    expect(h.errors).toEqual([]);
  });
});
