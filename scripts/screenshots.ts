// Regenerates the README screenshots (docs/screenshots/*.png) from the real system with the demo data that
// `npm start` seeds: a fresh PGlite directory, the built web UI, Debian's Chromium at 1366×768.
// Usage: npm run build && npx tsx scripts/screenshots.ts
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import { demoSiteLogin } from '../src/seed/demo-sites.ts';
import { loadKeys } from '../src/server/secrets.ts';
import { startServer } from '../src/start.ts';
import { CHROMIUM_ARGS, loginOrgUser } from '../tests/browser/harness.ts';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(repoRoot, 'docs/screenshots');

const dataDir = mkdtempSync(join(tmpdir(), 'govsite-shots-db-'));
const profileDir = mkdtempSync(join(tmpdir(), 'chromium-'));
mkdirSync(OUT, { recursive: true });
const server = await startServer(
  { ...loadConfig({}), dataDir, port: 0, host: '127.0.0.1', webDir: join(repoRoot, 'dist/web') },
  { logger: false, demoSites: true },
);
const db = server.database.db;
const siteLogin = await demoSiteLogin(db, await loadKeys(db, undefined));
// The screenshots show the workspace, not the forced first password change.
await db.updateTable('users').set({ must_change_password: false }).execute();
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
  viewport: { width: 1366, height: 768 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
});
const page = context.pages()[0] ?? (await context.newPage());
const url = server.url;

async function shot(name: string, p: Page = page): Promise<void> {
  await p.waitForLoadState('networkidle');
  await p.waitForTimeout(500);
  await p.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

const orgLogin = (username: string) => loginOrgUser(context, page, url, username);

try {
  await page.goto(`${url}/`);
  await page.getByRole('heading', { name: '政府网站信息报送系统' }).waitFor();
  await shot('home');

  await orgLogin('hebei');
  await shot('workspace');
  await page.goto(`${url}/org/sites`);
  await page.locator('.ant-table-row').first().waitFor();
  await shot('review-list-hebei');
  await page.goto(`${url}/org/offline`);
  await page.locator('.ant-table-row').first().waitFor();
  await shot('offline-review');
  await page.goto(`${url}/org/stats`);
  await page.locator('canvas').first().waitFor();
  await shot('stats-hebei');

  await orgLogin('admin');
  await page.goto(`${url}/org/site-import`);
  await page.getByText('批量导入').first().waitFor();
  await shot('site-import');

  if (siteLogin) {
    await context.clearCookies();
    await page.goto(`${url}/`);
    await page.getByRole('tab', { name: '填报单位' }).click();
    await page.getByLabel('网站标识码').fill(siteLogin.siteCode);
    await page.getByLabel('校验码').fill(siteLogin.checkCode);
    await page.getByRole('button', { name: '登录' }).last().click();
    await page.waitForURL(`${url}/site`);
    await shot('site-home');
  }
} finally {
  await context.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(profileDir, { recursive: true, force: true });
}
