// Security headers and sessions, on both databases: CSP on HTML and API answers, HSTS only over TLS (behind a trusted
// proxy), nosniff and framing, cookie flags, a new session id at every login (org and site), and every session of a
// user or a site ended by an admin's password reset or a 校验码 reset.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { buildApp } from '../../src/server/app.ts';
import { hashSecret } from '../../src/server/passwords.ts';
import { SESSION_COOKIE } from '../../src/server/plugins/session.ts';
import { makeSite } from '../helpers/factories.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
let webDir: string;
/** The same database behind a TLS-terminating proxy: trustProxy on, the web UI built. */
let proxied: FastifyInstance;
/** Not behind a proxy, with the web UI: a forged X-Forwarded-Proto must count for nothing. */
let direct: FastifyInstance;

beforeAll(async () => {
  t = await createTestApp();
  webDir = mkdtempSync(join(tmpdir(), 'govsite-web-'));
  writeFileSync(
    join(webDir, 'index.html'),
    '<!doctype html><html><head><title>政府网站信息报送系统</title></head></html>',
  );
  proxied = await buildApp({ ...t.ctx, config: { ...t.ctx.config, webDir, trustProxy: ['127.0.0.1'] } });
  direct = await buildApp({ ...t.ctx, config: { ...t.ctx.config, webDir, trustProxy: false } });
  await Promise.all([proxied.ready(), direct.ready()]);
});
afterAll(async () => {
  await Promise.all([proxied?.close(), direct?.close()]);
  await t?.close();
  rmSync(webDir, { recursive: true, force: true });
});

function header(res: LightMyRequestResponse, name: string): string {
  const v = res.headers[name];
  return Array.isArray(v) ? v.join('\n') : String(v ?? '');
}

function setCookies(res: LightMyRequestResponse): string[] {
  const v = res.headers['set-cookie'];
  return v === undefined ? [] : Array.isArray(v) ? v : [String(v)];
}

/** The directives of a Content-Security-Policy value, by name. */
function csp(res: LightMyRequestResponse): Map<string, string[]> {
  const value = header(res, 'content-security-policy');
  return new Map(
    value
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0]!, parts.slice(1)]),
  );
}

function expectStrictCsp(res: LightMyRequestResponse) {
  const directives = csp(res);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(header(res, 'content-security-policy')).not.toContain('unsafe-eval');
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
}

async function anonymousCsrf(app: FastifyInstance, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url: '/api/session', headers });
  const cookie = res.cookies.find((c) => c.name === 'gs_csrf');
  return { token: (res.json() as { csrfToken: string }).csrfToken, cookie: `gs_csrf=${cookie?.value ?? ''}` };
}

describe('response headers', () => {
  it('CSP with default-src self and no unsafe-eval on the HTML page, API answers and errors', async () => {
    const pages = [
      await direct.inject({ method: 'GET', url: '/' }),
      await direct.inject({ method: 'GET', url: '/org/sites' }),
      await direct.inject({ method: 'GET', url: '/api/health' }),
      await direct.inject({ method: 'GET', url: '/api/sites' }),
      await direct.inject({ method: 'GET', url: '/api/no-such-route' }),
      await direct.inject({ method: 'POST', url: '/api/auth/login', payload: {} }),
    ];
    expect(header(pages[0]!, 'content-type')).toContain('text/html');
    expect(pages.map((p) => p.statusCode)).toEqual([200, 200, 200, 401, 404, 403]);
    for (const res of pages) {
      expectStrictCsp(res);
      expect(header(res, 'x-content-type-options')).toBe('nosniff');
      expect(header(res, 'x-frame-options')).toBe('SAMEORIGIN');
      expect(header(res, 'referrer-policy')).toBe('no-referrer');
    }
    expect(header(pages[2]!, 'cache-control')).toBe('no-store');
  });

  it('HSTS only when the request came over TLS through a trusted proxy', async () => {
    const tls = { 'x-forwarded-proto': 'https' };
    const overTls = await proxied.inject({ method: 'GET', url: '/api/health', headers: tls });
    expect(header(overTls, 'strict-transport-security')).toMatch(/^max-age=31536000/);
    const html = await proxied.inject({ method: 'GET', url: '/', headers: tls });
    expect(header(html, 'strict-transport-security')).toMatch(/^max-age=31536000/);
    expectStrictCsp(html);

    const plain = await proxied.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    // Without trustProxy the header is anyone's to forge: no HSTS, no Secure cookie from it.
    const forged = await direct.inject({ method: 'GET', url: '/api/health', headers: tls });
    expect(forged.headers['strict-transport-security']).toBeUndefined();
    expect(setCookies(await direct.inject({ method: 'GET', url: '/api/session', headers: tls })).join()).not.toMatch(
      /;\s*Secure/i,
    );
  });
});

describe('cookies', () => {
  it('session and CSRF cookies are HttpOnly and SameSite=Strict, and Secure over TLS only', async () => {
    for (const [app, tls] of [
      [direct, false],
      [proxied, true],
    ] as const) {
      const headers: Record<string, string> = tls ? { 'x-forwarded-proto': 'https' } : {};
      const csrf = await anonymousCsrf(app, headers);
      await t.ctx.db
        .updateTable('users')
        .set({ must_change_password: false })
        .where('username', '=', 'hubei')
        .execute();
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'hubei', password: DEMO_PASSWORD },
        headers: { ...headers, cookie: csrf.cookie, 'x-csrf-token': csrf.token },
      });
      expect(login.statusCode).toBe(200);
      const cookies = [
        ...setCookies(await app.inject({ method: 'GET', url: '/api/session', headers })),
        ...setCookies(login),
      ];
      const session = cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
      const csrfCookie = cookies.find((c) => c.startsWith('gs_csrf='));
      for (const c of [session, csrfCookie]) {
        expect(c).toBeDefined();
        expect(c).toMatch(/;\s*HttpOnly/i);
        expect(c).toMatch(/;\s*SameSite=Strict/i);
        expect(c).toMatch(/;\s*Path=\//i);
        if (tls) expect(c).toMatch(/;\s*Secure/i);
        else expect(c).not.toMatch(/;\s*Secure/i);
      }
    }
  });
});

describe('sessions', () => {
  async function siteWithCode(seq: number) {
    const site = await makeSite(t.ctx.db, { orgCode: '130302', seq });
    await t.ctx.db
      .updateTable('sites')
      .set({ check_code_hash: await hashSecret('HJKLMNPQ') })
      .where('id', '=', site.id)
      .execute();
    return site;
  }

  it('a 填报单位 login issues a new session id; a planted or earlier id is worthless afterwards', async () => {
    const site = await siteWithCode(801);
    const c = t.client({ ip: '10.40.0.1' });
    // An attacker plants a cookie value in the victim's browser before the login.
    c.cookies.set(SESSION_COOKIE, 'planted-by-an-attacker-0123456789abcdef');
    const first = await c.post('/api/auth/site-login', { siteCode: site.site_code, checkCode: 'HJKLMNPQ' });
    expect(first.status).toBe(200);
    const sid1 = c.cookies.get(SESSION_COOKIE);
    expect(sid1).toBeDefined();
    expect(sid1).not.toBe('planted-by-an-attacker-0123456789abcdef');

    const second = await c.post('/api/auth/site-login', { siteCode: site.site_code, checkCode: 'HJKLMNPQ' });
    expect(second.status).toBe(200);
    const sid2 = c.cookies.get(SESSION_COOKIE);
    expect(sid2).not.toBe(sid1);
    // The earlier id no longer opens anything.
    const stale = t.client({ ip: '10.40.0.2' });
    stale.cookies.set(SESSION_COOKIE, sid1!);
    expect((await stale.get('/api/site/me')).status).toBe(401);
    expect((await c.get('/api/site/me')).status).toBe(200);
  });

  it('an admin’s password reset ends every session of that user at once', async () => {
    const sessions: TestClient[] = [await t.loginAs('shanhaiguan'), await t.loginAs('shanhaiguan')];
    for (const s of sessions) expect((await s.get('/api/org-units')).status).toBe(200);
    const admin = await t.loginAs('qinhuangdao');
    const user = await t.ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'shanhaiguan')
      .executeTakeFirstOrThrow();
    const reset = await admin.post(`/api/accounts/${user.id}/reset-password`);
    expect(reset.status).toBe(200);
    for (const s of sessions) {
      const res = await s.get('/api/org-units');
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('登录已过期，请重新登录');
      // A write with the old session's CSRF token is refused as well (the token died with the session).
      const write = await s.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'x' });
      expect([401, 403]).toContain(write.status);
    }
    // The admin's own session is untouched.
    expect((await admin.get('/api/accounts')).status).toBe(200);
  });

  it('a 校验码 reset ends every session of that site at once', async () => {
    const site = await siteWithCode(802);
    const operators = [t.client({ ip: '10.41.0.1' }), t.client({ ip: '10.41.0.2' })];
    for (const o of operators) {
      expect((await o.post('/api/auth/site-login', { siteCode: site.site_code, checkCode: 'HJKLMNPQ' })).status).toBe(
        200,
      );
      expect((await o.get('/api/site/me')).status).toBe(200);
    }
    const own = await t.loginAs('haigang');
    expect((await own.post(`/api/sites/${site.id}/reset-check-code`)).status).toBe(200);
    for (const o of operators) expect((await o.get('/api/site/me')).status).toBe(401);
    const left = await t.ctx.db
      .selectFrom('sessions')
      .select('id_digest')
      .where('site_code', '=', site.site_code)
      .execute();
    expect(left).toEqual([]);
  });

  it('a password change ends the user’s other sessions and keeps the current one', async () => {
    const [current, other] = [await t.loginAs('hebei'), await t.loginAs('hebei')];
    const res = await current.post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Province#Change-2026',
    });
    expect(res.status).toBe(200);
    expect((await current.get('/api/org-units')).status).toBe(200);
    expect((await other.get('/api/org-units')).status).toBe(401);
  });

  it('logout ends the session on the server, not only in the browser', async () => {
    const c = await t.loginAs('hubei');
    const sid = c.cookies.get(SESSION_COOKIE)!;
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    const replay = t.client();
    replay.cookies.set(SESSION_COOKIE, sid);
    expect((await replay.get('/api/org-units')).status).toBe(401);
  });
});
