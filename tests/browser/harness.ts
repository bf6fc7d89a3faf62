// Browser-test harness: the real server in-process on a fresh PGlite directory, plus Debian's Chromium via Playwright.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { type AppConfig, loadConfig } from '../../src/config.ts';
import { todayCN } from '../../src/domain/offline.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import type { Clock } from '../../src/server/clock.ts';
import { type RunningServer, startServer } from '../../src/start.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_DIR = join(repoRoot, 'dist/web');
export const SCREENSHOT_DIR = join(repoRoot, 'test-results/screenshots');

/** Flags for Debian's Chromium on these machines (see STACK.md): no network chatter, no sandbox as root. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserHarness {
  server: RunningServer;
  /** Base URL of the server, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  context: BrowserContext;
  page: Page;
  /** Uncaught page exceptions and console errors (CSP violations, React errors) seen so far. */
  errors: string[];
  /** Saves a full-page PNG to test-results/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  viewport?: { width: number; height: number };
  /** Overrides of the server configuration (e.g. the link-check allowlist). */
  config?: Partial<AppConfig>;
  /** The server's clock; the system clock when left out. */
  clock?: Clock;
}

export async function startHarness(options: HarnessOptions = {}): Promise<BrowserHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'govsite-browser-db-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'chromium-'));
  const cleanupDirs = () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  };

  let server: RunningServer;
  try {
    server = await startServer(
      { ...loadConfig({}), dataDir, port: 0, host: '127.0.0.1', webDir: WEB_DIR, ...options.config },
      { logger: false, clock: options.clock },
    );
  } catch (error) {
    cleanupDirs();
    throw error;
  }

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
  } catch (error) {
    await server.close();
    cleanupDirs();
    throw error;
  }

  const page = context.pages()[0] ?? (await context.newPage());
  // A wait, not a timing: CI machines are shared, and a step that takes 1 s alone can take 15 s beside other jobs.
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });

  return {
    server,
    url: server.url,
    context,
    page,
    errors,
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true, animations: 'disabled' });
      return path;
    },
    async close() {
      await context.close().catch(() => {});
      await server.close();
      cleanupDirs();
    },
  };
}

/**
 * Logs a demo org account in through the home page's login form (cookies cleared first) and waits for the
 * workspace. The account must not owe its first password change.
 */
export async function loginOrgUser(context: BrowserContext, page: Page, url: string, username: string): Promise<void> {
  await context.clearCookies();
  await page.goto(`${url}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${url}/org`);
}

/**
 * The server's clock: real time moved to 12:00 (Asia/Shanghai) of today, so no run crosses a Shanghai midnight and
 * 「今天」 is one day for the test's dates, the server's limits and its 00:00 jobs.
 */
export function middayClock(): Clock {
  const real = Date.now();
  const offset = Date.parse(`${todayCN(new Date(real))}T12:00:00+08:00`) - real;
  return { now: () => new Date(Date.now() + offset) };
}
