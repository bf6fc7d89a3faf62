// Browser check that stored text is rendered as text: an application whose name and sponsor are HTML and script
// (submitted through the public API, as an attacker could) shows literally in /org/sites; no element is
// created from it, no script runs, no alert opens, and the CSP reports nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { sampleInfo } from '../helpers/factories.ts';
import { type BrowserHarness, startHarness } from './harness.ts';

const NAME = '<img src=x onerror=alert(1)>';
const SPONSOR = '<script>window.__pwned=1</script>主办单位';

describe('hostile text in the UI', () => {
  let h: BrowserHarness;
  const dialogs: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 1440, height: 900 } });
    await h.server.database.db
      .updateTable('users')
      .set({ must_change_password: false })
      .where('username', '=', 'haigang')
      .execute();
    const session = await h.page.request.get(`${h.url}/api/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const info = {
      ...sampleInfo({ name: NAME, homeUrl: 'https://xss.haigang.gov.cn/', orgCode: '130302', isPortal: false }),
      sponsorName: SPONSOR,
    };
    const submitted = await h.page.request.post(`${h.url}/api/public/applications`, {
      data: info,
      headers: { 'x-csrf-token': csrfToken, 'idempotency-key': randomUUID() },
    });
    expect(submitted.status(), await submitted.text()).toBe(200);
    h.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows an HTML-looking site name literally in the /org/sites list', async () => {
    const { page } = h;
    await page.goto(`${h.url}/`);
    await page.getByLabel('用户名').fill('haigang');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${h.url}/org`);
    await page.goto(`${h.url}/org/sites`);
    await page.getByRole('heading', { name: '政府网站和栏目基本信息表' }).waitFor();

    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: NAME });
    await row.waitFor();
    // 主办单位 is not among a county's default columns: shown through 列设置.
    await page.getByRole('button', { name: '列设置' }).click();
    await page.getByTestId('column-chooser').getByText('主办单位', { exact: true }).click();
    // The column is shown once the choice has taken effect; only then is the chooser closed.
    await page.locator('.ant-table-thead th', { hasText: '主办单位' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await row.getByText(NAME, { exact: true }).count()).toBeGreaterThan(0);
    expect(await row.getByText(SPONSOR, { exact: true }).count()).toBeGreaterThan(0);
    await h.screenshot('security-literal-name');

    // Nothing was parsed as markup: no <img src=x>, no injected <script>, no handler ran.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('script:not([src])').evaluateAll((els) => els.map((e) => e.textContent))).not.toContain(
      'window.__pwned=1',
    );
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();

    expect(dialogs).toEqual([]);
    expect(h.errors.filter((e) => !e.includes('401'))).toEqual([]);
  });
});
