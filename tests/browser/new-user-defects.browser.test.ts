// Browser test of what new users tripped over in the org workspace (issue 19): 重置校验码 from the site list, the
// review hint that follows the chain, 查看 with 栏目 and 其他域名, and the site list at 1366 px — default columns per
// level, a remembered column chooser, no clipped heading or date, no sideways scrolling, a one-line toolbar.
import type { Page } from 'playwright-core';
import { request as playwrightRequest } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/server/passwords.ts';
import { makeApplication, makeSite, makeSiteRequest } from '../helpers/factories.ts';
import { type BrowserHarness, loginOrgUser, startHarness } from './harness.ts';

const RESET_SITE = '秦皇岛市海港区重置示范局网站';
const OLD_CHECK_CODE = 'RSTQ2345';
const MODIFY_SITE = '秦皇岛市海港区修改示范局网站';
const FINAL_STEP = '秦皇岛市海港区终审示范局网站';
const ISSUED_APPLICATION = '秦皇岛市海港区待申请示范网站';

describe('new-user defects in the org workspace (issue 19)', () => {
  let h: BrowserHarness;
  let resetSiteCode: string;

  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 1366, height: 768 } });
    const db = h.server.database.db;
    await db
      .updateTable('users')
      .set({ must_change_password: false })
      .where('username', 'in', ['haigang', 'shanhaiguan', 'qinhuangdao', 'hebei', 'admin'])
      .execute();
    const site = await makeSite(db, {
      orgCode: '130302',
      name: RESET_SITE,
      homeUrl: 'https://chongzhi.haigang.gov.cn/',
    });
    resetSiteCode = site.site_code ?? '';
    const columns = [
      {
        category: 'ZWDT',
        categoryName: '政务动态',
        names: '工作动态',
        addresses: 'https://chongzhi.haigang.gov.cn/gzdt/',
      },
      { category: 'TZGG', categoryName: '通知公告', names: '无', addresses: '无' },
    ];
    await db
      .updateTable('sites')
      .set({ check_code_hash: await hashSecret(OLD_CHECK_CODE), columns: JSON.stringify(columns) })
      .where('id', '=', site.id)
      .execute();
    await db
      .insertInto('site_domains')
      .values([
        { host: 'chongzhi-bak.haigang.gov.cn', site_id: site.id },
        { host: 'www.chongzhi.gov.cn', site_id: site.id },
      ])
      .execute();
    const modified = await makeSite(db, { orgCode: '130302', name: MODIFY_SITE });
    await makeSiteRequest(db, modified.id, {
      type: 'MODIFY',
      orgCode: '130302',
      isPortal: false,
      payload: { info: {}, columns: [] },
    });
    // Another county's site, so that its unit has a list of its own.
    await makeSite(db, { orgCode: '130303', name: '秦皇岛市山海关区示范局网站' });
    // An application at its last step (河北省), and one still at 海港区's own entry step.
    await makeApplication(db, { orgCode: '130302', name: FINAL_STEP, state: 'IN_REVIEW', stepIndex: 2 });
    await makeApplication(db, { orgCode: '130302', name: ISSUED_APPLICATION });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await h.screenshot('new-user-defects-failure').catch(() => {});
  });

  afterAll(async () => {
    await h?.close();
  });

  async function openListAs(page: Page, username: string): Promise<void> {
    await loginOrgUser(h.context, page, h.url, username);
    await page.getByRole('menu').getByText('政府网站和栏目基本信息表').click();
    await page.waitForURL(`${h.url}/org/sites`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
  }

  const rowOf = (page: Page, name: string) => page.locator('.ant-table-tbody tr.ant-table-row', { hasText: name });

  const headings = async (page: Page) =>
    (await page.locator('.ant-table-thead th').allTextContents()).map((t) => t.trim()).filter(Boolean);

  /**
   * What does not fit at this width in the page's first table: headings or cells whose text is cut, dates broken
   * over two lines, a table or a page that scrolls sideways. Empty when everything fits.
   */
  async function layoutProblems(page: Page): Promise<string[]> {
    const inTable = await page
      .locator('.ant-table-wrapper')
      .first()
      .evaluate((root) => {
        const out: string[] = [];
        // Cut = the laid-out text reaches past its cell's edges (a fixed column's shadow does not count).
        const cut = (cell: NonNullable<ReturnType<typeof root.querySelector>>) => {
          const range = cell.ownerDocument.createRange();
          range.selectNodeContents(cell);
          const text = range.getBoundingClientRect();
          const box = cell.getBoundingClientRect();
          return text.width > 0 && (text.left < box.left - 1 || text.right > box.right + 1);
        };
        for (const th of root.querySelectorAll('thead th')) {
          if (cut(th)) out.push(`heading cut: ${th.textContent}`);
        }
        for (const td of root.querySelectorAll('tbody td:not(.ant-table-cell-ellipsis)')) {
          if (cut(td)) out.push(`cell cut: ${td.textContent}`);
        }
        for (const el of root.querySelectorAll('tbody td span, tbody td')) {
          const text = el.textContent ?? '';
          // An element holding just a date (or date and time) must sit on one line.
          if (/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(text.trim()) && el.getClientRects().length > 1) {
            out.push(`date broken: ${text}`);
          }
        }
        for (const box of root.querySelectorAll('.ant-table-content, .ant-table-body, .ant-table-header')) {
          if (box.scrollWidth > box.clientWidth + 1)
            out.push(`table scrolls sideways: ${box.scrollWidth} > ${box.clientWidth}`);
        }
        return out;
      });
    const pageScrolls = await page.evaluate(
      'document.documentElement.scrollWidth > document.documentElement.clientWidth',
    );
    return pageScrolls ? [...inTable, 'page scrolls sideways'] : inTable;
  }

  /** A 填报单位 session of its own (not the browser's cookies): logs in with 标识码 + 校验码. */
  async function siteSession(siteCode: string, checkCode: string) {
    const api = await playwrightRequest.newContext({ baseURL: h.url });
    const session = (await (await api.get('/api/session')).json()) as { csrfToken: string };
    const login = await api.post('/api/auth/site-login', {
      data: { siteCode, checkCode },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    return { api, status: login.status() };
  }

  it('重置校验码: the 本级 unit confirms, sees the new code once (copy, print), old sessions end, audited', async () => {
    const page = h.page;
    const operator = await siteSession(resetSiteCode, OLD_CHECK_CODE);
    expect(operator.status).toBe(200);
    expect((await operator.api.get('/api/site/me')).status()).toBe(200);

    // The parent unit sees the action, disabled, with the reason.
    await openListAs(page, 'qinhuangdao');
    await rowOf(page, RESET_SITE).click();
    const parentButton = page.getByRole('button', { name: '重置校验码' });
    await expect.poll(() => parentButton.isDisabled()).toBe(true);
    await parentButton.locator('..').hover();
    await page.getByRole('tooltip', { name: /只有该网站的本级组织单位（海港区）可以重置校验码/ }).waitFor();

    await openListAs(page, 'haigang');
    // Nothing selected, or an application without a 标识码: disabled.
    expect(await page.getByRole('button', { name: '重置校验码' }).isDisabled()).toBe(true);
    await rowOf(page, ISSUED_APPLICATION).click();
    expect(await page.getByRole('button', { name: '重置校验码' }).isDisabled()).toBe(true);

    await rowOf(page, RESET_SITE).click();
    await page.getByRole('button', { name: '重置校验码' }).click();
    const confirm = page.getByRole('dialog', { name: '重置校验码' });
    await confirm.getByText(`网站标识码 ${resetSiteCode}`).waitFor();
    expect(await confirm.textContent()).toContain('原校验码立即失效');
    // Cancelling changes nothing.
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect((await operator.api.get('/api/site/me')).status()).toBe(200);

    await page.getByRole('button', { name: '重置校验码' }).click();
    await confirm.getByRole('button', { name: '确定重置' }).click();
    const result = page.getByRole('dialog', { name: '新的校验码' });
    await result.waitFor();
    // The element holds the code and its 「复制」 button.
    const shown = (await result.getByTestId('new-check-code').textContent()) ?? '';
    const newCode = /^[A-HJ-NP-Z2-9]{8}/.exec(shown)?.[0] ?? '';
    expect(shown.replace(/\s/g, '')).toBe(`${newCode}复制`);
    expect(await result.textContent()).toContain('只显示这一次');
    expect(await result.textContent()).toContain(resetSiteCode);
    await h.screenshot('reset-check-code-result');

    // Copy: the clipboard gets the code.
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url });
    await result.getByTestId('new-check-code').getByRole('button', { name: /复制/ }).click();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(newCode);

    // Print: the button prints, and on paper only the credentials sheet shows, not the list behind the dialog.
    await page.evaluate('window.printed = 0; window.print = () => { window.printed += 1; };');
    await result.getByRole('button', { name: /打印/ }).click();
    expect(await page.evaluate('window.printed')).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const printed = (locator: ReturnType<Page['locator']>) =>
      locator.first().evaluate((e) => {
        const style = (globalThis as unknown as { getComputedStyle(el: unknown): { visibility: string } })
          .getComputedStyle;
        return style(e).visibility === 'visible' && e.getClientRects().length > 0;
      });
    // (Hidden content leaves the accessibility tree: located by test id and CSS here, not by role.)
    const sheet = page.getByTestId('check-code-sheet');
    expect(await printed(sheet.getByTestId('new-check-code'))).toBe(true);
    expect(await printed(sheet.getByText(resetSiteCode, { exact: true }))).toBe(true);
    expect(await printed(rowOf(page, RESET_SITE))).toBe(false);
    expect(await printed(page.locator('.ant-table-thead'))).toBe(false);
    expect(await printed(page.locator('.ant-modal-footer'))).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // The old session and the old code are finished; the new code logs in.
    expect((await operator.api.get('/api/site/me')).status()).toBe(401);
    expect((await siteSession(resetSiteCode, OLD_CHECK_CODE)).status).toBe(401);
    const fresh = await siteSession(resetSiteCode, newCode);
    expect(fresh.status).toBe(200);
    await Promise.all([operator.api.dispose(), fresh.api.dispose()]);

    // Closing the dialog drops the code: it is not shown again anywhere.
    await result.getByRole('button', { name: '我已记下，关闭' }).click();
    await result.waitFor({ state: 'hidden' });
    expect(await page.locator('body').textContent()).not.toContain(newCode);

    const audit = await h.server.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('site_code', '=', resetSiteCode)
      .where('action', '=', '重置校验码')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_org_code: '130302' });
    expect(JSON.stringify(audit[0])).not.toContain(newCode);

    // 查看 lists it in the 审核流水, shows the 栏目 and 其他域名, and offers the action too.
    await page.getByRole('button', { name: '查看', exact: true }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('tab', { name: /审核流水/ }).click();
    await drawer.getByRole('cell', { name: '重置校验码' }).waitFor();
    await drawer.getByRole('tab', { name: '基本信息' }).click();
    await drawer.getByText('chongzhi-bak.haigang.gov.cn').waitFor();
    await drawer.getByText('www.chongzhi.gov.cn').waitFor();
    await drawer.getByRole('tab', { name: /栏目信息/ }).click();
    await drawer.getByRole('cell', { name: '工作动态' }).waitFor();
    expect(await drawer.getByRole('button', { name: '重置校验码' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(h.errors).toEqual([]);
  });

  it('the 审核 hint follows the chain: the last unit is told that approval ends it', async () => {
    const page = h.page;
    await openListAs(page, 'haigang');
    await rowOf(page, ISSUED_APPLICATION).click();
    await page.getByRole('button', { name: '审核', exact: true }).click();
    const entry = page.getByRole('dialog', { name: '审核新增网站申请' });
    expect(await entry.getByTestId('approve-hint').textContent()).toContain('还需 2 级审核');
    await entry.getByRole('button', { name: /取/ }).click();
    await entry.waitFor({ state: 'hidden' });

    await openListAs(page, 'hebei');
    await rowOf(page, FINAL_STEP).click();
    await page.getByRole('button', { name: '审核', exact: true }).click();
    const last = page.getByRole('dialog', { name: '审核新增网站申请' });
    const hint = await last.getByTestId('approve-hint').textContent();
    expect(hint).toContain('本单位为最终审核单位');
    expect(hint).not.toContain('转上级');
    await last.getByRole('button', { name: /取/ }).click();
  });

  it('the site list fits 1366 px for every level, with default columns per level and a remembered chooser', async () => {
    const page = h.page;
    const expected: Record<string, { has: string[]; hasNot: string[] }> = {
      admin: { has: ['省/部委', '市/垂管省局'], hasNot: ['县/垂管分局', '首页网址'] },
      hebei: { has: ['市/垂管省局', '县/垂管分局'], hasNot: ['省/部委', '首页网址'] },
      qinhuangdao: { has: ['县/垂管分局', '主办单位'], hasNot: ['省/部委', '市/垂管省局'] },
      haigang: { has: ['首页网址', '链接健康'], hasNot: ['省/部委', '主办单位'] },
    };
    for (const [username, columns] of Object.entries(expected)) {
      await openListAs(page, username);
      const shown = await headings(page);
      expect(shown, username).toEqual(
        expect.arrayContaining(['网站标识码', '网站名称', '列表状态', '申报状态', '最后更新时间']),
      );
      expect(shown, username).toEqual(expect.arrayContaining(columns.has));
      for (const hidden of columns.hasNot) expect(shown, username).not.toContain(hidden);
      expect(await layoutProblems(page), username).toEqual([]);
      await h.screenshot(`site-list-1366-${username}`);
    }

    // haigang's toolbar stays on one line with the 办结修改 buttons shown.
    await rowOf(page, MODIFY_SITE).click();
    await page.getByRole('button', { name: '办结修改审核通过' }).waitFor();
    const tops = await page
      .getByTestId('site-toolbar')
      .locator('button')
      .evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(4);
    await h.screenshot('site-list-1366-toolbar-modification');

    // A heading click sorts (the URL keeps it).
    await page.locator('.ant-table-thead th', { hasText: '网站名称' }).click();
    await page.waitForURL(/sort=name&order=asc/);

    // The chooser: add 主办单位, drop 链接健康; remembered across a reload, for this user only.
    await page.getByRole('button', { name: '列设置' }).click();
    const chooser = page.getByTestId('column-chooser');
    await chooser.getByText('主办单位', { exact: true }).click();
    await expect.poll(() => headings(page)).toContain('主办单位');
    await chooser.getByText('链接健康', { exact: true }).click();
    await expect.poll(() => headings(page)).not.toContain('链接健康');
    expect(await chooser.getByLabel('网站名称').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await page.reload();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    let shown = await headings(page);
    expect(shown).toContain('主办单位');
    expect(shown).not.toContain('链接健康');
    // Past the page width the table may scroll (the user chose so), but nothing is cut.
    const fitsOrScrolls = async () =>
      (await layoutProblems(page)).filter((p) => !p.startsWith('table scrolls sideways'));
    expect(await fitsOrScrolls()).toEqual([]);
    await openListAs(page, 'shanhaiguan');
    shown = await headings(page);
    expect(shown).toContain('链接健康');
    expect(shown).not.toContain('主办单位');
    await openListAs(page, 'haigang');
    expect(await headings(page)).toContain('主办单位');
    // Every column at once scrolls, with 标识码 and 名称 kept in view, and no heading cut.
    await page.getByRole('button', { name: '列设置' }).click();
    for (const label of ['省/部委', '市/垂管省局', '县/垂管分局', '是否组织单位门户', '是否政务服务平台', '链接健康']) {
      await chooser.getByText(label, { exact: true }).click();
      await expect.poll(() => headings(page)).toContain(label);
    }
    await page.keyboard.press('Escape');
    // 13 columns and the selection column (its heading is empty).
    expect(await headings(page)).toHaveLength(13);
    expect(await fitsOrScrolls()).toEqual([]);
    await page.getByRole('button', { name: '列设置' }).click();
    await chooser.getByRole('button', { name: '恢复本级默认列' }).click();
    await page.keyboard.press('Escape');
    expect(await headings(page)).not.toContain('主办单位');
    expect(h.errors).toEqual([]);
  });

  it('待办 fits 1366 px; a stats scope outside the subtree says so and offers the way back', async () => {
    const page = h.page;
    await openListAs(page, 'haigang');
    await page.getByRole('menu').getByText('待办').click();
    await page.waitForURL(`${h.url}/org/inbox`);
    // The address changes before the page does: wait for the inbox's own table.
    await page.locator('.ant-table-thead th', { hasText: '办理期限' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await layoutProblems(page)).toEqual([]);
    await h.screenshot('inbox-1366');

    await page.goto(`${h.url}/org/stats?org=130303`);
    const result = page.locator('.ant-result', { hasText: '无法显示该范围的统计' });
    await result.waitFor();
    expect(await page.locator('.ant-skeleton').count()).toBe(0);
    await result.getByRole('button', { name: '返回本单位统计' }).click();
    await page.locator('.ant-statistic-title', { hasText: '在册网站' }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    // The refused scope was announced once as a toast (request.ts); nothing else went wrong.
    expect(h.errors.filter((e) => !e.includes('404'))).toEqual([]);
  });
});
