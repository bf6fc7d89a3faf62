// Browser test of 批量导入网站 (issue 20): a province administrator uploads a file with a bad row (预检 shows the
// error with row and column, 确认导入 stays disabled), then the corrected file (预检 passes), confirms, and gets the
// 校验码发放表 whose code logs the new site in.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { HEADERS, row, xlsxOf } from '../helpers/site-import.ts';
import { type BrowserHarness, startHarness } from './harness.ts';

const MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('site import UI', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 1440, height: 900 } });
    await h.server.database.db
      .updateTable('users')
      .set({ must_change_password: false })
      .where('username', '=', 'hebei')
      .execute();
  });

  afterAll(async () => {
    await h?.close();
  });

  async function login(page: Page): Promise<void> {
    await page.goto(`${h.url}/`);
    await page.getByLabel('用户名').fill('hebei');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${h.url}/org`);
  }

  it('upload → 预检 → 确认导入 → 校验码发放表', async () => {
    const { page } = h;
    await login(page);
    await page.getByRole('menuitem', { name: '批量导入网站' }).click();
    await page.waitForURL(`${h.url}/org/site-import`);
    await page.getByRole('heading', { name: '批量导入网站', exact: true }).waitFor();

    const good = [
      row('1303020031', '海港区住房保障局网站', 'zfbz.hg.gov.cn'),
      row('1303030032', '山海关区文物局网站', 'wwj.shg.gov.cn', { 其他域名: 'wenwu.shg.gov.cn' }),
    ];
    const bad = await xlsxOf([
      HEADERS,
      ...good,
      row('1303020033', '海港区某网站', 'x.hg.gov.cn', { 网站负责人手机: '123' }),
    ]);
    const input = page.locator('input[type=file]');
    await input.setInputFiles({ name: '河北网站登记.xlsx', mimeType: MIME, buffer: bad });
    await page.getByText('有 1 行存在错误，不能导入').waitFor();
    await page.getByText('K列（网站负责人手机）：网站负责人手机号码格式不正确').waitFor();
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);

    // The downloadable report marks the error beside the row.
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载预检报告（xlsx）' }).click(),
    ]);
    expect(report.suggestedFilename()).toMatch(/^网站导入预检报告_130000_\d{14}\.xlsx$/);

    await page.getByRole('button', { name: '重新选择文件' }).click();
    await input.setInputFiles({ name: '河北网站登记.xlsx', mimeType: MIME, buffer: await xlsxOf([HEADERS, ...good]) });
    await page.getByText('预检通过，可以导入。').waitFor();
    await h.screenshot('site-import-preview');
    await page.getByRole('button', { name: '确认导入' }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText('新增 2 个，更新 0 个，不变 0 个。').waitFor();

    const [codes] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载校验码发放表' }).click(),
    ]);
    expect(codes.suggestedFilename()).toMatch(/^校验码发放表_130000_\d{14}\.xlsx$/);
    const path = await codes.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A2').value).toBe('1303020031');
    const checkCode = String(sheet.getCell('E2').value);
    expect(checkCode).toMatch(/^[A-Z2-9]{8}$/);
    await h.screenshot('site-import-done');

    // The code works: the new site's 填报单位 logs in.
    const session = await page.request.get(`${h.url}/api/session`);
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const siteLogin = await page.request.post(`${h.url}/api/auth/site-login`, {
      data: { siteCode: '1303020031', checkCode },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(siteLogin.status(), await siteLogin.text()).toBe(200);
    expect(h.errors).toEqual([]);
  });
});
