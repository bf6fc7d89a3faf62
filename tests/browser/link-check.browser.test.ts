// Browser test of the link check at entry: typing an address that does not answer shows a warning next to the field,
// a live one shows its status and time, and neither blocks the form — on the new-site form's 首页网址 and on the 栏目
// addresses of 基本信息修改.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { finishSweep, openSweep, recordSiteResults } from '../../src/server/modules/link-checks/repository.ts';
import { hashSecret } from '../../src/server/passwords.ts';
import { makeSite } from '../helpers/factories.ts';
import { TEST_DOMAIN, testLookup } from '../helpers/link-servers.ts';
import { type BrowserHarness, startHarness } from './harness.ts';

describe('link check hints', () => {
  let h: BrowserHarness;
  let target: Server;
  let port: number;

  beforeAll(async () => {
    // A site on 127.0.0.1 (allow-listed for this test only; *.linkcheck.test resolves to it): /ok answers 200,
    // everything else 404.
    target = createServer((req, res) => {
      res.statusCode = req.url === '/ok' ? 200 : 404;
      res.end('<html><body>test</body></html>');
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    port = (target.address() as AddressInfo).port;
    const base = loadConfig({});
    h = await startHarness({
      config: { linkCheck: { ...base.linkCheck, allow: ['127.0.0.1'], timeoutMs: 3000, lookup: testLookup } },
    });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await h.screenshot('link-check-failure').catch(() => {});
  });

  afterAll(async () => {
    await h?.close();
    await new Promise<void>((resolve) => target.close(() => resolve()));
  });

  it('warns about a dead home address and confirms a live one', async () => {
    const { page, url } = h;
    await page.goto(`${url}/apply/form`);
    const field = page.locator('#homeUrl');
    await field.fill(`http://127.0.0.1:${port}/gone`);
    const hint = page.getByTestId('link-check-hint');
    await expect.poll(async () => (await hint.textContent()) ?? '', { timeout: 15_000 }).toContain('无法访问');
    expect(await hint.textContent()).toContain('404');
    await h.screenshot('link-check-dead');

    await field.fill(`http://127.0.0.1:${port}/ok`);
    await expect.poll(async () => (await hint.textContent()) ?? '', { timeout: 15_000 }).toContain('可以访问');
    expect(h.errors).toEqual([]);
  });

  it('typing a dead 栏目 address in the form shows the warning', async () => {
    const { page, url } = h;
    const db = h.server.database.db;
    const web = `http://www.${TEST_DOMAIN}:${port}`;
    const site = await makeSite(db, { orgCode: '130302', name: '链接检查测试网站' });
    // Registered 栏目: 政务动态 with a live address (not re-checked when the form opens), the rest 「无」.
    const categories = await db
      .selectFrom('column_categories')
      .select(['code', 'name'])
      .where('active', '=', true)
      .orderBy('sort_order')
      .execute();
    const columns = categories.map((c) =>
      c.code === 'ZWDT'
        ? { category: c.code, categoryName: c.name, names: '工作动态', addresses: `${web}/ok` }
        : { category: c.code, categoryName: c.name, names: '无', addresses: '无' },
    );
    await db
      .updateTable('sites')
      .set({ check_code_hash: await hashSecret('KMNP2345'), columns: JSON.stringify(columns) })
      .where('id', '=', site.id)
      .execute();

    await h.context.clearCookies();
    await page.goto(`${url}/`);
    await page.getByRole('tab', { name: '填报单位' }).click();
    await page.getByLabel('网站标识码').fill(site.site_code ?? '');
    await page.getByLabel('校验码').fill('KMNP2345');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${url}/site`);
    await page.goto(`${url}/site/modification`);
    await page.getByRole('button', { name: '下一步' }).click();

    const names = page.getByLabel('通知公告 栏目（系统）名称', { exact: true });
    const addresses = page.getByLabel('通知公告 栏目（系统）地址', { exact: true });
    const row = page.locator('.ant-table-row', { has: addresses });
    const hint = row.getByTestId('link-check-hint');
    await names.fill('通知公告');
    await addresses.fill(`${web}/tzgg/`);
    await expect.poll(async () => (await hint.textContent()) ?? '', { timeout: 15_000 }).toContain('无法访问');
    expect(await hint.textContent()).toContain('HTTP 404（页面不存在）');
    expect(await hint.textContent()).toContain('不影响提交');
    // Only the typed address is checked: the registered 政务动态 address shows nothing.
    expect(await page.getByTestId('link-check-hint').count()).toBe(1);
    await h.screenshot('link-check-column-dead');

    // Two addresses: each with its result, the live one with its status and time.
    await names.fill('通知公告；公示公告');
    await addresses.fill(`${web}/tzgg/；${web}/ok`);
    await expect
      .poll(async () => (await hint.textContent()) ?? '', { timeout: 15_000 })
      .toMatch(/可以访问（200，\d+\.\d 秒）/);
    expect(await hint.textContent()).toContain(`${web}/tzgg/ 无法访问`);

    // The warning never blocks: the modification is submitted with the dead address.
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByText('已提交审核').waitFor();
    expect(h.errors).toEqual([]);
  });

  it('shows the organizing units the 链接健康 column, its count in 基本信息统计 and the problem sites for 上报抽查情况', async () => {
    const { page, url } = h;
    const db = h.server.database.db;
    const site = await makeSite(db, { orgCode: '130302', name: '首页无法访问的测试网站' });
    await makeSite(db, { orgCode: '130302', name: '从未检查的测试网站' });
    // One nightly sweep found the home page answering 404 (recorded as the sweep records it).
    const now = new Date('2026-11-01T18:00:00Z');
    const sweep = await openSweep(db, '2026-11-02', now);
    if (!sweep) throw new Error('no sweep');
    const result = {
      url: site.home_url,
      ok: false,
      status: 404,
      redirects: [],
      elapsedMs: 85,
      error: 'HTTP_ERROR' as const,
      message: '无法访问：HTTP 404（页面不存在）',
    };
    const checks = [{ kind: 'HOME' as const, result }];
    const footer = { findings: [], problems: 0, truncated: false };
    await recordSiteResults(db, { sweepId: sweep.id, siteId: site.id, siteCode: site.site_code, checks, footer }, now);
    await finishSweep(db, sweep.id, now);

    await db.updateTable('users').set({ must_change_password: false }).where('username', '=', 'haigang').execute();
    await h.context.clearCookies();
    await page.goto(`${url}/`);
    await page.getByLabel('用户名').fill('haigang');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${url}/org`);

    await page.goto(`${url}/org/sites?linkHealth=FAILING`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: '首页无法访问的测试网站' }).waitFor();
    expect(await rows.count()).toBe(1);
    // The filter opened with the value from the URL.
    await page.locator('.ant-select', { hasText: '链接异常' }).waitFor();
    await rows.getByTestId('link-health').click();
    const popover = page.locator('.ant-popover');
    await popover.getByText('首页无法访问').first().waitFor();
    await popover.getByText('无法访问：HTTP 404（页面不存在）').waitFor();
    expect(await popover.textContent()).toContain('最近检查：2026-11-02 02:00');
    await h.screenshot('link-health-list');

    await page.goto(`${url}/org/sites?name=${encodeURIComponent('从未检查的测试网站')}`);
    await rows.filter({ hasText: '从未检查的测试网站' }).getByTestId('link-health').getByText('未检查').waitFor();

    await page.goto(`${url}/org/stats`);
    const failing = page.getByTestId('link-health-FAILING');
    await expect.poll(() => failing.textContent()).toBe('1');
    await h.screenshot('link-health-stats');
    await failing.click();
    await page.waitForURL(`${url}/org/sites?linkHealth=FAILING`);
    await rows.filter({ hasText: '首页无法访问的测试网站' }).waitFor();

    // 河北省 takes the failing site into its quarterly report as a suggested problem case.
    await db.updateTable('users').set({ must_change_password: false }).where('username', '=', 'hebei').execute();
    await h.context.clearCookies();
    await page.goto(`${url}/`);
    await page.getByLabel('用户名').fill('hebei');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${url}/org`);
    await page.goto(`${url}/org/spot-checks`);
    await page.getByRole('button', { name: '链接检查发现的问题' }).click();
    const dialog = page.getByRole('dialog', { name: '链接检查发现的问题' });
    const problem = dialog.locator('.ant-table-row', { hasText: '首页无法访问的测试网站' });
    await problem
      .getByText('首页巡检无法访问，最近一次检查（2026-11-02 02:00:00）结果：HTTP 404（页面不存在）')
      .waitFor();
    await problem.getByText('单项否决2：站点无法访问').waitFor();
    await problem.locator('.ant-checkbox-input').check();
    await h.screenshot('link-health-spot-check');
    await dialog.getByRole('button', { name: '加入不合格网站清单（1）' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const finding = page.locator('.ant-card', { hasText: '不合格网站清单 1' });
    await finding.getByText(`首页无法访问的测试网站（${site.site_code}，海港区`).waitFor();
    expect(await finding.getByLabel('问题描述').inputValue()).toContain('首页巡检无法访问');
    expect(h.errors).toEqual([]);
  });
});
