// Browser test of level-by-level review: 海港区, 秦皇岛市 and 河北省 approve an application in turn on
// 政府网站和栏目基本信息表, each seeing the right 申报状态; one application is returned; the page export downloads;
// 查看 shows the 审核流水.
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeApplication, makeSite, sampleInfo } from '../helpers/factories.ts';
import { type BrowserHarness, loginOrgUser, startHarness } from './harness.ts';

const CHAIN_SITE = '秦皇岛市海港区审核示范局网站';
const RETURNED_SITE = '秦皇岛市海港区退回示范局网站';

describe('review UI', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 1440, height: 900 } });
    const db = h.server.database.db;
    await db
      .updateTable('users')
      .set({ must_change_password: false })
      .where('username', 'in', ['haigang', 'qinhuangdao', 'hebei'])
      .execute();
    // One application through the public API (as an applicant would), the others from the factories.
    const session = await h.page.request.get(`${h.url}/api/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const info = sampleInfo({
      name: CHAIN_SITE,
      homeUrl: 'https://shifan.haigang.gov.cn/',
      orgCode: '130302',
      isPortal: false,
    });
    const submitted = await h.page.request.post(`${h.url}/api/public/applications`, {
      data: info,
      headers: { 'x-csrf-token': csrfToken, 'idempotency-key': randomUUID() },
    });
    expect(submitted.status(), await submitted.text()).toBe(200);
    await makeApplication(db, { orgCode: '130302', name: RETURNED_SITE });
    await makeApplication(db, {
      orgCode: '130302',
      name: '秦皇岛市海港区已上报示范网站',
      state: 'IN_REVIEW',
      stepIndex: 1,
    });
    await makeApplication(db, {
      orgCode: '130302',
      name: '秦皇岛市海港区批量示范一',
      state: 'IN_REVIEW',
      stepIndex: 0,
    });
    await makeApplication(db, { orgCode: '130302', name: '秦皇岛市海港区批量示范二' });
    await makeSite(db, { orgCode: '130302', name: '秦皇岛市海港区人民政府网站', isPortal: true });
    await makeSite(db, { orgCode: '130302', name: '秦皇岛市海港区教育局网站', isServicePlatform: true });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await h.screenshot('review-failure').catch(() => {});
  });

  afterAll(async () => {
    await h?.close();
  });

  async function openListAs(page: Page, username: string): Promise<void> {
    await loginOrgUser(h.context, page, h.url, username);
    await page.getByRole('menu').getByText('政府网站和栏目基本信息表').click();
    await page.waitForURL(`${h.url}/org/sites`);
    await page.getByRole('heading', { name: '政府网站和栏目基本信息表' }).waitFor();
  }

  const rowOf = (page: Page, name: string) => page.locator('.ant-table-tbody tr.ant-table-row', { hasText: name });

  async function statusOf(page: Page, name: string): Promise<string> {
    const row = rowOf(page, name);
    await row.waitFor();
    return (await row.locator('.ant-tag').last().textContent()) ?? '';
  }

  async function approve(page: Page, name: string): Promise<void> {
    await rowOf(page, name).locator('.ant-radio-input').check();
    await page.getByRole('button', { name: '审核', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '审核新增网站申请' });
    await dialog.getByText(name).waitFor();
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('已审核通过').waitFor();
    await dialog.waitFor({ state: 'hidden' });
  }

  it('walks an application up the chain, returns another, exports the page and shows the 审核流水', async () => {
    const { page } = h;

    // 海港区: the new application is 「未提交」 and highlighted as waiting for this unit.
    await openListAs(page, 'haigang');
    expect(await statusOf(page, CHAIN_SITE)).toBe('未提交');
    expect(await rowOf(page, CHAIN_SITE).getAttribute('class')).toContain('site-row-waiting');
    expect(await statusOf(page, '秦皇岛市海港区已上报示范网站')).toBe('已审核');
    // Nothing selected: 审核 is disabled and says why.
    await page.getByRole('button', { name: '审核', exact: true }).locator('..').hover();
    await page.getByRole('tooltip', { name: '请先选择一条记录' }).waitFor();
    await h.screenshot('review-list-haigang');
    await approve(page, CHAIN_SITE);
    await expect.poll(() => statusOf(page, CHAIN_SITE)).toBe('已审核');

    // 退回 needs a reason.
    await rowOf(page, RETURNED_SITE).locator('.ant-radio-input').check();
    await page.getByRole('button', { name: '审核', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '审核新增网站申请' });
    await dialog.getByLabel('退回').check();
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText('请填写退回原因').waitFor();
    await dialog.getByLabel('退回原因').fill('主办单位名称与机构编制不一致');
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('已退回').waitFor();
    await expect.poll(() => statusOf(page, RETURNED_SITE)).toBe('审核未通过');

    // 当页数据全部提交, then 当页数据全部审核: a confirmation naming the rows, then a result per row.
    await page.getByRole('button', { name: '当页数据全部提交' }).click();
    const submitAll = page.getByRole('dialog', { name: '当页数据全部提交' });
    await submitAll.getByText('将把当页 4 条新增网站申请逐条提交进入审核流程，其中 1 条当前为“未提交”').waitFor();
    await submitAll.getByRole('button', { name: '确定' }).click();
    const submitted = page.getByRole('dialog', { name: '处理完成：成功 1 条，未处理 3 条' });
    await submitted.getByText('秦皇岛市海港区批量示范二').waitFor();
    await submitted.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => statusOf(page, '秦皇岛市海港区批量示范二')).toBe('未审核');
    await page.getByRole('button', { name: '当页数据全部审核' }).click();
    const reviewAll = page.getByRole('dialog', { name: '当页数据全部审核' });
    await reviewAll.getByText('其中 2 条当前待本单位审核').waitFor();
    await reviewAll.getByRole('button', { name: '确定' }).click();
    const reviewed = page.getByRole('dialog', { name: '处理完成：成功 2 条，未处理 2 条' });
    await reviewed.getByText('本单位已审核，该申请已转上级组织单位审核').first().waitFor();
    // Wait for the dialog's opening animation to end before taking the picture.
    await expect.poll(() => page.locator('[class*="-zoom-enter"], [class*="-zoom-appear"]').count()).toBe(0);
    await h.screenshot('review-bulk-result');
    await reviewed.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => statusOf(page, '秦皇岛市海港区批量示范一')).toBe('已审核');

    // 导出 → 导出当页数据 downloads a non-empty xlsx named after the unit and the page.
    await page.getByRole('button', { name: '导出' }).hover();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: '导出当页数据' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^政府网站基本信息_130302_\d{14}_p1\.xlsx$/);
    const path = await download.path();
    expect(statSync(path).size).toBeGreaterThan(1000);

    // 秦皇岛市 is next: 「未审核」 here.
    await openListAs(page, 'qinhuangdao');
    expect(await statusOf(page, CHAIN_SITE)).toBe('未审核');
    await approve(page, CHAIN_SITE);
    await expect.poll(() => statusOf(page, CHAIN_SITE)).toBe('已审核');

    // 河北省 gives the final approval: 「已办结」.
    await openListAs(page, 'hebei');
    // The expanded filters: 市/县 cascade below the province; 申报状态 options as this unit sees them.
    await page.getByRole('button', { name: /展开/ }).click();
    await page.getByLabel('市/垂管省局').click();
    await page.locator('.ant-select-dropdown').getByText('秦皇岛市', { exact: true }).click();
    await page.getByLabel('县/垂管分局').click();
    await page.locator('.ant-select-dropdown').getByText('海港区', { exact: true }).click();
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/county=130302/);
    await rowOf(page, CHAIN_SITE).waitFor();
    await h.screenshot('review-filters');
    await page.getByRole('button', { name: '重置', exact: true }).click();
    await page.getByRole('button', { name: /收起/ }).click();
    await page.getByRole('button', { name: '待我审核' }).click();
    await page.waitForURL(/waitingForMe=true/);
    expect(await statusOf(page, CHAIN_SITE)).toBe('未审核');
    await approve(page, CHAIN_SITE);
    await page.getByRole('button', { name: '待我审核' }).click();
    await expect.poll(() => statusOf(page, CHAIN_SITE)).toBe('已办结');
    await h.screenshot('review-list-hebei');

    // 查看: basic information and the 审核流水 of the whole chain.
    await rowOf(page, CHAIN_SITE).locator('.ant-radio-input').check();
    await page.getByRole('button', { name: '查看', exact: true }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('https://shifan.haigang.gov.cn/').waitFor();
    await drawer.getByText('冀ICP备15003849号').waitFor();
    await h.screenshot('review-view-basic');
    await drawer.getByRole('tab', { name: /审核流水/ }).click();
    const trail = drawer.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => trail.count()).toBe(4);
    const units = await trail.locator('td:nth-child(2)').allInnerTexts();
    expect(units).toEqual(['申请人', '海港区', '秦皇岛市', '河北省']);
    expect(await trail.last().textContent()).toContain('已办结（待生成网站标识码）');
    await h.screenshot('review-audit-trail');

    expect(h.errors).toEqual([]);
  });
});
