// Browser test of 下线: an operator applies for a temporary offline, 海港区 → 秦皇岛市 → 河北省 approve it on 下线审核,
// and both sides read the labels of SPEC §7.8; a permanent offline goes through 完成下线 to a read-only account.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayCN } from '../../src/domain/offline.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { loginSite as loginSiteAs, poll, rowOf, startWithHaigangSites } from './haigang-sites.ts';
import { type BrowserHarness, middayClock } from './harness.ts';

const TEMP_SITE = '秦皇岛市海港区统计局网站';
const PERM_SITE = '秦皇岛市海港区档案局网站';
/** The column of the organizing unit's 列表状态 (SPEC §7.8), on 下线审核 and on 政府网站和栏目基本信息表. */
const LIST_STATUS = '列表状态';

describe('offline UI', () => {
  let h: BrowserHarness;
  let codes: Map<string, string>;
  const clock = middayClock();

  beforeAll(async () => {
    ({ h, codes } = await startWithHaigangSites(clock, [
      { name: TEMP_SITE, host: 'tjj.haigang.gov.cn' },
      { name: PERM_SITE, host: 'daj.haigang.gov.cn' },
    ]));
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await h.screenshot('offline-failure').catch(() => {});
  });

  afterAll(async () => {
    await h?.close();
  });

  const today = () => todayCN(clock.now());

  const loginSite = (page: Page, name: string) => loginSiteAs(h, page, codes.get(name) ?? '');

  async function openOfflineReviewAs(page: Page, username: string): Promise<void> {
    await h.context.clearCookies();
    await page.goto(`${h.url}/`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${h.url}/org`);
    await openMenuPage(page, '下线审核', '/org/offline');
  }

  /**
   * A workspace page through the side menu. The address changes before the page does (its code may still be
   * loading), so the page counts as open once its own heading shows; until then rows may be the previous page's.
   */
  async function openMenuPage(page: Page, title: string, path: string): Promise<void> {
    await page.getByRole('menu').getByText(title).click();
    await page.waitForURL(`${h.url}${path}`);
    await page.getByRole('heading', { name: title, exact: true }).waitFor();
  }

  /** The text of the row's cell under the column headed `title` (the selection column counts as one). */
  const cellText = async (page: Page, name: string, title: string) => {
    const index = (await page.locator('.ant-table-thead th').allTextContents()).indexOf(title);
    if (index < 0) return `(no column ${title})`;
    return (await rowOf(page, name).locator('td').nth(index).textContent()) ?? '';
  };

  async function pickDate(page: Page, label: string, day: string): Promise<void> {
    const input = page.getByRole('dialog').getByLabel(label, { exact: true });
    await input.click();
    await input.fill(day);
    await input.press('Enter');
  }

  async function approveOnPage(page: Page, username: string, name: string, expectedStatus: string) {
    await openOfflineReviewAs(page, username);
    const row = rowOf(page, name);
    await poll(() => row.getAttribute('class')).toContain('offline-row-waiting');
    await poll(() => row.locator('.ant-tag').filter({ hasText: expectedStatus }).count()).toBe(1);
    await row.locator('.ant-radio-input').check();
    await page.getByRole('button', { name: '审核', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '下线审核' });
    await dialog.getByText('审核流程').or(dialog.getByText(name)).first().waitFor();
    return dialog;
  }

  async function confirmApprove(page: Page, dialog: ReturnType<Page['getByRole']>) {
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('已审核通过').waitFor();
    await dialog.waitFor({ state: 'hidden' });
  }

  it('applies for a temporary offline; the chain approves it; both sides read the labels', async () => {
    const { page } = h;
    const start = today();
    const restore = addDays(start, 10);

    await loginSite(page, TEMP_SITE);
    await page.getByRole('button', { name: '下线申请' }).click();
    const form = page.getByRole('dialog', { name: '下线申请' });
    await form.getByText('临时下线每年不得超过 1 次').waitFor();
    await form.getByLabel('下线原因').fill('机房搬迁，网站暂停服务');
    await pickDate(page, '计划下线日期', start);
    await pickDate(page, '恢复开通时间', restore);
    await form.getByText('共 10 天').waitFor();
    await h.screenshot('offline-apply-temp');
    await form.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('临时下线申请已提交，等待组织单位审核；审核通过前网站照常运行').waitFor();
    await poll(() => page.getByTestId('offline-request-label').textContent()).toBe('审核中');

    // 海港区 sees 「未提交」 (its turn), then 秦皇岛市 and 河北省 「未审核」.
    let dialog = await approveOnPage(page, 'haigang', TEMP_SITE, '未提交');
    await h.screenshot('offline-review-dialog');
    await confirmApprove(page, dialog);
    await poll(() => rowOf(page, TEMP_SITE).locator('.ant-tag').last().textContent()).toBe('已审核');
    await h.screenshot('offline-review-haigang');
    dialog = await approveOnPage(page, 'qinhuangdao', TEMP_SITE, '未审核');
    await confirmApprove(page, dialog);
    dialog = await approveOnPage(page, 'hebei', TEMP_SITE, '未审核');
    await confirmApprove(page, dialog);
    const orgLabel = `暂时下线恢复开通时间：${restore}`;
    await poll(() => cellText(page, TEMP_SITE, LIST_STATUS)).toBe(orgLabel);
    await poll(() => rowOf(page, TEMP_SITE).locator('.ant-tag').last().textContent()).toBe('已办结');
    await h.screenshot('offline-review-done');

    // The same 列表状态 on 政府网站和栏目基本信息表.
    await openMenuPage(page, '政府网站和栏目基本信息表', '/org/sites');
    await poll(() => cellText(page, TEMP_SITE, LIST_STATUS)).toBe(orgLabel);
    // 查看: the province (a level-1 unit) gets 例外 / 删除 / 恢复正常 in the drawer.
    await rowOf(page, TEMP_SITE).dblclick();
    const drawer = page.locator('.ant-drawer', { hasText: `查看网站基本信息：${TEMP_SITE}` });
    await drawer.getByRole('button', { name: '恢复正常' }).waitFor();
    await drawer.getByRole('button', { name: '设为例外' }).locator('..').hover();
    await page.getByRole('tooltip', { name: '只有运行状态为“正常”的网站可以设为例外' }).waitFor();
    await h.screenshot('offline-site-status-panel');

    // The operator: 「下线申请通过」, and 恢复上线 offered.
    await loginSite(page, TEMP_SITE);
    await page.getByText('运行状态：下线申请通过').waitFor();
    await poll(() => page.getByTestId('offline-request-label').textContent()).toBe('下线申请通过');
    await page.getByRole('button', { name: '恢复上线' }).waitFor();
    await h.screenshot('offline-operator-temp');
    expect(h.errors).toEqual([]);
  });

  it('takes a permanent offline through 完成下线 to a read-only account', async () => {
    const { page } = h;
    await loginSite(page, PERM_SITE);
    await page.getByRole('button', { name: '下线申请' }).click();
    const form = page.getByRole('dialog', { name: '下线申请' });
    await form.getByLabel('永久下线').check();
    await form.getByText('不应申请下线，只需通过“基本信息修改”更新网址等信息').waitFor();
    await form.getByLabel('下线原因').fill('整合至秦皇岛市海港区人民政府网站');
    await pickDate(page, '计划下线日期', today());
    await form.getByLabel('整合迁移后网址').fill('https://www.haigang.gov.cn/');
    await h.screenshot('offline-apply-perm');
    await form.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('永久下线申请已提交，等待组织单位审核；审核通过前网站照常运行').waitFor();

    for (const [user, status] of [
      ['haigang', '未提交'],
      ['qinhuangdao', '未审核'],
      ['hebei', '未审核'],
    ] as const) {
      await confirmApprove(page, await approveOnPage(page, user, PERM_SITE, status));
    }
    await poll(() => cellText(page, PERM_SITE, LIST_STATUS)).toBe('永久下线（待完成下线）');

    await loginSite(page, PERM_SITE);
    await page.getByText('运行状态：下线申请通过').waitFor();
    await page.getByRole('button', { name: '完成下线' }).click();
    const complete = page.getByRole('dialog', { name: '完成下线' });
    await complete.getByText('未填写迁移公告的网址').waitFor();
    await complete.getByLabel('迁移公告网址').fill('https://daj.haigang.gov.cn/notice.html');
    await pickDate(page, '迁移公告发布日期', addDays(today(), -40));
    for (const item of ['已注销 ICP 备案', '已注销公安机关备案', '已注销党政机关网站标识', '已注销域名']) {
      await complete.getByLabel(item).check();
    }
    await poll(() => complete.getByText('请注意以下事项').count()).toBe(0);
    await h.screenshot('offline-complete');
    await complete.getByRole('button', { name: '完成下线' }).click();
    await page.getByText('已完成下线，网站状态为“永久下线”').waitFor();
    await page.getByText('运行状态：永久下线').waitFor();
    await page.getByText('网站已永久下线，本账号只能查看。').waitFor();
    await poll(() => page.getByTestId('offline-request-label').textContent()).toBe('永久下线');
    await page.getByRole('button', { name: '下线申请' }).locator('..').hover();
    await page.getByRole('tooltip', { name: '只有运行状态为“正常”的网站可以申请下线' }).waitFor();
    await h.screenshot('offline-operator-closed');

    await openOfflineReviewAs(page, 'hebei');
    await poll(() => cellText(page, PERM_SITE, LIST_STATUS)).toBe('永久下线');
    expect(h.errors).toEqual([]);
  });
});
