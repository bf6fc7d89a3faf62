// Browser test of 待办: 海港区's reviewer sees the header and menu badge count go up when an application arrives
// (submitted through the public API during the test), opens 待办, follows 去处理 to the filtered site list, approves,
// and sees the count go back down; 已办 then shows the decision. 秦皇岛市's reviewer finds a 工作年度报表 left unreviewed
// at 海港区 in 下级超期 and opens it from there.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { makeSite, sampleInfo } from '../helpers/factories.ts';
import { type BrowserHarness, startHarness } from './harness.ts';

const SITE = '秦皇岛市海港区待办示范局网站';
const REPORT_SITE = '秦皇岛市海港区年报超期示范局网站';

describe('inbox UI', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 1440, height: 900 } });
    await h.server.database.db
      .updateTable('users')
      .set({ must_change_password: false })
      .where('username', 'in', ['haigang', 'qinhuangdao'])
      .execute();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await h.screenshot('inbox-failure').catch(() => {});
  });

  afterAll(async () => {
    await h?.close();
  });

  async function submitApplication(): Promise<void> {
    const session = await h.page.request.get(`${h.url}/api/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const info = sampleInfo({
      name: SITE,
      homeUrl: 'https://daiban.haigang.gov.cn/',
      orgCode: '130302',
      isPortal: false,
    });
    const res = await h.page.request.post(`${h.url}/api/public/applications`, {
      data: info,
      headers: { 'x-csrf-token': csrfToken, 'idempotency-key': randomUUID() },
    });
    expect(res.status(), await res.text()).toBe(200);
  }

  const headerCount = (page: Page) => page.getByTestId('inbox-header').getAttribute('title');

  async function signIn(username: string): Promise<void> {
    const { page } = h;
    await page.goto(`${h.url}/`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${h.url}/org`);
  }

  it('counts an arriving application in the header and the menu, and clears it on approval', async () => {
    const { page } = h;
    await signIn('haigang');
    await expect.poll(() => headerCount(page)).toBe('0 项待办');
    const menu = page.getByRole('menu');
    // 待办 comes right after 首页.
    expect(await menu.getByRole('menuitem').nth(1).textContent()).toContain('待办');

    // An applicant submits while the reviewer is signed in; a reload shows it at once (else the 30 s poll would).
    await submitApplication();
    await page.reload();
    await expect.poll(() => headerCount(page)).toBe('1 项待办');
    // biome-ignore lint/performance/useDomNodeTextContent: the visible digits (antd's badge also renders hidden ones)
    await expect.poll(() => page.getByTestId('inbox-menu-count').innerText()).toBe('1');

    await menu.getByRole('menuitem', { name: /待办/ }).click();
    await page.waitForURL(`${h.url}/org/inbox`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: SITE });
    await row.waitFor();
    expect(await row.textContent()).toContain('新增网站');
    expect(await row.textContent()).toContain('0 个工作日');
    expect(await row.textContent()).toContain('未提交');
    await page.getByText('每一审核环节的办理时限为 5 个工作日').waitFor();
    await h.screenshot('inbox-waiting');

    // 去处理 opens the site list filtered to the site and to what waits for this unit.
    await row.getByRole('link', { name: '去处理' }).click();
    await page.waitForURL(/\/org\/sites\?name=.*waitingForMe=true/);
    const siteRow = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: SITE });
    await siteRow.locator('.ant-radio-input').check();
    await page.getByRole('button', { name: '审核', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '审核新增网站申请' });
    await dialog.getByText(SITE).waitFor();
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('已审核通过').waitFor();

    // The approval refreshes the count without a reload.
    await expect.poll(() => headerCount(page)).toBe('0 项待办');
    await h.screenshot('inbox-after-approval');

    await menu.getByRole('menuitem', { name: /待办/ }).click();
    await page.getByText('当前没有等待本单位处理的申请').waitFor();
    await page.getByRole('tab', { name: '已办' }).click();
    await page.waitForURL(/tab=done/);
    const done = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: SITE });
    await done.waitFor();
    expect(await done.textContent()).toContain('审核通过');
    await h.screenshot('inbox-done');

    expect(h.errors).toEqual([]);
  });

  it('shows a 工作年度报表 unreviewed past twice the deadline at 海港区 in 秦皇岛市’s 下级超期, and opens it', async () => {
    const { page } = h;
    const db = h.server.database.db;
    const site = await makeSite(db, { orgCode: '130302', name: REPORT_SITE, seq: 871 });
    const longAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000); // past twice the deadline whatever the holidays
    const report = await db
      .insertInto('work_reports')
      .values({
        site_id: site.id,
        year: 2025,
        state: 'SUBMITTED',
        data: JSON.stringify({}),
        reviewer_org: '130302',
        submitted_at: longAgo,
        created_at: longAgo,
        updated_at: longAgo,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    await h.context.clearCookies();
    await signIn('qinhuangdao');
    await page.goto(`${h.url}/org/inbox?tab=below`);
    await page.getByText('还列出下级尚未提交工作年度报表的网站').waitFor();
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: REPORT_SITE });
    await row.waitFor();
    const cells = await row.textContent();
    expect(cells).toContain('工作年度报表');
    expect(cells).toContain('待审核');
    expect(cells).toContain('海港区');
    expect(cells).toContain('超两倍期限');
    await h.screenshot('inbox-below-report');

    // 查看 opens the review list over the whole subtree with the report open.
    await row.getByRole('link', { name: '查看' }).click();
    await page.waitForURL(new RegExp(`/org/work-reports\\?.*view=${report.id}.*mine=false`));
    await page.getByRole('dialog').getByText(`${REPORT_SITE}（待审核）`).waitFor();

    expect(h.errors).toEqual([]);
  });
});
