// Access is decided by the route the router matched, never by the text of the URL (issue 16 item 1). Every route of
// the route table is requested over real HTTP with many spellings of its path — percent-escapes, case, repeated and
// dot segments, the absolute request-target form, trailing slash, matrix parameters — anonymously and by roles its
// rule refuses: none of them may answer with data (2xx) or fail (5xx). A request that reaches no route gets a JSON 404.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApiPath } from '../../src/server/app.ts';
import { hashSecret } from '../../src/server/passwords.ts';
import { type RouteInfo, sessionPlugin } from '../../src/server/plugins/session.ts';
import { makeApplication, makeSite } from '../helpers/factories.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

type Role = 'anonymous' | 'site' | 'reviewerL3' | 'adminL1';

let t: TestApp;
let port: number;
const clients = new Map<Role, TestClient>();
let values: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.db;
  const site = await makeSite(db, { orgCode: '130303', seq: 1 });
  await db
    .updateTable('sites')
    .set({ check_code_hash: await hashSecret('ABCDEFGH') })
    .where('id', '=', site.id)
    .execute();
  const application = await makeApplication(db, { orgCode: '130303', state: 'IN_REVIEW', stepIndex: 0 });
  // Real records behind every parameter, so a check that is skipped would show data rather than a 404.
  values = {
    code: '130303',
    siteCode: site.site_code!,
    id: String(site.id),
    attachmentId: '1',
  };
  values.requestId = String(application.request.id);
  clients.set('anonymous', t.client({ ip: '10.30.0.1' }));
  const siteClient = t.client({ ip: '10.30.0.2' });
  const login = await siteClient.post('/api/auth/site-login', { siteCode: site.site_code, checkCode: 'ABCDEFGH' });
  expect(login.status).toBe(200);
  clients.set('site', siteClient);
  clients.set('reviewerL3', await t.loginAs('shanhaiguan'));
  clients.set('adminL1', await t.loginAs('hebei'));
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = (t.app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await t?.close();
});

function refuses(route: RouteInfo, role: Role): boolean {
  switch (route.access) {
    case 'public':
      return false;
    case 'authenticated':
      return role === 'anonymous';
    case 'site':
      return role !== 'site';
    case 'org':
      return role === 'anonymous' || role === 'site';
    case 'orgAdmin':
      return role === 'anonymous' || role === 'site' || role === 'reviewerL3';
    case 'root':
      return true;
  }
}

function fill(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) => values[name] ?? values.id!);
}

const hex = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** Other spellings of one path that an attacker might try, each paired with a name for the failure message. */
function spellings(path: string): [string, string][] {
  const rest = path.slice('/api'.length); // "/org-tree/units/130303"
  const second = rest.split('/')[1] ?? '';
  const origin = `http://127.0.0.1:${port}`;
  return [
    ['plain', path],
    ['escaped a', `/%61pi${rest}`],
    ['escaped A upper-case hex', `/%41PI${rest}`],
    ['escaped i', `/ap%69${rest}`],
    ['escaped api', `/${[...'api'].map(hex).join('')}${rest}`],
    ['escaped second segment', `/api/${hex(second[0] ?? 'x')}${second.slice(1)}${rest.slice(1 + second.length)}`],
    ['escaped slash', `/api%2F${rest.slice(1)}`],
    ['upper case', `/API${rest}`],
    ['mixed case', `/Api${rest.toUpperCase()}`],
    ['leading double slash', `//api${rest}`],
    ['inner double slash', `/api/${rest}`],
    ['dot segment', `/./api${rest}`],
    ['escaped dot segment', `/%2e/api${rest}`],
    ['inner dot segment', `/api/.${rest}`],
    ['dot-dot segment', `/x/../api${rest}`],
    ['trailing slash', `${path}/`],
    ['matrix parameter', `${path};a=1`],
    ['query-looking escape', `${path}%3Fx=1`],
    ['absolute form', `${origin}${path}`],
    ['absolute form, escaped', `${origin}/%61pi${rest}`],
    ['absolute form, upper-case scheme', `HTTP://127.0.0.1:${port}${path}`],
    ['absolute form, other host', `http://evil.example${path}`],
  ];
}

interface RawAnswer {
  status: number;
  body: string;
}

/** Sends the request target exactly as given (no client-side normalisation) over a real socket. */
function send(method: string, target: string, client: TestClient): Promise<RawAnswer> {
  const headers: Record<string, string> = { connection: 'close' };
  if (client.cookies.size) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  if (client.csrfToken) headers['x-csrf-token'] = client.csrfToken;
  const body = method === 'GET' ? '' : '{}';
  if (body) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path: target, headers, setHost: true }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

// Requests that end the caller's own session are sent last by the role loop, so later spellings still carry it.
const SELF_ENDING = new Set(['POST /api/auth/logout']);

describe('access by the matched route, whatever the spelling of its path', () => {
  it('no spelling of any route gives data to a caller its rule refuses, and none fails', async () => {
    const routes = t.app.routeTable.filter((r) => r.access !== 'public' && !SELF_ENDING.has(`${r.method} ${r.url}`));
    expect(routes.length).toBeGreaterThan(80);
    const failures: string[] = [];
    let requests = 0;
    for (const role of ['anonymous', 'site', 'reviewerL3', 'adminL1'] as Role[]) {
      const client = clients.get(role)!;
      for (const route of routes) {
        if (!refuses(route, role)) continue;
        for (const [name, target] of spellings(fill(route.url))) {
          const res = await send(route.method, target, client);
          requests++;
          if (res.status < 300 || res.status >= 500) {
            failures.push(`${route.method} ${target} (${name}) as ${role} → ${res.status} ${res.body.slice(0, 120)}`);
          }
        }
      }
    }
    console.info(`route spellings: ${requests} refused-role requests over ${routes.length} routes`);
    expect(failures).toEqual([]);
    // The sessions the loop used are still alive: a refusal never ends them.
    expect((await clients.get('site')!.get('/api/session')).status).toBe(200);
  }, 300_000); // ~5,000 requests over real sockets: ~45 s on a loaded 2-core machine

  it('a route its rule allows answers the same for the plain and the escaped spelling', async () => {
    const client = clients.get('adminL1')!;
    const plain = await send('GET', '/api/org-tree/units/130303', client);
    const escaped = await send('GET', '/%61pi/org-tree/units/130303', client);
    // Root-only: refused the same way, whatever the spelling.
    expect([plain.status, escaped.status]).toEqual([403, 403]);
    const own = await send('GET', '/api/org-units/130303', client);
    const ownEscaped = await send('GET', '/%61pi/org-units/130303', client);
    expect(own.status).toBe(200);
    expect(ownEscaped.status).toBe(own.status);
  });

  it('a request that reaches no route answers a Chinese JSON 404, never the web page or data', async () => {
    const anonymous = clients.get('anonymous')!;
    for (const target of ['/api/nope', '/%61pi/nope', '/API/nope', `http://127.0.0.1:${port}/api/nope`, '//api/nope']) {
      const res = await send('GET', target, anonymous);
      expect(res.status, target).toBe(404);
      expect(JSON.parse(res.body).message, target).toBe('接口不存在');
    }
  });

  it('refuses to register a route without an access rule, unless it is a static file or the API docs', async () => {
    const bare = Fastify();
    await bare.register(sessionPlugin);
    expect(() => bare.post('/internal/reindex', async () => ({}))).toThrow(/does not declare config\.access/);
    expect(() => bare.get('/api/secret', async () => ({}))).toThrow(/does not declare config\.access/);
    expect(() => bare.get('/assets/app.js', async () => '')).not.toThrow();
    expect(() => bare.get('/api/docs/json', async () => ({}))).not.toThrow();
    await bare.close();
  });

  it('recognises the API in every spelling of a path that reaches no route', () => {
    for (const p of ['/api/x', '/%61pi/x', '/API/x', '//api/x', '/./api/x', 'http://h/api/x', '/x/../api/x', '/api']) {
      expect(isApiPath(p), p).toBe(true);
    }
    for (const p of ['/', '/org/sites', '/apix/y', '/assets/api.js', '/%E4%B8%AD']) expect(isApiPath(p), p).toBe(false);
  });
});
