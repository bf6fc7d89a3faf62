// The authorization matrix, generated from the app's route table so a new endpoint cannot escape it:
// (A) every /api route × every role → the declared access rule holds (401/403 before any work, never a 500), and a
// refused mutation changes nothing; (B) every route with a record parameter × relation to the record (own, ancestor,
// sibling, outside, other site) → records outside the caller's reach answer 404 and stay unchanged.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/server/passwords.ts';
import type { RouteInfo } from '../../src/server/plugins/session.ts';
import { makeApplication, makeSite } from '../helpers/factories.ts';
import { createTestApp, type Res, type TestApp, type TestClient } from '../helpers/test-app.ts';

type Role = 'anonymous' | 'site' | 'reviewerL3' | 'adminL3' | 'adminL2' | 'adminL1' | 'root';
const ROLES: Role[] = ['anonymous', 'site', 'reviewerL3', 'adminL3', 'adminL2', 'adminL1', 'root'];
const USERS: Partial<Record<Role, string>> = {
  reviewerL3: 'shanhaiguan',
  adminL3: 'haigang',
  adminL2: 'qinhuangdao',
  adminL1: 'hebei',
  root: 'admin',
};
const ACCESS_MESSAGE = '当前账号无权访问此功能';
const MISSING_ID = '987654321';

let t: TestApp;
const clients = new Map<Role, TestClient>();
let site: { id: number; site_code: string | null };
let otherSite: { id: number; site_code: string | null };
let request: { id: number };
let haigangUserId: number;
let workReport: { id: number };

async function siteClient(siteCode: string, checkCode: string, ip: string): Promise<TestClient> {
  const c = t.client({ ip });
  const res = await c.post('/api/auth/site-login', { siteCode, checkCode });
  if (res.status !== 200) throw new Error(`site login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.ctx.db;
  site = await makeSite(db, { orgCode: '130302', seq: 1 });
  otherSite = await makeSite(db, { orgCode: '130303', seq: 1 });
  const hash = await hashSecret('ABCDEFGH');
  await db.updateTable('sites').set({ check_code_hash: hash }).where('id', 'in', [site.id, otherSite.id]).execute();
  // An application of 海港区 waiting at 秦皇岛市 (step 1 of 130302 → 130300 → 130000).
  request = (await makeApplication(db, { orgCode: '130302', state: 'IN_REVIEW', stepIndex: 1 })).request;
  // A submitted 工作年度报表 of 海港区's site, reviewed by 海港区.
  workReport = await db
    .insertInto('work_reports')
    .values({
      site_id: site.id,
      year: 2025,
      state: 'SUBMITTED',
      data: '{}',
      reviewer_org: '130302',
      submitted_at: new Date(),
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  haigangUserId = (
    await db.selectFrom('users').select('id').where('username', '=', 'haigang').executeTakeFirstOrThrow()
  ).id;
  clients.set('anonymous', t.client({ ip: '10.20.0.1' }));
  clients.set('site', await siteClient(site.site_code!, 'ABCDEFGH', '10.20.0.2'));
  for (const [role, username] of Object.entries(USERS)) clients.set(role as Role, await t.loginAs(username));
});

afterAll(async () => {
  await t?.close();
});

/** Tables a refused request must never touch. */
async function fingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const table of ['sites', 'requests', 'users', 'org_units', 'site_domains', 'site_sequences', 'work_reports']) {
    const r = await sql<{ h: string | null; n: number }>`
      SELECT count(*)::int AS n, md5(string_agg(row_to_json(x)::text, '' ORDER BY row_to_json(x)::text)) AS h
      FROM ${sql.table(table)} x`.execute(t.ctx.db);
    parts.push(`${table}:${r.rows[0]?.n}:${r.rows[0]?.h}`);
  }
  return parts.join('|');
}

function allowed(route: RouteInfo, role: Role): boolean {
  switch (route.access) {
    case 'public':
      return true;
    case 'authenticated':
      return role !== 'anonymous';
    case 'site':
      return role === 'site';
    case 'org':
      return role !== 'anonymous' && role !== 'site';
    case 'orgAdmin':
      return role !== 'anonymous' && role !== 'site' && role !== 'reviewerL3';
    case 'root':
      return role === 'root';
  }
}

function fill(url: string, values: Record<string, string>): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) => values[name] ?? MISSING_ID);
}

/** Valid bodies for the relation layer, so scoping (not validation) is what answers. */
const VALID_BODIES: Record<string, unknown> = {
  'POST /api/accounts/:id/enabled': { enabled: false },
  'POST /api/requests/:id/return': { reason: '越权测试' },
  'POST /api/sites/:id/exception': { reason: '越权测试' },
  'POST /api/sites/:id/delete': { reason: '越权测试' },
  'POST /api/sites/:id/restore': { reason: '越权测试' },
  'POST /api/work-reports/:id/approve': { version: 1 },
  'POST /api/work-reports/:id/return': { version: 1, reason: '越权测试' },
};

async function call(client: TestClient, route: RouteInfo, url: string, body: unknown = {}): Promise<Res> {
  return client.request(route.method as 'GET' | 'POST', url, route.method === 'GET' ? undefined : body);
}

// Calls that would end the caller's own session; checked for the refused roles only.
const SELF_ENDING = new Set(['POST /api/auth/logout']);

describe('authorization matrix (A): declared access rule × role', () => {
  it('every route answers every role as its access rule says, never with a 500', async () => {
    const routes = t.app.routeTable;
    expect(routes.length).toBeGreaterThan(40);
    const failures: string[] = [];
    let cells = 0;
    for (const route of routes) {
      for (const role of ROLES) {
        const ok = allowed(route, role);
        if (ok && SELF_ENDING.has(`${route.method} ${route.url}`)) continue;
        const client = clients.get(role)!;
        const before = route.method !== 'GET' && !ok ? await fingerprint() : '';
        const res = await call(client, route, fill(route.url, {}));
        cells++;
        const where = `${route.method} ${route.url} as ${role} → ${res.status}`;
        if (res.status >= 500) failures.push(`${where} (server error)`);
        if (!ok) {
          const expected = role === 'anonymous' ? 401 : 403;
          if (res.status !== expected) failures.push(`${where}, expected ${expected}`);
          if (before && (await fingerprint()) !== before) failures.push(`${where} changed the database`);
        } else {
          const refusedByAccess = res.status === 401 || (res.status === 403 && res.body?.message === ACCESS_MESSAGE);
          if (refusedByAccess) failures.push(`${where}, but the rule ${route.access} allows ${role}`);
        }
        if (
          res.status >= 400 &&
          typeof res.body === 'object' &&
          !/[\u4e00-\u9fff]/.test(String(res.body?.message ?? ''))
        ) {
          failures.push(`${where} without a Chinese message`);
        }
      }
    }
    console.log(`[matrix] ${routes.length} routes × ${ROLES.length} roles: ${cells} cells`);
    expect(failures).toEqual([]);
    expect(cells).toBeGreaterThan(250);
    // Every route × role grows with each module: more than the default minute on two cores.
  }, 300_000);
});

/**
 * Record parameters and the fixture each relation uses. A route with a parameter not listed here fails the test:
 * whoever adds one must say how its visibility is proven.
 */
const RECORD_PARAMS: Record<
  string,
  (url: string) => { own: Record<string, string>; kind: 'site' | 'request' | 'user' | 'org' | 'other' }
> = {
  '/api/sites/:id': () => ({ own: { id: String(site.id) }, kind: 'site' }),
  '/api/requests/:id': () => ({ own: { id: String(request.id) }, kind: 'request' }),
  '/api/accounts/:id': () => ({ own: { id: String(haigangUserId) }, kind: 'user' }),
  '/api/org-units/:code': () => ({ own: { code: '130302' }, kind: 'org' }),
  '/api/work-reports/:id': () => ({ own: { id: String(workReport.id) }, kind: 'other' }),
};
// Parameters whose visibility is proven by their own module's tests (named here so the matrix knows them).
const COVERED_ELSEWHERE: Record<string, string> = {
  '/api/notices/:id': 'tests/integration/org-tools-notices.test.ts (another province’s notice is 404)',
  '/api/spot-checks/:id': 'tests/integration/org-tools-spot-checks.test.ts (root only)',
  '/api/supervision-reports/:id':
    'tests/integration/supervision-reports.test.ts (another province’s report is 404 and unchanged; level 2/3 are 403)',
  '/api/org-tree/units/:code': 'root only; tests/integration/org-tools-org-tree.test.ts',
  '/api/public/org-lookup/:code': 'public by design',
  '/api/public/verify/:siteCode': 'public by design (nothing secret)',
  '/api/public/work-reports/:orgCode':
    'public by design (published addresses only); tests/integration/work-report-board.test.ts (non-level-1 → 404)',
  '/api/offline-requests/:id':
    'tests/integration/offline-review.test.ts, offline-apply.test.ts (sibling and outside → 404)',
  '/api/site/offline/attachments/:id': 'tests/integration/offline-apply.test.ts (another site’s document → 404)',
  '/api/site/requests/:id': 'tests/integration/site-workspace.test.ts (another site’s request → 404)',
};

function recordPrefix(url: string): string | undefined {
  const all = [...Object.keys(RECORD_PARAMS), ...Object.keys(COVERED_ELSEWHERE)];
  return all.filter((p) => url.startsWith(p)).sort((a, b) => b.length - a.length)[0];
}

describe('authorization matrix (B): relation to the record', () => {
  it('every route with a record parameter is accounted for', () => {
    const unknown = t.app.routeTable
      .filter((r) => r.url.includes('/:') && !recordPrefix(r.url))
      .map((r) => `${r.method} ${r.url}`);
    expect(unknown).toEqual([]);
  });

  it('sibling, outside and other-site callers get 404 and change nothing; own and ancestors see the record', async () => {
    const failures: string[] = [];
    const relations: Record<string, Role[]> = {
      // 海港区's records: 山海关区 is a sibling county, 湖北省 is outside, the 填报单位 of 山海关区's site is another site.
      hidden: ['reviewerL3'],
      ancestors: ['adminL2', 'adminL1', 'root'],
    };
    const outside = await t.loginAs('hubei');
    const otherOperator = await siteClient(otherSite.site_code!, 'ABCDEFGH', '10.20.0.3');
    for (const route of t.app.routeTable) {
      const prefix = recordPrefix(route.url);
      if (!prefix || !(prefix in RECORD_PARAMS)) continue;
      const { own } = RECORD_PARAMS[prefix]!(route.url);
      const url = fill(route.url, own);
      const callers: [string, TestClient][] = [
        ['outside(hubei)', outside],
        ...relations.hidden!.map((r) => [r, clients.get(r)!] as [string, TestClient]),
      ];
      if (route.access === 'authenticated' || route.access === 'site') callers.push(['other site', otherOperator]);
      for (const [who, client] of callers) {
        const before = await fingerprint();
        const res = await call(client, route, url, VALID_BODIES[`${route.method} ${route.url}`] ?? {});
        const refusedByRole = res.status === 403 && res.body?.message === ACCESS_MESSAGE;
        if (res.status !== 404 && !refusedByRole)
          failures.push(`${route.method} ${url} as ${who} → ${res.status}, expected 404`);
        if ((await fingerprint()) !== before) failures.push(`${route.method} ${url} as ${who} changed the database`);
      }
      if (route.method === 'GET') {
        for (const role of relations.ancestors!) {
          const res = await call(clients.get(role)!, route, url);
          if (res.status === 404) failures.push(`${route.method} ${url} as ancestor ${role} → 404`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
