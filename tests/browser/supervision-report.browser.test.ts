// Browser test of 监管年度报表: a province creates its report of last year, sees the prefilled values, fills in the
// rest, saves and submits; the root finds it in the year's list, approves it, and both see the printable table.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSite } from '../helpers/factories.ts';
import { type BrowserHarness, loginOrgUser, middayClock, startHarness } from './harness.ts';

const ENTRIES: [string, string][] = [
  ['留言数量（条）', '120'],
  ['按期办结数量（条）', '118'],
  ['检查次数（次）', '4'],
  ['发现问题数量（个）', '9'],
  ['问题整改数量（个）', '9'],
  ['发现假冒政府网站数量（个）', '2'],
  ['处置假冒政府网站数量（个）', '2'],
  ['培训次数（次）', '3'],
  ['培训人数（人次）', '260'],
];

describe('监管年度报表 UI', () => {
  let h: BrowserHarness;
  const clock = middayClock();
  const year = Number(clock.now().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4)) - 1;

  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 1440, height: 900 }, clock });
    const db = h.server.database.db;
    await db
      .updateTable('users')
      .set({ must_change_password: false })
      .where('username', 'in', ['admin', 'hebei'])
      .execute();
    const at = new Date(`${year}-05-06T02:00:00Z`);
    await makeSite(db, { orgCode: '130000', seq: 1, isPortal: true, name: '河北省人民政府网站', at });
    await makeSite(db, { orgCode: '130300', seq: 1, isPortal: true, name: '秦皇岛市人民政府网站', at });
    await makeSite(db, { orgCode: '130302', seq: 2, name: '秦皇岛市海港区卫生健康局网站', at });
  });

  afterAll(async () => {
    await h?.close();
  });

  async function openYear(page: Page): Promise<void> {
    await page.getByRole('menuitem', { name: '监管年度报表' }).click();
    await page.waitForURL(`${h.url}/org/supervision-reports`);
    await page.getByRole('heading', { name: '监管年度报表', exact: true }).waitFor();
    await page.getByLabel('年度').click();
    await page.getByTitle(`${year}年度`).click();
    await page.waitForURL(new RegExp(`year=${year}`));
  }

  it('lets a province fill in and submit, and the root approve and print', async () => {
    const { page } = h;
    await loginOrgUser(h.context, page, h.url, 'hebei');
    await openYear(page);
    await page.getByRole('button', { name: '创建报表' }).click();
    await expect.poll(async () => page.getByTestId('prefill-sitesTotal').textContent()).toBe('3');
    expect(await page.getByTestId('prefill-portalSites').textContent()).toBe('2');
    expect(await page.getByTestId('prefill-sitesOpened').textContent()).toBe('3');
    expect(await page.getByTestId('prefill-checks-year').textContent()).toBe('0');

    // A part larger than its total is refused before saving.
    // Each value is committed (Tab leaves the field) and read back before the cross-field check is awaited.
    for (const [label, value] of [
      ['留言数量（条）', '10'],
      ['按期办结数量（条）', '11'],
    ] as const) {
      const input = page.getByLabel(label, { exact: true });
      await input.fill(value);
      await input.press('Tab');
      await expect.poll(async () => input.inputValue()).toBe(value);
    }
    await page.getByText('按期办结数量（11）不能大于留言数量（10）').waitFor();
    for (const [label, value] of ENTRIES) {
      const input = page.getByLabel(label, { exact: true });
      await input.fill(value);
      await input.press('Tab');
      await expect.poll(async () => input.inputValue()).toBe(value);
    }
    await expect.poll(async () => page.getByTestId('rate-errorMessagesOnTimeRate').textContent()).toBe('98.3');
    // The print preview before saving hides the form; leaving it finds every typed number still there.
    await page.getByRole('button', { name: '打印报表' }).click();
    await page.getByRole('button', { name: '退出打印预览' }).click();
    expect(await page.getByLabel('培训人数（人次）', { exact: true }).inputValue()).toBe('260');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('已保存').first().waitFor();
    await h.screenshot('supervision-report-form');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await page.locator('.ant-tag', { hasText: '已提交，待审核' }).first().waitFor();
    await page.getByTestId('supervision-sheet').waitFor();
    expect(await page.getByTestId('cell-trainees').textContent()).toBe('260');

    await loginOrgUser(h.context, page, h.url, 'admin');
    await openYear(page);
    const row = page.locator('tr', { hasText: '河北省' });
    await row.locator('.ant-tag', { hasText: '已提交，待审核' }).waitFor();
    await row.getByRole('button', { name: '查看' }).click();
    await page.getByTestId('supervision-sheet').waitFor();
    expect(await page.getByTestId('cell-sitesTotal').textContent()).toBe('3');
    expect(await page.getByTestId('cell-errorMessagesOnTimeRate').textContent()).toBe('98.3');
    await page.getByRole('button', { name: '通过', exact: true }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await page.locator('.ant-tag', { hasText: '已通过' }).first().waitFor();

    await page.getByRole('button', { name: '打印报表' }).click();
    await page.waitForURL(/print=1/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('menu').isVisible()).toBe(false);
    expect(await page.getByTestId('supervision-sheet').isVisible()).toBe(true);
    await h.screenshot('supervision-report-print');
    await page.emulateMedia({ media: 'screen' });
    expect(h.errors).toEqual([]);
  });
});
