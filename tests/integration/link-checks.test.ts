// The link checker against real servers on 127.0.0.1 (statuses, redirects, loops, timeouts, TLS, SSRF refusals,
// robots.txt), and the at-entry endpoint POST /api/link-check with its rate limit.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import {
  LINK_CHECK_USER_AGENT,
  LinkChecker,
  type LinkCheckerOptions,
} from '../../src/server/modules/link-checks/checker.ts';
import {
  type LinkTestServer,
  startLinkTestServer,
  startSelfSignedServer,
  TEST_DOMAIN,
  type TlsTestServer,
  testLookup,
} from '../helpers/link-servers.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/test-app.ts';

let t: TestApp;
let web: LinkTestServer;
let tls: TlsTestServer;

beforeAll(async () => {
  [t, web, tls] = await Promise.all([createTestApp(), startLinkTestServer(), startSelfSignedServer()]);
});
afterAll(async () => {
  await Promise.all([t?.close(), web?.close(), tls?.close()]);
});

/** A checker as the tests configure it: 127.0.0.1 allowed, `*.linkcheck.test` resolving to it, a spy on connects. */
function testChecker(options: LinkCheckerOptions = {}) {
  const connects: string[] = [];
  const lookups: string[] = [];
  const checker = new LinkChecker({
    allow: ['127.0.0.1'],
    timeoutMs: 3000,
    lookup: (host) => {
      lookups.push(host);
      return testLookup(host);
    },
    onConnect: ({ url, address }) => connects.push(`${address} ${url}`),
    ...options,
  });
  return { checker, connects, lookups };
}

const home = { kind: 'HOME' } as const;

describe('LinkChecker', () => {
  it('reports 200 with status, time and the system User-Agent', async () => {
    const { checker } = testChecker();
    web.reset();
    const { result } = await checker.check(web.url('/ok'), home);
    expect(result).toMatchObject({ ok: true, status: 200, finalUrl: web.url('/ok'), redirects: [] });
    expect(result.error).toBeUndefined();
    expect(result.message).toMatch(/^可以访问（200，\d+\.\d 秒）$/);
    expect(web.userAgents).toEqual([LINK_CHECK_USER_AGENT]);
    expect(LINK_CHECK_USER_AGENT).toBe('GovSiteRegistry-LinkCheck/1.0 (+政府网站信息报送系统)');
  });

  it('reports 404 and 500 as HTTP errors', async () => {
    const { checker } = testChecker();
    const notFound = (await checker.check(web.url('/404'), home)).result;
    expect(notFound).toMatchObject({
      ok: false,
      status: 404,
      error: 'HTTP_ERROR',
      message: '无法访问：HTTP 404（页面不存在）',
    });
    const broken = (await checker.check(web.url('/500'), home)).result;
    expect(broken).toMatchObject({
      ok: false,
      status: 500,
      error: 'HTTP_ERROR',
      message: '无法访问：HTTP 500（服务器内部错误）',
    });
  });

  it('follows a three-hop redirect chain by hand and records every hop', async () => {
    const { checker, connects } = testChecker();
    const { result } = await checker.check(web.url('/chain/1'), home);
    expect(result.ok).toBe(true);
    expect(result.redirects).toEqual([
      { status: 302, location: web.url('/chain/2') },
      { status: 301, location: web.url('/chain/3') },
      { status: 307, location: web.url('/final') },
    ]);
    expect(result.finalUrl).toBe(web.url('/final'));
    expect(connects).toHaveLength(4);
  });

  it('stops a redirect loop and more than five redirects', async () => {
    const { checker } = testChecker();
    const loop = (await checker.check(web.url('/loop/a'), home)).result;
    expect(loop).toMatchObject({ ok: false, error: 'REDIRECT_LOOP', message: '无法访问：重定向形成循环' });
    expect(loop.redirects.map((r) => r.location)).toEqual([web.url('/loop/b'), web.url('/loop/a')]);

    web.reset();
    const many = (await checker.check(web.url('/many/0'), home)).result;
    expect(many).toMatchObject({
      ok: false,
      error: 'TOO_MANY_REDIRECTS',
      message: '无法访问：重定向次数过多（超过 5 次）',
    });
    expect(web.requests).toEqual(['/many/0', '/many/1', '/many/2', '/many/3', '/many/4', '/many/5']);
    expect(many.redirects).toHaveLength(6);
  });

  it('gives up on a slow response after the configured timeout', async () => {
    const { checker } = testChecker({ timeoutMs: 300 });
    const { result } = await checker.check(web.url('/slow'), home);
    expect(result).toMatchObject({ ok: false, error: 'TIMEOUT', message: '无法访问：超过 0.3 秒未响应' });
    expect(result.elapsedMs).toBeGreaterThanOrEqual(250);
    expect(result.elapsedMs).toBeLessThan(1200);
  });

  it('reports a self-signed certificate as a TLS error, not as unreachable', async () => {
    const { checker } = testChecker();
    const url = `https://${tls.hostname}:${tls.port}/`;
    const { result } = await checker.check(url, home);
    expect(result).toMatchObject({ ok: false, error: 'TLS', message: '无法访问：HTTPS 证书无效（自签名证书）' });
  });

  it('connects to the vetted IP while verifying the certificate against the host name (pinning)', async () => {
    const { checker, connects, lookups } = testChecker({ tlsCa: tls.cert });
    const { result } = await checker.check(`https://${tls.hostname}:${tls.port}/`, home);
    expect(result).toMatchObject({ ok: true, status: 200 });
    // The name is resolved once, by us; the socket goes to that address (a system resolver knows no *.test names).
    expect(lookups).toEqual([tls.hostname]);
    expect(connects).toEqual([`127.0.0.1 https://${tls.hostname}:${tls.port}/`]);
    // The same trusted certificate reached by IP does not name that IP.
    const byIp = (await checker.check(`https://127.0.0.1:${tls.port}/`, home)).result;
    expect(byIp).toMatchObject({ ok: false, error: 'TLS', message: '无法访问：HTTPS 证书无效（证书与域名不匹配）' });
  });

  it.each([
    ['/to/private', 'http://10.0.0.1/', '10.0.0.1是内网地址'],
    ['/to/metadata', 'http://169.254.169.254/latest/meta-data/', '169.254.169.254是链路本地地址'],
  ])('refuses a redirect %s to %s without connecting', async (path, target, words) => {
    const { checker, connects } = testChecker();
    const { result } = await checker.check(web.url(path), home);
    expect(result).toMatchObject({
      ok: false,
      error: 'REFUSED_TARGET',
      redirects: [{ status: 302, location: target }],
    });
    expect(result.message).toBe(`无法访问：${words}，出于安全考虑不予检查`);
    expect(connects).toEqual([`127.0.0.1 ${web.url(path)}`]);
  });

  it('refuses a host name that resolves to a private address, on any hop', async () => {
    const { checker, connects, lookups } = testChecker();
    const { result } = await checker.check(web.url('/to/rebind'), home);
    expect(result).toMatchObject({ ok: false, error: 'REFUSED_TARGET' });
    expect(result.message).toBe(`无法访问：rebind.${TEST_DOMAIN}（10.0.0.1）是内网地址，出于安全考虑不予检查`);
    expect(lookups).toEqual([`rebind.${TEST_DOMAIN}`]);
    expect(connects).toHaveLength(1);
  });

  it('refuses 127.0.0.1 (also IPv4-mapped) unless allowlisted, before any socket is opened', async () => {
    const { checker, connects } = testChecker({ allow: [] });
    web.reset();
    const started = performance.now();
    for (const url of [
      web.url('/ok'),
      `http://[::ffff:127.0.0.1]:${web.port}/ok`,
      web.url('/ok', `a.${TEST_DOMAIN}`),
    ]) {
      const { result } = await checker.check(url, home);
      expect(result).toMatchObject({ ok: false, error: 'REFUSED_TARGET', redirects: [] });
      expect(result.message).toContain('本机回环地址');
    }
    expect(performance.now() - started).toBeLessThan(100);
    expect(connects).toEqual([]);
    expect(web.requests).toEqual([]);
  });

  it('reports unknown names and closed ports', async () => {
    const { checker } = testChecker();
    const dns = (await checker.check('http://no-such-site.example.invalid/', home)).result;
    expect(dns).toMatchObject({
      ok: false,
      error: 'DNS',
      message: '无法访问：域名 no-such-site.example.invalid 无法解析',
    });
    const closed = (await checker.check('http://127.0.0.1:1/', home)).result;
    expect(closed).toMatchObject({ ok: false, error: 'CONNECTION', message: '无法访问：连接被拒绝' });
    const bad = (await checker.check('ftp://example.gov.cn/', home)).result;
    expect(bad).toMatchObject({ ok: false, error: 'REFUSED_TARGET' });
  });

  it('respects robots.txt for 栏目 addresses only', async () => {
    const { checker } = testChecker();
    web.reset();
    const column = (await checker.check(web.url('/private/list.html'), { kind: 'COLUMN' })).result;
    expect(column).toMatchObject({ ok: false, error: 'ROBOTS' });
    expect(web.requests).toEqual(['/robots.txt']);
    const allowed = (await checker.check(web.url('/ok'), { kind: 'COLUMN' })).result;
    expect(allowed.ok).toBe(true);
    const asHome = (await checker.check(web.url('/private/list.html'), home)).result;
    expect(asHome.ok).toBe(true);
    expect(web.requests).toEqual(['/robots.txt', '/ok', '/private/list.html']);
  });

  it('keeps the body of the final page when asked (gzip decoded)', async () => {
    const { checker } = testChecker();
    const { page } = await checker.check(web.url('/home/1303020001'), { kind: 'HOME', readBody: true });
    expect(page?.body.toString('utf8')).toContain('网站标识码1303020001');
    expect(page?.truncated).toBe(false);
    const small = new LinkChecker({ allow: ['127.0.0.1'], maxBodyBytes: 50 });
    const cut = await small.check(web.url('/home/1303020001'), { kind: 'HOME', readBody: true });
    expect(cut.page?.body.length).toBe(50);
    expect(cut.page?.truncated).toBe(true);
  });
});

describe('POST /api/link-check', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const config = { ...t.ctx.config, linkCheck: { ...t.ctx.config.linkCheck, allow: ['127.0.0.1'], timeoutMs: 3000 } };
    app = await buildApp({ ...t.ctx, config }, { logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers anyone (the new-site form is public) with the result', async () => {
    const c = new TestClient(app, '10.9.0.1');
    const ok = await c.post('/api/link-check', { url: web.url('/ok') });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ url: web.url('/ok'), ok: true, status: 200, redirects: [] });
    expect(ok.body.message).toMatch(/^可以访问（200，/);
    const dead = await c.post('/api/link-check', { url: web.url('/404'), kind: 'COLUMN' });
    expect(dead.body).toMatchObject({ ok: false, status: 404, error: 'HTTP_ERROR' });
    const invalid = await c.post('/api/link-check', { url: '' });
    expect(invalid.status).toBe(400);
  });

  it('keeps the production default: nothing private is reachable', async () => {
    const res = await t.client({ ip: '10.9.0.2' }).post('/api/link-check', { url: web.url('/ok') });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, error: 'REFUSED_TARGET' });
  });

  it('limits each client IP to 30 checks a minute', async () => {
    const c = new TestClient(app, '10.9.0.3');
    for (let i = 0; i < 30; i++) {
      expect((await c.post('/api/link-check', { url: 'http://10.0.0.1/' })).status).toBe(200);
    }
    const limited = await c.post('/api/link-check', { url: 'http://10.0.0.1/' });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ code: 'RATE_LIMITED', message: '网址检查过于频繁，请稍后再试' });
    expect((await new TestClient(app, '10.9.0.4').post('/api/link-check', { url: 'http://10.0.0.1/' })).status).toBe(
      200,
    );
  });
});
