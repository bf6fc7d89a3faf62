// Browser test of issue 17: a site files 申请取消政务服务平台, then 紧急下线 (SPEC §16 item 20: they coexist); 海港区
// (本级) sees both on 政府网站和栏目基本信息表, each with its own buttons; 待办's 去处理 selects the request's row; 查看
// shows the 修改内容对比 and the emergency; either can be decided while the other stays open; 申报状态 after both end;
// the 当页数据全部审核 dialog quotes the list's labels.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayCN } from '../../src/domain/offline.ts';
import { makeApplication } from '../helpers/factories.ts';
import { loginSite as loginSiteAs, poll, rowOf, startWithHaigangSites } from './haigang-sites.ts';
import { type BrowserHarness, loginOrgUser, middayClock } from './harness.ts';

const SITE_A = '秦皇岛市海港区共存一局网站';
const SITE_B = '秦皇岛市海港区共存二局网站';
const ORG_STATUS = '申报状态';

describe('open requests of one site (issue 17)', () => {
  let h: BrowserHarness;
  let codes: Map<string, string>;
  const clock = middayClock();

  beforeAll(async () => {
    ({ h, codes } = await startWithHaigangSites(clock, [
      { name: SITE_A, host: 'gc1.haigang.gov.cn', isServicePlatform: true },
      { name: SITE_B, host: 'gc2.haigang.gov.cn', isServicePlatform: true },
    ]));
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await h.screenshot('open-requests-failure').catch(() => {});
  });

  afterAll(async () => {
    await h?.close();
  });

  const loginSite = (page: Page, name: string) => loginSiteAs(h, page, codes.get(name) ?? '');

  /** The steps on the 填报单位 home: 申请取消政务服务平台, then 紧急下线. */
  async function fileBoth(page: Page, name: string): Promise<void> {
    await loginSite(page, name);
    await page.getByRole('button', { name: '申请取消政务服务平台' }).click();
    const confirm = page.getByRole('dialog', { name: '申请取消政务服务平台' });
    await confirm.getByRole('button', { name: '确定' }).click();
    // The dialog closes only on success (an error keeps it open with the message); the 3-second toast that says so
    // can come and go unseen on a starved machine, so the closed dialog is the signal.
    await confirm.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '下线申请' }).click();
    const form = page.getByRole('dialog', { name: '下线申请' });
    await form.getByLabel('紧急下线').check();
    await form.getByLabel('下线原因').fill('网站遭受攻击，紧急关闭');
    const online = form.getByLabel('预计上线日期', { exact: true });
    await online.click();
    await online.fill(addDays(todayCN(clock.now()), 3));
    await online.press('Enter');
    await form.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('紧急下线已生效').first().waitFor();
  }

  async function openSiteList(page: Page, name: string): Promise<void> {
    await page.goto(`${h.url}/org/sites?name=${encodeURIComponent(name)}`);
    await page.getByRole('heading', { name: '政府网站和栏目基本信息表', exact: true }).waitFor();
    await rowOf(page, name).first().waitFor();
  }

  const statusTags = (page: Page, name: string) => statusCell(page, name).locator('.ant-tag').allInnerTexts();
  function statusCell(page: Page, name: string) {
    return rowOf(page, name).locator('td').nth(columnIndex);
  }
  let columnIndex = -1;
  async function findColumns(page: Page) {
    columnIndex = (await page.locator('.ant-table-thead th').allTextContents()).indexOf(ORG_STATUS);
    expect(columnIndex).toBeGreaterThan(0);
  }
  const toolbarButton = (page: Page, label: string) =>
    page.getByTestId('site-toolbar').getByRole('button', { name: label, exact: true });

  /** An API call as the browser's current session (the same cookies, with its CSRF token). */
  async function post(page: Page, path: string, data: unknown) {
    const session = await page.request.get(`${h.url}/api/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const res = await page.request.post(`${h.url}${path}`, { data, headers: { 'x-csrf-token': csrfToken } });
    expect(res.status(), await res.text()).toBe(200);
  }

  it('shows both to 本级: 待办 opens the modification, 查看 shows the diff and the emergency; approving one leaves the other', async () => {
    const { page } = h;
    await fileBoth(page, SITE_A);

    await loginOrgUser(h.context, page, h.url, 'haigang');
    await page.getByRole('menu').getByText('待办').click();
    await page.getByRole('heading', { name: '待办', exact: true }).waitFor();
    const item = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '申请取消政务服务平台' }).filter({
      hasText: SITE_A,
    });
    await item
      .getByRole('link', { name: '去处理' })
      .or(item.getByRole('button', { name: '去处理' }))
      .click();
    await page.waitForURL(/\/org\/sites\?.*request=\d+/);
    // The address changes before the page does: until the list's heading shows, rows may be 待办's.
    await page.getByRole('heading', { name: '政府网站和栏目基本信息表', exact: true }).waitFor();
    const row = rowOf(page, SITE_A);
    await row.waitFor();
    // The linked request's row is selected, with both requests' buttons in the toolbar.
    await poll(() => row.locator('.ant-radio-input').isChecked()).toBe(true);
    await findColumns(page);
    expect(await statusTags(page, SITE_A)).toEqual(['申请取消政务服务平台：办结后修改', '紧急下线：未提交']);
    await poll(() => toolbarButton(page, '办结修改审核通过').isEnabled()).toBe(true);
    await poll(() => toolbarButton(page, '审核紧急下线').isEnabled()).toBe(true);
    await h.screenshot('open-requests-list');

    // 查看: the 修改内容对比 of the modification and the emergency's details, each in its tab.
    await toolbarButton(page, '查看').click();
    const drawer = page.locator('.ant-drawer', { hasText: `查看网站基本信息：${SITE_A}` });
    await drawer.getByRole('tab', { name: '修改内容对比（申请取消政务服务平台）', selected: true }).waitFor();
    await drawer
      .getByTestId('change-set-diff')
      .getByText(/政务服务平台/)
      .first()
      .waitFor();
    await drawer.getByRole('tab', { name: '紧急下线' }).click();
    await drawer.getByText('网站遭受攻击，紧急关闭').waitFor();
    await h.screenshot('open-requests-view');
    await drawer.locator('.ant-drawer-close').click();
    await poll(() => page.locator('.ant-drawer-open').count()).toBe(0);

    // 办结修改审核通过 decides the modification; the emergency stays open and decidable.
    await toolbarButton(page, '办结修改审核通过').click();
    const dialog = page.getByRole('dialog', { name: `办结修改审核通过：${SITE_A}` });
    await dialog.getByRole('button', { name: '办结修改审核通过' }).click();
    await page.getByText('已审核通过，修改已生效').waitFor();
    await poll(() => statusTags(page, SITE_A)).toEqual(['未提交']);
    await row.locator('.ant-radio-input').check();
    await poll(() => toolbarButton(page, '审核紧急下线').isEnabled()).toBe(true);
    expect(await toolbarButton(page, '办结修改审核通过').count()).toBe(0);
    expect(h.errors).toEqual([]);
  });

  it('approves the emergency while the modification stays open; 申报状态 then shows the request that ended last', async () => {
    const { page } = h;
    await fileBoth(page, SITE_B);
    await loginOrgUser(h.context, page, h.url, 'haigang');
    await openSiteList(page, SITE_B);
    await findColumns(page);
    const row = rowOf(page, SITE_B);
    await row.locator('.ant-radio-input').check();
    await toolbarButton(page, '审核紧急下线').click();
    const dialog = page.getByRole('dialog', { name: '下线审核' });
    await dialog.getByText('网站遭受攻击，紧急关闭').waitFor();
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText('已审核通过').first().waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await poll(() => statusTags(page, SITE_B)).toEqual(['申请取消政务服务平台：办结后修改', '紧急下线：已审核']);
    await poll(() => toolbarButton(page, '办结修改审核通过').isEnabled()).toBe(true);

    // The emergency ends up the chain (acknowledged by 秦皇岛市 and 河北省), then 海港区 returns the modification.
    const emergencyId = await h.server.database.db
      .selectFrom('requests as r')
      .innerJoin('sites as s', 's.id', 'r.site_id')
      .select('r.id')
      .where('s.name', '=', SITE_B)
      .where('r.type', '=', 'OFFLINE_EMERGENCY')
      .executeTakeFirstOrThrow();
    for (const user of ['qinhuangdao', 'hebei']) {
      await loginOrgUser(h.context, page, h.url, user);
      await post(page, `/api/offline-requests/${emergencyId.id}/approve`, {});
    }
    await loginOrgUser(h.context, page, h.url, 'haigang');
    await openSiteList(page, SITE_B);
    await poll(() => statusTags(page, SITE_B)).toEqual(['办结后修改']);
    await rowOf(page, SITE_B).locator('.ant-radio-input').check();
    await toolbarButton(page, '办结修改审核退回').click();
    const back = page.getByRole('dialog', { name: `办结修改审核退回：${SITE_B}` });
    await back.getByLabel('退回原因').fill('请附上取消的依据');
    await back.getByRole('button', { name: '办结修改审核退回' }).click();
    await back.waitFor({ state: 'hidden' });
    // Not the emergency's 「已办结」 (filed last), but the modification, decided last.
    await poll(() => statusTags(page, SITE_B)).toEqual(['修改后审核未通过']);
    expect(h.errors).toEqual([]);
  });

  it('当页数据全部审核 gives its reasons in the words of the 申报状态 column', async () => {
    const { page } = h;
    const db = h.server.database.db;
    const first = '秦皇岛市海港区措辞示范一';
    const second = '秦皇岛市海港区措辞示范二';
    await makeApplication(db, { orgCode: '130302', name: first, state: 'IN_REVIEW', stepIndex: 0 });
    const returned = await makeApplication(db, { orgCode: '130302', name: second, state: 'IN_REVIEW', stepIndex: 0 });
    await loginOrgUser(h.context, page, h.url, 'haigang');
    await openSiteList(page, '秦皇岛市海港区措辞示范');
    await findColumns(page);
    await poll(() => statusTags(page, second)).toEqual(['未审核']);
    // Meanwhile a colleague returns one of them: the page still offers it, the server refuses it.
    await post(page, `/api/requests/${returned.request.id}/return`, { reason: '主办单位名称有误' });
    await toolbarButton(page, '当页数据全部审核').click();
    const confirm = page.getByRole('dialog', { name: '当页数据全部审核' });
    await confirm.getByText('其中 2 条当前待本单位审核').waitFor();
    await confirm.getByRole('button', { name: '确定' }).click();
    const result = page.getByRole('dialog', { name: '处理完成：成功 1 条，未处理 1 条' });
    // In the words the list shows for the row once refreshed: 「审核未通过」, not 「已退回」.
    await result.getByText('该申请已处理（申报状态为“审核未通过”）').waitFor();
    await result.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await poll(() => statusTags(page, second)).toEqual(['审核未通过']);
    expect(h.errors).toEqual([]);
  });
});
