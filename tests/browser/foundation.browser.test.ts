// Browser test of the foundation: home page, first login with the forced password change, workspace, org query, logout.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { type BrowserHarness, startHarness } from './harness.ts';

const NEW_PASSWORD = 'Qhd-Port#2026';

/** First login of a demo account: home page → forced password change → workspace home. */
async function firstLogin(page: Page, url: string, username: string, displayName: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${url}/org/password`);
  await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
  await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
  await page.getByLabel('确认新密码').press('Enter');
  await page.waitForURL(`${url}/org`);
  await page.getByRole('heading', { name: `${displayName}，您好` }).waitFor();
}

describe('foundation UI', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('logs in as 海港区 for the first time, changes the password, uses the workspace and logs out', async () => {
    const { page, url } = h;

    // Public home page: title, the two entry buttons and the login card.
    await page.goto(`${url}/`);
    await page.getByRole('heading', { name: '政府网站信息报送系统' }).waitFor();
    expect(await page.getByRole('link', { name: '新增网站' }).getAttribute('href')).toBe('/apply');
    expect(await page.getByRole('link', { name: '查询进度' }).getAttribute('href')).toBe('/progress');
    await page.getByRole('tab', { name: '组织单位' }).waitFor();
    await page.getByRole('tab', { name: '填报单位' }).waitFor();
    await h.screenshot('home');

    // First login with the demo password; Enter submits the form.
    await page.getByLabel('用户名').fill('haigang');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel('密码', { exact: true }).press('Enter');

    // The workspace shows only the change-password page until the initial password is changed.
    await page.waitForURL(`${url}/org/password`);
    await page.getByText('首次登录须修改初始密码').waitFor();
    const menu = page.getByRole('menu');
    expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual(['修改密码']);
    await h.screenshot('change-password');

    await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '确认修改' }).click();

    // The full workspace: menu from the session, the unit in the header.
    await page.waitForURL(`${url}/org`);
    await page.getByRole('heading', { name: '海港区审核员，您好' }).waitFor();
    const items = await menu.getByRole('menuitem').allInnerTexts();
    expect(items).toContain('组织单位信息查询');
    expect(items).toContain('账号管理');
    expect(items).toContain('修改密码');
    expect(await page.locator('header').textContent()).toContain('海港区');
    await h.screenshot('workspace');

    // 组织单位信息查询 shows only 海港区's own subtree: one unit.
    await menu.getByText('组织单位信息查询').click();
    await page.waitForURL(`${url}/org/org-units`);
    await page.getByRole('heading', { name: '组织单位信息查询' }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('130302');
    await page.getByText('共 1 个组织单位').waitFor();
    await h.screenshot('org-units');

    // Signed in, the home page offers 进入工作台 instead of the login form.
    await page.goto(`${url}/`);
    await page.getByRole('link', { name: '进入工作台' }).click();
    await page.waitForURL(`${url}/org`);
    await page.getByRole('heading', { name: '海港区审核员，您好' }).waitFor();

    // 退出 returns to the home page's login form, and the session is gone.
    await page.locator('header').getByRole('button', { name: '退出' }).click();
    await page.waitForURL(`${url}/`);
    await page.getByRole('button', { name: '登录' }).waitFor();
    const session = await page.evaluate(
      async () => (await fetch('/api/session')).json() as Promise<{ actor: { kind: string } }>,
    );
    expect(session.actor.kind).toBe('ANONYMOUS');

    expect(h.errors).toEqual([]);
  });

  it('lets an admin create, disable and reset accounts and read the login log', async () => {
    const { page, url } = h;
    await firstLogin(page, url, 'qinhuangdao', '秦皇岛市审核员');
    const menu = page.getByRole('menu');

    await menu.getByText('账号管理').click();
    await page.getByRole('heading', { name: '账号管理' }).waitFor();
    await page.locator('.ant-table-tbody').getByText('haigang', { exact: true }).waitFor();

    // 新建账号: the form validates before sending; the one-time password is shown once.
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.getByText('请输入用户名').waitFor();
    await dialog.getByLabel('用户名').fill('qhd reviewer');
    await dialog.getByText('用户名须为 3–30 位字母、数字、下划线、点或连字符').waitFor();
    await dialog.getByLabel('用户名').fill('qhd.reviewer');
    await dialog.getByLabel('姓名').fill('秦皇岛市审核员二');
    await dialog.getByRole('button', { name: '创建' }).click();
    const oneTime = page.getByRole('dialog', { name: '账号已创建' });
    await oneTime.getByText('初始密码只显示这一次').waitFor();
    expect(await oneTime.getByTestId('one-time-password').textContent()).toMatch(/^\S{14}/);
    await h.screenshot('accounts-one-time-password');
    await oneTime.getByRole('button', { name: '我已保存，关闭' }).click();
    const row = page.locator('.ant-table-tbody tr', { hasText: 'qhd.reviewer' });
    await row.getByText('待修改初始密码').waitFor();

    // 停用 after a Popconfirm.
    await row.getByRole('button', { name: '停用' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await row.getByRole('button', { name: '启用' }).waitFor();
    await page.getByText('账号已停用').waitFor();

    // 重置密码 after a Popconfirm, then the one-time password again.
    await row.getByRole('button', { name: '重置密码' }).click();
    await page.locator('.ant-popconfirm').last().getByRole('button', { name: '确定' }).click();
    const reset = page.getByRole('dialog', { name: '密码已重置' });
    await reset.getByTestId('one-time-password').waitFor();
    await reset.getByRole('button', { name: '我已保存，关闭' }).click();
    await h.screenshot('accounts');

    // 登录日志: results in Chinese, times as YYYY-MM-DD HH:mm:ss.
    await menu.getByText('登录日志').click();
    await page.getByRole('heading', { name: '登录日志' }).waitFor();
    const first = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await first.waitFor();
    const text = (await first.textContent()) ?? '';
    expect(text).toContain('qinhuangdao');
    expect(text).toContain('成功');
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await h.screenshot('login-log');

    await page.locator('header').getByRole('button', { name: '退出' }).click();
    await page.waitForURL(`${url}/`);
    expect(h.errors).toEqual([]);
  });

  it('shows the apply confirmation, the site login error, the 404 and error pages and an expired session', async () => {
    const { page, url } = h;

    await page.goto(`${url}/apply`);
    await page.getByText('提交新增网站申请之前，请确认以下事项均已办妥').waitFor();
    await page.getByRole('link', { name: '继续' }).click();
    // The form and 查询进度 pages belong to the application flow (tests/browser/application.browser.test.ts).
    await page.waitForURL(`${url}/apply/form`);

    // 填报单位 login: the code is checked here; the server's message is shown inline.
    await page.goto(`${url}/`);
    await page.getByRole('tab', { name: '填报单位' }).click();
    await page.getByLabel('网站标识码').fill('13030200');
    await page.getByLabel('校验码').fill('ABCD2345');
    await page.getByLabel('校验码').press('Enter');
    await page.getByText('网站标识码“13030200”格式不正确').waitFor();
    await page.getByLabel('网站标识码').fill('1303020001');
    await page.getByLabel('校验码').press('Enter');
    await page.locator('.ant-alert-error').waitFor();
    expect((await page.locator('.ant-alert-error').textContent())?.length).toBeGreaterThan(0);

    await page.goto(`${url}/no-such-page`);
    await page.getByText('页面不存在', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: '返回首页' }).getAttribute('href')).toBe('/');
    await h.screenshot('not-found');

    // A lost session on a workspace page leads back to the login with a notice.
    await firstLogin(page, url, 'shanhaiguan', '山海关区审核员');
    await h.context.clearCookies();
    await page.getByRole('menu').getByText('组织单位信息查询').click();
    await page.waitForURL(`${url}/`);
    await page.getByText('登录已过期，请重新登录').waitFor();
    // Chromium logs each failed API call (404 site login, 401) as a console error; nothing else may appear.
    expect(h.errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);

    // A page whose code cannot be loaded shows the error page with 刷新.
    await page.route('**/assets/**', (route) => route.abort());
    await page.getByRole('link', { name: '新增网站' }).click();
    await page.getByText('页面出错了').waitFor();
    await page.getByRole('button', { name: '刷新' }).waitFor();
    await h.screenshot('error-page');
    await page.unroute('**/assets/**');
    h.errors.length = 0;
  });

  it('fits a phone screen: the side menu collapses and opens from its trigger', async () => {
    const { page, url } = h;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${url}/`);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await h.screenshot('home-phone');

    await firstLogin(page, url, 'hebei', '河北省审核员');
    const menu = page.getByRole('menu');
    expect(await menu.isVisible()).toBe(false);
    await h.screenshot('workspace-phone');
    await page.getByRole('button', { name: '功能菜单' }).click();
    await menu.waitFor();
    await h.screenshot('menu-phone');
    await menu.getByText('组织单位信息查询').click();
    await page.getByRole('heading', { name: '组织单位信息查询' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    // The drawer closes with an animation: wait for it to end rather than sample it mid-way.
    await menu.waitFor({ state: 'hidden' });
    await h.screenshot('org-units-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
