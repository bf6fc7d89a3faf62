// Browser test of the organizing-unit tools: the root publishes a notice that a county sees (badge) and reads; a
// province fills in and submits its quarterly spot-check report; the statistics page draws its charts and drills
// down; the root previews a re-parenting on 挂接关系维护.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApplication, makeSite } from '../helpers/factories.ts';
import { type BrowserHarness, loginOrgUser, startHarness } from './harness.ts';

const NOTICE = '关于做好第四季度政府网站抽查工作的通知';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('organizing-unit tools UI', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 1440, height: 900 } });
    const db = h.server.database.db;
    await db
      .updateTable('users')
      .set({ must_change_password: false })
      .where('username', 'in', ['admin', 'haigang', 'hebei', 'qinhuangdao'])
      .execute();
    const at = new Date('2026-08-03T02:00:00Z');
    await makeSite(db, { orgCode: '130000', seq: 1, isPortal: true, name: '河北省人民政府网站', at });
    await makeSite(db, { orgCode: '130300', seq: 1, isPortal: true, name: '秦皇岛市人民政府网站', at });
    await makeSite(db, { orgCode: '130300', seq: 2, name: '秦皇岛市教育局网站', isServicePlatform: true, at });
    await makeSite(db, { orgCode: '130302', seq: 1, isPortal: true, name: '秦皇岛市海港区人民政府网站', at });
    await makeSite(db, { orgCode: '130302', seq: 2, name: '秦皇岛市海港区卫生健康局网站', at });
    await makeSite(db, { orgCode: '130303', seq: 1, name: '秦皇岛市山海关区文化旅游局网站', at });
    await makeSite(db, { orgCode: '130303', seq: 2, name: '秦皇岛市山海关区旧网站', runStatus: 'PERM_OFFLINE', at });
    await makeApplication(db, {
      orgCode: '130302',
      state: 'IN_REVIEW',
      stepIndex: 1,
      name: '秦皇岛市海港区新建示范网站',
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  async function loginAs(page: Page, username: string): Promise<void> {
    await loginOrgUser(h.context, page, h.url, username);
  }

  async function openMenu(page: Page, label: string, path: string): Promise<void> {
    // The 重要通知 entry carries its unread badge after the label.
    await page.getByRole('menuitem', { name: new RegExp(`${label}( \\d+)?$`) }).click();
    await page.waitForURL(`${h.url}/org/${path}`);
    await page.getByRole('heading', { name: label, exact: true }).waitFor();
  }

  it('lets the root publish a notice that a county sees with the unread badge and reads', async () => {
    const { page } = h;
    await loginAs(page, 'admin');
    await openMenu(page, '重要通知', 'notices');
    await page.getByRole('button', { name: '发布通知' }).click();
    const dialog = page.getByRole('dialog', { name: '发布重要通知' });
    await dialog.getByLabel('标题').fill(NOTICE);
    const body = dialog.getByRole('textbox', { name: '正文' });
    await body.click();
    await page.keyboard.type('各省级组织单位：请于季度末前完成抽查并上报。');
    await dialog.getByRole('button', { name: '加粗' }).click();
    await page.keyboard.type('逾期将通报。');
    await dialog.getByText('置顶显示').click();
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: '抽查工作方案.pdf', mimeType: 'application/pdf', buffer: PDF });
    await dialog.getByText('抽查工作方案.pdf').waitFor();
    await expect.poll(() => dialog.locator('.ant-upload-list-item-done').count()).toBe(1);
    await h.screenshot('org-tools-notice-publish');
    await dialog.getByRole('button', { name: '发布', exact: true }).click();
    await page.getByText('通知已发布').waitFor();
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: NOTICE });
    await row.getByText('置顶').waitFor();

    // 海港区: the badge shows one unread notice; opening it clears the badge.
    await loginAs(page, 'haigang');
    const badge = page.getByRole('menu').getByTestId('notices-unread');
    await expect.poll(async () => (await badge.textContent())?.trim()).toBe('1');
    await h.screenshot('org-tools-notice-badge');
    await openMenu(page, '重要通知', 'notices');
    await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: NOTICE }).click();
    const drawer = page.getByRole('dialog', { name: NOTICE });
    await drawer.getByTestId('notice-body').getByText('逾期将通报。').waitFor();
    expect(await drawer.getByTestId('notice-body').locator('strong, b').count()).toBeGreaterThan(0);
    await drawer.getByRole('link', { name: /抽查工作方案\.pdf/ }).waitFor();
    await expect.poll(async () => (await badge.textContent())?.trim() ?? '').toBe('');
    await h.screenshot('org-tools-notice-read');

    // The root sees that 海港区 has read it.
    await loginAs(page, 'admin');
    await page.goto(`${h.url}/org/notices`);
    await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: NOTICE }).click();
    await page.getByRole('button', { name: '阅读情况' }).click();
    const receipts = page.getByRole('dialog', { name: `阅读情况：${NOTICE}` });
    await receipts
      .getByTestId('receipts-summary')
      .getByText(/^已读 1 个单位/)
      .waitFor();
    await receipts.getByText('海港区').waitFor();
    await h.screenshot('org-tools-notice-receipts');
    expect(h.errors).toEqual([]);
  });

  it('lets a province fill in and submit its quarterly spot-check report', async () => {
    const { page } = h;
    await loginAs(page, 'hebei');
    await openMenu(page, '上报抽查情况', 'spot-checks');
    await page.getByLabel('季度').click();
    await page.getByTitle('2026年第三季度').click();
    await page.waitForURL(/q=2026-3/);
    await expect.poll(async () => page.getByTestId('running-total').textContent()).toBe('6');
    await page.getByLabel('抽查网站数').fill('3');
    await page.getByLabel('合格网站数').fill('2');
    await page.getByText('66.7').waitFor();
    await page.getByRole('button', { name: '添加不合格网站' }).click();
    await page.getByLabel('网站', { exact: true }).click();
    await page.keyboard.type('卫生健康');
    await page.getByTitle(/秦皇岛市海港区卫生健康局网站/).click();
    await page.getByLabel('问题描述').fill('首页连续两周未更新');
    await page.getByLabel('整改情况').fill('已督促整改并恢复更新');
    await page.getByLabel('填报人').fill('王伟');
    await page.getByLabel('联系电话').fill('0311-87654321');
    await page.getByLabel('情况说明').fill('本季度对全省政府网站按分层随机方式开展抽查。');
    await h.screenshot('org-tools-spot-check-form');
    await page.getByRole('button', { name: '上报', exact: true }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await page.getByText('已上报', { exact: true }).first().waitFor();
    await page.locator('.ant-tag', { hasText: '逾期' }).first().waitFor();
    expect(await page.getByLabel('抽查网站数').isDisabled()).toBe(true);
    await h.screenshot('org-tools-spot-check-submitted');

    await page.getByRole('link', { name: '上报抽查情况说明' }).click();
    await page.waitForURL(`${h.url}/org/spot-checks/help`);
    await page.getByText('一、上报时间').waitFor();
    await h.screenshot('org-tools-spot-check-help');
    expect(h.errors).toEqual([]);
  });

  it('draws the statistics charts and drills down into a county', async () => {
    const { page } = h;
    await loginAs(page, 'qinhuangdao');
    await openMenu(page, '基本信息统计', 'stats');
    await expect.poll(() => page.locator('[data-testid=echart] canvas').count()).toBeGreaterThanOrEqual(4);
    await expect.poll(async () => page.getByTestId('children-total').textContent()).toBe('5');
    await h.screenshot('org-tools-stats');
    // Counties have no children, so the table offers no 下钻 for them; the scope is also kept in the URL.
    await page.goto(`${h.url}/org/stats?org=130302`);
    await expect.poll(async () => page.getByTestId('children-total').textContent()).toBe('2');
    await page.getByRole('navigation', { name: '统计范围' }).getByText('秦皇岛市').waitFor();
    await h.screenshot('org-tools-stats-county');

    // 组织单位信息查询 reaches the ancestors on request (SPEC §11.1), and exports.
    await openMenu(page, '组织单位信息查询', 'org-units');
    await page.getByLabel('查询范围').click();
    await page.getByTitle('上级单位').click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.allInnerTexts().then((t) => t.join('|'))).toContain('河北省');
    expect(await rows.count()).toBe(2);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^组织单位信息_130300_\d{14}\.xlsx$/);
    await h.screenshot('org-tools-org-query-ancestors');
    expect(h.errors).toEqual([]);
  });

  it('lets the root preview re-parenting a county on 挂接关系维护', async () => {
    const { page } = h;
    await loginAs(page, 'admin');
    await openMenu(page, '挂接关系维护', 'org-tree');
    await page.getByLabel('查找组织单位').fill('海港');
    await page.getByText('海港区（130302）').click();
    await page.getByRole('button', { name: '迁移' }).waitFor();
    await page.locator('.ant-tree-node-selected', { hasText: '海港区' }).waitFor();
    await h.screenshot('org-tools-org-tree');
    await page.getByRole('button', { name: '迁移' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('新上级单位（标识码）').fill('130400');
    // The preview's own answer first: a failure then says what the server answered, not only that text is missing.
    const [previewed] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/org-tree/units/') && r.url().endsWith('/preview')),
      dialog.getByRole('button', { name: '预览影响' }).click(),
    ]);
    expect(previewed.url()).toContain('/api/org-tree/units/130302/preview');
    const plan = await previewed.json();
    expect({ status: previewed.status(), rerouted: plan.rerouted?.length }).toEqual({ status: 200, rerouted: 1 });
    await dialog.getByTestId('change-plan').getByText('将调整审核流程 1 件').waitFor();
    await h.screenshot('org-tools-org-tree-preview');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(h.errors).toEqual([]);
  });
});
