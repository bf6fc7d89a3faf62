// Browser test of what new applicants and 填报单位 tripped over (issue 19): 查询进度 on the 新增网站 pages, the
// return time and both submission times on the progress page, the 省/市/县 of a resubmission, no 「。。」, the next
// steps after 已办结 with copyable codes; and for a 填报单位 the live 30-day check of a temporary offline, a toast
// that speaks of the request, 撤回申请 that agrees with the other buttons, and 下线审核 that fits 1366 px.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayCN } from '../../src/domain/offline.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { issueCodes } from '../../src/server/modules/issuance/issue-codes.ts';
import { hashSecret } from '../../src/server/passwords.ts';
import { makeSite, sampleInfo } from '../helpers/factories.ts';
import { approveThrough } from '../helpers/offline.ts';
import { TestClient } from '../helpers/test-app.ts';
import { type BrowserHarness, middayClock, startHarness } from './harness.ts';

const APPLIED_SITE = '秦皇岛市海港区新手示范局网站';
const OFFLINE_SITE = '秦皇岛市海港区下线示范局网站';
const CHECK_CODE = 'NWSR2345';
const RETURN_REASON = '主办单位名称与ICP备案主体不一致，请核对。';
const LONG_REASON =
  '机房整体搬迁至市政务云，期间需要完成服务器迁移、数据同步、域名解析切换和安全测评，网站暂停对外服务，恢复后另行通知';

describe('new-user defects of applicants and 填报单位 (issue 19)', () => {
  let h: BrowserHarness;
  const clock = middayClock();
  let offlineSiteCode = '';

  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 1366, height: 768 }, clock });
    const db = h.server.database.db;
    await db
      .updateTable('users')
      .set({ must_change_password: false })
      .where('username', 'in', ['haigang', 'qinhuangdao', 'hebei'])
      .execute();
    const site = await makeSite(db, { orgCode: '130302', name: OFFLINE_SITE, homeUrl: 'https://xxsf.haigang.gov.cn/' });
    offlineSiteCode = site.site_code ?? '';
    await db
      .updateTable('sites')
      .set({ check_code_hash: await hashSecret(CHECK_CODE) })
      .where('id', '=', site.id)
      .execute();
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await h.screenshot('new-user-public-failure').catch(() => {});
  });

  afterAll(async () => {
    await h?.close();
  });

  /** An organizing unit's API session on the same server (real HTTP handling through inject). */
  async function orgClient(username: string): Promise<TestClient> {
    const c = new TestClient(h.server.app);
    const res = await c.post('/api/auth/login', { username, password: DEMO_PASSWORD });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return c;
  }

  async function queryProgress(page: Page, tempCode: string): Promise<void> {
    await page.goto(`${h.url}/progress`);
    await page.getByLabel('临时码').fill(tempCode);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('progress-text').waitFor();
  }

  const detail = (page: Page, label: string) =>
    page.locator('.ant-descriptions-row', { has: page.locator('th', { hasText: label }) }).locator('td');

  it('an applicant: 查询进度 at the top right, return time, 省/市/县 on resubmission, both submissions, next steps', async () => {
    const page = h.page;
    const db = h.server.database.db;
    const applicant = new TestClient(h.server.app);
    const info = sampleInfo({
      name: APPLIED_SITE,
      homeUrl: 'https://xinshou.haigang.gov.cn/',
      orgCode: '130302',
      isPortal: false,
    });
    const submitted = await applicant.post('/api/public/applications', info, {
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const tempCode: string = submitted.body.tempCode;
    const request = await db
      .selectFrom('requests as r')
      .innerJoin('sites as s', 's.id', 'r.site_id')
      .select(['r.id', 's.id as siteId'])
      .where('s.name', '=', APPLIED_SITE)
      .executeTakeFirstOrThrow();
    const haigang = await orgClient('haigang');
    const returned = await haigang.post(`/api/requests/${request.id}/return`, { reason: RETURN_REASON });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);

    // 新增网站 → 查询进度 at the top right (manual §一.4).
    await page.goto(`${h.url}/apply`);
    await page.getByTestId('header-progress-link').click();
    await page.waitForURL(`${h.url}/progress`);

    // The return has its time on the timeline.
    await queryProgress(page, tempCode);
    const returnedStep = page.locator('.ant-steps-item', { hasText: '海港区' });
    expect(await returnedStep.textContent()).toMatch(/退回 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await h.screenshot('progress-returned');

    // 修改并重新提交: the org code's 省/市/县 are filled, the reason reads without 「。。」, 查询进度 is at hand.
    await page.getByRole('button', { name: '修改并重新提交' }).click();
    await page.waitForURL(`${h.url}/apply/form`);
    await expect.poll(() => page.getByLabel('省/部委').inputValue()).toBe('河北省');
    expect(await page.getByLabel('市/垂管省局').inputValue()).toBe('秦皇岛市');
    expect(await page.getByLabel('县/垂管分局').inputValue()).toBe('海港区');
    const reasonText = (await page.locator('.ant-alert', { hasText: '审核未通过' }).textContent()) ?? '';
    expect(reasonText).toContain('请核对。请按退回原因修改后重新提交。');
    expect(reasonText).not.toContain('。。');
    expect(await page.getByTestId('header-progress-link').isVisible()).toBe(true);
    await h.screenshot('apply-resubmit-org-filled');

    // After a resubmission the page shows the first and the latest submission.
    const resubmitted = await applicant.post('/api/public/applications/resubmit', { tempCode, info });
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
    await queryProgress(page, tempCode);
    expect(await detail(page, '首次提交时间').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await detail(page, '重新提交时间').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    // Approved along the chain and issued: 已办结 says what to do next, with copyable codes.
    for (const username of ['haigang', 'qinhuangdao', 'hebei']) {
      const c = username === 'haigang' ? haigang : await orgClient(username);
      const res = await c.post(`/api/requests/${request.id}/approve`, {});
      expect(res.status, `${username} ${JSON.stringify(res.body)}`).toBe(200);
    }
    // Approved before the last 16:00 cut-off, so the batch run now issues it.
    await db
      .updateTable('requests')
      .set({ final_approved_at: new Date(clock.now().getTime() - 2 * 86_400_000) })
      .where('id', '=', request.id)
      .execute();
    const run = await issueCodes(h.server.app.ctx, { trigger: 'MANUAL' });
    expect(run.issued).toBe(1);
    await queryProgress(page, tempCode);
    const next = page.getByTestId('next-steps');
    await next.waitFor();
    const nextText = (await next.textContent()) ?? '';
    for (const words of ['填报单位登录', '基本信息修改', '栏目', '组织单位', '首次登录'])
      expect(nextText).toContain(words);
    const siteCode = run.codes[0] ?? '';
    expect(siteCode).toMatch(/^\d{10}$/);
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url });
    await page.getByTestId('progress-site-code').getByRole('button', { name: /复制/ }).click();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(siteCode);
    const checkText = (await page.getByTestId('progress-check-code').textContent()) ?? '';
    const checkCode = /^[A-HJ-NP-Z2-9]{8}/.exec(checkText)?.[0] ?? '';
    expect(checkCode).toHaveLength(8);
    await page.getByTestId('progress-check-code').getByRole('button', { name: /复制/ }).click();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(checkCode);
    await h.screenshot('progress-done-next-steps');
    expect(h.errors).toEqual([]);
  });

  async function loginSite(page: Page): Promise<void> {
    await h.context.clearCookies();
    await page.goto(`${h.url}/`);
    await page.getByRole('tab', { name: '填报单位' }).click();
    await page.getByLabel('网站标识码').fill(offlineSiteCode);
    await page.getByLabel('校验码').fill(CHECK_CODE);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${h.url}/site`);
    await page.getByRole('button', { name: '下线申请' }).waitFor();
  }

  async function pickDate(page: Page, label: string, day: string): Promise<void> {
    const input = page.getByRole('dialog').getByLabel(label, { exact: true });
    await input.click();
    await input.fill(day);
    await input.press('Enter');
  }

  /** The text of the tooltip a disabled button shows on hover, found by a fragment it must contain. */
  async function tooltipOf(page: Page, button: string, fragment: string): Promise<string> {
    await page.mouse.move(0, 0);
    await page.getByRole('button', { name: button }).locator('..').hover();
    const tip = page.getByRole('tooltip').filter({ hasText: fragment });
    await tip.waitFor();
    return (await tip.textContent()) ?? '';
  }

  it('a 填报单位: live 30-day check, a toast about the request, consistent refusals; 下线审核 fits 1366 px', async () => {
    const page = h.page;
    const today = todayCN(clock.now());
    await loginSite(page);
    await page.getByRole('button', { name: '下线申请' }).click();
    const form = page.getByRole('dialog', { name: '下线申请' });
    await form.getByLabel('下线原因').fill(LONG_REASON);
    await pickDate(page, '计划下线日期', today);
    await pickDate(page, '恢复开通时间', addDays(today, 31));
    // Marked as soon as the dates are picked, before 提交申请.
    await form.getByText('共 31 天', { exact: true }).waitFor();
    await form.getByText(/临时下线不能超过 30 天/).waitFor();
    await h.screenshot('offline-apply-31-days');
    await pickDate(page, '恢复开通时间', addDays(today, 30));
    await form.getByText('共 30 天', { exact: true }).waitFor();
    await expect.poll(() => form.getByText(/临时下线不能超过 30 天/).count()).toBe(0);
    await form.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('临时下线申请已提交，等待组织单位审核；审核通过前网站照常运行').waitFor();
    expect(await page.getByText('下线申请已提交（正常）').count()).toBe(0);

    // 撤回申请 and the other buttons agree: an offline request is not withdrawn, so nobody suggests it.
    await expect.poll(() => page.getByRole('button', { name: '撤回申请' }).isDisabled()).toBe(true);
    const withdrawTip = await tooltipOf(page, '撤回申请', '临时下线');
    expect(withdrawTip).toContain('“临时下线”');
    expect(withdrawTip).toContain('不能撤回');
    expect(withdrawTip).not.toContain('没有可撤回的申请');
    const modifyTip = await tooltipOf(page, '基本信息修改', '同一网站同一时间只能有一个申请');
    expect(modifyTip).toContain('请等待审核完成后再申请');
    expect(modifyTip).not.toContain('撤回');

    // Approved along the chain: the site is 暂时下线 until the restore day; 下线审核 shows it all at 1366 px.
    const db = h.server.database.db;
    const offline = await db
      .selectFrom('requests as r')
      .innerJoin('sites as s', 's.id', 'r.site_id')
      .select('r.id')
      .where('s.name', '=', OFFLINE_SITE)
      .where('r.type', '=', 'OFFLINE_TEMP')
      .executeTakeFirstOrThrow();
    await approveThrough(
      [await orgClient('haigang'), await orgClient('qinhuangdao'), await orgClient('hebei')],
      offline.id,
    );
    await h.context.clearCookies();
    await page.goto(`${h.url}/`);
    await page.getByLabel('用户名').fill('hebei');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${h.url}/org`);
    await page.getByRole('menu').getByText('下线审核').click();
    await page.waitForURL(`${h.url}/org/offline`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: OFFLINE_SITE });
    await row.waitFor();
    const restore = addDays(today, 30);
    await expect.poll(() => row.textContent()).toContain(`暂时下线恢复开通时间：${restore}`);
    // The whole reason is there and visible, and the date of the status is one unbroken piece.
    const reasonCell = row.locator('td', { hasText: LONG_REASON.slice(0, 10) });
    expect(await reasonCell.textContent()).toBe(LONG_REASON);
    const fits = await reasonCell.evaluate(
      (td) => td.scrollWidth <= td.clientWidth + 1 && td.scrollHeight <= td.clientHeight + 1,
    );
    expect(fits).toBe(true);
    const dateParts = await row
      .locator('td span', { hasText: restore })
      .evaluateAll((spans) => spans.map((s) => s.getClientRects().length));
    expect(dateParts.length).toBeGreaterThan(0);
    for (const lines of dateParts) expect(lines).toBe(1);
    const problems = await page
      .locator('.ant-table-wrapper')
      .first()
      .evaluate((root) => {
        const out: string[] = [];
        for (const th of root.querySelectorAll('thead th')) {
          const range = th.ownerDocument.createRange();
          range.selectNodeContents(th);
          const text = range.getBoundingClientRect();
          const box = th.getBoundingClientRect();
          if (text.width > 0 && (text.left < box.left - 1 || text.right > box.right + 1)) {
            out.push(`heading cut: ${th.textContent}`);
          }
        }
        for (const box of root.querySelectorAll('.ant-table-content, .ant-table-body, .ant-table-header')) {
          if (box.scrollWidth > box.clientWidth + 1) out.push(`scrolls sideways: ${box.scrollWidth}`);
        }
        return out;
      });
    expect(problems).toEqual([]);
    await h.screenshot('offline-review-1366');
    expect(h.errors).toEqual([]);
  });
});
