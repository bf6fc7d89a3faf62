// The client's IP behind a proxy (issue 16 item 4): only configured proxy hops or addresses may set X-Forwarded-For,
// so a client cannot invent an address to escape the per-IP limit or to falsify the login log.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustProxy } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let oneHop: FastifyInstance;
let listed: FastifyInstance;

beforeAll(async () => {
  t = await createTestApp();
  oneHop = await buildApp({ ...t.ctx, config: { ...t.ctx.config, trustProxy: 1 } });
  listed = await buildApp({ ...t.ctx, config: { ...t.ctx.config, trustProxy: ['10.0.0.5', '10.0.1.0/24'] } });
  await Promise.all([oneHop.ready(), listed.ready()]);
});
afterAll(async () => {
  await Promise.all([oneHop?.close(), listed?.close()]);
  await t?.close();
});

async function csrfFor(app: FastifyInstance, remoteAddress: string): Promise<{ cookie: string; token: string }> {
  const res = await app.inject({ method: 'GET', url: '/api/session', remoteAddress });
  const c = res.cookies.find((x) => x.name === 'gs_csrf');
  return { cookie: `gs_csrf=${c?.value}`, token: res.json().csrfToken };
}

async function wrongLogin(app: FastifyInstance, remoteAddress: string, forwardedFor: string, username: string) {
  const { cookie, token } = await csrfFor(app, remoteAddress);
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { cookie, 'x-csrf-token': token, 'x-forwarded-for': forwardedFor },
    payload: { username, password: 'wrong-password' },
  });
}

async function loggedIps(username: string): Promise<string[]> {
  const rows = await t.ctx.db.selectFrom('login_log').select('ip').where('login', '=', username).execute();
  return [...new Set(rows.map((r) => r.ip))];
}

describe('X-Forwarded-For only from trusted proxies', () => {
  it('one trusted hop: 25 invented addresses in front of the proxy’s own are limited as one client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      // The client writes an invented X-Forwarded-For; the load balancer appends the address it saw.
      const res = await wrongLogin(oneHop, '127.0.0.1', `198.51.100.${i}, 203.0.113.7`, `proxy-one-${i}`);
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    expect(await loggedIps('proxy-one-3')).toEqual(['203.0.113.7']);
  });

  it('listed proxies: a direct client’s X-Forwarded-For counts for nothing; a listed proxy’s counts', async () => {
    await wrongLogin(listed, '192.0.2.9', '198.51.100.77', 'proxy-direct');
    expect(await loggedIps('proxy-direct')).toEqual(['192.0.2.9']);
    await wrongLogin(listed, '10.0.1.20', '198.51.100.1, 203.0.113.8', 'proxy-listed');
    expect(await loggedIps('proxy-listed')).toEqual(['203.0.113.8']);
  });

  it('no proxy configured: X-Forwarded-For is ignored', async () => {
    const { cookie, token } = await csrfFor(t.app, '192.0.2.10');
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '192.0.2.10',
      headers: { cookie, 'x-csrf-token': token, 'x-forwarded-for': '198.51.100.99' },
      payload: { username: 'proxy-none', password: 'x' },
    });
    expect(await loggedIps('proxy-none')).toEqual(['192.0.2.10']);
  });

  it('GOVSITE_TRUST_PROXY takes a hop count or addresses, never "trust everyone"', () => {
    expect(trustProxy(undefined)).toBe(false);
    expect(trustProxy('false')).toBe(false);
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('10.0.0.5, 10.0.1.0/24,::1')).toEqual(['10.0.0.5', '10.0.1.0/24', '::1']);
    expect(() => trustProxy('true')).toThrow(/number of proxies/);
    expect(() => trustProxy('proxy.example')).toThrow(/hop count or IP/);
  });
});
