// Property-based fuzzing of every endpoint, on both databases. The routes come from `app.routeTable`, their body,
// query and path schemas from the OpenAPI document (`GET /api/docs/json`); fast-check sends values shaped by those
// schemas but hostile inside (SQL- and HTML-looking text, formulas, control characters, full-width and mixed-width
// text, lone surrogates, over-long strings, wrong types, extra keys), as a caller allowed by the route's access
// rule. Never a 5xx; every 4xx carries a Chinese message; a refused request leaves every table unchanged.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../src/server/passwords.ts';
import type { RouteInfo } from '../../src/server/plugins/session.ts';
import { makeApplication, makeSite } from '../helpers/factories.ts';
import { createTestApp, type TestClient } from '../helpers/test-app.ts';
import {
  changeCount,
  fromSchema,
  hostileJson,
  hostileString,
  installChangeCounter,
  type Schema,
} from './fuzz-inputs.ts';

const RUNS = Number(process.env.GOVSITE_FUZZ_RUNS ?? 25);
const CHINESE = /[\u4e00-\u9fff]/;

/** Routes whose success would end the fuzzing client's own session. */
const SKIPPED = new Set(['POST /api/auth/logout']);

const t = await createTestApp();
const site = await makeSite(t.ctx.db, { orgCode: '130302', seq: 1 });
await t.ctx.db
  .updateTable('sites')
  .set({ check_code_hash: await hashSecret('ABCDEFGH') })
  .where('id', '=', site.id)
  .execute();
const application = await makeApplication(t.ctx.db, { orgCode: '130302', state: 'IN_REVIEW', stepIndex: 1 });
await installChangeCounter(t.ctx.db);
const docRes = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
const doc = docRes.json() as { paths: Record<string, Record<string, Operation>> };

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

const clients: Record<'anonymous' | 'site' | 'root', TestClient> = {
  anonymous: t.client({ ip: '10.123.0.1' }),
  site: t.client({ ip: '10.123.0.2' }),
  root: await t.loginAs('admin'),
};
const siteLogin = await clients.site.post('/api/auth/site-login', { siteCode: site.site_code, checkCode: 'ABCDEFGH' });
if (siteLogin.status !== 200) throw new Error(`site login failed: ${siteLogin.status}`);

const rootHash = (
  await t.ctx.db.selectFrom('users').select('password_hash').where('username', '=', 'admin').executeTakeFirstOrThrow()
).password_hash;

afterAll(async () => {
  await t.close();
});

type Role = keyof typeof clients;

/**
 * A fuzzed call may legitimately end the caller's own session (the root resetting its own password or the site's
 * 校验码, disabling its own org …). Before each case the caller is logged in again if needed (outside the measured
 * window), so every case runs with the rights its route requires.
 */
async function revive(role: Role): Promise<boolean> {
  if (role === 'anonymous') return false;
  const session = await clients[role].get('/api/session');
  const kind = (session.body as { actor?: { kind?: string } }).actor?.kind;
  if (kind === (role === 'root' ? 'ORG_USER' : 'SITE')) return false;
  if (role === 'root') {
    await t.ctx.db
      .updateTable('users')
      .set({ password_hash: rootHash, enabled: true, locked_until: null, failed_attempts: 0 })
      .where('username', '=', 'admin')
      .execute();
    clients.root = await t.loginAs('admin');
    return true;
  }
  await t.ctx.db
    .updateTable('sites')
    .set({ check_code_hash: await hashSecret('ABCDEFGH'), run_status: 'NORMAL' })
    .where('id', '=', site.id)
    .execute();
  clients.site = t.client({ ip: '10.123.0.2' });
  await clients.site.post('/api/auth/site-login', { siteCode: site.site_code, checkCode: 'ABCDEFGH' });
  return true;
}

function roleFor(route: RouteInfo): Role {
  if (route.access === 'public') return 'anonymous';
  if (route.access === 'site') return 'site';
  return 'root';
}

/** `/api/sites/:id/audit` → `/api/sites/{id}/audit`, the OpenAPI path. */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, '{$1}');
}

/** Percent-encodes the UTF-8 bytes of a path segment (a lone surrogate becomes U+FFFD, as a browser sends it). */
function encodeSegment(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += byte < 128 && /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Path values, already encoded: ids and codes of real records now and then, hostile text, malformed escapes. */
const pathValue = fc.oneof(
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(String(site.id), String(application.request.id), '130302', site.site_code!)
      .map(encodeSegment),
  },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 2 ** 40 }).map(String) },
  { weight: 3, arbitrary: hostileString.map(encodeSegment) },
  { weight: 1, arbitrary: fc.constantFrom('%FF', '%ED%A0%80', '%', '%zz', '%00', '..%2F..%2Fetc', '%C0%AF') },
);

function queryArb(params: Parameter[]): fc.Arbitrary<[string, string][]> {
  const shaped = params.map((p) =>
    fc.option(
      fromSchema(p.schema).map((v): [string, string] => [
        p.name,
        typeof v === 'string' ? v : (JSON.stringify(v) ?? ''),
      ]),
      { nil: undefined, freq: 2 },
    ),
  );
  const extra = fc.array(fc.tuple(hostileString, hostileString), { maxLength: 2 });
  return fc
    .tuple(fc.tuple(...shaped), extra)
    .map(([known, more]) => [...known.filter((x): x is [string, string] => x !== undefined), ...more]);
}

let cases = 0;
let current: number | null = null;
const statusCounts = new Map<number, number>();

describe('fuzzing every endpoint with hostile input', () => {
  const routes = t.app.routeTable.filter((r) => !SKIPPED.has(`${r.method} ${r.url}`));

  it('knows every route from the OpenAPI document', () => {
    const missing = routes.filter((r) => !doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()]);
    expect(missing.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(routes.length).toBeGreaterThan(60);
  });

  for (const route of routes) {
    it(`${route.method} ${route.url} (${route.access})`, { timeout: 300_000 }, async () => {
      const op = doc.paths[openApiPath(route.url)]?.[route.method.toLowerCase()] ?? {};
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const role = roleFor(route);
      const input = fc.record({
        path: fc.tuple(...pathParams.map(() => pathValue)),
        query: queryArb(params.filter((p) => p.in === 'query')),
        body: bodySchema ? fromSchema(bodySchema) : hostileJson,
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ path, query, body }) => {
          cases++;
          // The fingerprint after the previous case is the one before this case, unless logging in again wrote.
          if ((await revive(role)) || current === null) current = await changeCount(t.ctx.db);
          const before = current;
          const client = clients[role];
          let i = 0;
          let url = route.url.replace(/:[A-Za-z]+/g, () => path[i++] ?? '');
          if (query.length > 0) url += `?${new URLSearchParams(query).toString()}`;
          const res = await client.request(
            route.method as 'GET' | 'POST',
            url,
            route.method === 'GET' ? undefined : body,
          );
          statusCounts.set(res.status, (statusCounts.get(res.status) ?? 0) + 1);
          const what = `${route.method} ${url.slice(0, 200)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
          if (res.status >= 500) throw new Error(`server error: ${what}`);
          current = await changeCount(t.ctx.db);
          if (res.status >= 400) {
            const message = typeof res.body === 'object' && res.body !== null ? String(res.body.message ?? '') : '';
            if (!CHINESE.test(message)) throw new Error(`4xx without a Chinese message: ${what}`);
            if (current !== before) throw new Error(`a refused request changed the database: ${what}`);
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    });
  }

  it('reports the number of cases', () => {
    const summary = [...statusCounts].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    console.log(`[fuzz] ${cases} cases over ${routes.length} routes (${t.ctx.dbKind}): ${summary.join(' ')}`);
    expect(cases).toBeGreaterThanOrEqual(routes.length * RUNS);
  });
});
