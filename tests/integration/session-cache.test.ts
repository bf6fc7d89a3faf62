// Sessions kept for a few seconds (issue 22) still end or narrow on the very next request after anything that could
// change them, whichever way it is written: through the routes, the query builder or raw SQL, in a transaction or not.
// Cross-instance behaviour on PostgreSQL: session-cache.pg.test.ts.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { authChangesOf } from '../../src/db/auth-changes.ts';
import { createTestApp, type TestApp, type TestClient } from '../helpers/test-app.ts';

let t: TestApp;
// A long time to live: every refusal below comes from the epoch, none from an entry's age.
beforeAll(async () => {
  t = await createTestApp({ config: { sessionCacheMs: 60_000 } });
  // On PostgreSQL the cache is used once the server listens for other processes' changes.
  await vi.waitFor(() => expect(authChangesOf(t.ctx.db)?.complete).toBe(true), { timeout: 5000 });
});
afterAll(() => t.close());

async function userId(username: string): Promise<number> {
  const row = await t.ctx.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** A second browser holding the same cookies (a copied or stolen cookie). */
function sameCookies(c: TestClient): TestClient {
  const copy = t.client();
  for (const [k, v] of c.cookies) copy.cookies.set(k, v);
  copy.csrfToken = c.csrfToken;
  return copy;
}

/** Logs in and makes two requests, so that the session is kept. */
async function kept(username: string): Promise<TestClient> {
  const c = await t.loginAs(username);
  expect((await c.get('/api/org-units')).status).toBe(200);
  expect((await c.get('/api/org-units')).status).toBe(200);
  return c;
}

describe('a kept session', () => {
  it('is the database row: a row deleted behind the builder is seen at once', async () => {
    const c = await kept('haigang');
    const before = authChangesOf(t.ctx.db)?.epoch ?? 0;
    await t.ctx.db
      .deleteFrom('sessions')
      .where('user_id', '=', await userId('haigang'))
      .execute();
    expect(authChangesOf(t.ctx.db)?.epoch).toBeGreaterThan(before);
    const res = await c.get('/api/org-units');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('SESSION_EXPIRED');
  });

  it('ends on the next request when an admin disables the account through the route', async () => {
    const admin = await t.loginAs('hebei');
    const c = await kept('haigang');
    const off = await admin.post(`/api/accounts/${await userId('haigang')}/enabled`, { enabled: false });
    expect(off.status).toBe(200);
    expect((await c.get('/api/org-units')).status).toBe(401);
    expect((await admin.post(`/api/accounts/${await userId('haigang')}/enabled`, { enabled: true })).status).toBe(200);
  });

  it('ends for every holder of the cookie at logout', async () => {
    const c = await kept('qinhuangdao');
    const stolen = sameCookies(c);
    expect((await stolen.get('/api/org-units')).status).toBe(200);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await stolen.get('/api/org-units')).status).toBe(401);
  });

  it('narrows on the next request when the role changes (query builder)', async () => {
    const c = await kept('hebei');
    expect((await c.get('/api/accounts')).status).toBe(200);
    await t.ctx.db.updateTable('users').set({ role: 'REVIEWER' }).where('username', '=', 'hebei').execute();
    expect((await c.get('/api/accounts')).status).toBe(403);
    await t.ctx.db.updateTable('users').set({ role: 'ADMIN' }).where('username', '=', 'hebei').execute();
    expect((await c.get('/api/accounts')).status).toBe(200);
  });

  it('asks for the password change on the next request once it is required again (raw SQL)', async () => {
    const c = await kept('shanhaiguan');
    await sql`update users set must_change_password = true where username = ${'shanhaiguan'}`.execute(t.ctx.db);
    const res = await c.get('/api/org-units');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('ends when its unit is disabled inside a transaction, once the transaction commits', async () => {
    const c = await kept('shuiwu');
    const code = (
      await t.ctx.db.selectFrom('users').select('org_code').where('username', '=', 'shuiwu').executeTakeFirstOrThrow()
    ).org_code;
    await t.ctx.db.transaction().execute(async (trx) => {
      await sql`UPDATE "org_units" SET enabled = false WHERE code = ${code}`.execute(trx);
    });
    expect((await c.get('/api/org-units')).status).toBe(401);
    await t.ctx.db.updateTable('org_units').set({ enabled: true }).where('code', '=', code).execute();
  });

  it('does not move for the session touch, and the touch is kept in the entry', async () => {
    const c = await kept('qinhuangdao');
    const changes = authChangesOf(t.ctx.db);
    const before = changes?.epoch;
    t.clock.advance(2 * 60_000);
    expect((await c.get('/api/org-units')).status).toBe(200);
    expect(changes?.epoch).toBe(before);
    // Idle expiry is judged from the touched time: 29 minutes later the session is still alive, 31 it is not.
    t.clock.advance(29 * 60_000);
    expect((await c.get('/api/org-units')).status).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await c.get('/api/org-units')).status).toBe(401);
  });
});
