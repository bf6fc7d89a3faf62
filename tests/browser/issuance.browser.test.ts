// Browser test of issuance: an approved application waits for 16:00, the batch issues its codes, the 临时码 query
// shows them, the operator logs in with them, the public verification page shows the site; the root's ledger page.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextCodeBatchAt } from '../../src/domain/status-labels.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { ManualClock } from '../../src/server/clock.ts';
import type { AppContext } from '../../src/server/context.ts';
import { issuedCredentials } from '../../src/server/modules/issuance/credentials.ts';
import { issueCodes } from '../../src/server/modules/issuance/issue-codes.ts';
import { loadKeys } from '../../src/server/secrets.ts';
import { makeApplication, sampleInfo } from '../helpers/factories.ts';
import { type BrowserHarness, startHarness } from './harness.ts';

describe('issuance UI', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startHarness();
    // The start-up catch-up of the scheduler must not race the batch run below.
    await h.server.scheduler?.startupDone;
  });

  afterAll(async () => {
    await h?.close();
  });

  /** The batch "at 16:00": the job function with the clock of the batch that the approval waits for. */
  async function batchContext(at: Date): Promise<AppContext> {
    const db = h.server.database.db;
    const keys = await loadKeys(db, undefined);
    return { db, dbKind: h.server.database.kind, clock: new ManualClock(at), keys, config: h.server.app.ctx.config };
  }

  it('issues the codes of an approved application; the operator logs in with them; the site verifies', async () => {
    const { page, url } = h;
    const db = h.server.database.db;

    // An application submitted through the public API, then approved by its whole chain (review is tested elsewhere).
    const session = await page.request.get(`${url}/api/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const info = sampleInfo({
      name: '秦皇岛市海港区发证示范局网站',
      homeUrl: 'https://fazheng.haigang.gov.cn/',
      orgCode: '130302',
      isPortal: false,
    });
    const submitted = await page.request.post(`${url}/api/public/applications`, {
      data: info,
      headers: { 'x-csrf-token': csrfToken, 'idempotency-key': randomUUID() },
    });
    expect(submitted.status(), await submitted.text()).toBe(200);
    const { tempCode } = (await submitted.json()) as { tempCode: string };
    const site = await db.selectFrom('sites').select('id').where('name', '=', info.name).executeTakeFirstOrThrow();
    const approvedAt = new Date();
    await db
      .updateTable('requests')
      .set((eb) => ({
        state: 'CODE_PENDING',
        current_org: null,
        step_index: sql<number>`cardinality(chain) - 1`,
        final_approved_at: approvedAt,
        version: eb('version', '+', 1),
      }))
      .where('site_id', '=', site.id)
      .execute();

    // 查询进度: approved, code pending.
    await page.goto(`${url}/progress`);
    await page.getByLabel('临时码').fill(tempCode);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('progress-text').filter({ hasText: '审核通过，网站标识码还未生成' }).waitFor();
    await h.screenshot('issuance-progress-pending');

    // The 16:00 batch that the approval waits for.
    const result = await issueCodes(await batchContext(nextCodeBatchAt(approvedAt)), { trigger: 'SCHEDULE' });
    expect(result).toMatchObject({ status: 'DONE', issued: 1 });
    const creds = await issuedCredentials(db, h.server.app.ctx.keys, site.id);
    if (!creds?.checkCode) throw new Error('no 校验码 issued');
    const { siteCode, checkCode } = creds;
    expect(siteCode).toMatch(/^130302\d{4}$/);

    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('progress-text').filter({ hasText: '已办结' }).waitFor();
    // Each code with its 「复制」 button.
    expect(await page.getByTestId('progress-site-code').textContent()).toMatch(new RegExp(`^${siteCode}\\s*复制$`));
    expect(await page.getByTestId('progress-check-code').textContent()).toMatch(new RegExp(`^${checkCode}\\s*复制$`));
    await h.screenshot('issuance-progress-done');

    // 填报单位 login on the home page with the issued codes.
    await page.goto(`${url}/`);
    await page.getByRole('tab', { name: '填报单位' }).click();
    await page.getByLabel('网站标识码').fill(siteCode);
    await page.getByLabel('校验码').fill(checkCode);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${url}/site`);
    await page.getByText(info.name, { exact: true }).first().waitFor();
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain('正常');
    expect(await page.locator('main').textContent()).toContain(siteCode);
    await h.screenshot('issuance-site-home');

    // The 校验码 has been used: the progress query now shows the note instead.
    const after = await issuedCredentials(db, h.server.app.ctx.keys, site.id);
    expect(after).toMatchObject({ siteCode, checkCode: null });

    // Public verification page with its QR code.
    await page.getByRole('link', { name: '公开核验页面' }).click();
    await page.waitForURL(`${url}/verify/${siteCode}`);
    await page.getByText('该网站已在全国政府网站基本信息数据库中登记。').waitFor();
    await page.getByText(info.sponsorName).waitFor();
    const qr = page.getByRole('img', { name: `网站标识码 ${siteCode} 的核验二维码` });
    await qr.waitFor();
    await expect.poll(() => qr.evaluate((img) => (img as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    await h.screenshot('issuance-verify');

    await page.goto(`${url}/verify/1303029999`);
    await page.getByText('未查询到该网站标识码').waitFor();
    expect(h.errors.filter((e) => !e.includes('404'))).toEqual([]);
  });

  it('shows the root the ledger, the preview and the manual run', async () => {
    const { page, url } = h;
    const db = h.server.database.db;
    // One application due at the most recent 16:00, one approved just now that waits for the next batch.
    const due = await makeApplication(db, {
      state: 'CODE_PENDING',
      finalApprovedAt: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000),
    });
    await makeApplication(db, { state: 'CODE_PENDING', finalApprovedAt: new Date() });
    await h.server.database.db
      .updateTable('users')
      .set({ must_change_password: false })
      .where('username', '=', 'admin')
      .execute();
    await page.context().clearCookies();
    await page.goto(`${url}/`);
    await page.getByRole('tab', { name: '组织单位' }).click();
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${url}/org`);

    await page.getByRole('menu').getByText('标识码生成').click();
    await page.waitForURL(`${url}/org/issuance`);
    await page.getByRole('heading', { name: '标识码生成' }).waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await page.locator('.ant-table-tbody').textContent()).toContain('每日定时');

    await page.getByRole('button', { name: '预览' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByText('预览：现在运行将生成的网站标识码').waitFor();
    await modal.getByText('本次将生成 1 个').waitFor();
    await modal.getByText(due.site.name).waitFor();
    await modal.getByText('1303020002').waitFor();
    await modal.getByText('等待下一批次（1 个）').waitFor();
    await h.screenshot('issuance-preview');
    await modal.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

    await page.getByRole('button', { name: '立即生成' }).click();
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByText('已生成 1 个网站标识码').waitFor();
    await expect.poll(() => page.locator('.ant-table-tbody').textContent()).toContain('手动');
    await h.screenshot('issuance-ledger');
  });
});
