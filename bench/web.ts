// The web UI: the initial JavaScript of a production build (the entry and its module preloads, gzip), and in headless
// Chromium the time until a province's site list shows its first row — beside a static blank page from the same
// server in the same browser. Each load runs in a fresh browser context (empty cache), as a first visit.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import type { Db } from '../src/server/context.ts';
import { hashCheckCode } from '../src/server/passwords.ts';
import { startServer } from '../src/start.ts';
import type { Target } from './foundation.ts';
import { percentile, record, recordText, tempDir } from './lib.ts';
import type { BenchSize } from './scale.ts';
import { benchConfig } from './site-list.ts';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TARGET_KB = 400;

let built: string | undefined;
/** Builds the web UI once per run into a private directory (dist/web, which others serve, is left alone). */
export function buildWeb(): string {
  if (built) return built;
  const dir = join(tempDir('govsite-bench-web-'), 'web');
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  writeFileSync(
    join(dir, 'blank.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>blank</title></head><body></body></html>',
  );
  built = dir;
  return dir;
}

const gzipKb = (file: string) => gzipSync(readFileSync(file)).byteLength / 1024;

/** Initial JS = the entry script and every modulepreload of index.html; the rest is loaded per route. */
export function benchBundle(label: string): void {
  const dir = buildWeb();
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const initial = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const initialKb = initial.reduce((sum, f) => sum + gzipKb(join(dir, f)), 0);
  const js = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'));
  const allKb = js.reduce((sum, f) => sum + gzipKb(join(dir, 'assets', f)), 0);
  const css = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.css'));
  const cssKb = css.reduce((sum, f) => sum + gzipKb(join(dir, 'assets', f)), 0);
  const largest = js
    .map((f) => ({ f, kb: gzipKb(join(dir, 'assets', f)), raw: statSync(join(dir, 'assets', f)).size }))
    .sort((a, b) => b.kb - a.kb)[0];
  recordText(
    label,
    `Web 初始 JavaScript（gzip，${initial.length} 个文件）`,
    `${initialKb.toFixed(0)} kB`,
    `目标 ≤ ${TARGET_KB} kB`,
    `${(initialKb / TARGET_KB).toFixed(2)}×`,
    `全部 ${js.length} 个 JS 共 ${allKb.toFixed(0)} kB，按路由懒加载；最大块 ${largest?.f ?? ''} ${largest?.kb.toFixed(0) ?? ''} kB；CSS ${cssKb.toFixed(0)} kB`,
  );
}

type Login = { kind: 'org'; username: string } | { kind: 'site'; siteCode: string; checkCode: string } | null;

async function timeLoad(browser: Browser, base: string, path: string, waitFor: string | null, login: Login) {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  try {
    if (login) {
      const session = await context.request.get(`${base}/api/session`);
      const { csrfToken } = (await session.json()) as { csrfToken: string };
      const res =
        login.kind === 'org'
          ? await context.request.post(`${base}/api/auth/login`, {
              data: { username: login.username, password: DEMO_PASSWORD },
              headers: { 'x-csrf-token': csrfToken },
            })
          : await context.request.post(`${base}/api/auth/site-login`, {
              data: { siteCode: login.siteCode, checkCode: login.checkCode },
              headers: { 'x-csrf-token': csrfToken },
            });
      if (!res.ok()) throw new Error(`login → ${res.status()}`);
    }
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(base + path, { waitUntil: waitFor ? 'commit' : 'load' });
    if (waitFor) await page.locator(waitFor).first().waitFor({ state: 'visible', timeout: 60_000 });
    return performance.now() - t0;
  } finally {
    await context.close();
  }
}

const BENCH_CHECK_CODE = 'BENCH234';

/** An issued site of 河北省 with a known 校验码 (the generated data set stores none), for the 填报单位 login. */
async function benchSiteLogin(db: Db): Promise<Login> {
  const site = await db
    .selectFrom('sites')
    .select(['id', 'site_code'])
    .where('run_status', '=', 'NORMAL')
    .where('site_code', 'like', '13%')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('sites')
    .set({ check_code_hash: await hashCheckCode(BENCH_CHECK_CODE), check_code_enc: null, first_login_at: new Date() })
    .where('id', '=', site.id)
    .execute();
  return { kind: 'site', siteCode: site.site_code!, checkCode: BENCH_CHECK_CODE };
}

/** Median load times of the pages a user waits for, alternating with the blank page so load elsewhere hits all. */
export async function browserTimings(base: string, db: Db, runs: number) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const hebei: Login = { kind: 'org', username: 'hebei' };
    const site = await benchSiteLogin(db);
    const list: number[] = [];
    const home: number[] = [];
    const blank: number[] = [];
    // Warm-up: the server's first requests (schemas, statement plans) are not what a user meets.
    await timeLoad(browser, base, '/org/sites', SITE_LIST_READY, hebei);
    await timeLoad(browser, base, '/site', SITE_HOME_READY, site);
    for (let i = 0; i < runs; i++) {
      list.push(await timeLoad(browser, base, '/org/sites', SITE_LIST_READY, hebei));
      home.push(await timeLoad(browser, base, '/site', SITE_HOME_READY, site));
      blank.push(await timeLoad(browser, base, '/blank.html', null, null));
    }
    return { list: percentile(list, 50), home: percentile(home, 50), blank: percentile(blank, 50), runs };
  } finally {
    await browser.close();
  }
}

/** The first row of the site table. */
const SITE_LIST_READY = '.ant-table-tbody tr.ant-table-row';
/** The 填报单位 home's status tags, shown once the site's record has loaded. */
const SITE_HOME_READY = '[data-testid="modification-status"]';

export async function benchBrowser(target: Target, _size: BenchSize): Promise<void> {
  const webDir = buildWeb();
  const server = await startServer({ ...benchConfig(target), webDir }, { logger: false });
  try {
    // Seven samples even in the quick run: the goal is stated as the median of 7.
    const t = await browserTimings(server.url, server.database.db, 7);
    record(
      target.label,
      `网站列表可用（省级，Chromium 首次访问，中位数/${t.runs} 次）`,
      t.list,
      t.blank,
      'ms',
      '打开 /org/sites 到第一行表格出现；上限：同一服务器的静态空白页；目标 ≤ 5×',
    );
    record(
      target.label,
      `填报单位首页可用（登录后，Chromium 首次访问，中位数/${t.runs} 次）`,
      t.home,
      t.blank,
      'ms',
      '登录后打开 /site 到网站状态标签出现；上限：同一服务器的静态空白页；目标 ≤ 5×',
    );
  } finally {
    await server.close();
  }
}
