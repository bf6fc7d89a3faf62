// Set-up shared by the browser tests where 海港区's 填报单位 file requests and the 海港区 → 秦皇岛市 → 河北省 chain
// decides them: the chain's accounts past their first password change, sites under 海港区 with one known 校验码,
// and the 填报单位 login.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Clock } from '../../src/server/clock.ts';
import { hashSecret } from '../../src/server/passwords.ts';
import { makeSite } from '../helpers/factories.ts';
import { type BrowserHarness, startHarness } from './harness.ts';

export const SITE_CHECK_CODE = 'QRST2345';

/** expect.poll with the page's patience (its default is 1 s): lists refetch slowly on a busy machine. */
export const poll: typeof expect.poll = (fn, options) => expect.poll(fn, { timeout: 30_000, ...options });

export interface HaigangSite {
  name: string;
  host: string;
  isServicePlatform?: boolean;
}

/** The harness, and the 网站标识码 of each site by name. */
export async function startWithHaigangSites(
  clock: Clock,
  sites: HaigangSite[],
): Promise<{ h: BrowserHarness; codes: Map<string, string> }> {
  const h = await startHarness({ viewport: { width: 1440, height: 900 }, clock });
  const db = h.server.database.db;
  await db
    .updateTable('users')
    .set({ must_change_password: false })
    .where('username', 'in', ['haigang', 'qinhuangdao', 'hebei'])
    .execute();
  const hash = await hashSecret(SITE_CHECK_CODE);
  const codes = new Map<string, string>();
  for (const { name, host, isServicePlatform } of sites) {
    const site = await makeSite(db, {
      orgCode: '130302',
      name,
      homeUrl: `https://${host}/`,
      ...(isServicePlatform ? { isServicePlatform } : {}),
    });
    await db.updateTable('sites').set({ check_code_hash: hash }).where('id', '=', site.id).execute();
    codes.set(name, site.site_code ?? '');
  }
  return { h, codes };
}

/** Logs in as the 填报单位 of `siteCode` and waits for its home page. */
export async function loginSite(h: BrowserHarness, page: Page, siteCode: string): Promise<void> {
  await h.context.clearCookies();
  await page.goto(`${h.url}/`);
  await page.getByRole('tab', { name: '填报单位' }).click();
  await page.getByLabel('网站标识码').fill(siteCode);
  await page.getByLabel('校验码').fill(SITE_CHECK_CODE);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${h.url}/site`);
  await page.getByRole('button', { name: '下线申请' }).waitFor();
}

/** A site's row in the page's table. */
export const rowOf = (page: Page, name: string) => page.locator('.ant-table-tbody tr.ant-table-row', { hasText: name });
