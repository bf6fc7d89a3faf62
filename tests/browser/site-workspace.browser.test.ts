// Browser test of the 填报单位 workspace: the operator logs in with 标识码 + 校验码, changes 主办单位 and two 栏目 rows
// in 基本信息修改 and submits; 海港区 sees exactly those highlighted in 修改内容对比 and approves; the operator then
// reads 「修改审核通过」 and the new values.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { hashSecret } from '../../src/server/passwords.ts';
import { makeSite } from '../helpers/factories.ts';
import { type BrowserHarness, SCREENSHOT_DIR, startHarness } from './harness.ts';

const SITE = '秦皇岛市海港区文化和旅游局网站';
const CHECK_CODE = 'KMNP2345';
const CATEGORIES = [
  ['GK', '概况信息'],
  ['JGZN', '机构职能'],
  ['FZR', '负责人信息'],
  ['ZWDT', '政务动态'],
  ['TZGG', '通知公告'],
  ['ZCWJ', '政策文件'],
  ['XXGK', '政府信息公开'],
  ['SJFB', '数据发布'],
  ['JD', '政策解读'],
  ['HYGQ', '回应关切'],
  ['BSZN', '办事指南'],
  ['BSXT', '在线办事系统'],
  ['ZXTS', '政务咨询类'],
  ['DCZJ', '调查征集类'],
  ['HDFT', '互动访谈类'],
  ['ZTZL', '专栏专题'],
] as const;
const BASE = 'https://wlj.haigang.gov.cn';

describe('site workspace UI', () => {
  let h: BrowserHarness;
  let siteCode: string;

  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 1366, height: 900 } });
    const db = h.server.database.db;
    await db
      .updateTable('users')
      .set({ must_change_password: false })
      .where('username', 'in', ['haigang', 'admin'])
      .execute();
    const site = await makeSite(db, { orgCode: '130302', name: SITE, homeUrl: `${BASE}/` });
    siteCode = site.site_code ?? '';
    // Registered 栏目: 政务动态 and 通知公告 filled, the rest 「无」.
    const columns = CATEGORIES.map(([category, categoryName]) =>
      category === 'ZWDT'
        ? { category, categoryName, names: '工作动态', addresses: `${BASE}/gzdt/` }
        : category === 'TZGG'
          ? { category, categoryName, names: '通知公告', addresses: `${BASE}/tzgg/` }
          : { category, categoryName, names: '无', addresses: '无' },
    );
    await db
      .updateTable('sites')
      .set({ check_code_hash: await hashSecret(CHECK_CODE), columns: JSON.stringify(columns) })
      .where('id', '=', site.id)
      .execute();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await h.screenshot('site-workspace-failure').catch(() => {});
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
    await page.getByTestId('modification-status').waitFor();
  }

  const settled = (page: Page) =>
    expect
      .poll(() => page.locator('[class*="-zoom-enter"], [class*="-zoom-appear"], [class*="-move-up-enter"]').count())
      .toBe(0);

  const columnField = (page: Page, category: string, what: '栏目（系统）名称' | '栏目（系统）地址') =>
    page.getByLabel(`${category} ${what}`, { exact: true });

  it('submits a modification that the reviewer sees as a diff and approves', async () => {
    const { page } = h;
    await loginSite(page);
    const status = page.getByTestId('modification-status');
    expect(await status.textContent()).toBe('修改审核状态：暂无修改申请');
    // The reviewer and how to reach it; 撤回申请 disabled with its reason.
    await page.getByText('基本信息修改、政务服务平台、其他域名').waitFor();
    await page.getByRole('button', { name: '撤回申请' }).locator('..').hover();
    await page.getByRole('tooltip', { name: '没有可撤回的申请' }).waitFor();
    await h.screenshot('site-workspace-home');

    await page.getByRole('button', { name: '基本信息修改' }).click();
    await page.waitForURL(`${h.url}/site/modification`);
    const sponsor = page.getByLabel('主办单位', { exact: true });
    await expect.poll(() => sponsor.inputValue()).toBe(`${SITE}主办单位`);
    await sponsor.fill('秦皇岛市海港区文化广电和旅游局');
    await h.screenshot('site-workspace-modify-basic');
    await page.getByRole('button', { name: '下一步' }).click();
    await columnField(page, '政务动态', '栏目（系统）名称').waitFor();
    // A 栏目 row with one name too many is refused at the row, naming the category.
    await columnField(page, '政务动态', '栏目（系统）名称').fill('工作动态；部门动态');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByText('政务动态：栏目名称 2 个，栏目地址 1 个，数量必须一致').waitFor();
    await columnField(page, '政务动态', '栏目（系统）地址').fill(`${BASE}/gzdt/；${BASE}/bmdt/`);
    await columnField(page, '通知公告', '栏目（系统）地址').fill(`${BASE}/xxgk/tzgg/`);
    await h.screenshot('site-workspace-columns');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByText('已提交审核').waitFor();
    await page.getByRole('link', { name: '返回首页' }).click();
    await page.waitForURL(`${h.url}/site`);
    await expect.poll(() => status.textContent()).toBe('修改审核状态：修改未审核');
    await page.getByText('“基本信息修改”已提交，等待海港区').waitFor();
    // While it waits, the other requests say why they cannot be filed.
    await page.getByRole('button', { name: '申请门户网站' }).locator('..').hover();
    await page.getByRole('tooltip', { name: /已有未办结的申请“基本信息修改”（修改未审核）/ }).waitFor();
    await h.screenshot('site-workspace-pending');

    // 海港区 reviews: 办结修改审核通过 appears for the selected 「办结后修改」 row and opens the diff.
    await h.context.clearCookies();
    await page.goto(`${h.url}/`);
    await page.getByLabel('用户名').fill('haigang');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${h.url}/org`);
    await page.getByRole('menu').getByText('政府网站和栏目基本信息表').click();
    await page.waitForURL(`${h.url}/org/sites`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: SITE });
    await row.getByText('办结后修改').waitFor();
    expect(await page.getByRole('button', { name: '办结修改审核通过' }).count()).toBe(0);
    await row.locator('.ant-radio-input').check();
    // 查看 opens on 修改内容对比: the whole record, the changed rows highlighted.
    await page.getByRole('button', { name: '查看', exact: true }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('tab', { name: '修改内容对比', selected: true }).waitFor();
    await expect.poll(() => drawer.locator('tr.diff-changed').count()).toBe(3);
    await settled(page);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'site-workspace-view-diff.png'), animations: 'disabled' });
    await drawer.locator('.ant-drawer-close').click();
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
    await page.getByRole('button', { name: '办结修改审核通过' }).click();
    const dialog = page.getByRole('dialog', { name: `办结修改审核通过：${SITE}` });
    const diff = dialog.getByTestId('change-set-diff');
    await diff.getByText('共 3 处修改').waitFor();
    const changedRows = diff.locator('tr.diff-changed');
    await expect.poll(() => changedRows.count()).toBe(3);
    expect(await changedRows.nth(0).textContent()).toContain('主办单位');
    expect(await changedRows.nth(0).textContent()).toContain('秦皇岛市海港区文化广电和旅游局');
    expect(await changedRows.nth(1).textContent()).toContain('政务动态');
    expect(await changedRows.nth(2).textContent()).toContain('通知公告');
    const added = await diff.locator('[data-kind="added"]').allInnerTexts();
    expect(added).toHaveLength(1);
    expect(added[0]).toContain(`部门动态：${BASE}/bmdt/`);
    expect(await diff.locator('[data-kind="changed"]').count()).toBe(2);
    // The dialog starts with the changed rows only; the switch shows the whole record around them.
    const allRows = diff.locator('.ant-table-tbody tr.ant-table-row');
    expect(await allRows.count()).toBe(3);
    await settled(page);
    await dialog.screenshot({ path: join(SCREENSHOT_DIR, 'site-workspace-diff.png') });
    await diff.getByRole('switch', { name: '只看修改项' }).click();
    await expect.poll(() => allRows.count()).toBeGreaterThan(30);
    expect(await changedRows.count()).toBe(3);
    await h.screenshot('site-workspace-diff-all');
    await dialog.getByRole('button', { name: '办结修改审核通过' }).click();
    await page.getByText('已审核通过，修改已生效').waitFor();
    await row.getByText('已办结').waitFor();

    // The operator sees the result.
    await loginSite(page);
    await expect.poll(() => status.textContent()).toBe('修改审核状态：修改审核通过');
    await page.getByText('秦皇岛市海港区文化广电和旅游局').waitFor();
    await page.getByRole('tab', { name: '栏目信息' }).click();
    await page.getByText('工作动态；部门动态').waitFor();
    await h.screenshot('site-workspace-done');
    await page.getByRole('button', { name: '查看审核流水' }).click();
    const trail = page.locator('.ant-drawer .ant-table-tbody tr.ant-table-row');
    await expect.poll(() => trail.count()).toBe(2);
    expect(await trail.last().textContent()).toContain('办结修改审核通过');
    expect(await trail.last().textContent()).toContain('修改未审核 → 修改审核通过');
    await expect
      .poll(() =>
        page
          .locator('.ant-drawer-content-wrapper[class*="-enter"], .ant-drawer-content-wrapper[class*="-appear"]')
          .count(),
      )
      .toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'site-workspace-audit.png'), animations: 'disabled' });

    expect(h.errors).toEqual([]);
  });

  it('lets the root rename, reorder and deactivate 栏目类别', async () => {
    const { page } = h;
    await h.context.clearCookies();
    await page.goto(`${h.url}/`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${h.url}/org`);
    await page.getByRole('menu').getByText('栏目类别').click();
    await page.waitForURL(`${h.url}/org/column-categories`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(16);
    await rows.nth(3).getByLabel('类别名称').fill('政务要闻');
    await rows.nth(3).getByRole('button', { name: '上移' }).click();
    await rows.nth(7).getByRole('switch', { name: '启用' }).click();
    await page
      .getByRole('button', { name: '保 存' })
      .or(page.getByRole('button', { name: '保存' }))
      .click();
    await page.getByText('栏目类别已保存').waitFor();
    await settled(page);
    await h.screenshot('site-workspace-categories');
    const stored = await h.server.database.db
      .selectFrom('column_categories')
      .select(['code', 'name', 'sort_order', 'active'])
      .where('code', 'in', ['ZWDT', 'SJFB'])
      .orderBy('code')
      .execute();
    expect(stored).toEqual([
      { code: 'SJFB', name: '数据发布', sort_order: 8, active: false },
      { code: 'ZWDT', name: '政务要闻', sort_order: 3, active: true },
    ]);
    expect(h.errors).toEqual([]);
  });
});
