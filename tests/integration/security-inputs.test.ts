// The low findings of issue 16 item 5, on both databases: LIKE wildcards in every search that builds a pattern from
// the user's text match only themselves; deeply nested JSON is a Chinese 400 on every kind of route; an expired
// session's POST is 401 SESSION_EXPIRED (not a CSRF refusal); a malformed request line answers in Chinese.

import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicUrl } from '../../src/config.ts';
import { MESSAGES } from '../../src/domain/messages/index.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { MINUTE } from '../../src/server/clock.ts';
import { qrSvg, verifyPageUrl } from '../../src/server/modules/issuance/verify-site.ts';
import { makeSite } from '../helpers/factories.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
let root: TestClient;
let hebei: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await makeSite(t.ctx.db, { orgCode: '130302', seq: 1 });
  root = await t.loginAs('admin');
  hebei = await t.loginAs('hebei');
});
afterAll(async () => {
  await t?.close();
});

/** How many rows an answer lists, whatever its shape. */
function rows(body: unknown): number {
  if (Array.isArray(body)) return body.length;
  const b = body as { total?: number; items?: unknown[]; rows?: unknown[]; sites?: unknown[] };
  return b.total ?? b.items?.length ?? b.rows?.length ?? b.sites?.length ?? -1;
}

describe('LIKE wildcards in search text', () => {
  // [who, path with WILD where the user's text goes, a text that matches something]
  const searches: [() => TestClient, string, string][] = [
    [() => root, '/api/org-units?q=WILD', '1303'],
    [() => root, '/api/org-tree/search?q=WILD', '1303'],
    [() => root, '/api/org-query?q=WILD', '1303'],
    [() => root, '/api/sites?siteCode=WILD', '130302'],
    [() => root, '/api/sites?name=WILD', '网站'],
    [() => hebei, '/api/spot-checks/sites?q=WILD', '130302'],
    [() => root, '/api/offline-requests?siteCode=WILD', ''],
    [() => root, '/api/accounts?q=WILD', 'hebei'],
    [() => root, '/api/notices?q=WILD', ''],
  ];
  for (const [who, path, matching] of searches) {
    it(`${path.replace('WILD', '…')}: % and _ match only themselves`, async () => {
      if (matching) {
        const some = await who().get(path.replace('WILD', encodeURIComponent(matching)));
        expect(some.status, JSON.stringify(some.body)).toBe(200);
        expect(rows(some.body)).toBeGreaterThan(0);
      }
      for (const wild of ['%', '_', '%%', '1%', '_3', '\\']) {
        const res = await who().get(path.replace('WILD', encodeURIComponent(wild)));
        expect(res.status, `${wild}: ${JSON.stringify(res.body)}`).toBe(200);
        expect(rows(res.body), wild).toBe(0);
      }
    });
  }
});

describe('deeply nested JSON', () => {
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

  it('answers 400 in Chinese on public, org and site routes, never a 500', async () => {
    const anonymous = t.client({ ip: '10.80.0.1' });
    await anonymous.refreshSession();
    const targets: [TestClient, string][] = [
      [anonymous, '/api/auth/login'],
      [anonymous, '/api/public/progress'],
      [anonymous, '/api/public/applications'],
      [hebei, '/api/notices'],
      [root, '/api/org-tree/units'],
    ];
    for (const [client, url] of targets) {
      for (const body of [deep(20_000), deepObject(20_000), deep(200)]) {
        // The cookie jar and CSRF token come from the client; the body is sent as raw text.
        const raw = await t.app.inject({
          method: 'POST',
          url,
          payload: body,
          headers: {
            'content-type': 'application/json',
            cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            'x-csrf-token': client.csrfToken ?? '',
          },
        });
        expect(raw.statusCode, `${url} ${body.length}`).toBe(400);
        expect(raw.json().message).toBe(MESSAGES.inputTooDeep);
      }
    }
  });

  it('still accepts ordinary nesting', async () => {
    const anonymous = t.client({ ip: '10.80.0.2' });
    const res = await anonymous.post('/api/auth/login', { username: 'x', password: 'y' });
    expect(res.status).toBe(401);
  });
});

describe('the password policy', () => {
  it('refuses a common password that has length and character classes', async () => {
    const c = await t.loginAs('hubei');
    const res = await c.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Password123' });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(MESSAGES.weakPassword);
    const ok = await c.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Qx7!mZr2#kLp' });
    expect(ok.status).toBe(200);
  });
});

describe('an expired session', () => {
  it('answers a POST with 401 SESSION_EXPIRED so the UI sends the user to log in', async () => {
    const c = await t.loginAs('qinhuangdao');
    t.clock.advance(31 * MINUTE);
    const res = await c.post('/api/auth/password', { currentPassword: 'x', newPassword: 'y' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('SESSION_EXPIRED');
    expect(res.body.message).toBe('登录已过期，请重新登录');
    const get = await c.get('/api/org-units');
    expect(get.status).toBe(401);
  });
});

describe('absolute links', () => {
  it('the 核验 QR code is built from GOVSITE_PUBLIC_URL, never from the Host header', async () => {
    const site = await t.ctx.db.selectFrom('sites').select('site_code').executeTakeFirstOrThrow();
    const code = site.site_code!;
    const expected = await qrSvg(verifyPageUrl(t.ctx.config.publicUrl, code));
    for (const host of ['evil.example', 'localhost:3000', 'attacker.example:443']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/public/verify/${code}/qr.svg`, headers: { host } });
      expect(res.statusCode).toBe(200);
      expect(res.body, host).toBe(expected);
    }
    expect(publicUrl('https://wzbs.example.gov.cn/', '0.0.0.0', 3000)).toBe('https://wzbs.example.gov.cn');
    expect(publicUrl(undefined, '0.0.0.0', 3000)).toBe('http://localhost:3000');
    expect(() => publicUrl('javascript:alert(1)', '127.0.0.1', 3000)).toThrow(/http/);
  });
});

describe('a malformed request line', () => {
  it('answers in Chinese', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    for (const line of ['GET api/session HTTP/1.1', 'GET * HTTP/1.1', 'GET ../api/session HTTP/1.1']) {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(`${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
        });
        let data = '';
        socket.on('data', (d) => {
          data += d.toString('utf8');
        });
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      const [head, body = ''] = answer.split('\r\n\r\n');
      expect(head, line).toMatch(/^HTTP\/1\.1 4\d\d/);
      expect(body, line).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
