// Browser test of 新增网站: a new user fills the whole form for a county department site under 130302, fixes a bad
// mobile number, submits, copies the 临时码 and queries the progress with it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleInfo } from '../helpers/factories.ts';
import { type BrowserHarness, startHarness } from './harness.ts';

async function fill(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`#${id}`).fill(value);
}

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: '下一步' }).click();
}

/** Submits an application over the API (with the anonymous CSRF token) and returns its 临时码. */
async function submitOverApi(h: BrowserHarness, info: ReturnType<typeof sampleInfo>): Promise<string> {
  const session = await h.server.app.inject({ method: 'GET', url: '/api/session' });
  const cookie = session.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const res = await h.server.app.inject({
    method: 'POST',
    url: '/api/public/applications',
    headers: {
      cookie,
      'x-csrf-token': session.json().csrfToken,
      'idempotency-key': 'browser-test-returned-application',
    },
    payload: info,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().tempCode;
}

/** The step the Steps bar marks as current. */
async function currentStep(page: Page): Promise<string> {
  return ((await page.locator('.ant-steps-item-process .ant-steps-item-title').first().textContent()) ?? '').trim();
}

describe('新增网站 UI', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startHarness({ viewport: { width: 1280, height: 900 } });
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('applies for a county department site, copies the 临时码 and sees 「审核中」 at 海港区', async () => {
    const { page, url } = h;
    await page.goto(`${url}/`);
    await page.getByRole('link', { name: '新增网站' }).click();
    await page.waitForURL(`${url}/apply`);
    await page.getByRole('link', { name: '继续' }).click();
    await page.waitForURL(`${url}/apply/form`);

    // Page 1 「网站信息」: required fields carry 「*」; the org code fills 省/市/县.
    expect(await currentStep(page)).toBe('网站信息');
    await next(page);
    await page.getByText('请填写网站名称').waitFor();
    expect(await page.locator('label.ant-form-item-required[for="name"]').count()).toBe(1);
    await fill(page, 'name', '秦皇岛市海港区教育局网站');
    await fill(page, 'homeUrl', 'https://jyj.hg.gov.cn/');
    await fill(page, 'orgCode', '130302');
    await page.locator('#orgCode').blur();
    await expect.poll(() => page.getByLabel('县/垂管分局').inputValue()).toBe('海港区');
    expect(await page.getByLabel('市/垂管省局').inputValue()).toBe('秦皇岛市');
    expect(await page.getByLabel('省/部委').inputValue()).toBe('河北省');
    await page.locator('#isPortal').getByText('否').click();
    await page.locator('#isServicePlatform').getByText('否').click();
    await h.screenshot('apply-form-site');
    await next(page);

    // Page 2 「主办与负责人」; a refresh keeps the draft and the page.
    expect(await currentStep(page)).toBe('主办与负责人');
    await fill(page, 'sponsorName', '秦皇岛市海港区教育局');
    await page.reload();
    await page.locator('#sponsorName').waitFor();
    expect(await currentStep(page)).toBe('主办与负责人');
    expect(await page.locator('#sponsorName').inputValue()).toBe('秦皇岛市海港区教育局');
    await fill(page, 'principal_name', '王伟');
    await fill(page, 'principal_title', '办公室主任');
    await fill(page, 'principal_officePhone', '0335-3012345');
    await fill(page, 'principal_mobile', '1391234567');
    await fill(page, 'principal_email', 'wangwei@hg.gov.cn');
    await next(page);
    // The bad mobile number is refused at the field, with the domain's message; fixing it lets the form go on.
    await page.getByText('网站负责人手机号码格式不正确').waitFor();
    expect(await currentStep(page)).toBe('主办与负责人');
    await h.screenshot('apply-form-mobile-error');
    await fill(page, 'principal_mobile', '139 1234 5678');
    await next(page);

    // Page 3 「联系人」.
    expect(await currentStep(page)).toBe('联系人');
    await fill(page, 'contacts_0_name', '李娜');
    await fill(page, 'contacts_0_officePhone', '0335-3012346');
    await fill(page, 'contacts_0_mobile', '13812345678');
    await fill(page, 'contacts_0_email', 'lina@hg.gov.cn');
    await next(page);

    // Page 4 「备案与标识」.
    expect(await currentStep(page)).toBe('备案与标识');
    await fill(page, 'icpNo', '冀ICP备15003849号-2');
    await fill(page, 'psbNo', '冀公网安备13030202002230号');
    await next(page);

    // Page 5 「确认提交」: the normalised values.
    expect(await currentStep(page)).toBe('确认提交');
    await page.getByText('13912345678').first().waitFor();
    await h.screenshot('apply-form-confirm');
    await page.getByRole('button', { name: '提交', exact: true }).dblclick();

    // The dialog comes first; the 临时码 only after 「确定」.
    const dialog = page.getByRole('dialog');
    await dialog.getByText('申请已提交', { exact: true }).waitFor();
    expect(await page.getByTestId('temp-code').count()).toBe(0);
    await dialog.getByRole('button', { name: '确定' }).click();
    const shown = ((await page.getByTestId('temp-code').textContent()) ?? '').trim();
    expect(shown).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const tempCode = shown.replaceAll('-', '');
    await page.getByText('海港区人民政府办公室（130302）').waitFor();
    // The double click created one application.
    const rows = await h.server.database.db
      .selectFrom('sites')
      .select('id')
      .where('name', '=', '秦皇岛市海港区教育局网站')
      .execute();
    expect(rows).toHaveLength(1);

    await page.getByRole('button', { name: '复制' }).click();
    await page.getByRole('button', { name: '已复制' }).waitFor();
    // Page-side code as strings: the test tsconfig has no DOM types.
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(tempCode);

    await page.evaluate('window.printed = 0; window.print = () => { window.printed += 1; };');
    await page.getByRole('button', { name: '打印回执' }).click();
    expect(await page.evaluate('window.printed')).toBe(1);
    await h.screenshot('apply-submitted');

    // Progress query with the copied code, typed on a fresh page.
    await page.goto(`${url}/progress`);
    await page.getByLabel('临时码').fill(tempCode.toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.getByTestId('progress-text').textContent()).toBe('审核中');
    await page.getByText('海港区人民政府办公室（130302）').waitFor();
    expect(await page.getByText('正在审核').count()).toBe(1);
    expect(await page.getByRole('button', { name: '撤回申请' }).count()).toBe(1);
    await h.screenshot('progress-in-review');

    expect(h.errors).toEqual([]);
  });

  it('corrects and resubmits a returned application with its 临时码, then withdraws it', async () => {
    const { page, url } = h;
    const info = sampleInfo({
      name: '海港区文化旅游局网站',
      homeUrl: 'https://wlj.hg.gov.cn/',
      orgCode: '130302',
      isPortal: false,
    });
    const tempCode = await submitOverApi(h, info);
    await h.server.database.db
      .updateTable('requests')
      .set({ state: 'RETURNED', current_org: null, return_reason: '网站名称应使用单位全称' })
      .where('type', '=', 'NEW_SITE')
      .where('org_code', '=', '130302')
      .where('state', '=', 'SUBMITTED')
      .where('site_id', 'in', (eb) => eb.selectFrom('sites').select('id').where('name', '=', info.name))
      .execute();

    await page.goto(`${url}/progress`);
    await page.getByLabel('临时码').fill(tempCode);
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.getByTestId('progress-text').textContent()).toBe('审核未通过：网站名称应使用单位全称');
    await h.screenshot('progress-returned');

    await page.getByRole('button', { name: '修改并重新提交' }).click();
    await page.waitForURL(`${url}/apply/form`);
    await page.getByText('审核未通过：网站名称应使用单位全称。请按退回原因修改后重新提交。').waitFor();
    expect(await page.locator('#name').inputValue()).toBe(info.name);
    expect(await page.locator('#orgCode').isDisabled()).toBe(true);
    await fill(page, 'name', '秦皇岛市海港区文化广电和旅游局网站');
    await page.locator('#name').blur();
    for (let i = 0; i < 4; i++) await next(page);
    expect(await currentStep(page)).toBe('确认提交');
    await h.screenshot('apply-resubmit-confirm');
    await page.getByRole('button', { name: '重新提交' }).click();
    await page.getByText('已重新提交').waitFor();
    await page.getByRole('button', { name: '查询进度' }).click();
    await page.waitForURL(`${url}/progress`);
    await expect.poll(() => page.getByTestId('progress-text').textContent()).toBe('审核中');
    await page.getByText('秦皇岛市海港区文化广电和旅游局网站').waitFor();

    await page.getByRole('button', { name: '撤回申请' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '撤回申请' }).click();
    await expect.poll(() => page.getByTestId('progress-text').textContent()).toBe('已撤回');
    expect(await page.getByRole('button', { name: '撤回申请' }).count()).toBe(0);

    expect(h.errors).toEqual([]);
  });
});
